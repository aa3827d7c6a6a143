/**
 * Code spans: `` `code` `` or ``` `` co`de `` ```. A run of n backticks is closed by the next run of exactly
 *             ^ opening run
 * n backticks in the same paragraph; unclosed, the run is literal text. Failed searches are remembered per
 * run length, so a paragraph of 100,000 lone backticks is still scanned in linear time.
 */
const BACKTICK = 0x60;

export class CodeSpanMatcher {
	private readonly failedUntil = new Map<number, number>();
	private paragraphFrom = -1;
	private paragraphEnd = -1;

	constructor(private readonly text: string) {}

	/** Offset just past the code span that starts at `at` (a backtick), or past the literal run. */
	skip(at: number): number {
		const text = this.text;
		let runEnd = at;
		while (text.charCodeAt(runEnd) === BACKTICK) runEnd++;
		const length = runEnd - at;
		if (runEnd < (this.failedUntil.get(length) ?? -1)) return runEnd;
		const end = this.endOfParagraph(runEnd);
		for (let close = text.indexOf("`", runEnd); close !== -1 && close < end; ) {
			let closeEnd = close;
			while (text.charCodeAt(closeEnd) === BACKTICK) closeEnd++;
			if (closeEnd - close === length) return closeEnd;
			close = text.indexOf("`", closeEnd);
		}
		this.failedUntil.set(length, end);
		return runEnd;
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
 * `[^x]:`, `#`, `>`, `- `, `* `, `+ `, `1. `, `1) `, ``` or ~~~ after at most 3 spaces.
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
		case 0x2d /* - */:
		case 0x2a /* * */:
		case 0x2b /* + */:
			return next === 0x20 || next === 0x09;
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
