/**
 * Issue 12, item 10: a fix that is refused says so on stderr, naming the note and the reason: lossy merge
 * groups `--fix` leaves alone (an alias or a link text with a page), unused definitions whose lines hold more
 * (a quote or list marker), unclosed links no closing makes resolve, and a refused `--renumber`. Footnotes
 * already in order, or nothing to fix, say nothing. Stdout stays the report (or, with --dry-run, the diff).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, run } from "./cli-harness";

const SOURCES = { "Alpha.md": "# Alpha\n", "Beta.md": "# Beta\n" };
const LOSSY = "Claim[^1] and[^2] and[^3].\n\n[^1]: [[Alpha]]\n[^2]: [[Alpha|Alpha, p. 12]]\n[^3]: [Smith 2020, p. 9](Alpha.md)\n";

const lines = (stderr: string): string[] => stderr.split("\n").filter((line) => line !== "");

describe("--fix says on stderr what it left, and why", () => {
	it("a lossy merge group: the note, the line, and the text each merge would drop; the note is not written", () => {
		const root = makeTree({ "Essays/On Slow Maps.md": LOSSY, ...SOURCES });
		const result = run([root, "--fix"]);
		expect(readFileSync(join(root, "Essays/On Slow Maps.md"), "utf8")).toBe(LOSSY);
		expect(lines(result.stderr)).toEqual([
			'citation-audit: Essays/On Slow Maps.md:3: duplicate-source left as is: merge [^2] into [^1] would drop "[^2]: [[Alpha|Alpha, p. 12]]"; ' +
				'merge [^3] into [^1] would drop "[^3]: [Smith 2020, p. 9](Alpha.md)" (the plugin shows what goes and asks)',
		]);
		expect(result.stdout).toContain("duplicate-source");
	});

	it("after the fixes that were made: the made ones first, then what was left", () => {
		const root = makeTree({ "Mixed.md": `${LOSSY}[^4]: [[Beta]]\n> [^5]: [[Beta]]\n`, ...SOURCES });
		const result = run([root, "--fix"]);
		expect(lines(result.stderr)).toEqual([
			"citation-audit: Mixed.md: Remove 1 unused footnote",
			expect.stringMatching(/^citation-audit: Mixed\.md:3: duplicate-source left as is: merge \[\^2\] into \[\^1\] would drop /),
			// Line 6 of the note as written (line 7 before [^4]'s line went), as in the report on stdout.
			"citation-audit: Mixed.md:6: unused-definition left as is: its lines hold more than the definition (a quote or list marker, or a comment, formula or code that goes on past it)",
		]);
		expect(readFileSync(join(root, "Mixed.md"), "utf8")).toBe(`${LOSSY}> [^5]: [[Beta]]\n`);
		expect(result.stdout).toMatch(/^Mixed\.md:6:\d+ +warning .*\[unused-definition\]$/m);
	});

	it("an unclosed link no closing makes resolve", () => {
		const root = makeTree({ "Open.md": "Claim[^1].\n\n[^1]: [[Nowhere at all, p. 3\n", ...SOURCES });
		const result = run([root, "--fix"]);
		expect(lines(result.stderr)).toEqual([
			"citation-audit: Open.md:3: malformed-link left as is: no closing ]] gives a link that resolves outside comments and math; close it by hand",
		]);
	});

	it("with --dry-run too: the reasons on stderr, the diff alone on stdout", () => {
		const root = makeTree({ "Lossy.md": LOSSY, "Plain.md": "A[^1] b[^2].\n\n[^1]: [[Beta]]\n[^2]: [[Beta]]\n", ...SOURCES });
		const result = run([root, "--fix", "--dry-run"]);
		expect(lines(result.stderr)).toEqual([expect.stringMatching(/^citation-audit: Lossy\.md:3: duplicate-source left as is: /)]);
		expect(result.stdout).toMatch(/^--- a\/Plain\.md\t/);
		expect(result.stdout).not.toContain("left as is");
	});

	it("a key cited beside a footnote to its literature note: left, saying it is never merged", () => {
		const essay = "As shown [@yuan2015] and again.[^1]\n\n[^1]: [[@yuan2015]]\n";
		const root = makeTree({ "Essay.md": essay, "@yuan2015.md": "---\ncitekey: yuan2015\n---\n" });
		const result = run([root, "Essay.md", "--fix"]);
		expect(readFileSync(join(root, "Essay.md"), "utf8")).toBe(essay);
		expect(lines(result.stderr)).toEqual([expect.stringMatching(/^citation-audit: Essay\.md:1: duplicate-source left as is: a citation key and a footnote citing its literature note are never merged/)]);
	});

	it("nothing left, nothing said", () => {
		const root = makeTree({ "Clean.md": "A[^1].\n\n[^1]: [[Beta]]\n", ...SOURCES });
		const result = run([root, "--fix", "--renumber"]);
		expect([result.status, result.stderr]).toEqual([0, ""]);
	});
});

describe("--renumber says when it is refused", () => {
	it("a definition that would move is a list item: refused, named, unchanged", () => {
		const note = "x[^2] y[^1]\n\n- [^1]: [[Alpha]]\n- [^2]: [[Beta]]\n";
		const root = makeTree({ "Listed Notes.md": note, ...SOURCES });
		const result = run([root, "--renumber"]);
		expect(lines(result.stderr)).toEqual(["citation-audit: Listed Notes.md: not renumbered: a definition that would move shares its line with other text (a quote or list marker)"]);
		expect(readFileSync(join(root, "Listed Notes.md"), "utf8")).toBe(note);
	});

	it("footnotes already in order: nothing said", () => {
		const root = makeTree({ "Ordered.md": "x[^1] y[^2]\n\n[^1]: [[Alpha]]\n[^2]: [[Beta]]\n", ...SOURCES });
		expect(run([root, "--renumber"]).stderr).toBe("");
	});
});
