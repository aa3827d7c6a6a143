/**
 * The unified diff `--dry-run` prints: exact output on small cases, and GNU patch (run for real) turning the old
 * bytes into the new ones for names with spaces, quotes and unicode, CRLF, a BOM, format characters, a missing
 * final line break, generated texts, and a diff past jsdiff's budget.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/cli/unified-diff";
import { hasGnuPatch, patchedBytes } from "./gnu-patch";

/** Applies `unifiedDiff(before, after)` to a file `path` holding `before` with GNU patch; returns the text made. */
function roundTrip(path: string, before: string, after: string): string {
	return patchedBytes(path, before, unifiedDiff(before, after, `a/${path}`, `b/${path}`)).toString("utf8");
}

describe("unifiedDiff", () => {
	it("writes headers (name, tab), a hunk with three lines of context, and nothing for equal texts", () => {
		const before = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n";
		const after = "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\n";
		expect(unifiedDiff(before, after, "a/n.md", "b/n.md")).toBe(
			["--- a/n.md\t", "+++ b/n.md\t", "@@ -2,7 +2,7 @@", " two", " three", " four", "-five", "+FIVE", " six", " seven", " eight", ""].join("\n"),
		);
		expect(unifiedDiff(before, before, "a", "b")).toBe("");
	});

	it("writes GNU diff's time stamps after the tab when given", () => {
		const diff = unifiedDiff("a\n", "b\n", "a/My note.md", "b/My note.md", {
			oldTime: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 67)),
			newTime: new Date(Date.UTC(2025, 11, 31, 23, 59, 59, 999)),
		});
		expect(diff.split("\n").slice(0, 2)).toEqual(["--- a/My note.md\t2024-01-02 03:04:05.067000000 +0000", "+++ b/My note.md\t2025-12-31 23:59:59.999000000 +0000"]);
	});

	it("marks a side that ends without a line break", () => {
		expect(unifiedDiff("a\nb", "a\nb]", "a/x", "b/x")).toBe(
			["--- a/x\t", "+++ b/x\t", "@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b]", "\\ No newline at end of file", ""].join("\n"),
		);
		expect(unifiedDiff("a\n", "a", "a/x", "b/x")).toBe(["--- a/x\t", "+++ b/x\t", "@@ -1 +1 @@", "-a", "+a", "\\ No newline at end of file", ""].join("\n"));
	});

	it("keeps the \\r of CRLF lines, as GNU diff does", () => {
		expect(unifiedDiff("x\r\ny\r\n", "x\r\n", "a/x", "b/x")).toBe(["--- a/x\t", "+++ b/x\t", "@@ -1,2 +1 @@", " x\r", "-y\r", ""].join("\n"));
	});

	it("writes format characters as they are, never as \\u escapes", () => {
		const diff = unifiedDiff("\u200fשלום[^1]\n", "\u200fשלום[^2]\u200d\n", "a/x", "b/x");
		expect(diff).toContain("-\u200fשלום[^1]\n+\u200fשלום[^2]\u200d\n");
		expect(diff).not.toContain("\\u");
	});

	it("quotes only names GNU patch could not read otherwise", () => {
		expect(unifiedDiff("a\n", "b\n", "a/Émile's 論文 note.md", "b/x").split("\n")[0]).toBe("--- a/Émile's 論文 note.md\t");
		expect(unifiedDiff("a\n", "b\n", 'a/say "hi"\t\\.md', "b/x").split("\n")[0]).toBe('--- "a/say \\"hi\\"\\t\\\\.md"\t');
	});

	it("writes separate hunks for changes more than six lines apart, one hunk otherwise", () => {
		const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join("\n") + "\n";
		const after = before.replace("line 2\n", "").replace("line 16\n", "line sixteen\n");
		const diff = unifiedDiff(before, after, "a/x", "b/x");
		expect(diff.match(/^@@.*@@$/gm)).toEqual(["@@ -1,5 +1,4 @@", "@@ -13,7 +12,7 @@"]);
		const near = before.replace("line 2\n", "").replace("line 9\n", "line nine\n");
		expect(unifiedDiff(before, near, "a/x", "b/x").match(/^@@.*@@$/gm)).toEqual(["@@ -1,12 +1,11 @@"]);
	});
});

