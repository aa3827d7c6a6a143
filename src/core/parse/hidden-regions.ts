/**
 * Markdown that is not prose and that markdown-it does not know: YAML frontmatter, Obsidian `%% comments %%`,
 * HTML comments `<!-- -->` and `$…$` / `$$…$$` math. A `[^1]: [[X]]` inside any of them is neither a
 * definition nor a link.
 *
 * Code is decided first, by the note's own block structure (markdown-it on the note as written: fences and
 * indented code in any container, a callout's or a list item's included). Comments and math exist only
 * outside it: a `%%` on a code line (a MATLAB cell marker, a fence in a callout) opens nothing, and a comment
 * or formula that starts in prose closes at the next delimiter outside code, code lines in between staying
 * code. This pass also steps over code spans, so that a `%%` or `$` in `` `…` `` opens nothing either.
 */
import { CodeSpanMatcher } from "./code-span";
import { ForwardSearch } from "./forward-search";
import { WikilinkSpans } from "./wikilink-spans";
import { CODE_LINE } from "./block-structure";
import type { LineIndex } from "../text/line-index";

export interface Range {
	from: number;
	to: number;
}

export type HiddenKind = "comment" | "math";

export interface HiddenRegion extends Range {
	kind: HiddenKind;
}

export interface HiddenScan {
	/** Comments and math in text order; a region may enclose code lines, which keep their role. */
	regions: HiddenRegion[];
	/** Code spans `` `…` `` (backticks included) in prose, in text order. */
	codeSpans: Range[];
}

