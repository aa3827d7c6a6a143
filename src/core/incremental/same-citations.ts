/**
 * The two questions the incremental audit asks before it moves the previous findings instead of computing
 * them again: did the edit touch a citation, and is the new document the old one moved by the edit?
 */
import type { CitationDocument, TextRange } from "../parse/citation-document";
import type { FreshItems } from "./incremental-parse";
import type { TextChange } from "./text-diff";

/** Whether the edit overlaps or touches a reference, a definition (its whole text) or a link. */
export function touchesCitation(document: CitationDocument, change: TextChange): boolean {
	const touches = (range: TextRange): boolean => range.to >= change.from && range.from <= change.beforeTo;
	return document.references.some(touches) || document.definitions.some(touches) || document.links.some(touches);
}

/** Keys whose numbers are offsets into the text (they move with the edit); every other value must be equal. */
const OFFSET_KEYS = new Set(["from", "to", "contentFrom"]);

/**
 * Whether `after` holds the same references, definitions and links as `before`, in the same order, each with
 * the same fields, its offsets moved by `change` (an offset before the edit stays, one after it shifts by the
 * edit's length). Fields are compared generically, so a field the parser adds is compared too.
 * `fresh`: the items the incremental parser read again; the others it moved itself (its equivalence test
 * holds it to that), so only these are compared. Null: compare all.
 */
export function sameCitationsMoved(before: CitationDocument, after: CitationDocument, change: TextChange, fresh: FreshItems | null): boolean {
	const delta = change.afterTo - change.beforeTo;
	const move = (offset: number): number => (offset < change.from ? offset : offset + delta);
	return (
		sameList(before.references, after.references, move, fresh?.references) &&
		sameList(before.definitions, after.definitions, move, fresh?.definitions) &&
		sameList(before.links, after.links, move, fresh?.links)
	);
}

function sameList(before: readonly object[], after: readonly object[], move: (offset: number) => number, range?: [number, number]): boolean {
	if (before.length !== after.length) return false;
	const [from, to] = range ?? [0, before.length];
	for (let index = from; index < to; index++) {
		const old = before[index];
		const next = after[index];
		// The pieces before the edit are reused as they are: the same object.
		if (old !== next && !sameMoved(old as Record<string, unknown>, next as Record<string, unknown>, move)) return false;
	}
	return true;
}

function sameMoved(old: Record<string, unknown>, next: Record<string, unknown>, move: (offset: number) => number): boolean {
	for (const key in old) {
		const was = old[key];
		const is = next[key];
		if (typeof was === "number" && OFFSET_KEYS.has(key)) {
			if (is !== move(was)) return false;
		} else if (Array.isArray(was)) {
			if (!Array.isArray(is) || is.length !== was.length || was.some((value, at) => value !== is[at])) return false;
		} else if (was !== null && typeof was === "object") {
			if (is === null || typeof is !== "object" || !sameMoved(was as Record<string, unknown>, is as Record<string, unknown>, move)) return false;
		} else if (was !== is) {
			return false;
		}
	}
	// A key only the new one has (one set to undefined counts as absent, as in JSON).
	for (const key in next) if (!(key in old) && next[key] !== undefined) return false;
	return true;
}
