/**
 * The block structure is read from the tokens markdown-it hands over block by block during the parse (so they
 * die young, issue 15). The property: that reading equals the one from the whole parse's token list, on notes
 * built of containers nested in each other (lists tight and loose, quotes, footnote definitions with
 * continuation paragraphs, fences and indented code inside them, HTML, tables, headings of both kinds) and on
 * the hostile, code and GFM notes of the robustness suites. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBlockStructure, readBlockStructureWhole } from "../../../src/core/parse/block-structure";
import { readFrontmatter } from "../../../src/core/parse/frontmatter";
import { blankRanges } from "../../../src/core/parse/hidden-regions";
import { codeEssay, gfmEssay, hostileNote } from "../../robustness/generators";

const RUNS = 1000;

const indent = fc.constantFrom("", "", "", "  ", "    ", "\t", "   ");
const marker = fc.constantFrom("", "", "- ", "* ", "1. ", "2) ", "> ", "> > ", "- > ", "> - ", "[^1]: ", "[^a]: ", "[^x y]: ", "# ", "## ", "- [ ] ");
const body = fc.constantFrom(
	"A claim[^1] with [[Alpha]].",
	"more text",
	"```",
	"~~~",
	"```js",
	"<div>",
	"</div>",
	"<!-- c -->",
	"| a | b |",
	"|---|---|",
	"===",
	"---",
	"***",
	"[ref]: https://example.org",
	"$$",
	"%%",
	"",
);
const line = fc.tuple(indent, marker, body).map(([space, start, text]) => space + start + text);

/** A note of 1–80 block lines, blank lines between some of them. */
const blockNote = fc.array(fc.tuple(line, fc.constantFrom("\n", "\n", "\n\n")), { minLength: 1, maxLength: 80 }).map((lines) => lines.map(([text, end]) => text + end).join(""));

/** readBlockStructure's input: `\r` blanked to a space, line breaks kept. */
function asProse(note: string): { prose: string; lineCount: number } {
	const prose = note.replace(/\r\n/g, " \n").replace(/\r/g, "\n");
	return { prose, lineCount: prose.split("\n").length };
}

function expectSameStructure(note: string): void {
	const { prose, lineCount } = asProse(note);
	expect(readBlockStructure(prose, lineCount)).toEqual(readBlockStructureWhole(prose, lineCount));
}

describe("readBlockStructure: blocks read as the parse hands them over", () => {
	it("equals the whole parse's reading on nested containers", () => {
		fc.assert(fc.property(blockNote, expectSameStructure), { numRuns: RUNS, seed: 15_001 });
	});

	it("equals the whole parse's reading on hostile, code and GFM notes", () => {
		fc.assert(fc.property(fc.oneof(hostileNote, codeEssay, gfmEssay), expectSameStructure), { numRuns: RUNS, seed: 15_002 });
	});

	it("equals the reading of tokens that keep their content (nested containers, hostile, code and GFM notes)", () => {
		// The parser drops what getLines would copy into each token's content (line-marked-state.ts): the
		// structure must not depend on it, reference definitions and setext headings included.
		const sameAsWithContent = (note: string) => {
			const { prose, lineCount } = asProse(note);
			expect(readBlockStructure(prose, lineCount)).toEqual(readBlockStructureWhole(prose, lineCount, true));
		};
		fc.assert(fc.property(fc.oneof(blockNote, hostileNote, codeEssay, gfmEssay), sameAsWithContent), { numRuns: RUNS, seed: 15_009 });
		sameAsWithContent("[ref]: https://example.org\n\nSetext\n===\n\n[other]:\n  <https://example.org> 'title'\n\n[^1]: Def\n");
	});

	it("reads a list whose items are loose only after an earlier top-level block", () => {
		// The list rule marks its tight paragraphs by index from its own first token: with earlier blocks handed
		// over, those indices count from a shorter list. Definitions and code after it must still be found.
		const note = "Intro paragraph.\n\n- one\n- two\n\n  still two\n\n[^1]: Def\n\nAfter.\n\n    code\n";
		const { prose, lineCount } = asProse(note);
		const structure = readBlockStructure(prose, lineCount);
		expect(structure.definitions.map((definition) => [definition.label, definition.firstLine])).toEqual([["1", 7]]);
		expect([...structure.codeLines]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
		expect(structure).toEqual(readBlockStructureWhole(prose, lineCount));
	});

	it("from the line after the frontmatter, equals the reading of the note with its frontmatter blanked", () => {
		// Frontmatter lines that would open blocks if read: a fence, a list, a heading, a definition, HTML, a rule.
		const yamlLine = fc.constantFrom("title: x", "tags: [a]", "```", "~~~", "- item", "# not a heading", "[^1]: not a definition", "<div>", "***", "  indented: y", "");
		const note = fc.tuple(fc.array(yamlLine, { maxLength: 6 }), blockNote).map(([yaml, body]) => `---\n${yaml.map((line) => `${line}\n`).join("")}---\n${body}`);
		fc.assert(
			fc.property(note, (text) => {
				const frontmatter = readFrontmatter(text)!;
				const lineCount = text.split("\n").length;
				const after = text.slice(0, frontmatter.to).split("\n").length;
				expect(readBlockStructure(text, lineCount, after)).toEqual(readBlockStructure(blankRanges(text, [frontmatter]), lineCount));
			}),
			{ numRuns: RUNS, seed: 15_008 },
		);
	});
});
