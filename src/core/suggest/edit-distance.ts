/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) with an upper bound: the
 * suggester only ever asks "within one or two edits?", so the band outside `max` is never computed.
 */

/** Scratch rows, grown as needed, so scoring allocates nothing. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The OSA distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`. Only the diagonal band of
 * width `2 * max + 1` is computed, and the early exit keeps unrelated long words cheap.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (a === b) return 0;
	if (max === 1) return withinOneEdit(a, b) ? 1 : 2;
	const n = b.length;
	if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
	const over = max + 1;
	let [before, previous, current] = rows;
	for (let j = 0; j <= n; j++) previous[j] = j <= max ? j : over;
	for (let i = 1; i <= a.length; i++) {
		const from = Math.max(1, i - max);
		const to = Math.min(n, i + max);
		current[0] = i <= max ? i : over;
		if (from > 1) current[from - 1] = over;
		let rowMin = current[0];
		for (let j = from; j <= to; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, before[j - 2] + 1);
			}
			current[j] = Math.min(value, over);
			if (value < rowMin) rowMin = value;
		}
		if (to < n) current[to + 1] = over;
		if (rowMin > max) return over;
		[before, previous, current] = [previous, current, before];
	}
	return Math.min(previous[n], over);
}

/**
 * Whether `a` (not equal to `b`) becomes `b` by one edit, in one pass instead of the table: what is left
 * between their common start and common end must be one character replaced, added or dropped, or two
 * neighbours swapped. The suggester asks this for most word pairs it scores.
 *
 *     forest / forrest: common start `for`, end `est`, left: `` and `r` (one added)
 *     form   / from   : start `f`, end `m`, left: `or` and `ro` (a swap)
 */
function withinOneEdit(a: string, b: string): boolean {
	const shorter = Math.min(a.length, b.length);
	let start = 0;
	while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
	let end = 0;
	while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
	const leftA = a.length - start - end;
	const leftB = b.length - start - end;
	if (leftA <= 1 && leftB <= 1) return true;
	return leftA === 2 && leftB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/** Whether `a` becomes `b` by swapping one pair of neighbouring characters (`teh` → `the`). */
export function isAdjacentSwap(a: string, b: string): boolean {
	if (a.length !== b.length || a === b) return false;
	let at = 0;
	while (a[at] === b[at]) at++;
	return at + 1 < a.length && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}
