/**
 * Differential test: the engine against a second parser, micromark with micromark-extension-gfm-footnote (read
 * through its events, see micromark-footnotes.ts). On generated plain-GFM essays (generators.ts: no wikilinks,
 * `%%`, `$`, `^[`, frontmatter) both must find the same footnote definitions and the same references, at the
 * same offsets. GFM turns a reference into a footnote call only when its label is defined, so the engine's
 * references are compared for defined labels only; everything else must agree exactly.
 *
 * Known, intended differences (each pinned by a test below):
 *
 * | # | input                                   | engine (Obsidian's reading)                        | micromark (GFM)                          |
 * |---|-----------------------------------------|----------------------------------------------------|------------------------------------------|
 * | 1 | `a[^x]` with no `[^x]:`                 | a reference, reported `undefined-reference`        | plain text, no call                      |
 * | 2 | `[^ß]` with `[^SS]:`                    | labels compared lower-cased (Obsidian): no match   | full case folding (`ß` → `SS`): a call   |
 * | 3 | `%% [^1] %%`, multi-line `%%`           | an Obsidian comment: hidden                        | text: a call                             |
 * | 4 | `$[^1]$`, `$$ … $$`                     | math: hidden                                       | text: a call                             |
 * | 5 | `---` frontmatter at the top            | properties: hidden                                 | a thematic break, then text and calls    |
 * | 6 | `^[inline footnote]`                    | an (inline) footnote definition                    | text                                     |
 * | 7 | `[[^1]`, `[[Note [^1]]]`                | `[[` opens a wikilink (closed or not): no reference | `[` then a call                          |
 * | 8 | `[^a\[b]` (escaped bracket in a label)  | not a label (as markdown-it-footnote)              | the label `a\[b`                         |
 * | 9 | a lone `\r` (old Mac line break)        | not a line break (positions count `\n` only)       | a line break                             |
 * |10 | later paragraphs of a nested definition | markdown-it-footnote's indentation: code           | micromark's indentation: a paragraph     |
 * |   | `[^a]: [^b]: x` … `        [^a]`        |                                                    |                                          |
 * |11 | `> >x` then `    [^b]: y` (lazy line)   | markdown-it ends the inner quote: indented code    | the quote's lazy line: a call            |
 *
 * Rows 1–7 are Obsidian-vs-GFM by design (issue 2: Obsidian's label matching, exclusions and link syntax). Rows
 * 8–11 are markdown-it-vs-micromark corners of the parser issue 2 prescribes, left as they are. Row 9 is the
 * engine's line model (a line ends at `\n`). The generator avoids these inputs, so the property checks the rest.
 *
 * What the comparison found and the engine now does like GFM (pinned in "agreements" below): a definition
 * nested on its parent's line (`[^a]: [^b]: x`) was also counted as a reference; `[^1]:` after a quote line was
 * read as more of the quote; an HTML comment starting a line was blanked into blank lines, so the indented code
 * after it became a definition's next paragraph (its `[^x]` references) and a `<div>` block ended early;
 * `[^1[^a]: x` was a definition of the label `1[^a`; a code span paired backticks across a thematic break, a
 * setext underline, an ATX heading's end or a quote's container lines; a backslash at the end of a line hid the
 * next line's fence from the exclusion pass.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditNote, createVaultResolver, parseCitations, type CitationDocument } from "../../src/core/index";
import { gfmEssay } from "./generators";
import { micromarkFootnotes } from "./micromark-footnotes";

interface Found {
	references: string[];
	definitions: string[];
}

/** `offset:label` entries, labels lower-cased (both sides fold ASCII and Latin case the same way). */
function entry(offset: number, label: string): string {
	return `${offset}:${label.toLowerCase()}`;
}

function engineFootnotes(document: CitationDocument, options: { definedOnly: boolean } = { definedOnly: true }): Found {
	const blockDefinitions = document.definitions.filter((definition) => !definition.inline);
	const defined = new Set(blockDefinitions.map((definition) => definition.key));
	return {
		references: document.references
			.filter((reference) => !options.definedOnly || defined.has(reference.key))
			.map((reference) => entry(reference.from, reference.label)),
		definitions: blockDefinitions.map((definition) => entry(definition.from, definition.label)),
	};
}

