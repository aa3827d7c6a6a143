/** `--format markdown`: a readable note whose quoted text creates no links, footnotes or table cells. */
import { describe, expect, it } from "vitest";
import { buildAuditReport } from "../../../src/core/report/json-report";
import { escapeMarkdown, formatMarkdownReport, REPORT_MARKER } from "../../../src/core/report/markdown-report";
import { CLEAN, ESSAY, WARNED } from "./sample";
import { nth } from "../../fixtures/helpers";

/** Text with every backslash-escaped character removed, to look for syntax that would still be live. */
function unescaped(markdown: string): string {
	return markdown.replace(/\\./g, "");
}

describe("formatMarkdownReport", () => {
	const report = formatMarkdownReport(buildAuditReport([WARNED, ESSAY, CLEAN]));

	it("starts with the report marker in frontmatter and a title", () => {
		expect(report.startsWith(`---\n${REPORT_MARKER}: true\n---\n\n# Citation audit\n`)).toBe(true);
	});

	it("has a section per note, in path order, with stats, and a table when there are findings", () => {
		const headings = report.split("\n").filter((line) => line.startsWith("## "));
		expect(headings).toEqual(["## Alpha.md", "## Essays/On Risk.md", "## b/Zed.md"]);
		expect(report).toContain("## Alpha.md\n\n1 definitions, 1 references, 1 cited notes.\n\nNo problems found.\n");
		expect(report).toContain("| Line | Severity | Problem | Kind | Labels |\n| ---: | --- | --- | --- | --- |\n");
	});

	it("escapes [[, [^x] and | so that the report creates no links, footnotes or extra cells", () => {
		const rows = report.split("\n").filter((line) => line.startsWith("| 7:1 "));
		expect(rows).toHaveLength(1);
		const row = nth(rows, 0);
		expect(row).toContain("\\[\\[C\\]\\]");
		expect(row).toContain("\\[\\^10\\]");
		expect(row).toContain("A\\|B");
		// Five cells: the unescaped pipes are exactly the six cell borders.
		expect(unescaped(row).split("|")).toHaveLength(7);
		expect(unescaped(report)).not.toMatch(/\[\[|\[\^|\]\]/);
	});

	it("lists labels and suggestions, and keeps each finding on one line", () => {
		const row = report.split("\n").find((line) => line.startsWith("| 9:8 "))!;
		expect(row).toContain("| error |");
		expect(row).toContain("`unresolved-target`");
		expect(row).toContain("Did you mean: Sources/The Book.md, Sources/The Books.md");
		expect(row.endsWith("| \\[\\^12\\] |")).toBe(true);
		const zed = report.split("\n").find((line) => line.startsWith("| 1:3 "))!;
		expect(zed).toContain("which matches no file");
	});

	it("HTML in a message is escaped", () => {
		const withUrl = formatMarkdownReport(
			buildAuditReport([{ ...CLEAN, findings: [{ ...nth(ESSAY.findings, 3), message: "see <b>x</b>" }] }]),
		);
		expect(unescaped(withUrl)).not.toContain("<b>");
	});
});

describe("escapeMarkdown", () => {
	it.each([
		["[[Note]]", "\\[\\[Note\\]\\]"],
		["[^1]", "\\[\\^1\\]"],
		["a|b", "a\\|b"],
		["#tag", "\\#tag"],
		["%%c%%", "\\%\\%c\\%\\%"],
		["$x$", "\\$x\\$"],
		["<i>", "\\<i\\>"],
		["line\nbreak", "line break"],
		["back\\slash", "back\\\\slash"],
	])("%s", (input, expected) => {
		expect(escapeMarkdown(input)).toBe(expected);
	});
});
