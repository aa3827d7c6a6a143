/**
 * parseCitations: what counts as a reference, a definition and a link, with the exact text each range covers.
 * Expected values are written by hand from the input strings.
 */
import { describe, expect, it } from "vitest";
import { parseCitations } from "../../../src/core/parse/parse-citations";
import type { CitationDocument, ParsedLink } from "../../../src/core/parse/citation-document";
import { nth } from "../../fixtures/helpers";

function slice(document: CitationDocument, range: { from: number; to: number }): string {
	return document.text.slice(range.from, range.to);
}

function linkView(document: CitationDocument, link: ParsedLink) {
	const view: Record<string, unknown> = {
		text: slice(document, link),
		syntax: link.syntax,
		embed: link.embed,
		target: link.target,
		targetText: slice(document, link.targetRange),
		linkpath: link.linkpath,
		subpath: link.subpath,
		external: link.external,
		owner: link.owner,
	};
	if (link.alias !== undefined) view.alias = link.alias;
	if (link.problem) view.problem = link.problem;
	return view;
}

function onlyLink(text: string) {
	const document = parseCitations(text);
	expect(document.links).toHaveLength(1);
	return linkView(document, nth(document.links, 0));
}

describe("footnote references and definitions", () => {
	it("finds references with their labels as written and case-folded keys", () => {
		const document = parseCitations("One[^1] two[^Note-A] three.[^x_y]\n");
		expect(document.references.map((reference) => [slice(document, reference), reference.label, reference.key])).toEqual([
			["[^1]", "1", "1"],
			["[^Note-A]", "Note-A", "note-a"],
			["[^x_y]", "x_y", "x_y"],
		]);
		expect(document.definitions).toEqual([]);
	});

	it("counts every occurrence, adjacent and punctuated ones included", () => {
		const document = parseCitations("a[^7] [^8].[^9],[^7][^8] end\n");
		expect(document.references.map((reference) => reference.from)).toEqual([1, 6, 11, 16, 20]);
	});

	it("does not take a label with a space, an empty label or an escaped bracket for a reference", () => {
		const document = parseCitations("a [^two words] b [^] c \\[^1] d\n");
		expect(document.references).toEqual([]);
	});

	it("records a definition's label range, content start and extent", () => {
		const text = "Body[^1].\n\n[^1]: [[Alpha]], p. 12, quoting \"a line\".\n";
		const document = parseCitations(text);
		expect(document.definitions).toHaveLength(1);
		const definition = nth(document.definitions, 0);
		expect(definition.label).toBe("1");
		expect(definition.inline).toBe(false);
		expect(slice(document, definition.labelRange)).toBe("[^1]");
		expect(definition.labelRange.from).toBe(11);
		expect(text.slice(definition.contentFrom, definition.to)).toBe('[[Alpha]], p. 12, quoting "a line".');
		expect(definition.links).toEqual([0]);
		expect(nth(document.links, 0).owner).toBe(0);
		// The `[^1]` of the definition is not also a reference.
		expect(document.references.map((reference) => reference.from)).toEqual([4]);
	});

	it("two links in one definition are two citations of that definition", () => {
		const document = parseCitations("[^1]: See [[Alpha]] and [[Beta Note|Beta]].\n");
		expect(nth(document.definitions, 0).links).toEqual([0, 1]);
		expect(document.links.map((link) => [link.target, link.owner])).toEqual([
			["Alpha", 0],
			["Beta Note", 0],
		]);
	});

	it("includes indented continuation paragraphs and lazy lines in the definition", () => {
		const text = "x[^1]\n\n[^1]: First [[Alpha]]\nlazy line [[Beta Note]]\n\n    Second paragraph with [[Gamma]].\n\nBody again [[Delta]].\n";
		const document = parseCitations(text);
		const definition = nth(document.definitions, 0);
		expect(text.slice(definition.from, definition.to)).toBe(
			"[^1]: First [[Alpha]]\nlazy line [[Beta Note]]\n\n    Second paragraph with [[Gamma]].",
		);
		expect(document.links.map((link) => [link.target, link.owner])).toEqual([
			["Alpha", 0],
			["Beta Note", 0],
			["Gamma", 0],
			["Delta", -1],
		]);
	});

	it("ends a definition at the next definition", () => {
		const text = "[^a]: [[Alpha]]\n[^b]: [[Beta Note]]\n";
		const document = parseCitations(text);
		expect(document.definitions.map((definition) => slice(document, definition))).toEqual(["[^a]: [[Alpha]]", "[^b]: [[Beta Note]]"]);
		expect(document.links.map((link) => link.owner)).toEqual([0, 1]);
	});

	it("reads an empty definition as a definition with no links", () => {
		const document = parseCitations("x[^1]\n\n[^1]:\n");
		expect(document.definitions).toHaveLength(1);
		expect(nth(document.definitions, 0).links).toEqual([]);
	});

	it("reads inline footnotes as label-less definitions that own their links", () => {
		const text = "Claim^[see [[Alpha]], p. 3] and more^[plain text].\n";
		const document = parseCitations(text);
		expect(document.definitions.map((definition) => [slice(document, definition), definition.inline, definition.label])).toEqual([
			["^[see [[Alpha]], p. 3]", true, ""],
			["^[plain text]", true, ""],
		]);
		expect(slice(document, nth(document.definitions, 0).labelRange)).toBe("^[");
		expect(document.links.map((link) => [link.target, link.owner])).toEqual([["Alpha", 0]]);
	});

	it("an inline footnote that starts with a wikilink: ^[[[Source]], p. 2]", () => {
		const text = "Claim^[[[Alpha|the alpha]], p. 2] and^[[[Beta Note]]].\n";
		const document = parseCitations(text);
		expect(document.definitions.map((definition) => slice(document, definition))).toEqual([
			"^[[[Alpha|the alpha]], p. 2]",
			"^[[[Beta Note]]]",
		]);
		expect(document.links.map((link) => [slice(document, link), link.target, link.owner])).toEqual([
			["[[Alpha|the alpha]]", "Alpha", 0],
			["[[Beta Note]]", "Beta Note", 1],
		]);
	});

	it("an escaped caret does not open an inline footnote", () => {
		const document = parseCitations("x\\^[[[Alpha]]] and \\^[note]\n");
		expect(document.definitions).toEqual([]);
	});

	it("sorts block and inline definitions together in text order", () => {
		const text = "A^[inline [[Gamma]]] b[^1]\n\n[^1]: [[Alpha]]\n";
		const document = parseCitations(text);
		expect(document.definitions.map((definition) => definition.inline)).toEqual([true, false]);
		expect(document.links.map((link) => [link.target, link.owner])).toEqual([
			["Gamma", 0],
			["Alpha", 1],
		]);
	});
});

