/**
 * Markdown that is not prose and that markdown-it does not know: YAML frontmatter, Obsidian `%% comments %%`,
 * HTML comments `<!-- -->` and `$…$` / `$$…$$` math. A `[^1]: [[X]]` inside any of them is neither a
 * definition nor a link, so they are blanked (every code unit but line breaks becomes a space) before
 * markdown-it sees the text. Blanking instead of cutting keeps every offset exact.
 *
 * Code is left to markdown-it, which knows it precisely; this pass only steps over fenced code and
 * code spans so that a `%%` or `$` inside code does not open a comment or math.
 */
import { CodeSpanMatcher } from "./code-span";
import { ForwardSearch } from "./forward-search";

export interface Range {
	from: number;
	to: number;
}

/** The characters that can open a hidden region or a code span, or escape one. */
const SPECIAL = /[\\`%<$]/g;

const BACKTICK = 0x60;
const TILDE = 0x7e;
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function findHiddenRegions(text: string): Range[] {
	return new HiddenRegionScanner(text).scan();
}

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

class HiddenRegionScanner {
	private readonly hidden: Range[] = [];
	private readonly commentEnd: ForwardSearch;
	private readonly htmlCommentEnd: ForwardSearch;
	private readonly displayMathEnd: ForwardSearch;
	private readonly codeSpans: CodeSpanMatcher;
	private specialFrom = -1;
	private specialFound = -1;
	private inlineMathFailedUntil = -1;

	constructor(private readonly text: string) {
		this.commentEnd = new ForwardSearch(text, "%%");
		this.htmlCommentEnd = new ForwardSearch(text, "-->");
		this.displayMathEnd = new ForwardSearch(text, "$$");
		this.codeSpans = new CodeSpanMatcher(text);
	}

	scan(): Range[] {
		let pos = this.skipFrontmatter();
		while (pos < this.text.length) {
			const fenceEnd = this.skipFencedCode(pos);
			pos = fenceEnd !== -1 ? fenceEnd : this.scanProseLine(pos);
		}
		return this.hidden;
	}

	private lineEnd(pos: number): number {
		const at = this.text.indexOf("\n", pos);
		return at === -1 ? this.text.length : at;
	}

	/**
	 * `---\n…\n---` at the very start of the note (Obsidian's properties). Unclosed, it is not frontmatter.
	 *  ^ only here
	 */
	private skipFrontmatter(): number {
		// A leading BOM (a file read as is) is not text: `\uFEFF---` still opens the frontmatter.
		const start = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
		if (!/^---[ \t]*\r?$/.test(this.text.slice(start, this.lineEnd(0)))) return start;
		let pos = this.lineEnd(0) + 1;
		while (pos < this.text.length) {
			const end = this.lineEnd(pos);
			if (/^(---|\.\.\.)[ \t]*\r?$/.test(this.text.slice(pos, end))) {
				this.hidden.push({ from: 0, to: end });
				return end + 1;
			}
			pos = end + 1;
		}
		return 0;
	}

	/**
	 * A fenced code block (up to 3 spaces, then ``` or ~~~): returns the start of the line after its
	 * closing fence (or the end of the text), or -1 when `pos` does not start a fence.
	 */
	private skipFencedCode(pos: number): number {
		const open = matchFence(this.text, pos, this.lineEnd(pos));
		if (!open) return -1;
		if (open.char === BACKTICK && this.text.slice(open.end, this.lineEnd(pos)).includes("`")) return -1;
		let line = this.lineEnd(pos) + 1;
		while (line < this.text.length) {
			const end = this.lineEnd(line);
			const close = matchFence(this.text, line, end);
			if (close && close.char === open.char && close.length >= open.length && isBlank(this.text, close.end, end)) {
				return end + 1;
			}
			line = end + 1;
		}
		return this.text.length;
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
				at = this.codeSpans.skip(at);
			} else if (code === 0x25 /* % */ && text.charCodeAt(at + 1) === 0x25) {
				// %% comment %%   (unclosed: Obsidian hides the rest of the note)
				// ^
				const close = this.commentEnd.next(at + 2);
				at = this.hide(at, close === -1 ? text.length : close + 2);
			} else if (code === 0x3c /* < */ && text.startsWith("<!--", at)) {
				const close = this.htmlCommentEnd.next(at + 4);
				// A comment that starts a line is an HTML block, which runs to the end of the line holding `-->`:
				// a backtick or `%%` after it there opens nothing.
				const startsLine = at - pos <= 3 && isBlank(text, pos, at);
				if (close === -1) at += 4;
				else at = startsLine ? this.lineEnd(this.hide(at, close + 3)) : this.hide(at, close + 3);
			} else if (code === 0x24 /* $ */) {
				at = this.skipMath(at, lineEnd);
			} else {
				// Nothing here opens a region: jump to the next character that might (a regex search runs in
				// native code; most of a note is plain words).
				at = Math.min(this.nextSpecial(at + 1), lineEnd);
			}
			if (at > lineEnd) lineEnd = this.lineEnd(at);
		}
		return lineEnd + 1;
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

	private hide(from: number, to: number): number {
		this.hidden.push({ from, to });
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
			const close = this.displayMathEnd.next(at + 2);
			return close === -1 ? at + 2 : this.hide(at, close + 2);
		}
		const next = text.charCodeAt(at + 1);
		if (at + 1 >= lineEnd || next === SPACE || next === TAB || next === CARRIAGE_RETURN) return at + 1;
		if (at < this.inlineMathFailedUntil) return at + 1;
		for (let close = text.indexOf("$", at + 1); close !== -1 && close < lineEnd; close = text.indexOf("$", close + 1)) {
			const before = text.charCodeAt(close - 1);
			const after = text.charCodeAt(close + 1);
			if (before === SPACE || before === TAB || before === 0x5c) continue;
			if (after >= 0x30 && after <= 0x39) continue;
			return this.hide(at, close + 1);
		}
		this.inlineMathFailedUntil = lineEnd;
		return at + 1;
	}
}

/** ```` ``` ```` or `~~~` (3 or more) after at most 3 spaces. */
function matchFence(text: string, pos: number, lineEnd: number): { char: number; length: number; end: number } | null {
	let at = pos;
	while (at < lineEnd && at - pos < 3 && text.charCodeAt(at) === SPACE) at++;
	const char = text.charCodeAt(at);
	if (char !== BACKTICK && char !== TILDE) return null;
	let end = at;
	while (end < lineEnd && text.charCodeAt(end) === char) end++;
	return end - at >= 3 ? { char, length: end - at, end } : null;
}

function isBlank(text: string, from: number, to: number): boolean {
	for (let at = from; at < to; at++) {
		const code = text.charCodeAt(at);
		if (code !== SPACE && code !== TAB && code !== CARRIAGE_RETURN && code !== NEWLINE) return false;
	}
	return true;
}
