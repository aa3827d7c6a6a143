/**
 * Footnote definitions as lines of text: which lines a definition occupies, how to delete them with their
 * line break (CRLF or LF) and nothing else, and which line break a note uses.
 */
import type { CitationDocument, FootnoteDefinition, FootnoteReference, TextRange } from "../parse/citation-document";
import { ROLE } from "../parse/character-roles";
import type { TextEdit } from "./edits";
import { rolesOf } from "./role-guard";

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

/** Whether the definition's lines can go on their own: they stand alone and cut no construct in two. */
export function canDeleteDefinition(text: string, definition: FootnoteDefinition): boolean {
	return deleteDefinitionLines(text, [definition]) !== null;
}

/**
 * Whether a line after the definition's first one continues it without indentation: CommonMark's lazy
 * continuation, which takes a paragraph or a table written right under a footnote, with no blank line between,
 * into the footnote. The writer may well read it as separate text, so deleting it is not a quiet fix.
 * Lines that start inside a comment or formula opened on an earlier line of the definition are that construct,
 * not lazy text (deleting them is takeWholeConstructs' business).
 *
 *     [^7]: [[Source]]⏎
 *     | year | count |⏎      ← lazy: part of [^7] to the parser, maybe not to the writer
 */
export function hasLazyContinuation(text: string, definition: FootnoteDefinition): boolean {
	if (definition.inline) return false;
	let start = text.indexOf("\n", definition.from) + 1;
	if (start === 0 || start >= definition.to) return false;
	const codes = rolesOf(text).codes;
	while (start < definition.to) {
		const end = text.indexOf("\n", start);
		const lineEnd = end === -1 || end > definition.to ? definition.to : end;
		const line = text.slice(start, lineEnd);
		const hidden = codes[start] === ROLE.comment || codes[start] === ROLE.math;
		if (!hidden && line.trim() !== "" && !/^[ \t]/.test(line)) return true;
		start = lineEnd + 1;
	}
	return false;
}

/** Whether the definition can go without asking: its lines stand alone and hold no unindented text under them. */
export function canDeleteQuietly(text: string, definition: FootnoteDefinition): boolean {
	return canDeleteDefinition(text, definition) && !hasLazyContinuation(text, definition);
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
	if (!takeWholeConstructs(text, blocks)) return null;
	const last = blocks[blocks.length - 1];
	if (last && last.to === text.length && last.from > 0 && !text.endsWith("\n")) {
		// The note ends inside the deleted lines without a line break: take the one before them.
		last.from -= text.charCodeAt(last.from - 2) === 0x0d ? 2 : 1;
	}
	return blocks.map((block) => ({ from: block.from, to: block.to, insert: "" }));
}

/**
 * Makes each deleted block (sorted, disjoint; changed in place) hold whole constructs: a comment or formula that
 * starts in the deleted lines and ends on a later line goes with them, up to the end of the line where it
 * closes, when nothing but blanks follows it there. Any other construct cut in two (one that started before
 * the block, code, frontmatter, or a comment followed by more text) makes it false: the deletion is refused.
 *
 *     [^2]: [[B]] %% to check: the⏎          ← the definition's line
 *     ⏎
 *     edition we quote %%   ⏎                ← taken too: the comment ends here, blanks after it
 */
function takeWholeConstructs(text: string, blocks: TextRange[]): boolean {
	const codes = rolesOf(text).codes;
	const crosses = (at: number): boolean => at > 0 && at < text.length && codes[at - 1] !== ROLE.prose && codes[at - 1] === codes[at];
	for (let index = 0; index < blocks.length; index++) {
		const block = blocks[index];
		if (crosses(block.from)) return false;
		while (crosses(block.to)) {
			const role = codes[block.to];
			if (role !== ROLE.comment && role !== ROLE.math) return false;
			let end = block.to;
			while (end < text.length && codes[end] === role) end++;
			const newline = text.indexOf("\n", end);
			const lineEnd = newline === -1 ? text.length : newline;
			// Blanks and the `\r` of a CRLF may follow; the line's `\n` goes too.
			if (!/^[ \t\r]*$/.test(text.slice(end, lineEnd))) return false;
			block.to = newline === -1 ? text.length : newline + 1;
		}
		// Taking more lines may reach the next block: join them.
		while (index + 1 < blocks.length && blocks[index + 1].from <= block.to) {
			block.to = Math.max(block.to, blocks[index + 1].to);
			blocks.splice(index + 1, 1);
		}
	}
	return true;
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