describe("link forms", () => {
	it("[[target]]", () => {
		expect(onlyLink("See [[Alpha]].\n")).toEqual({
			text: "[[Alpha]]",
			syntax: "wikilink",
			embed: false,
			target: "Alpha",
			targetText: "Alpha",
			linkpath: "Alpha",
			subpath: "",
			external: false,
			owner: -1,
		});
	});

	it("[[target|alias]] keeps the alias out of the target", () => {
		expect(onlyLink("See [[Beta Note|the beta, again?]].\n")).toMatchObject({
			text: "[[Beta Note|the beta, again?]]",
			target: "Beta Note",
			targetText: "Beta Note",
			linkpath: "Beta Note",
			alias: "the beta, again?",
		});
	});

	it("[[target#Heading]] and [[target#Heading#Sub]]", () => {
		expect(onlyLink("[[Alpha#Overview]]")).toMatchObject({ target: "Alpha#Overview", linkpath: "Alpha", subpath: "#Overview" });
		expect(onlyLink("[[Alpha#Overview#Method|m]]")).toMatchObject({
			target: "Alpha#Overview#Method",
			linkpath: "Alpha",
			subpath: "#Overview#Method",
			alias: "m",
		});
	});

	it("[[target#^block]]", () => {
		expect(onlyLink("[[Alpha#^claim]]")).toMatchObject({ target: "Alpha#^claim", linkpath: "Alpha", subpath: "#^claim" });
	});

	it("[[#Heading]] links into the same note", () => {
		expect(onlyLink("[[#Results]]")).toMatchObject({ target: "#Results", linkpath: "", subpath: "#Results" });
	});

	it("![[embed]] starts at the `!`", () => {
		expect(onlyLink("Figure: ![[attachments/figure.png]]\n")).toMatchObject({
			text: "![[attachments/figure.png]]",
			embed: true,
			target: "attachments/figure.png",
			targetText: "attachments/figure.png",
		});
	});

	it("an escaped `!` is not an embed", () => {
		expect(onlyLink("\\![[Alpha]]")).toMatchObject({ text: "[[Alpha]]", embed: false });
	});

	it("[[A\\|alias]] inside a table is a link to A", () => {
		const text = "| Source | Note |\n| --- | --- |\n| [[Alpha\\|the alpha]] | x |\n";
		expect(onlyLink(text)).toMatchObject({
			text: "[[Alpha\\|the alpha]]",
			target: "Alpha",
			targetText: "Alpha",
			linkpath: "Alpha",
			alias: "the alpha",
		});
	});

	it("[t](Some%20Note.md) is internal and URL-decoded for resolving, written as is in target", () => {
		expect(onlyLink("Read [the note](Some%20Note.md#Part%20Two).\n")).toEqual({
			text: "[the note](Some%20Note.md#Part%20Two)",
			syntax: "markdown",
			embed: false,
			target: "Some%20Note.md#Part%20Two",
			targetText: "Some%20Note.md#Part%20Two",
			linkpath: "Some Note.md",
			subpath: "#Part Two",
			alias: "the note",
			external: false,
			owner: -1,
		});
	});

	it("[t](<Some Note.md>) with angle brackets and a title", () => {
		expect(onlyLink('Read [it](<Some Note.md> "A title").\n')).toMatchObject({
			text: '[it](<Some Note.md> "A title")',
			target: "Some Note.md",
			linkpath: "Some Note.md",
			external: false,
		});
	});

	it("![alt](image.png) is an embedded markdown link", () => {
		expect(onlyLink("![a chart](attachments/figure.png)")).toMatchObject({ text: "![a chart](attachments/figure.png)", embed: true, syntax: "markdown" });
	});

	it.each([
		["https://example.org/a?b=c", "[web](https://example.org/a?b=c)"],
		["mailto:someone@example.org", "[mail](mailto:someone@example.org)"],
		["zotero://select/items/ABCD1234", "[zotero](zotero://select/items/ABCD1234)"],
		["//example.org/x", "[proto-relative](//example.org/x)"],
	])("%s is external", (url, written) => {
		expect(onlyLink(`${written}\n`)).toMatchObject({ text: written, target: url, external: true, linkpath: "" });
	});

	it("[text] without a destination, a reference-style link and an empty destination are not links", () => {
		expect(parseCitations("[just brackets] [ref][id] [empty]()\n").links).toEqual([]);
	});

	it("a later link on the same line as an unclosed [[ is still read (the unclosed one runs to the line end)", () => {
		const document = parseCitations("[[Alpha|x] then [[Beta Note]]\n");
		expect(document.links.map((link) => linkView(document, link))).toEqual([
			expect.objectContaining({ text: "[[Alpha|x] then [[Beta Note]]", problem: "unclosed", target: "Alpha" }),
			expect.objectContaining({ text: "[[Beta Note]]", target: "Beta Note" }),
		]);
	});
});

