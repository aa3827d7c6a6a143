/**
 * Every link form through the whole audit: which file it resolves to (seen through the findings and
 * citedNotes), what `target` it reports, and which part of the text a finding about it covers.
 */
import { describe, expect, it } from "vitest";
import { auditNote } from "../../../src/core/index";
import { audit, brief, kinds, memoryVault } from "../../fixtures/helpers";

/** Audits `[^1]: <link>` and returns the citation's findings and citedNotes. */
function cite(link: string) {
	const text = `x[^1]\n\n[^1]: ${link}\n`;
	const result = audit(text);
	return { text, findings: result.findings.map((finding) => brief(text, finding)), cited: result.stats.citedNotes };
}

describe("forms that resolve", () => {
	it.each([
		"[[Alpha]]",
		"[[Alpha|an alias]]",
		"[[alpha]]",
		"[[Sources/Alpha]]",
		"[[Sources/Alpha.md]]",
		"[[Alpha#Overview]]",
		"[[Alpha#Overview#Method]]",
		"[[Alpha#^claim]]",
		"![[Alpha]]",
		"![[Alpha#Results|shown]]",
		"[[Beta Note]]",
		"[text](Sources/Beta%20Note.md)",
		"[text](<Sources/Beta Note.md>)",
		"[text](Sources/Alpha.md#Overview)",
		"![[attachments/paper.pdf]]",
		"![[paper.pdf#page=2]]",
		"![figure](attachments/figure.png)",
		"[[Alpha]] and then some text, p. 12, “a quote”.",
	])("%s", (link) => {
		expect(cite(link)).toMatchObject({ findings: [], cited: 1 });
	});

	it("[[A\\|alias]] in a table cell", () => {
		const text = "| Source | Note |\n| --- | --- |\n| [[Alpha\\|alpha]] | x[^1] |\n\n[^1]: [[Gamma]]\n";
		expect(audit(text).findings).toEqual([]);
	});

	it("[[#Heading]] checks the audited note's own headings", () => {
		expect(audit("Intro [[#Later Part]].\n\n## Later   part\n").findings).toEqual([]);
	});
});

describe("forms that do not resolve: target as written, the finding over the whole link", () => {
	it.each([
		["[[Missing]]", "Missing"],
		["[[Missing|alias]]", "Missing"],
		["[[Missing#Heading]]", "Missing#Heading"],
		["[[Missing#Heading#Sub|x]]", "Missing#Heading#Sub"],
		["[[Missing#^block]]", "Missing#^block"],
		["![[Missing.png]]", "Missing.png"],
		["[t](Missing%20Note.md)", "Missing%20Note.md"],
		["[t](<Missing Note.md>)", "Missing Note.md"],
		// Issue 17: a link without an extension is a note link, never offered an attachment (`paper.pdf`).
		["![[attachments/paper]]", "attachments/paper"],
	])("%s", (link, target) => {
		expect(cite(link).findings).toEqual([{ kind: "unresolved-target", line: 3, column: 7, snippet: link, labels: ["1"], target }]);
	});

	it.each([
		["![[attachments/papr.pdf]]", "attachments/papr.pdf", "attachments/paper.pdf"],
		["[[Elsewhere/Alpha]]", "Elsewhere/Alpha", "Sources/Alpha.md"],
	])("%s, with the file it most likely meant as a suggestion", (link, target, suggestion) => {
		expect(cite(link).findings).toEqual([
			{ kind: "unresolved-target", line: 3, column: 7, snippet: link, labels: ["1"], target, suggestions: [suggestion] },
		]);
	});

	it("a table link with an escaped pipe: the finding covers the whole link, the target stops before \\|", () => {
		const text = "| a |\n| --- |\n| [[Zed\\|z]] |\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unresolved-link", line: 3, column: 3, snippet: "[[Zed\\|z]]", target: "Zed" },
		]);
	});

	it("an embed's finding starts at the `!`", () => {
		const text = "See ![[Missing Image.png]] here.\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unresolved-link", line: 1, column: 5, snippet: "![[Missing Image.png]]", target: "Missing Image.png" },
		]);
	});
});

describe("external links", () => {
	it("are ignored in the body", () => {
		const text = "[a](https://example.org) [b](mailto:x@example.org) [c](zotero://select/items/K) [d](http://example.org/x%20y)\n";
		expect(audit(text).findings).toEqual([]);
	});

	it("are the target of no-vault-link in a definition", () => {
		for (const url of ["https://example.org/a", "mailto:x@example.org", "zotero://select/items/ABC"]) {
			expect(cite(`[source](${url})`).findings).toEqual([{ kind: "no-vault-link", line: 3, column: 1, snippet: "[^1]", labels: ["1"], target: url }]);
		}
	});

	it("beside a vault link they change nothing", () => {
		expect(cite("[[Alpha]], also at [web](https://example.org)").findings).toEqual([]);
	});
});

describe("inline footnotes", () => {
	it("their links are citations, also when the footnote starts with the link: ^[[[Source]], p. 2]", () => {
		// "One^[" is 5 code units, "[[Alpha]], p. 2]" 16, " two^[" 6: the second link starts at 27.
		const text = "One^[[[Alpha]], p. 2] two^[[[Missing]]].\n";
		const result = audit(text);
		expect(result.findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unresolved-target", line: 1, column: 28, snippet: "[[Missing]]", target: "Missing" },
		]);
		expect(result.stats).toEqual({ definitions: 2, references: 0, citedNotes: 1, citekeys: 0, citedWorks: 0 });
	});

	it("two links in one definition are two citations, each checked", () => {
		const { findings, cited } = cite("[[Alpha]] and [[Missing One]] and [[Gamma#Nope]]");
		expect(findings.map((finding) => finding.kind)).toEqual(["unresolved-target", "missing-subpath"]);
		expect(cited).toBe(2);
	});

	it("a continuation paragraph's links are citations of its definition", () => {
		const text = "x[^1]\n\n[^1]: [[Alpha]]\n\n    Also [[Missing Two]].\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unresolved-target", line: 5, column: 10, snippet: "[[Missing Two]]", labels: ["1"], target: "Missing Two" },
		]);
	});

	it("an unindented paragraph after a blank line is body text again", () => {
		const text = "x[^1]\n\n[^1]: [[Alpha]]\n\nBack in the body [[Missing Two]].\n";
		expect(kinds(audit(text).findings)).toEqual(["unresolved-link"]);
	});
});

describe("a heading with math, linked as Obsidian's autocomplete writes it", () => {
	// The autocomplete keeps a heading's `$…$` in the link and writes `:` as a space (`_definition:_` →
	// `_definition _`); the `$` inside the link must not open math in the citing note (seen in a public math vault).
	const vault = memoryVault({
		"Groups.md": "# Groups\n\n### $G$ acting on itself\n\n##### _definition:_ normaliser, $N_{G}(A)$\n",
	});
	it.each([
		"[[Groups#$G$ acting on itself|acting]]",
		"[[Groups#_definition _ normaliser, $N_{G}(A)$|normaliser]]",
		"![[Groups#$G$ acting on itself]]",
	])("%s resolves to its heading", (link) => {
		const text = `Claim[^1] and $x$.\n\n[^1]: ${link}\n`;
		expect(auditNote(text, "Essay.md", vault).findings).toEqual([]);
	});

	it("a heading that is not there is still missing", () => {
		const text = "Claim[^1].\n\n[^1]: [[Groups#$H$ acting on itself]]\n";
		expect(kinds(auditNote(text, "Essay.md", vault).findings)).toEqual(["missing-subpath"]);
	});
});
