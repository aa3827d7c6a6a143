/**
 * Code spans: `` `code` `` or ``` `` co`de `` ```. A run of n backticks is closed by the next run of exactly
 *             ^ opening run
 * n backticks in the same paragraph; unclosed, the run is literal text. The backtick runs of a paragraph are
 * indexed by length once, the first time one of its runs is looked at: looking for a closer is then a step of
 * a cursor, so a paragraph of 100,000 lone backticks, or of runs of every length from 1 to 2,000 (which no
 * closer ends), is read in linear time.
 */
const BACKTICK = 0x60;

/** Where the paragraph holding `from` ends (the start of the line after it, or the end of the text). */
export type ParagraphEnd = (from: number) => number;

interface RunIndex {
	/** The indexed stretch of text: from a run boundary to the paragraph's end. */
	from: number;
	end: number;
	/** Start offsets of the backtick runs, by run length, in text order. */
	starts: Map<number, number[]>;
	/** Per run length, the first entry of `starts` not yet passed. */
	cursors: Map<number, number>;
}

export class CodeSpanMatcher {
	private paragraphFrom = -1;
	private paragraphEnd = -1;
	private runs: RunIndex | null = null;
	private readonly endOf: ParagraphEnd;

	/** `paragraphEnd` defaults to a line-based guess (blank lines and lines that open blocks end a paragraph). */
	constructor(
		private readonly text: string,
		paragraphEnd?: ParagraphEnd,
	) {
		this.endOf = paragraphEnd ?? ((from) => this.endOfParagraph(from));
	}

	/** Offset just past the code span that starts at `at` (a backtick), or past the literal run. */
	skip(at: number): number {
		const text = this.text;
		let runEnd = at;
		while (text.charCodeAt(runEnd) === BACKTICK) runEnd++;
		const end = this.endOf(runEnd);
		let runs = this.runs;
		if (!runs || runs.end !== end || runEnd < runs.from) runs = this.runs = indexRuns(text, runEnd, end);
		const length = runEnd - at;
		const starts = runs.starts.get(length);
		if (!starts) return runEnd;
		let cursor = runs.cursors.get(length) ?? 0;
		while (cursor < starts.length && starts[cursor] < runEnd) cursor++;
		runs.cursors.set(length, cursor);
		return cursor < starts.length ? starts[cursor] + length : runEnd;
	}

	/**
	 * Start of the next line after the one holding `from` that ends the paragraph: a blank line, or a line
	 * that opens another block (a footnote definition, a heading, a quote, a list item, a fence). Without the
	 * latter a backtick in `[^3]: …` would pair with one in `[^7]: …` and hide the definitions between.
	 */
	private endOfParagraph(from: number): number {
		if (from >= this.paragraphFrom && from <= this.paragraphEnd) return this.paragraphEnd;
		const text = this.text;
		this.paragraphFrom = from;
		let line = text.indexOf("\n", from);
		// An ATX heading is one line: a span opened in it closes on that line or not at all.
		if (isAtxHeading(text, text.lastIndexOf("\n", from - 1) + 1)) {
			this.paragraphEnd = line === -1 ? text.length : line + 1;
			return this.paragraphEnd;
		}
		while (line !== -1) {
			const start = line + 1;
			let at = start;
			while (at < text.length) {
				const code = text.charCodeAt(at);
				if (code !== 0x20 && code !== 0x09 && code !== 0x0d) break;
				at++;
			}
			if (at >= text.length || text.charCodeAt(at) === 0x0a || opensBlock(text, start)) {
				this.paragraphEnd = start;
				return start;
			}
			line = text.indexOf("\n", at);
		}
		this.paragraphEnd = text.length;
		return text.length;
	}
}

/**
 * Whether the line starting at `start` opens a block that ends a paragraph:
 * `[^x]:`, `#`, `>`, `- `, `* `, `+ `, `1. `, `1) `, ``` or ~~~ after at most 3 spaces, a thematic break
 * (`***`, `- - -`, `___`), a setext underline (`===`, `---`) or an HTML comment (`<!--`).
 */
export function opensBlock(text: string, start: number): boolean {
	let at = start;
	while (at - start < 3 && text.charCodeAt(at) === 0x20) at++;
	const code = text.charCodeAt(at);
	const next = text.charCodeAt(at + 1);
	switch (code) {
		case 0x5b /* [ */:
			return next === 0x5e /* ^ */ && /^\[\^[^\]\s]+\]:/.test(text.slice(at, at + 200));
		case 0x23 /* # */:
		case 0x3e /* > */:
			return true;
		case 0x3c /* < */:
			return text.startsWith("<!--", at);
		case 0x2d /* - */:
		case 0x2a /* * */:
		case 0x2b /* + */:
			return next === 0x20 || next === 0x09 || isBreakLine(text, at, code);
		case 0x5f /* _ */:
		case 0x3d /* = */:
			return isBreakLine(text, at, code);
		case 0x60 /* ` */:
		case 0x7e /* ~ */:
			return next === code && text.charCodeAt(at + 2) === code;
		default: {
			let digits = at;
			while (digits - at < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++;
			const marker = text.charCodeAt(digits);
			return digits > at && (marker === 0x2e || marker === 0x29) && text.charCodeAt(digits + 1) === 0x20;
		}
	}
}

/**
 * A thematic break (`***`, `___`, `- - -`: three or more, blanks between allowed) or a setext underline (`===`,
 * `---`: one or more, no blank between): the rest of the line from `at` holds only `mark` and blanks.
 */
function isBreakLine(text: string, at: number, mark: number): boolean {
	let count = 0;
	let blankBetween = false;
	let pendingBlank = false;
	let end = at;
	for (; end < text.length; end++) {
		const code = text.charCodeAt(end);
		if (code === mark) {
			count++;
			if (pendingBlank) blankBetween = true;
			pendingBlank = false;
		} else if (code === 0x20 || code === 0x09) {
			pendingBlank = true;
		} else {
			break;
		}
	}
	if (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) return false;
	if (mark !== 0x3d /* = */ && mark !== 0x2b /* + */ && count >= 3) return true;
	return (mark === 0x3d || mark === 0x2d) && !blankBetween;
}

/** `#` to `######` after at most 3 spaces, then a blank or the end of the line. */
function isAtxHeading(text: string, start: number): boolean {
	let at = start;
	while (at - start < 3 && text.charCodeAt(at) === 0x20) at++;
	const hashes = at;
	while (at - hashes < 7 && text.charCodeAt(at) === 0x23) at++;
	if (at === hashes || at - hashes > 6) return false;
	const next = text.charCodeAt(at);
	return at >= text.length || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/** The backtick runs of `text[from, end)`, `from` being just past a run (or where no run is cut). */
function indexRuns(text: string, from: number, end: number): RunIndex {
	const starts = new Map<number, number[]>();
	for (let at = text.indexOf("`", from); at !== -1 && at < end; ) {
		let runEnd = at;
		while (text.charCodeAt(runEnd) === BACKTICK) runEnd++;
		const list = starts.get(runEnd - at);
		if (list) list.push(at);
		else starts.set(runEnd - at, [at]);
		at = text.indexOf("`", runEnd);
	}
	return { from, end, starts, cursors: new Map() };
}
