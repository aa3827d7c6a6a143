/**
 * Issue 12, item 2: the block structure the parser sees is the note's own. Code is decided first (fences and
 * indented code in any container), comments and math exist only outside it, and a hidden region is text, not
 * white space, to the block parser. Item 8: link text that starts with `[`.
 */
import { describe, expect, it } from "vitest";
import { parseCitations } from "../../../src/core/parse/parse-citations";
import { readNoteStructure } from "../../../src/core/parse/note-structure";

function found(text: string) {
	const document = parseCitations(text);
	return {
		references: document.references.map((reference) => reference.label),
		definitions: document.definitions.map((definition) => text.slice(definition.from, definition.to)),
		links: document.links.map((link) => `${link.syntax}:${link.target}${link.problem ? `:${link.problem}` : ""}`),
	};
}

describe("a container whose text starts with math or a comment keeps its text", () => {
	it.each([
		["a list item", "- $x$ is the phase[^1]"],
		["a star list item", "* %% aside %% claimed[^1]"],
		["a numbered item", "1. $$y$$ holds[^1]"],
		["a quote", "> %%note%% as shown[^1]"],
		["a callout's line", "> [!note] Title\n> $a$ as shown[^1]"],
		["a nested list item", "- outer\n    - $c$ inner[^1]"],
		["a quote in a list", "- > $z$ quoted[^1]"],
	])("%s", (_name, body) => {
		const text = `${body}\n\n[^1]: [[Alpha]]\n`;
		expect(found(text)).toEqual({ references: ["1"], definitions: ["[^1]: [[Alpha]]"], links: ["wikilink:Alpha"] });
	});
});

describe("code is decided first, in any container", () => {
	it.each([
		["a fence in a callout", "> [!example]\n> ```matlab\n> %% cell one\n> a = 1;\n> ```\n"],
		["a fence in a list item", "- item\n\n  ```\n  $x %% y\n  ```\n"],
		["an indented MATLAB cell marker", "Prose.\n\n    %% Section 1\n    b = 2;\n"],
		["indented code in a list item", "- item\n\n      %% cell\n"],
		["a fence in a footnote definition's continuation", "[^0]: Note.\n\n    ```\n    %% x\n    ```\n"],
	])("a %% in %s opens no comment: the note after it is read", (_name, code) => {
		const text = `${code}\nClaim[^1] and [[Beta]].\n\n[^1]: [[Alpha]]\n`;
		const result = found(text);
		expect(result.references).toEqual(["1"]);
		expect(result.links).toEqual(["wikilink:Beta", "wikilink:Alpha"]);
	});

	it("a comment that encloses a fenced block closes at the first %% after the code", () => {
		const text = "%% draft\n```\nx %% y\n```\n%%\nClaim[^1].\n\n[^1]: [[Alpha]]\n";
		expect(found(text).references).toEqual(["1"]);
	});

	it("an unclosed %% still hides the rest of the note, code apart", () => {
		const text = "Claim[^1].\n%% open\n[^1]: [[Alpha]]\n";
		expect(found(text)).toEqual({ references: ["1"], definitions: [], links: [] });
	});
});