function micromarkFound(text: string): Found {
	const found = micromarkFootnotes(text);
	return {
		references: found.references.map((reference) => entry(reference.offset, reference.label)),
		definitions: found.definitions.map((definition) => entry(definition.offset, definition.label)),
	};
}

function engineFound(text: string): Found {
	return engineFootnotes(parseCitations(text));
}

describe("engine and micromark agree on plain GFM", { timeout: 120_000 }, () => {
	it("the same definitions and references at the same offsets (seed 8301, 1,000 essays)", () => {
		let references = 0;
		let definitions = 0;
		fc.assert(
			fc.property(gfmEssay, (text) => {
				const expected = micromarkFound(text);
				expect(engineFound(text)).toEqual(expected);
				references += expected.references.length;
				definitions += expected.definitions.length;
			}),
			{ seed: 8301, numRuns: 1000 },
		);
		// The essays are not trivially empty.
		expect(references).toBeGreaterThan(2000);
		expect(definitions).toBeGreaterThan(1000);
	});

	it("and a second seed (8302, 300 essays)", () => {
		fc.assert(
			fc.property(gfmEssay, (text) => {
				expect(engineFound(text)).toEqual(micromarkFound(text));
			}),
			{ seed: 8302, numRuns: 300 },
		);
	});
});

describe("agreements the comparison brought about (each was an engine bug)", () => {
	it.each([
		["a definition nested on its parent's line is no reference", "t[^a][^b]\n\n[^a]: [^b]: x\n", { references: ["1:a", "5:b"], definitions: ["11:a", "17:b"] }],
		["the same label nested twice", "t[^a]\n\n[^a]: [^a]: x\n", { references: ["1:a"], definitions: ["7:a", "13:a"] }],
		["a definition after a quote line ends the quote", "> quote\n[^1]: def\n\nt[^1]\n", { references: ["20:1"], definitions: ["8:1"] }],
		[
			"an HTML comment block ends a definition: the indented code after it stays code",
			"t[^a]\n\n[^a]: x\n\n<!--\nnote\n-->\n\n    [^a]: code\n",
			{ references: ["1:a"], definitions: ["7:a"] },
		],
		[
			"a comment inside a <div> block keeps the block going to the next blank line",
			"t[^a]\n\n<div>\n<!--\nnote\n-->\n[^a]: inside the html\n</div>\n\n[^a]: x\n",
			{ references: ["1:a"], definitions: ["57:a"] },
		],
		["a label holding [ is no definition", "[^1[^a]: x\n\n[^a]: y\n", { references: ["3:a"], definitions: ["12:a"] }],
		["a code span does not pair across a thematic break", "p `a\n***\nb`[^1]`\n\n[^1]: x\n", { references: [], definitions: ["18:1"] }],
		["nor across a setext underline", "p `a\n---\nb`[^1]`\n\n[^1]: x\n", { references: [], definitions: ["18:1"] }],
		["nor out of an ATX heading", "## h`\nx`[^1]`\n\n[^1]: x\n", { references: [], definitions: ["15:1"] }],
		["but across a quote's own lines", "> a `b\n> c`[^1]`\n\n[^1]: x\n", { references: ["11:1"], definitions: ["18:1"] }],
		["a backslash ending a line does not hide the fence after it", "t\\\n```\n`\n```\nx <!-- [^1] -->\n\n[^1]: x\n", { references: [], definitions: ["30:1"] }],
		["a label with a tab is no definition", "[^a\tb]: x\n", { references: [], definitions: [] }],
	])("%s", (_name, text, expected) => {
		expect(micromarkFound(text)).toEqual(expected);
		expect(engineFound(text)).toEqual(expected);
	});
});