/** The characters that can open a hidden region or a code span, or escape one. */
const SPECIAL = /[\\`%<$]/g;

const BACKTICK = 0x60;
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Replaces every code unit of the ranges except `\n` and `\r` with a space. */
export function blankRanges(text: string, ranges: readonly Range[]): string {
	if (ranges.length === 0) return text;
	const parts: string[] = [];
	let at = 0;
	for (const { from, to } of ranges) {
		parts.push(text.slice(at, from), text.slice(from, to).replace(/[^\r\n]/g, " "));
		at = to;
	}
	parts.push(text.slice(at));
	return parts.join("");
}

/**
 * Scans the prose from `start` (after the frontmatter): `codeLines[line] === CODE_LINE` marks the code lines
 * markdown-it found in the note as written.
 */
export function scanHiddenRegions(text: string, start: number, lines: LineIndex, codeLines: Uint8Array): HiddenScan {
	return new HiddenRegionScanner(text, lines, codeLines).scan(start);
}

class HiddenRegionScanner {
	private readonly hidden: HiddenRegion[] = [];
	private readonly codeSpans: Range[] = [];
	private readonly commentEnd: ForwardSearch;
	private readonly htmlCommentEnd: ForwardSearch;
	private readonly displayMathEnd: ForwardSearch;
	private readonly codeSpanMatcher: CodeSpanMatcher;
	/** A `$` inside a wikilink opens no math (see wikilink-spans.ts). */
	private readonly wikilinks: WikilinkSpans;
	private readonly hasCode: boolean;
	private specialFrom = -1;
	private specialFound = -1;
	private inlineMathFailedUntil = -1;

	constructor(
		private readonly text: string,
		private readonly lines: LineIndex,
		private readonly codeLines: Uint8Array,
	) {
		this.commentEnd = new ForwardSearch(text, "%%");
		this.htmlCommentEnd = new ForwardSearch(text, "-->");
		this.displayMathEnd = new ForwardSearch(text, "$$");
		this.codeSpanMatcher = new CodeSpanMatcher(text);
		this.wikilinks = new WikilinkSpans(text);
		this.hasCode = codeLines.includes(CODE_LINE);
	}

	scan(start: number): HiddenScan {
		// Read before the loop, not after it: V8 compiles the loop of a long note while it runs (on-stack
		// replacement), before the code after the loop has ever run. That code then holds a deoptimisation that
		// V8 does not discard, and every later (small) note entered it and deoptimised at the loop's end: 0.19 s
		// over the 2,000 cited notes of the 12 MB essay's vault (node --trace-deopt; measured).
		const result: HiddenScan = { regions: this.hidden, codeSpans: this.codeSpans };
		const { starts } = this.lines;
		let pos = start;
		let line = this.lines.position(pos).line - 1;
		while (pos < this.text.length) {
			while (line + 1 < starts.length && starts[line + 1] <= pos) line++;
			if (this.codeLines[line] === CODE_LINE) {
				pos = line + 1 < starts.length ? starts[line + 1] : this.text.length;
				continue;
			}
			pos = this.scanProseLine(pos);
		}
		return result;
	}

	private lineEnd(pos: number): number {
		const at = this.text.indexOf("\n", pos);
		return at === -1 ? this.text.length : at;
	}

	/** Scans one line of prose; returns where the next line starts (later when a region spans lines). */
	private scanProseLine(pos: number): number {
		const text = this.text;
		let lineEnd = this.lineEnd(pos);
		let at = pos;
		while (at < lineEnd) {
			const code = text.charCodeAt(at);
			if (code === 0x5c /* \ */) {
				// A backslash escapes the next character, never the line break (that would read the next line,
				// a fence perhaps, as more of this one).
				at = Math.min(at + 2, lineEnd);
			} else if (code === BACKTICK) {
				at = this.codeSpan(at);
			} else if (code === 0x25 /* % */ && text.charCodeAt(at + 1) === 0x25) {
				// %% comment %%   (unclosed: Obsidian hides the rest of the note)
				// ^
				const close = this.closeOutsideCode(this.commentEnd, at + 2);
				at = this.hide("comment", at, close === -1 ? text.length : close + 2);
			} else if (code === 0x3c /* < */ && text.startsWith("<!--", at)) {
				const close = this.closeOutsideCode(this.htmlCommentEnd, at + 4);
				// A comment that starts a line is an HTML block, which runs to the end of the line holding `-->`:
				// a backtick or `%%` after it there opens nothing.
				const startsLine = at - pos <= 3 && isBlank(text, pos, at);
				if (close === -1) at += 4;
				else at = startsLine ? this.lineEnd(this.hide("comment", at, close + 3)) : this.hide("comment", at, close + 3);
			} else if (code === 0x24 /* $ */) {
				const linkEnd = this.wikilinks.endAround(at, pos, lineEnd);
				at = linkEnd === -1 ? this.skipMath(at, lineEnd) : linkEnd;
			} else {
				// Nothing here opens a region: jump to the next character that might (a regex search runs in
				// native code; most of a note is plain words).
				at = Math.min(this.nextSpecial(at + 1), lineEnd);
			}
			if (at > lineEnd) lineEnd = this.lineEnd(at);
		}
		return lineEnd + 1;
	}

	/** `` `code` ``: records the span; an unclosed run is literal text. */
	private codeSpan(at: number): number {
		let runEnd = at;
		while (this.text.charCodeAt(runEnd) === BACKTICK) runEnd++;
		const end = this.codeSpanMatcher.skip(at);
		if (end > runEnd) this.codeSpans.push({ from: at, to: end });
		return end;
	}

	/** The next `needle` from `from` that does not stand on a code line, or -1. */
	private closeOutsideCode(search: ForwardSearch, from: number): number {
		let close = search.next(from);
		if (!this.hasCode) return close;
		while (close !== -1) {
			const line = this.lines.position(close).line - 1;
			if (this.codeLines[line] !== CODE_LINE) return close;
			let next = line + 1;
			while (next < this.codeLines.length && this.codeLines[next] === CODE_LINE) next++;
			if (next >= this.lines.starts.length) return -1;
			close = search.next(this.lines.starts[next]);
		}
		return close;
	}

	/**
	 * The next offset ≥ `from` holding a SPECIAL character (or the text's end). Remembered, because the
	 * answer often lies many lines ahead and each of those lines would otherwise search for it again.
	 */
	private nextSpecial(from: number): number {
		if (from >= this.specialFrom && from <= this.specialFound) return this.specialFound;
		SPECIAL.lastIndex = from;
		this.specialFrom = from;
		this.specialFound = SPECIAL.test(this.text) ? SPECIAL.lastIndex - 1 : this.text.length;
		return this.specialFound;
	}

	private hide(kind: HiddenKind, from: number, to: number): number {
		this.hidden.push({ kind, from, to });
		return to;
	}

	/**
	 * `$$display$$` (may span lines) or `$inline$` on one line: the opening `$` is followed by a non-space,
	 *  ^                                   ^
	 * the closing one preceded by a non-space and not followed by a digit (so "$5 and $10" is not math).
	 */
	private skipMath(at: number, lineEnd: number): number {
		const text = this.text;
		if (text.charCodeAt(at + 1) === 0x24) {
			const close = this.closeOutsideCode(this.displayMathEnd, at + 2);
			return close === -1 ? at + 2 : this.hide("math", at, close + 2);
		}
		const next = text.charCodeAt(at + 1);
		if (at + 1 >= lineEnd || next === SPACE || next === TAB || next === CARRIAGE_RETURN) return at + 1;
		if (at < this.inlineMathFailedUntil) return at + 1;
		for (let close = text.indexOf("$", at + 1); close !== -1 && close < lineEnd; close = text.indexOf("$", close + 1)) {
			const before = text.charCodeAt(close - 1);
			const after = text.charCodeAt(close + 1);
			if (before === SPACE || before === TAB || before === 0x5c) continue;
			if (after >= 0x30 && after <= 0x39) continue;
			return this.hide("math", at, close + 1);
		}
		this.inlineMathFailedUntil = lineEnd;
		return at + 1;
	}
}

function isBlank(text: string, from: number, to: number): boolean {
	for (let at = from; at < to; at++) {
		const code = text.charCodeAt(at);
		if (code !== SPACE && code !== TAB && code !== CARRIAGE_RETURN && code !== NEWLINE) return false;
	}
	return true;
}
