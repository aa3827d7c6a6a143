/**
 * Footnote definitions as lines of text: which lines a definition occupies, how to delete them with their
 * line break (CRLF or LF) and nothing else, and which line break a note uses.
 */
import type { CitationDocument, FootnoteDefinition, FootnoteReference, TextRange } from "../parse/citation-document";
import type { TextEdit } from "./edits";

/**
 * The whole lines of a block definition, from the start of its first line to just past the line break of
 * its last line (continuation lines included), or null when something other than indentation stands before
 * `[^x]:` on its line (`> [^1]: …` in a quote, `- [^1]: …` in a list): deleting those lines would take the
 * quote or list marker with them.
 *
 *     ··[^12]: [[Source]]⏎      ← from: the start of this line
 *         continued here⏎       ← to: past this line break
 */
export function definitionLines(text: string, definition: FootnoteDefinition): TextRange | null {
	if (definition.inline) return null;
	const from = text.lastIndexOf("\n", definition.from - 1) + 1;
	if (!/^[ \t]*$/.test(text.slice(from, definition.from))) return null;
	return { from, to: definition.to + lineBreakLengthAt(text, definition.to) };
}

/** 2 for `\r\n`, 1 for `\n`, 0 at the end of the text (or anything else). */
export function lineBreakLengthAt(text: string, at: number): number {
	if (text.charCodeAt(at) === 0x0a) return 1;
	return text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? 2 : 0;
}

/**
 * Edits deleting the given definitions, whole lines, or null if one of them cannot be deleted cleanly.
 * Lines deleted at the very end of a note that has no final line break take the line break before them
 * instead (the line before them becomes the last line, as the note had no final line break):
 *
 *     text⏎[^1]: a⏎[^2]: b     →     text
 *         ^ this ⏎ goes with [^1] and [^2]
 */
export function deleteDefinitionLines(text: string, definitions: readonly FootnoteDefinition[]): TextEdit[] | null {
	const ranges: TextRange[] = [];
	for (const definition of definitions) {
		const lines = definitionLines(text, definition);
		if (!lines) return null;
		ranges.push(lines);
	}
	ranges.sort((a, b) => a.from - b.from);
	const blocks: TextRange[] = [];
	for (const range of ranges) {
		const last = blocks[blocks.length - 1];
		if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
		else blocks.push({ ...range });
	}
	const last = blocks[blocks.length - 1];
	if (last && last.to === text.length && last.from > 0 && !text.endsWith("\n")) {
		// The note ends inside the deleted lines without a line break: take the one before them.
		last.from -= text.charCodeAt(last.from - 2) === 0x0d ? 2 : 1;
	}
	return blocks.map((block) => ({ from: block.from, to: block.to, insert: "" }));
}

/** The note's line break: the one ending the first line, `\n` when the note has a single line. */
export function lineBreakOf(text: string): string {
	const first = text.indexOf("\n");
	return first > 0 && text.charCodeAt(first - 1) === 0x0d ? "\r\n" : "\n";
}

/** References that start inside `[from, to)`, in text order (binary search: references are sorted). */
export function referencesIn(document: CitationDocument, from: number, to: number): FootnoteReference[] {
	const references = document.references;
	let low = 0;
	let high = references.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (references[middle].from < from) low = middle + 1;
		else high = middle;
	}
	const found: FootnoteReference[] = [];
	for (let index = low; index < references.length && references[index].from < to; index++) found.push(references[index]);
	return found;
}

const byKeyCache = new WeakMap<CitationDocument, Map<string, number[]>>();

/** Block definitions grouped by label key (case-insensitive), in text order; computed once per document. */
export function definitionsByKey(document: CitationDocument): ReadonlyMap<string, readonly number[]> {
	const cached = byKeyCache.get(document);
	if (cached) return cached;
	const byKey = new Map<string, number[]>();
	document.definitions.forEach((definition, index) => {
		if (definition.inline) return;
		const list = byKey.get(definition.key);
		if (list) list.push(index);
		else byKey.set(definition.key, [index]);
	});
	byKeyCache.set(document, byKey);
	return byKey;
}
