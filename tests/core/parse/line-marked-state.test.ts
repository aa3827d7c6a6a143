import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { useLineMarkedState, withoutTokenContent } from "../../../src/core/parse/line-marked-state";

type State = Record<string, unknown> & { lineMax: number };
type StateClass = new (src: string, md: MarkdownIt, env: unknown, tokens: unknown[]) => State;

const md = new MarkdownIt();
const MarkdownItState = md.block.State as unknown as StateClass;
useLineMarkedState(md);
const OurState = md.block.State as unknown as StateClass;

const FIELDS = ["src", "bMarks", "eMarks", "tShift", "sCount", "bsCount", "blkIndent", "line", "lineMax", "tight", "ddIndent", "listIndent", "parentType", "level"];

function fieldsOf(state: State): unknown[] {
	return FIELDS.map((field) => state[field]);
}

describe("LineMarkedState", () => {
	it("sets every field as markdown-it's StateBlock does, on any text", () => {
		// Blanks, tabs, line breaks (and a lone CR, which is not one) in every order, so indents, blank lines and
		// a last line with or without a line break all occur.
		const text = fc.string({ unit: fc.constantFrom(" ", " ", "\t", "\n", "\n", "a", "\r", "é", "😀"), maxLength: 40 });
		fc.assert(
			fc.property(text, (src) => {
				expect(fieldsOf(new OurState(src, md, {}, []))).toEqual(fieldsOf(new MarkdownItState(src, md, {}, [])));
			}),
			{ numRuns: 5000, seed: 15_006 },
		);
	});

	it("keeps markdown-it's methods and is what the parser builds", () => {
		const state = new OurState("a\n\n  b\n", md, {}, []);
		expect((state as unknown as { isEmpty(line: number): boolean }).isEmpty(1)).toBe(true);
		expect(md.parse("# a\n\n- b\n", {}).map((token) => token.type)).toEqual(new MarkdownIt().parse("# a\n\n- b\n", {}).map((token) => token.type));
		expect([state.bMarks, state.tShift, state.sCount]).toEqual([[0, 2, 3, 7], [0, 0, 2, 0], [0, 0, 2, 0]]);
	});
});

describe("withoutTokenContent", () => {
	it("leaves every token's content empty and the tokens otherwise as markdown-it makes them", () => {
		const note = "Para *one*\nline two\n\nSetext\n---\n\n    code\n\n```js\nfenced\n```\n\n<div>\nhtml\n</div>\n\n[ref]: https://example.org\n\n| a |\n|---|\n| b |\n";
		const contentless = new MarkdownIt({ html: true });
		useLineMarkedState(contentless);
		withoutTokenContent(contentless);
		const ours: { type: string; map: [number, number] | null; content: string }[] = [];
		contentless.block.parse(note, contentless, {}, ours as never);
		const full: typeof ours = [];
		const plain = new MarkdownIt({ html: true });
		plain.block.parse(note, plain, {}, full as never);
		expect(ours.map((token) => [token.type, token.map])).toEqual(full.map((token) => [token.type, token.map]));
		expect(full.filter((token) => token.content !== "").length).toBeGreaterThan(5);
		// Left: the line break the code rule adds after its lines, and the table cells, which the table rule
		// reads itself (not through getLines).
		expect(ours.filter((token) => token.content !== "").map((token) => token.content)).toEqual(["\n", "a", "b"]);
	});
});