// Skipped only outside CI on a machine without GNU patch; .ci/run installs it, so CI always runs these.
describe.skipIf(!hasGnuPatch && process.env.CI !== "true")("GNU patch applies unifiedDiff's output", () => {
	it("for names with spaces, apostrophes, quotes, backslashes, tabs and unicode", () => {
		const before = "Prose[^1] and[^2].\n\n[^1]: [[Alpha]]\n[^2]: [[Alpha]]\n";
		const after = "Prose[^1] and[^1].\n\n[^1]: [[Alpha]]\n";
		for (const name of ["On the Virtues of Slow Reading.md", "Essays/A note, with commas (draft).md", "Émile's 論文 — ノート.md", 'say "hi".md', "back\\slash.md", "tab\there.md", " leading space.md"]) {
			expect(roundTrip(name, before, after), name).toBe(after);
		}
	});

	it("for CRLF lines, a BOM on a changed line 1, format characters and a missing final line break", () => {
		const cases: [string, string][] = [
			["a[^1]\r\n\r\n[^1]: [[A]]\r\n[^2]: [[A]]\r\n", "a[^1]\r\n\r\n[^1]: [[A]]\r\n"],
			["\uFEFFClaim[^2].\n\n[^2]: [[A]]\n", "\uFEFFClaim[^1].\n\n[^1]: [[A]]\n"],
			["\u200fטענה[^1]\u200e and\u200d more\u2066x\u2069[^2]\n\n[^1]: [[א]]\n[^2]: [[א]]\n", "\u200fטענה[^1]\u200e and\u200d more\u2066x\u2069[^1]\n\n[^1]: [[א]]\n"],
			["x[^1]\n\n[^1]: [[A]]\n[^2]: [[A]]", "x[^1]\n\n[^1]: [[A]]"],
			["x[^1]\n\n[^1]: [[A", "x[^1]\n\n[^1]: [[A]]"],
			["mixed\r\nendings\nhere[^1]\r\n", "mixed\r\nendings\nhere[^2]\r\n"],
			["", "new\n"],
			["old\n", "old\nnew"],
		];
		for (const [before, after] of cases) expect(roundTrip("My note.md", before, after), JSON.stringify(before)).toBe(after);
	});

	it("for generated texts (200 runs, seed 5101)", () => {
		const line = fc.constantFrom("a", "b", "[^1]: x", "", "d\r", "\uFEFFbom", "\u200frtl", " - item", "\\ No newline at end of file", "--- a/x", "@@ -1 +1 @@");
		const text = fc.tuple(fc.array(line, { maxLength: 24 }), fc.boolean()).map(([list, final]) => (list.length === 0 ? "" : list.join("\n") + (final ? "\n" : "")));
		fc.assert(
			fc.property(text, text, (before, after) => {
				fc.pre(before !== after);
				expect(roundTrip("Generated note.md", before, after)).toBe(after);
			}),
			{ seed: 5101, numRuns: 200 },
		);
	});

	it("past jsdiff's budget of differences (a coarse diff that still applies)", () => {
		const before = Array.from({ length: 6000 }, (_, index) => `[^${index}]: source ${index}`).join("\n") + "\n";
		const after = "head\n" + Array.from({ length: 6000 }, (_, index) => `[^${index + 1}]: source ${index}`).join("\n");
		const diff = unifiedDiff(before, after, "a/x", "b/x");
		expect(diff.match(/^@@/gm)).toHaveLength(1);
		expect(roundTrip("Long note.md", before, after)).toBe(after);
	});
});
