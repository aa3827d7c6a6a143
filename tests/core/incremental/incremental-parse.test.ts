/**
 * The incremental parse gives exactly the full parse after every edit: on hostile notes (every construct,
 * half-typed ones included) cut into tiny pieces so boundaries are everywhere, through random sequences of
 * insertions (of syntax that opens and closes code, comments, math, frontmatter …) and deletions. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IncrementalParser } from "../../../src/core/incremental/incremental-parse";
import { parseCitations } from "../../../src/core/parse/parse-citations";
import { hostileNote } from "../../robustness/generators";

const INSERTS = [
	"x", " ", "\n", "\n\n", "\r\n", "[", "]", "^", "`", "```", "\n```\n", "~~~\n", "%%", "$$", "$", "<!--", "-->", "---\n", "\n---\n",
	"    ", "- ", "> ", "[^1]", "\n[^1]: [[Alpha]]\n", "[[Beta#Intro]]", "^[see [[Alpha]]]", "<div>\n", "\n\nPara\n\n", "...\n", "\\",
];

type Edit = { at: number; remove: number; insert: string };

const edit: fc.Arbitrary<Edit> = fc.record({
	at: fc.nat(),
	remove: fc.oneof(fc.constant(0), fc.nat(4), fc.nat(40)),
	insert: fc.oneof(fc.constant(""), fc.constantFrom(...INSERTS)),
});

function apply(text: string, { at, remove, insert }: Edit): string {
	const from = text.length === 0 ? 0 : at % (text.length + 1);
	return text.slice(0, from) + insert + text.slice(Math.min(text.length, from + remove));
}

/** Parses `start`, then each edit's result, incrementally, each time expecting exactly the full parse. */
function equalsFullParseThroughout(start: string, edits: readonly Edit[], minPiece: number): void {
	const parser = new IncrementalParser(minPiece);
	let text = start;
	expect(parser.parse(text)).toEqual(parseCitations(text));
	for (const next of edits) {
		text = apply(text, next);
		expect(parser.parse(text)).toEqual(parseCitations(text));
	}
}

/** Notes of several hostile fragments separated by paragraphs, so there are boundaries to cut at. */
const note = fc.array(hostileNote, { minLength: 1, maxLength: 6 }).map((parts) => parts.join("\n\nA paragraph.\n\n"));

