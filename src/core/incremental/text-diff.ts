/**
 * Where two versions of a note differ: the common prefix and suffix, as one changed range. An editor sends
 * no change list with `editor-change`, so the live audit finds the edit by comparing texts. Comparing
 * character by character costs about 5 ms per megabyte here. Comparing slices instead (V8 compares flat
 * strings with memcmp) costs little per character but an allocation and a call per slice: 2 KB slices were
 * 0.75 ms per megabyte. So the slices grow (256 characters, then twice as long each time) until one differs,
 * and that one is halved until the difference is within a few dozen characters: some 20 slices for a
 * keystroke in a book, about 0.1 ms. The answer is the same as the character-by-character one
 * (tests/core/incremental/text-diff.test.ts compares them).
 */

/** The edit that turns `before` into `after`: `before[from, beforeTo)` was replaced by `after[from, afterTo)`. */
export interface TextChange {
	from: number;
	beforeTo: number;
	afterTo: number;
}

/** The first slice compared; each next one is twice as long. */
const FIRST_SLICE = 256;
/** Below this the differing slice is compared character by character. */
const CHARACTERS = 32;

export function changedRange(before: string, after: string): TextChange {
	const limit = Math.min(before.length, after.length);
	const prefix = commonLength(limit, (from, to) => before.slice(from, to) === after.slice(from, to), (at) => before.charCodeAt(at) === after.charCodeAt(at));
	// The suffix may not overlap the prefix in either text.
	const room = limit - prefix;
	const b = before.length;
	const a = after.length;
	const suffix = commonLength(
		room,
		(from, to) => before.slice(b - to, b - from) === after.slice(a - to, a - from),
		(at) => before.charCodeAt(b - 1 - at) === after.charCodeAt(a - 1 - at),
	);
	return { from: prefix, beforeTo: before.length - suffix, afterTo: after.length - suffix };
}

/**
 * How many positions from 0 on are equal, at most `limit`: `sameSlice(from, to)` says whether positions
 * [from, to) are all equal, `sameAt(at)` whether one is.
 */
function commonLength(limit: number, sameSlice: (from: number, to: number) => boolean, sameAt: (at: number) => boolean): number {
	let low = 0;
	let high = limit;
	for (let length = FIRST_SLICE; low < limit; length *= 2) {
		const end = Math.min(limit, low + length);
		if (!sameSlice(low, end)) {
			high = end;
			break;
		}
		low = end;
	}
	// Positions before `low` are equal; one in [low, high) differs (or low is the limit).
	while (high - low > CHARACTERS) {
		const middle = (low + high) >> 1;
		if (sameSlice(low, middle)) low = middle;
		else high = middle;
	}
	while (low < high && sameAt(low)) low++;
	return low;
}
