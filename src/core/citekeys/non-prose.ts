/**
 * Where a citation key can never stand: frontmatter, `%% comments %%`, HTML comments and math, code blocks and
 * raw HTML blocks, code spans (all from the parse's own note structure, parse/note-structure.ts, read once per
 * note and shared with the footnote parse), and inline HTML tags with their attributes
 * (`<span title="@x">`: Pandoc passes raw HTML through, so nothing in a tag is a citation). This file only
 * puts them together as sorted ranges so the citation-key pass can ask "is this offset prose?".
 */
import { CODE_LINE, HTML_LINE } from "../parse/block-structure";
import type { Range } from "../parse/hidden-regions";
import { readNoteStructure } from "../parse/note-structure";
import type { LineIndex } from "../text/line-index";

export type { Range };

export function findNonProseRanges(text: string, lines: LineIndex): Range[] {
	const { frontmatter, regions, codeSpans, blocks } = readNoteStructure(text);
	const ranges: Range[] = [...(frontmatter ? [frontmatter] : []), ...regions, ...codeSpans];
	const { codeLines } = blocks;
	for (let line = 0; line < lines.starts.length; line++) {
		if (codeLines[line] !== CODE_LINE && codeLines[line] !== HTML_LINE) continue;
		const from = lines.starts[line];
		let last = line;
		while (last + 1 < lines.starts.length && (codeLines[last + 1] === CODE_LINE || codeLines[last + 1] === HTML_LINE)) last++;
		ranges.push({ from, to: last + 1 < lines.starts.length ? lines.starts[last + 1] : text.length });
		line = last;
	}
	const merged = mergeRanges(ranges);
	return mergeRanges([...merged, ...findInlineHtmlTags(text, merged)]);
}

/**
 * CommonMark's raw HTML inline: an open tag with attributes (names, and values unquoted, 'single' or
 * "double" quoted, which may hold `@` and span lines) or a closing tag.
 *   <span title="@x">   </span>
 *   ^ tag start
 */
const HTML_TAG = /<(?:[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?|\/[A-Za-z][A-Za-z0-9-]*\s*)>/y;

/** Inline HTML tags outside the other ranges, only where a tag holds an `@` (the only case that matters here). */
function findInlineHtmlTags(text: string, excluded: readonly Range[]): Range[] {
	const tags: Range[] = [];
	const cursor = new RangeCursor(excluded);
	for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at + 1)) {
		if (cursor.holds(at) || (at > 0 && text.charCodeAt(at - 1) === 0x5c /* \ */)) continue;
		HTML_TAG.lastIndex = at;
		if (!HTML_TAG.test(text)) continue;
		const end = HTML_TAG.lastIndex;
		if (text.slice(at, end).includes("@")) tags.push({ from: at, to: end });
		at = end - 1;
	}
	return tags;
}

/** Sorted, overlapping or touching ranges joined. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
	const sorted = [...ranges].sort((a, b) => a.from - b.from);
	const merged: Range[] = [];
	for (const range of sorted) {
		const last = merged[merged.length - 1];
		if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
		else merged.push({ from: range.from, to: range.to });
	}
	return merged;
}

/** Answers "does a range hold this offset?" for offsets asked in increasing order (a moving cursor). */
export class RangeCursor {
	private index = 0;

	constructor(private readonly ranges: readonly Range[]) {}

	holds(offset: number): boolean {
		while (this.index < this.ranges.length && this.ranges[this.index].to <= offset) this.index++;
		return this.index < this.ranges.length && this.ranges[this.index].from <= offset;
	}
}