describe("IncrementalParser", () => {
	it("equals the full parse after every edit of random edit sequences (seed 15001)", () => {
		fc.assert(
			fc.property(note, fc.array(edit, { minLength: 1, maxLength: 12 }), fc.constantFrom(1, 8, 64), equalsFullParseThroughout),
			{ seed: 15001, numRuns: 400 },
		);
	});

	/**
	 * Notes without blank lines, made of lines that can run on from one another or be taken for list items
	 * (ordered items, a bare `-`, a setext underline, thematic breaks, tables, quotes, definitions, HTML, fences
	 * and math, open or closed); edits add and remove line breaks and item markers. Only a blank line lets the
	 * parser cut (segments.ts). Cutting before bullet items as well was tried on 6 December and this test found
	 * where it breaks: `* Item [[B|b]]` over `|---|---|` is a table header when it begins a piece but the second
	 * item of a list after `* Item A` (markdown-it agrees), and an item after an HTML block that a `%%` typed
	 * into it changed. So it was not kept.
	 */
	const LIST_NOTE_LINES = [
		"- Item cites[^1] and [[Alpha]]", "* Item with [[Beta#Intro|beta]]", "+ Item ^[inline [[Alpha]]]", "- [ ] task [^2]", "-\ttabbed item [^1]",
		"-", "- ", "-x not an item [[Alpha]]", "--", "* * *", "- - -", "2. ordered [^1]", "1. ordered [[Beta]]", "  - nested [^2]", "  continued [[Alpha]]",
		"Para text [[Beta]] and [^1]", "lazy continuation [^2]", "> quote [[Alpha]]", "> - quoted item", "| a | b [^1] |", "|---|---|", "| 1 | [[Alpha]] |",
		"[^1]: [[Alpha]]", "[^2]: see [[Beta]]", "    indented [^1]", "<div>", "</div>", "<!--", "-->", "```", "  ```", "~~~", "$$", "%%", "`", "Heading", "===",
		"\\- escaped [^1]", "- `open code", "- close code` [^2]", "- <span>[^1]</span>", "- $math [^1]$", "- %% hidden [^2] %%",
	];
	const listNote = fc.array(fc.constantFrom(...LIST_NOTE_LINES), { minLength: 1, maxLength: 40 }).map((lines) => lines.join("\n"));
	const listEdit: fc.Arbitrary<Edit> = fc.record({
		at: fc.nat(),
		remove: fc.oneof(fc.constant(0), fc.nat(4), fc.nat(40)),
		insert: fc.oneof(fc.constant(""), fc.constantFrom(...INSERTS, "\n- ", "\n* item [^1]", "\n2. ", "-", "\n|---|\n", "\n<div>", "\n-")),
	});

	it("equals the full parse after every edit of notes without blank lines (seed 15071)", () => {
		fc.assert(
			fc.property(listNote, fc.array(listEdit, { minLength: 1, maxLength: 12 }), fc.constantFrom(1, 8), equalsFullParseThroughout),
			{ seed: 15_071, numRuns: 1500 },
		);
	});

	it("moves items as copies with the parse's own keys and nothing more, no key set to undefined (moved-items.ts)", () => {
		const paragraphs = Array.from({ length: 40 }, (_, index) => `Paragraph ${index} cites[^${index}] and [[Alpha#Intro|the alpha]] and [[Beta\n`);
		const definitions = Array.from({ length: 40 }, (_, index) => `[^${index}]: [[Gamma|g]] ^[inline [[Delta]]]`);
		const text = `${paragraphs.join("\n")}\n${definitions.join("\n")}\n`;
		const parser = new IncrementalParser(64);
		parser.parse(text);
		const edited = `x${text}`;
		const incremental = parser.parse(edited);
		const full = parseCitations(edited);
		// The items after the edit are copies made by moved-items.ts, not the parser's objects.
		expect(Object.getPrototypeOf(incremental.links[incremental.links.length - 1])).not.toBe(Object.prototype);
		// Own keys and values, keys sorted (the parser itself writes a link's `alias` before or after `external`).
		const keysOf = (value: unknown): unknown =>
			Array.isArray(value)
				? value.map(keysOf)
				: value !== null && typeof value === "object"
					? Object.entries(value)
							.sort(([a], [b]) => (a < b ? -1 : 1))
							.map(([key, inner]) => [key, keysOf(inner)])
					: value;
		expect(keysOf(incremental)).toEqual(keysOf(full));
	});

	it("a one-character edit in a long note re-reads a piece, not the note", () => {
		const paragraphs = Array.from({ length: 400 }, (_, index) => `Paragraph ${index} cites[^${index}].\n\n[^${index}]: [[Alpha]]\n`);
		const text = paragraphs.join("\n");
		const parser = new IncrementalParser(1024);
		parser.parse(text);
		expect(parser.lastParsedChars).toBeGreaterThanOrEqual(text.length);
		const middle = text.indexOf("Paragraph 200");
		const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
		expect(parser.parse(edited)).toEqual(parseCitations(edited));
		expect(parser.lastParsedChars).toBeLessThan(4 * 1024);
	});

	it("an edit that opens a code fence re-reads up to where the fence ends the note", () => {
		const text = Array.from({ length: 50 }, (_, index) => `P${index}[^${index}]\n\n[^${index}]: [[Alpha]]\n`).join("\n");
		const parser = new IncrementalParser(16);
		parser.parse(text);
		const edited = `${text.slice(0, 40)}\n\n\`\`\`\n\n${text.slice(40)}`;
		expect(parser.parse(edited)).toEqual(parseCitations(edited));
		expect(parser.parse(edited).references.length).toBeLessThan(parseCitations(text).references.length);
	});
});
