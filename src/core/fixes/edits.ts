/**
 * Text edits: what every fix returns. An edit replaces `text.slice(from, to)` with `insert`; offsets index the
 * text the audit was computed on (UTF-16 code units, like CodeMirror's changes), never a partly edited text.
 * A list of edits is sorted and non-overlapping, so it can go into one editor transaction or one string pass.
 */

export interface TextEdit {
	from: number;
	to: number;
	insert: string;
}

/** Thrown when a list of edits cannot be applied as a whole: overlapping, out of order or out of range. */
export class EditConflictError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "EditConflictError";
	}
}

/**
 * Sorts edits by position and checks that they do not overlap. Two edits may touch (`a.to === b.from`), but
 * two insertions at one offset are refused: their order would be a guess.
 */
export function sortEdits(edits: readonly TextEdit[], textLength: number): TextEdit[] {
	const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
	let previous: TextEdit | undefined;
	for (const edit of sorted) {
		if (!(edit.from >= 0 && edit.from <= edit.to && edit.to <= textLength)) {
			throw new EditConflictError(`edit [${edit.from}, ${edit.to}) is outside the text (length ${textLength})`);
		}
		if (previous) {
			const overlaps = edit.from < previous.to;
			const sameInsertionPoint = edit.from === previous.from && edit.from === edit.to && previous.from === previous.to;
			if (overlaps || sameInsertionPoint) {
				throw new EditConflictError(`edits [${previous.from}, ${previous.to}) and [${edit.from}, ${edit.to}) overlap`);
			}
		}
		previous = edit;
	}
	return sorted;
}

/** Applies edits (in any order) to the text they were computed against; throws EditConflictError on overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	if (edits.length === 0) return text;
	const sorted = sortEdits(edits, text.length);
	const parts: string[] = [];
	let at = 0;
	for (const edit of sorted) {
		parts.push(text.slice(at, edit.from), edit.insert);
		at = edit.to;
	}
	parts.push(text.slice(at));
	return parts.join("");
}


/**
 * One edit turning `before` into `after`: the span between their common start and common end. For a change
 * made in several steps (fix all, run until nothing changes), so the editor applies it as one transaction.
 */
export function editBetween(before: string, after: string): TextEdit[] {
	if (before === after) return [];
	let start = 0;
	const shorter = Math.min(before.length, after.length);
	while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let end = 0;
	while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
	// Never split a surrogate pair or a CRLF between the kept and the replaced part.
	while (start > 0 && isSecondHalf(before, start)) start--;
	while (end > 0 && isSecondHalf(before, before.length - end)) end--;
	return [{ from: start, to: before.length - end, insert: after.slice(start, after.length - end) }];
}

function isSecondHalf(text: string, at: number): boolean {
	const code = text.charCodeAt(at);
	const previous = text.charCodeAt(at - 1);
	return (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) || (code === 0x0a && previous === 0x0d);
}
