/**
 * The unified diff `--dry-run` prints: exact output on small cases, GNU diff's output where it is installed,
 * and on generated texts a diff that, applied hunk by hunk, turns the old text into the new one.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/cli/unified-diff";

/** Applies a unified diff to `text` (what `patch` does), checking every context and removed line. */
function applyPatch(text: string, diff: string): string {
	if (diff === "") return text;
	const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
	const out: string[] = [];
	let at = 0;
	const body = diff.split("\n").slice(2, -1);
	for (let index = 0; index < body.length; index++) {
		const line = body[index];
		const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
		if (header) {
			const start = Number(header[1]) - (header[2] === "0" ? 0 : 1);
			while (at < start) out.push(lines[at++]);
			continue;
		}
		// The line as it stands in the file: with its line break, unless the marker says it has none.
		const noLineBreak = body[index + 1] === "\\ No newline at end of file";
		const content = line.slice(1) + (noLineBreak ? "" : "\n");
		if (noLineBreak) index++;
		if (line.startsWith("+")) {
			out.push(content);
			continue;
		}
		expect(lines[at]).toBe(content);
		if (line.startsWith(" ")) out.push(content);
		at++;
	}
	while (at < lines.length) out.push(lines[at++]);
	return out.join("");
}

describe("unifiedDiff", () => {
	it("writes headers, a hunk with three lines of context, and nothing for equal texts", () => {
		const before = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n";
		const after = "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\n";
		expect(unifiedDiff(before, after, "a/n.md", "b/n.md")).toBe(
			["--- a/n.md", "+++ b/n.md", "@@ -2,7 +2,7 @@", " two", " three", " four", "-five", "+FIVE", " six", " seven", " eight", ""].join("\n"),
		);
		expect(unifiedDiff(before, before, "a", "b")).toBe("");
	});

	it("marks a side that ends without a line break", () => {
		expect(unifiedDiff("a\nb", "a\nb]", "a/x", "b/x")).toBe(
			["--- a/x", "+++ b/x", "@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b]", "\\ No newline at end of file", ""].join("\n"),
		);
		expect(unifiedDiff("a\n", "a", "a/x", "b/x")).toBe(["--- a/x", "+++ b/x", "@@ -1 +1 @@", "-a", "+a", "\\ No newline at end of file", ""].join("\n"));
	});

	it("keeps the \\r of CRLF lines, as GNU diff does", () => {
		expect(unifiedDiff("x\r\ny\r\n", "x\r\n", "a/x", "b/x")).toBe(["--- a/x", "+++ b/x", "@@ -1,2 +1 @@", " x\r", "-y\r", ""].join("\n"));
	});

	it("writes separate hunks for changes more than six lines apart, one hunk otherwise", () => {
		const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join("\n") + "\n";
		const after = before.replace("line 2\n", "").replace("line 16\n", "line sixteen\n");
		const diff = unifiedDiff(before, after, "a/x", "b/x");
		expect(diff.match(/^@@.*@@$/gm)).toEqual(["@@ -1,5 +1,4 @@", "@@ -13,7 +12,7 @@"]);
		const near = before.replace("line 2\n", "").replace("line 9\n", "line nine\n");
		expect(unifiedDiff(before, near, "a/x", "b/x").match(/^@@.*@@$/gm)).toEqual(["@@ -1,12 +1,11 @@"]);
	});

	it("agrees with GNU diff -u where it is installed", () => {
		if (!existsSync("/usr/bin/diff")) return;
		const dir = mkdtempSync(join(tmpdir(), "citation-audit-diff-"));
		try {
			const cases: [string, string][] = [
				["a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n", "a\nb\nX\nd\ne\nf\ng\nh\ni\nY\nk\n"],
				["[^1]: x\n[^2]: y\n[^3]: z", "[^1]: x\n[^3]: z"],
				["p[^11] q\n\n[^10]: s\n[^11]: s\n", "p[^10] q\n\n[^10]: s\n"],
				["", "new\n"],
				["old\n", ""],
			];
			for (const [before, after] of cases) {
				writeFileSync(join(dir, "old"), before);
				writeFileSync(join(dir, "new"), after);
				let gnu = "";
				try {
					execFileSync("/usr/bin/diff", ["-u", "--label", "a/x", "--label", "b/x", join(dir, "old"), join(dir, "new")], { encoding: "utf8" });
				} catch (error) {
					gnu = (error as { stdout: string }).stdout;
				}
				expect(unifiedDiff(before, after, "a/x", "b/x")).toBe(gnu);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("turns the old text into the new one when applied (generated texts, 500 runs, seed 5101)", () => {
		const lines = fc.array(fc.constantFrom("a", "b", "c", "[^1]: x", "", "d\r"), { maxLength: 30 });
		const text = fc.tuple(lines, fc.boolean()).map(([list, final]) => (list.length === 0 ? "" : list.join("\n") + (final ? "\n" : "")));
		fc.assert(
			fc.property(text, text, (before, after) => {
				expect(applyPatch(before, unifiedDiff(before, after, "a/x", "b/x"))).toBe(after);
			}),
			{ seed: 5101, numRuns: 500 },
		);
	});

	it("stays correct, if coarse, past its budget of differences", () => {
		const before = Array.from({ length: 6000 }, (_, index) => `[^${index}]: source ${index}`).join("\n") + "\n";
		const after = Array.from({ length: 6000 }, (_, index) => `[^${index + 1}]: source ${index}`).join("\n") + "\n";
		expect(applyPatch(before, unifiedDiff(before, after, "a/x", "b/x"))).toBe(after);
	});
});
