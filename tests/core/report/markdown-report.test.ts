/**
 * `--format markdown`: a readable note. Labels and targets show as code (read back with two GFM readers),
 * each note's heading links to it, the did-you-mean is said once, and the report creates no footnote, link or
 * table cell of its own (the report audited by the engine itself in a vault holding the audited notes).
 */
import { describe, expect, it } from "vitest";
import { auditNote, type Finding } from "../../../src/core/index";
import { buildAuditReport } from "../../../src/core/report/json-report";
import { formatMarkdownReport, REPORT_MARKER } from "../../../src/core/report/markdown-report";
import { memoryVault, nth } from "../../fixtures/helpers";
import { READERS } from "./render-markdown";
import { CLEAN, ESSAY, WARNED, type SampleAudit } from "./sample";

const report = formatMarkdownReport(buildAuditReport([WARNED, ESSAY, CLEAN]));

/** The body rows of the table that follows the heading line `heading`. */
function tableAfter(markdown: string, heading: string, read = READERS["markdown-it"]) {
	const from = markdown.indexOf(heading);
	const next = markdown.indexOf("\n## ", from + 1);
	return read(markdown.slice(from, next === -1 ? undefined : next).replace(/^## .*\n/, ""));
}

describe("formatMarkdownReport", () => {
	it("starts with the report marker in frontmatter and a title", () => {
		expect(report.startsWith(`---\n${REPORT_MARKER}: true\n---\n\n# Citation audit\n`)).toBe(true);
	});

	it("has a section per note, in path order, headed by a link to the note, with its path and stats", () => {
		const headings = report.split("\n").filter((line) => line.startsWith("## "));
		expect(headings).toEqual(["## [[Alpha.md|Alpha]]", "## [[Essays/On Risk.md|On Risk]]", "## [[b/Zed.md|Zed]]"]);
		expect(report).toContain("## [[Alpha.md|Alpha]]\n\n`Alpha.md`: 1 definitions, 1 references, 1 cited notes.\n\nNo problems found.\n");
		expect(report).toContain("| Line | Severity | Problem | Kind | Labels |\n| ---: | --- | --- | --- | --- |\n");
	});

	for (const [name, read] of Object.entries(READERS)) {
		it(`${name}: labels and targets read as code, as written, and | stays inside its cell`, () => {
			const rows = tableAfter(report, "## [[Essays/On Risk.md", read);
			expect(rows.map((row) => row.length)).toEqual([5, 5, 5, 5]);
			const duplicate = nth(rows, 1);
			expect(duplicate[2].code).toEqual(["[^10]", "[^11]", "A|B [[C]]"]);
			expect(duplicate[2].text).toBe("[^10] and [^11] cite the same source A|B [[C]]");
			expect(duplicate[4].code).toEqual(["[^10]", "[^11]"]);
			expect(nth(rows, 0)[2].text).toBe("[^x] is referenced but never defined");
		});
	}

	it("gives the did-you-mean once: the first suggestion in the message, the others after it", () => {
		const cells = nth(tableAfter(report, "## [[Essays/On Risk.md"), 2);
		const problem = cells[2];
		expect(problem.code.filter((code) => code === "Sources/The Book.md")).toHaveLength(1);
		expect(problem.code).toContain("Sources/The Books.md");
		expect(problem.text.match(/did you mean/gi)).toHaveLength(1);
	});

	it("lists every suggestion when the message names none", () => {
		const finding: Finding = { ...nth(ESSAY.findings, 2), message: "[^12] cites Teh Book", suggestions: ["S/A.md", "S/B.md"] };
		const cells = nth(tableAfter(formatMarkdownReport(buildAuditReport([{ ...CLEAN, findings: [finding] }])), "## "), 0);
		expect(cells[2].code).toEqual(["[^12]", "S/A.md", "S/B.md"]);
	});

	it("a line break in a message stays in its row", () => {
		const rows = tableAfter(report, "## [[b/Zed.md");
		expect(rows).toHaveLength(1);
		expect(nth(rows, 0)[2].text).toBe("Link to Nope, which matches no file");
	});

	it("HTML in a message is not HTML", () => {
		const withHtml = formatMarkdownReport(buildAuditReport([{ ...CLEAN, findings: [{ ...nth(ESSAY.findings, 3), message: 'see <b>x</b> and "<i>y</i>"' }] }]));
		const cells = nth(tableAfter(withHtml, "## "), 0);
		expect(cells[2].text).toBe("see <b>x</b> and <i>y</i>");
		expect(cells[2].code).toEqual(["<i>y</i>"]);
	});

	it("a citation key in a message is code, once, its @ included; an e-mail address is not a key", () => {
		const finding: Finding = {
			...nth(ESSAY.findings, 2),
			kind: "unknown-citekey",
			message: "@haugen2021 is in no bibliography (mail a@b.org); did you mean @Haugen2021 or @{Haugen 2021}?",
			citekey: "haugen2021",
			target: undefined,
			suggestions: ["Haugen2021", "Haugen 2021"],
		};
		const cells = nth(tableAfter(formatMarkdownReport(buildAuditReport([{ ...CLEAN, findings: [finding] }])), "## "), 0);
		expect(cells[2].code).toEqual(["@haugen2021", "@Haugen2021", "@{Haugen 2021}"]);
		expect(cells[2].text).toContain("a@b.org");
	});

	it("a note name a wikilink cannot carry is shown as its path, unlinked", () => {
		const odd: SampleAudit = { ...CLEAN, path: "Notes/A#1 | [draft] ^x.md" };
		expect(formatMarkdownReport(buildAuditReport([odd]))).toContain("## `Notes/A#1 | [draft] ^x.md`\n");
	});
});

describe("the report as a note in the vault it audits", () => {
	const hostile: SampleAudit = {
		path: "Essays/Hostile.md",
		stats: { definitions: 1, references: 1, citedNotes: 0, citekeys: 0, citedWorks: 0 },
		findings: [
			{ ...nth(ESSAY.findings, 1), message: '[^a`b] and [^c|d] cite the same source "[[X|Y]] %%c%% $m$ #tag ^blk <b>"', labels: ["a`b", "c|d"], target: "[[X|Y]] %%c%% $m$ #tag ^blk <b>" },
			{ ...nth(ESSAY.findings, 2), message: 'Link "[[Open\\|x" is never closed', labels: ["z"], target: undefined, suggestions: ["Sources/The Book.md"] },
		],
	};

	it("audits clean: no footnote, no link but the links to audited notes, which resolve", () => {
		const notes: Record<string, string> = { "Essays/On Risk.md": "x", "b/Zed.md": "y", "Alpha.md": "z", "Essays/Hostile.md": "h", "Sources/The Book.md": "b" };
		const markdown = formatMarkdownReport(buildAuditReport([WARNED, ESSAY, CLEAN, hostile]));
		const audit = auditNote(markdown, "Citation audit report.md", memoryVault({ ...notes, "Citation audit report.md": markdown }));
		expect(audit.findings).toEqual([]);
		expect(audit.document.references).toEqual([]);
		expect(audit.document.definitions).toEqual([]);
		expect(audit.document.links.map((link) => link.target).sort()).toEqual(["Alpha.md", "Essays/Hostile.md", "Essays/On Risk.md", "b/Zed.md"]);
	});
});