describe("intended differences (the table above)", () => {
	it("1: an undefined reference is no GFM call, but the engine reports it", () => {
		const text = "Claim[^missing].\n";
		expect(micromarkFound(text).references).toEqual([]);
		const audit = auditNote(text, "Essay.md", createVaultResolver({ paths: [], readNote: () => null }));
		expect(audit.document.references.map((reference) => reference.label)).toEqual(["missing"]);
		expect(audit.findings.map((finding) => [finding.kind, finding.offset])).toEqual([["undefined-reference", 5]]);
	});

	it("2: ASCII case folds the same; ß and SS only in GFM", () => {
		const ascii = "t[^A]\n\n[^a]: x\n";
		expect(engineFound(ascii)).toEqual(micromarkFound(ascii));
		const sharp = "t[^ß]\n\n[^SS]: x\n";
		expect(micromarkFound(sharp).references).toEqual(["1:ß"]);
		expect(engineFound(sharp).references).toEqual([]);
		expect(parseCitations(sharp).references.map((reference) => reference.key)).toEqual(["ß"]);
	});

	it.each([
		["3: an Obsidian comment", "t %% [^1] %% u\n\n%%\n[^2]: x\n%%\n\n[^1]: y\n[^2]: z\n"],
		["4: math", "t $x[^1]$ and\n\n$$\n[^2]: x\n$$\n\n[^1]: y\n[^2]: z\n"],
		["5: frontmatter", "---\nsource: x[^1]\n---\nBody.\n\n[^1]: y\n"],
	])("%s hides what GFM reads", (_name, text) => {
		const gfm = micromarkFound(text);
		const engine = engineFound(text);
		expect(engine.references).toEqual([]);
		expect(gfm.references.length).toBeGreaterThan(0);
		// The definitions outside the hidden region are found by both.
		for (const definition of engine.definitions) expect(gfm.definitions).toContain(definition);
	});

	it("6: an inline footnote is a definition only in Obsidian", () => {
		const text = "Claim^[see [[Source]]].\n";
		expect(micromarkFound(text)).toEqual({ references: [], definitions: [] });
		expect(parseCitations(text).definitions.map((definition) => [definition.inline, definition.from])).toEqual([[true, 5]]);
	});

	it("7: `[[` opens a wikilink, closed or not", () => {
		for (const text of ["a [[^b]\n\n[^b]: x\n", "a [[Note [^b]]]\n\n[^b]: x\n"]) {
			expect(micromarkFound(text).references).toHaveLength(1);
			expect(engineFound(text).references).toEqual([]);
			expect(parseCitations(text).links).toHaveLength(1);
		}
	});

	it("8: a label with an escaped bracket", () => {
		const text = "t [^a\\[b]\n\n[^a\\[b]: x\n";
		expect(micromarkFound(text)).toEqual({ references: ["2:a\\[b"], definitions: ["11:a\\[b"] });
		expect(engineFound(text)).toEqual({ references: [], definitions: [] });
	});

	it("9: a lone carriage return is no line break for the engine", () => {
		const text = "[^1]: x\r[^2]: y\r\rt[^1][^2]";
		expect(micromarkFound(text).definitions).toEqual(["0:1", "8:2"]);
		expect(engineFound(text).definitions).toEqual(["0:1"]);
	});

	it("10: the later paragraphs of a nested definition", () => {
		const text = "[^A]: [^1]: x\n\n    more words\n\n        code [^A]\n";
		expect(micromarkFound(text).references).toEqual(["44:a"]);
		expect(engineFound(text).references).toEqual([]);
		expect(engineFound(text).definitions).toEqual(micromarkFound(text).definitions);
	});

	it("11: an indented lazy line of a nested quote", () => {
		const text = "> >x\n    [^b]: y\n\n[^b]: z\n";
		expect(micromarkFound(text).references).toEqual(["9:b"]);
		expect(engineFound(text).references).toEqual([]);
		// markdown-it does the same with any block start there (a heading): its quirk, not the footnote rule's.
		expect(engineFound("> >x\n    # [^b]\n\n[^b]: z\n").references).toEqual([]);
	});
});