describe("what a hidden region holds opens no block", () => {
	it.each([
		["a definition", "%%\n[^1]: [[Ghost]]\n%%"],
		["a list and a heading", "$$\n- a\n# b\n$$"],
		["a quote and a fence", "<!--\n> q\n```\n-->"],
		["raw HTML", "%%\n<div>\n%%"],
		["a table", "%%\n| a | b |\n|---|---|\n%%"],
	])("%s inside a multi-line comment or formula", (_name, hidden) => {
		const text = `Claim[^1].\n\n${hidden}\n[^1]: [[Alpha]]\n`;
		expect(found(text).definitions).toEqual(["[^1]: [[Alpha]]"]);
		expect(found(text).links).toEqual(["wikilink:Alpha"]);
	});

	it("a fence opened on a definition's own line leaves the definition standing, whatever a later comment holds", () => {
		// The comment's `[` (or `<`, `|`) calls for the second block parse; the definition must survive it.
		for (const hidden of ["[", "<b>", "| a |"]) {
			const text = `Claim[^1].\n\n[^1]: \`\`\`\n\n%%\n${hidden}\n`;
			expect(found(text).definitions.map((definition) => definition.slice(0, 6))).toEqual(["[^1]: "]);
			expect(found(text).definitions).toEqual(found(`Claim[^1].\n\n[^1]: \`\`\`\n\n%%\nplain\n`).definitions);
		}
	});

	it("a comment that continues a definition's line belongs to the definition, to its end", () => {
		const text = "Claim[^1][^2].\n\n[^1]: [[Alpha]] %% to check: the\nedition we quote %%\n[^2]: [[Beta]]\n";
		expect(found(text).definitions).toEqual(["[^1]: [[Alpha]] %% to check: the\nedition we quote %%", "[^2]: [[Beta]]"]);
	});

	it("keeps every offset: the prose is as long as the note and has its line breaks", () => {
		const text = "---\na: 1\n---\n- $x$ a\r\n%% b\n- c %%\n";
		const { prose } = readNoteStructure(text);
		expect(prose).toHaveLength(text.length);
		expect([...prose].map((char, index) => (char === "\n") === (text[index] === "\n")).every(Boolean)).toBe(true);
	});
});

describe("link text that starts with `[` (item 8)", () => {
	it("[[2] Smith, p. 4](url) is a markdown link, not an unclosed wikilink", () => {
		const text = "Claim[^1].\n\n[^1]: [[2] Smith, p. 4](https://example.org) and more\n";
		expect(found(text).links).toEqual(["markdown:https://example.org"]);
		expect(parseCitations(text).links[0].alias).toBe("[2] Smith, p. 4");
	});

	it("[[name](path)] with no `]]` on the line is a bracket and a markdown link, not an unclosed wikilink", () => {
		// CommonMark: an outer `[` that opens no link is text, and the `[name](path)` inside it is a link; Obsidian
		// needs `]]` for a wikilink. Seen in public notes whose footnotes a tool wrote as `[^2]: [[slug](pages/slug.md)] p.24`.
		const text = "Claim[^2].\n\n[^2]: [[reed-beds](pages/reed-beds.md)] p. 24 [summary]\n";
		expect(found(text).links).toEqual(["markdown:pages/reed-beds.md"]);
		expect(parseCitations(text).links[0].problem).toBeUndefined();
		expect(found("[[a](x.md)] and [[Alpha]]\n").links).toEqual(["markdown:x.md", "wikilink:Alpha"]);
		// With a `]]` that closes it on the line, the `[[` stays a wikilink, as Obsidian reads it.
		expect(found("[[a](x.md)]]\n").links).toEqual(["wikilink:a](x.md)"]);
		// No link inside: still an unclosed wikilink, the writer's error.
		expect(parseCitations("[[Alpha, p. 4\n").links[0].problem).toBe("unclosed");
	});

	it("balanced brackets anywhere in the text, several pairs", () => {
		expect(found("See [a [b] c [d]](Notes/Alpha.md).\n").links).toEqual(["markdown:Notes/Alpha.md"]);
	});

	it("a wikilink, a footnote or a link inside the brackets is read as itself", () => {
		expect(found("[see [[Alpha]]](x.md)\n").links).toEqual(["wikilink:Alpha"]);
		expect(found("[see [^1]](x.md)\n\n[^1]: y\n").references).toEqual(["1"]);
		expect(found("[a [b](c.md) d](e.md)\n").links).toEqual(["markdown:c.md"]);
		expect(found("[[Alpha]](https://example.org)\n").links).toEqual(["wikilink:Alpha"]);
	});

	it("an unclosed wikilink with a lone ] and no link after it stays unclosed", () => {
		expect(found("[[Alpha] p. 4\n").links).toEqual(["wikilink:Alpha] p. 4:unclosed"]);
	});
});
