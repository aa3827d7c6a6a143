/**
 * Quoted text in the markdown report: shown as written, as code, and never as syntax, in and out of tables.
 * Checked by reading the generated markdown back with two GFM readers (render-markdown.ts), for hand-picked
 * hard cases and for generated strings (fast-check, seeds 1601–1604).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, inlineCode, noteLink, tableCode } from "../../../src/core/report/markdown-inline";
import { oneCellTable, PARAGRAPH_READERS, READERS } from "./render-markdown";

const HARD = ["[^4]", "[[A|B]]", "a|b", "x\\|y", "`tick`", "``", "a ` b", " spaced ", "  ", "#tag %%c%% $x$", "<b>x</b>", "&amp;", "Test-", "a\\", "\\"];

/** What a reader should see for `text` (line breaks are shown as spaces: a table row is one line). */
function shown(text: string): string {
	return text.replace(/\r\n|[\r\n]/g, " ");
}

const ALPHABET = ["a", "b", " ", "|", "`", "\\", "[", "]", "^", "#", "%", "$", "<", ">", "&", "*", "_", "~", "=", "\n", "é", "-"];
const quotedText = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 14 }).map((chars) => chars.join(""));

describe("tableCode: one cell, shown as written", () => {
	for (const [name, read] of Object.entries(READERS)) {
		it.each(HARD)(`${name}: %j`, (text) => {
			const rows = read(oneCellTable(tableCode(text)));
			expect(rows).toHaveLength(1);
			expect(rows[0]).toHaveLength(1);
			expect(rows[0][0].text.trim()).toBe(shown(text).trim());
		});

		it(`${name}: generated text (500 cases)`, () => {
			fc.assert(
				fc.property(quotedText, (text) => {
					const rows = read(oneCellTable(tableCode(text)));
					expect(rows.map((row) => row.length)).toEqual([1]);
					// Cell content is trimmed by the table: compare what is inside.
					expect(rows[0][0].text.trim()).toBe(shown(text).trim());
					// Code, unless a backslash stands right before a pipe (the one case code cannot carry).
					if (!/\\\|/.test(shown(text))) expect(rows[0][0].code).toEqual([shown(text)]);
				}),
				{ seed: name === "markdown-it" ? 1601 : 1602, numRuns: 500 },
			);
		});
	}

	it("is code for labels and targets, with a longer fence around backticks", () => {
		expect(tableCode("[^4]")).toBe("`[^4]`");
		expect(tableCode("a`b")).toBe("``a`b``");
		expect(tableCode("A|B")).toBe("`A\\|B`");
	});
});

describe("inlineCode outside tables", () => {
	for (const [name, read] of Object.entries(PARAGRAPH_READERS)) {
		it(`${name}: generated text in a paragraph reads as exactly one code span (500 cases)`, () => {
			fc.assert(
				fc.property(quotedText, (text) => {
					const paragraph = read(`See ${inlineCode(text)} here.\n`);
					expect(paragraph.code).toEqual([shown(text)]);
					expect(paragraph.text).toBe(`See ${shown(text)} here.`);
				}),
				{ seed: name === "markdown-it" ? 1603 : 1604, numRuns: 500 },
			);
		});
	}
});

describe("noteLink", () => {
	it("links a note by its full path, named by its file name", () => {
		expect(noteLink("Essays/On Risk.md")).toBe("[[Essays/On Risk.md|On Risk]]");
		expect(noteLink("Top.md")).toBe("[[Top.md|Top]]");
	});

	it.each(["A#B.md", "A^B.md", "A|B.md", "A]]B.md", "A[B.md", "a\\b.md", "x<y>.md", "`t`.md", "50%%.md", "$a$.md", "Line\nbreak.md", " lead.md", "dir /x.md"])(
		"shows %j as code instead of a link it cannot write",
		(path) => {
			expect(noteLink(path)).not.toContain("[[");
			expect(noteLink(path)).toBe(inlineCode(path));
		},
	);
});

describe("escapeMarkdown (the fallback)", () => {
	it.each([
		["[[Note]]", "\\[\\[Note\\]\\]"],
		["a|b", "a\\|b"],
		["#tag", "\\#tag"],
		["%%c%%", "\\%\\%c\\%\\%"],
		["$x$", "\\$x\\$"],
		["<i>", "\\<i\\>"],
		["line\nbreak", "line break"],
		["back\\slash", "back\\\\slash"],
		["Test-", "Test-"],
		["(a) {b} c!", "(a) {b} c!"],
	])("%j", (input, expected) => {
		expect(escapeMarkdown(input)).toBe(expected);
	});
});
