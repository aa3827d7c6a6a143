/**
 * Offsets ⇄ 1-based line/column. Findings carry both, and both must agree exactly whatever the line
 * endings: a line ends at `\n`, so in a CRLF file the `\r` is the last code unit of its line.
 */
export interface LineIndex {
	/** Offset of the first code unit of each line (0-based lines). */
	readonly starts: readonly number[];
	/** 1-based line and column (UTF-16 code units) of an offset. */
	position(offset: number): { line: number; column: number };
	/** Offset just past the last code unit of a 0-based line, before its `\r\n` or `\n`. */
	contentEnd(line: number): number;
}

export function buildLineIndex(text: string): LineIndex {
	const starts = [0];
	for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);

	const lineOf = (offset: number): number => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (starts[middle] <= offset) low = middle;
			else high = middle - 1;
		}
		return low;
	};

	return {
		starts,
		position(offset) {
			const line = lineOf(offset);
			return { line: line + 1, column: offset - starts[line] + 1 };
		},
		contentEnd(line) {
			const next = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
			return next > starts[line] && text.charCodeAt(next - 1) === 0x0d && next < text.length ? next - 1 : next;
		},
	};
}