describe("malformed wikilinks", () => {
	it("[[ never closed on its line runs to the end of the line (the [^49] case)", () => {
		const text = "[^49]: [[A Long Title, With Commas|A Long Title, With Commas]\nnext line\n";
		const document = parseCitations(text);
		expect(linkView(document, nth(document.links, 0))).toMatchObject({
			text: "[[A Long Title, With Commas|A Long Title, With Commas]",
			problem: "unclosed",
			target: "A Long Title, With Commas",
			owner: 0,
		});
	});

	it("unclosed at the end of a file without a final newline", () => {
		const text = "x[^9]\n\n[^9]: [[Final Source|Final Source]";
		const document = parseCitations(text);
		const link = nth(document.links, 0);
		expect(link.problem).toBe("unclosed");
		expect(link.to).toBe(text.length);
		expect(slice(document, link)).toBe("[[Final Source|Final Source]");
	});

	it("a ]] on the next line does not close it", () => {
		const document = parseCitations("[[Alpha\n]]\n");
		expect(document.links.map((link) => [slice(document, link), link.problem])).toEqual([["[[Alpha", "unclosed"]]);
	});

	it.each(["[[]]", "[[ |alias]]", "[[#]]", "![[]]"])("%s has an empty target", (written) => {
		const document = parseCitations(`x ${written} y\n`);
		expect(document.links.map((link) => [slice(document, link), link.problem])).toEqual([[written, "empty-target"]]);
	});
});

