/**
 * A unified diff of two texts, as `diff -u` writes it, for `--dry-run`: `---`/`+++` headers, hunks with three
 * lines of context, `\ No newline at end of file` where a side ends without one. Lines are split at `\n` only,
 * so a CRLF note shows its `\r` as part of each line, the way GNU diff shows it.
 *
 * The line alignment is Myers' greedy O((N+M)·D) algorithm on what remains after the common head and tail are
 * taken off; past a budget of differences (a note renumbered from top to bottom) the middle is shown as one
 * replaced block, which is still a correct diff, only a coarser one.
 */

const CONTEXT = 3;
const MAX_DIFFERENCES = 2000;

type Operation = " " | "-" | "+";

interface Line {
	operation: Operation;
	text: string;
	/** 0-based index in the old and new line lists, of the line or of where it would go. */
	oldIndex: number;
	newIndex: number;
}

/** "" when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
	if (oldText === newText) return "";
	// Each line keeps its `\n`, so a last line without one differs from the same line with one.
	const script = diffLines(splitLines(oldText), splitLines(newText));
	let out = `--- ${oldName}\n+++ ${newName}\n`;
	for (const hunk of hunks(script)) {
		const first = hunk[0];
		const oldCount = hunk.filter((line) => line.operation !== "+").length;
		const newCount = hunk.filter((line) => line.operation !== "-").length;
		out += `@@ -${range(first.oldIndex, oldCount)} +${range(first.newIndex, newCount)} @@\n`;
		for (const line of hunk) {
			out += line.text.endsWith("\n") ? `${line.operation}${line.text}` : `${line.operation}${line.text}\n\\ No newline at end of file\n`;
		}
	}
	return out;
}

/** `start,count` as GNU diff writes it: 1-based; `start` alone for one line; the line before for none. */
function range(index: number, count: number): string {
	if (count === 0) return `${index},0`;
	return count === 1 ? `${index + 1}` : `${index + 1},${count}`;
}

/** Lines with their `\n` (the last one may have none). */
function splitLines(text: string): string[] {
	const lines: string[] = [];
	for (let at = 0; at < text.length; ) {
		const lineBreak = text.indexOf("\n", at);
		const end = lineBreak === -1 ? text.length : lineBreak + 1;
		lines.push(text.slice(at, end));
		at = end;
	}
	return lines;
}

/** The edit script: every line of both texts, in order, marked kept, removed or added. */
export function diffLines(a: readonly string[], b: readonly string[]): Line[] {
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
	const script: Line[] = [];
	for (let index = 0; index < head; index++) script.push({ operation: " ", text: a[index], oldIndex: index, newIndex: index });
	const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)) ?? replaceAll(a.length - head - tail, b.length - head - tail);
	let oldIndex = head;
	let newIndex = head;
	for (const operation of middle) {
		if (operation === " ") script.push({ operation, text: a[oldIndex], oldIndex: oldIndex++, newIndex: newIndex++ });
		else if (operation === "-") script.push({ operation, text: a[oldIndex], oldIndex: oldIndex++, newIndex });
		else script.push({ operation, text: b[newIndex], oldIndex, newIndex: newIndex++ });
	}
	for (let index = 0; index < tail; index++) {
		script.push({ operation: " ", text: a[oldIndex], oldIndex: oldIndex++, newIndex: newIndex++ });
	}
	return script;
}

function replaceAll(removed: number, added: number): Operation[] {
	return [...Array<Operation>(removed).fill("-"), ...Array<Operation>(added).fill("+")];
}

/**
 * Myers' greedy shortest edit script: `v[k]` is the furthest x reached on diagonal k = x − y after d
 * differences; each d's `v` is kept to walk back. Null past MAX_DIFFERENCES.
 */
function myers(a: readonly string[], b: readonly string[]): Operation[] | null {
	const n = a.length;
	const m = b.length;
	const max = Math.min(n + m, MAX_DIFFERENCES);
	const offset = max + 1;
	const v = new Int32Array(2 * max + 3);
	const trace: Int32Array[] = [];
	for (let d = 0; d <= max; d++) {
		trace.push(v.slice(offset - d - 1, offset + d + 2));
		for (let k = -d; k <= d; k += 2) {
			// Step down (an added line) from diagonal k+1, or right (a removed line) from k−1.
			let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) return backtrack(trace, d, n, m);
		}
	}
	return null;
}

/** Walks the trace back from (n, m) to (0, 0), emitting operations in reverse. */
function backtrack(trace: readonly Int32Array[], last: number, n: number, m: number): Operation[] {
	const operations: Operation[] = [];
	let x = n;
	let y = m;
	for (let d = last; d > 0; d--) {
		// trace[d] holds v before step d, for diagonals −d−1 … d+1.
		const before = trace[d];
		const at = (k: number): number => before[k + d + 1];
		const k = x - y;
		const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
		const previousK = down ? k + 1 : k - 1;
		const previousX = at(previousK);
		const previousY = previousX - previousK;
		while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) {
			operations.push(" ");
			x--;
			y--;
		}
		operations.push(down ? "+" : "-");
		if (down) y--;
		else x--;
	}
	while (x > 0 && y > 0) {
		operations.push(" ");
		x--;
		y--;
	}
	return operations.reverse();
}

/** Groups changed lines with up to three lines of context; changes closer than 2 × 3 lines share a hunk. */
function hunks(script: readonly Line[]): Line[][] {
	const result: Line[][] = [];
	let index = 0;
	while (index < script.length) {
		while (index < script.length && script[index].operation === " ") index++;
		if (index >= script.length) break;
		const start = Math.max(0, index - CONTEXT);
		let end = index;
		// Extend over changes and over runs of context short enough to join the next change.
		for (;;) {
			while (end < script.length && script[end].operation !== " ") end++;
			let gap = end;
			while (gap < script.length && script[gap].operation === " ") gap++;
			if (gap < script.length && gap - end <= 2 * CONTEXT) end = gap;
			else {
				end = Math.min(script.length, end + CONTEXT);
				break;
			}
		}
		result.push(script.slice(start, end));
		index = end;
	}
	return result;
}
