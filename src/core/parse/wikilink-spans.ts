/**
 * Where a `$` stands inside a wikilink of its line, for the hidden-region scan: a wikilink's target is a name,
 * not prose, so a `$` there opens no math. Obsidian's link autocomplete copies a heading's math into the link
 * as written (`[[Groups#$G$ acting on itself]]`, help.obsidian.md "Link to a heading"; issue 12 item 9 lists
 * math among the heading forms such links must resolve).
 *
 *   Text [[Groups#$G$ acting on itself]] more
 *        ^ open   ^ a `$` here          ^ the span ends after `]]`
 *
 * A span is a `[[` with the first `]]` after it on the line, no other `[[` between them (the later one is the
 * link's start) and no backtick (the `[[` or `]]` may stand in a code span, which the scan decides on its own).
 * The spans of a line are found once, in one pass over it, when its first `$` asks: a line of 100,000 `$` or
 * `[[` costs one pass, not one per `$`.
 */
export class WikilinkSpans {
	private lineStart = -1;
	private lineEnd = -1;
	/** Pairs of offsets: each span's `[[` and the offset just after its `]]`, in text order. */
	private spans: number[] = [];
	private next = 0;

	constructor(private readonly text: string) {}

	/**
	 * Where the wikilink holding the `$` at `at` ends (after its `]]`), or -1 when it stands in none of the line
	 * from `lineStart` to `lineEnd`. Offsets asked on one line must not decrease (the scan goes left to right).
	 */
	endAround(at: number, lineStart: number, lineEnd: number): number {
		if (lineStart !== this.lineStart || lineEnd !== this.lineEnd) this.readLine(lineStart, lineEnd);
		while (this.next < this.spans.length && this.spans[this.next + 1] <= at) this.next += 2;
		if (this.next >= this.spans.length || this.spans[this.next] > at) return -1;
		return this.spans[this.next + 1];
	}

	private readLine(lineStart: number, lineEnd: number): void {
		this.lineStart = lineStart;
		this.lineEnd = lineEnd;
		this.spans = [];
		this.next = 0;
		const line = this.text.slice(lineStart, lineEnd);
		let close = -1;
		let backtick = -1;
		for (let open = line.indexOf("[["); open !== -1; ) {
			if (close < open + 2) close = line.indexOf("]]", open + 2);
			if (close === -1) return;
			const reopened = line.indexOf("[[", open + 1);
			if (reopened !== -1 && reopened < close) {
				open = reopened;
				continue;
			}
			if (backtick < open) backtick = line.indexOf("`", open);
			if (backtick === -1 || backtick >= close) this.spans.push(lineStart + open, lineStart + close + 2);
			open = line.indexOf("[[", close + 2);
		}
	}
}
