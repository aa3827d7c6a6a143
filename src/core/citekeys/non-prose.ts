/**
 * Where a citation key can never stand: frontmatter, `%% comments %%`, HTML comments and math (the hidden regions
 * of parse/hidden-regions.ts), code blocks and raw HTML (parse/block-structure.ts) and code spans
 * (parse/code-span.ts). The decisions are the parser's own; this file only puts them together as sorted ranges
 * so the citation-key pass can ask "is this offset prose?". When the parse pass publishes its character roles,
 * this is the one file to switch to them.
 *
 * Only the frontmatter is blanked before the block parse: the block structure markdown-it sees is otherwise the
 * note's own, so a list item that starts with `$x$` or `%% c %%` is still a list item, not indented code.
 */
import { readBlockStructure } from "../parse/block-structure";
import { CodeSpanMatcher } from "../parse/code-span";
import { blankRanges, type Range } from "../parse/hidden-regions";
import { findHiddenRegions } from "../parse/note-structure";
import type { LineIndex } from "../text/line-index";

export type { Range };

export function findNonProseRanges(text: string, lines: LineIndex): Range[] {
	const hidden = findHiddenRegions(text);
	const frontmatter = hidden.length > 0 && hidden[0].from === 0 && /^\uFEFF?---/.test(text) ? [hidden[0]] : [];
	let prose = blankRanges(text, frontmatter);
	if (prose.includes("\r")) prose = prose.replace(/\r/g, " ");
	const blocks = readBlockStructure(prose.charCodeAt(0) === 0xfeff ? prose.slice(1) : prose, lines.starts.length);
	const ranges: Range[] = [...hidden];
	for (let line = 0; line < lines.starts.length; line++) {
		if (!blocks.codeLines[line]) continue;
		const from = lines.starts[line];
		let last = line;
		while (last + 1 < lines.starts.length && blocks.codeLines[last + 1]) last++;
		ranges.push({ from, to: last + 1 < lines.starts.length ? lines.starts[last + 1] : text.length });
		line = last;
	}
	ranges.push(...findCodeSpans(prose, mergeRanges(ranges)));
	return mergeRanges(ranges);
}

/**
 * `` `code @key` `` outside the other ranges: each backtick run is handed to the parser's code-span matcher, which
 *  ^ run          ^ its closer (same length, same paragraph), or none: then the run is literal text.
 */
function findCodeSpans(prose: string, excluded: readonly Range[]): Range[] {
	const spans: Range[] = [];
	const matcher = new CodeSpanMatcher(prose);
	const pattern = /[\\`]/g;
	let skip = 0;
	for (let match = pattern.exec(prose); match; match = pattern.exec(prose)) {
		const at = match.index;
		while (skip < excluded.length && excluded[skip].to <= at) skip++;
		if (skip < excluded.length && excluded[skip].from <= at) {
			pattern.lastIndex = excluded[skip].to;
			continue;
		}
		if (match[0] === "\\") {
			pattern.lastIndex = at + 2;
			continue;
		}
		let runEnd = at;
		while (prose.charCodeAt(runEnd) === 0x60) runEnd++;
		const end = matcher.skip(at);
		if (end > runEnd) spans.push({ from: at, to: end });
		pattern.lastIndex = end;
	}
	return spans;
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