describe("exclusions: nothing in them is a reference, definition or link", () => {
	const payload = "[^1] [^1]: [[Hidden]] [[Hidden2]]";
	const cases: [string, string][] = [
		["YAML frontmatter", `---\ntitle: x ${payload}\nsource: "[[Hidden3]]"\n---\nBody.\n`],
		["inline %% comment %%", `Body %% ${payload} %% more.\n`],
		["multi-line %% comment", `Body.\n\n%%\n[^1]: [[Hidden]]\n${payload}\n%%\n\nMore.\n`],
		["unclosed %% comment (hides the rest)", `Body.\n\n%% draft\n[^1]: [[Hidden]]\n`],
		["inline HTML comment", `Body <!-- ${payload} --> more.\n`],
		["multi-line HTML comment", `Body.\n\n<!--\n[^1]: [[Hidden]]\n${payload}\n-->\n\nMore.\n`],
		["``` fenced code", "Body.\n\n```md\n[^1]: [[Hidden]]\n" + payload + "\n```\n\nMore.\n"],
		["~~~ fenced code", "Body.\n\n~~~\n[^1]: [[Hidden]]\n" + payload + "\n~~~\n\nMore.\n"],
		["unclosed fence (runs to the end)", "Body.\n\n```\n[^1]: [[Hidden]]\n"],
		["indented code", `Body.\n\n    [^1]: [[Hidden]]\n    ${payload}\n\nMore.\n`],
		["inline code span", `Body \`${payload}\` and \`\`a \` ${payload}\`\` more.\n`],
		["inline $math$", `Body $x_1 ${payload} y$ more.\n`],
		["display $$math$$ on one line", `Body $$ ${payload} $$ more.\n`],
		["display $$ math block", `Body.\n\n$$\n[^1]: [[Hidden]]\n${payload}\n$$\n\nMore.\n`],
	];

	it.each(cases)("%s", (_name, text) => {
		const document = parseCitations(text);
		expect(document.references).toEqual([]);
		expect(document.definitions).toEqual([]);
		expect(document.links).toEqual([]);
	});

	it("prose around an excluded region is still read, with exact offsets", () => {
		const text = "A[^1] `[^2]` $[^3]$ %%[^4]%% <!--[^5]--> B[^6]\n";
		const document = parseCitations(text);
		expect(document.references.map((reference) => [reference.label, reference.from])).toEqual([
			["1", 1],
			["6", 42],
		]);
	});

	it("a definition's text may hold math, comments and code; its links outside them still count", () => {
		const text = "x[^1]\n\n[^1]: $a$ [[Alpha]] %%[[Hidden]]%% `[[Code]]` [[Beta Note]]\n";
		const document = parseCitations(text);
		expect(document.links.map((link) => link.target)).toEqual(["Alpha", "Beta Note"]);
		expect(nth(document.definitions, 0).links).toEqual([0, 1]);
	});

	it("dollar amounts are not math: links between them are read", () => {
		const text = "x[^1]\n\n[^1]: [[Costs Over $2.1 Million a Year|Costs Over $2.1 Million a Year]] and $5 or $10\n";
		const document = parseCitations(text);
		expect(document.links.map((link) => slice(document, link))).toEqual(["[[Costs Over $2.1 Million a Year|Costs Over $2.1 Million a Year]]"]);
	});

	it("a `---` that is not on the first line, or never closed, is not frontmatter", () => {
		expect(parseCitations("Intro\n---\n[^1]\n---\n").references).toHaveLength(1);
		expect(parseCitations("---\ntitle: x\n[^1]\n").references).toHaveLength(1);
	});

	it("a %% or $ inside code does not open a comment or math", () => {
		const text = "`%%` [^1] `$` [^2]\n\n```\n%%\n```\n\n[^3]\n";
		expect(parseCitations(text).references.map((reference) => reference.label)).toEqual(["1", "2", "3"]);
	});
});

describe("line endings and a leading BOM", () => {
	it("CRLF: offsets index the text with \\r kept; \\r is not part of any range", () => {
		const text = "A[^1]\r\n\r\n[^1]: [[Alpha|a]] p. 2\r\n[^2]: [[Beta Note|b]\r\n";
		const document = parseCitations(text);
		expect(document.references.map((reference) => reference.from)).toEqual([1]);
		expect(document.definitions.map((definition) => slice(document, definition))).toEqual(["[^1]: [[Alpha|a]] p. 2", "[^2]: [[Beta Note|b]"]);
		expect(document.links.map((link) => [slice(document, link), link.problem ?? null])).toEqual([
			["[[Alpha|a]]", null],
			["[[Beta Note|b]", "unclosed"],
		]);
	});

	it("a BOM passed to the engine does not stop frontmatter, a first-line definition or a first-line fence", () => {
		expect(parseCitations("\uFEFF---\ntags: [^1]\n---\nBody[^2]\n").references.map((reference) => reference.label)).toEqual(["2"]);
		const first = parseCitations("\uFEFF[^1]: [[Alpha]]\nBody[^1]\n");
		expect(first.definitions.map((definition) => [definition.label, definition.from])).toEqual([["1", 1]]);
		expect(first.references.map((reference) => reference.from)).toEqual([21]);
		const fenced = parseCitations("\uFEFF```\n[^1]: [[Hidden]]\n```\n");
		expect([fenced.references, fenced.definitions, fenced.links]).toEqual([[], [], []]);
	});
});

describe("robustness", () => {
	it.each([
		["empty", ""],
		["only brackets", "[[[[[[]]]]]] [ ] [^ ^[ ]] ]]"],
		["stray markers", "^[ ^[ [^ [^]: [^x]:\n    [^y]: %% $ $$ ` ``` <!--"],
		["lone surrogates", "\uD83D [^1] \uDE00 [[\uD800]]"],
	])("does not throw on %s", (_name, text) => {
		expect(() => parseCitations(text)).not.toThrow();
	});
});
