// Change application and position mapping for the in-memory editor, following CodeMirror 6
// (`ChangeSet.of` + `ChangeDesc.mapPos`): all changes of a transaction refer to the original
// document; each one is mapped through the changes applied before it, so in-order and
// out-of-order non-overlapping changes behave exactly like one CodeMirror change set.
// Mapping rules (CodeMirror's mapPos): a position before a change is unchanged; at an
// insertion point it stays before the insert for assoc < 0 and moves after it for assoc > 0;
// the start of a replaced range stays at the start; inside a replaced range it goes to the
// start (assoc < 0) or the end (assoc > 0) of the replacement; the end of a replaced range
// goes after the replacement.

export interface Change { from: number; to: number; insert: string }
export interface Sel { anchor: number; head: number }

export function mapOne(change: Change, pos: number, assoc: number): number {
	const len = change.to - change.from;
	const ins = change.insert.length;
	if (pos < change.from) return pos;
	if (len === 0) {
		if (pos > change.from) return pos + ins;
		return assoc < 0 ? pos : pos + ins;
	}
	if (pos === change.from) return pos;
	if (pos < change.to) return assoc < 0 ? change.from : change.from + ins;
	return pos + ins - len;
}

/** Map a position through changes applied one after the other. */
export function mapPos(applied: Change[], pos: number, assoc: number): number {
	return applied.reduce((p, change) => mapOne(change, p, assoc), pos);
}

export interface ApplyResult {
	doc: string;
	/** The changes as applied one after the other, each in the offsets of the text the ones before it left. */
	applied: Change[];
	/** The text each applied change replaced (what undoing it puts back), copied out of the old document. */
	removed: string[];
	/** Map an offset of the original document to the new one. */
	map: (pos: number, assoc: number) => number;
}

export function applyChanges(doc: string, changes: Change[]): ApplyResult {
	const applied: Change[] = [];
	const removed: string[] = [];
	let current = doc;
	for (const change of changes) {
		if (!(change.from >= 0 && change.from <= change.to && change.to <= doc.length)) {
			throw new RangeError(`Invalid change range ${change.from} to ${change.to} (in doc of length ${doc.length})`);
		}
		if (change.from === change.to && change.insert === "") continue;
		const from = mapPos(applied, change.from, 1);
		const to = Math.max(from, mapPos(applied, change.to, -1));
		removed.push(copied(current.substring(from, to)));
		current = current.substring(0, from) + change.insert + current.substring(to);
		applied.push({ from, to, insert: change.insert });
	}
	return { doc: current, applied, removed, map: (pos, assoc) => mapPos(applied, pos, assoc) };
}

/**
 * A string that does not keep the document it was cut from alive: V8 represents a long substring as a view
 * of its parent, so a history of substrings would hold every past version of a 1 MB note (2 MB each).
 */
function copied(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Offsets where each line starts. */
export function lineStarts(doc: string): number[] {
	const starts = [0];
	for (let i = doc.indexOf("\n"); i !== -1; i = doc.indexOf("\n", i + 1)) starts.push(i + 1);
	return starts;
}

/**
 * EditorPosition -> offset, as the app does it: negative line -> 0, line past the end -> doc
 * length, non-finite `ch` -> line end, negative `ch` counts from the line end, `ch` is not
 * clamped to the line length.
 */
export function positionToOffset(doc: string, starts: number[], pos: { line: number; ch: number }): number {
	if (pos.line < 0) return 0;
	if (pos.line >= starts.length) return doc.length;
	const from = starts[pos.line];
	const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] - 1 : doc.length;
	if (!Number.isFinite(pos.ch)) return lineEnd;
	return pos.ch < 0 ? from + Math.max(0, lineEnd - from + pos.ch) : from + pos.ch;
}
