/**
 * What a fix hands its caller: a title for the button, the edits, and what the writer should see before
 * applying it. Every fix is a pure function of a NoteAudit; it returns null (or an empty list) when it does
 * not apply or when applying it could lose text, never a guess.
 */
import type { NoteAudit } from "../audit/audit-note";
import type { TextEdit } from "./edits";

export interface CitationFix {
	/** Sentence case, for a button, a menu item or a notice: "Merge [^11], [^12] and [^14] into [^10]". */
	title: string;
	/** Sorted and non-overlapping, with offsets into `audit.document.text`. */
	edits: TextEdit[];
	/** The footnote definitions the fix deletes, as written, so the interface can show what goes. */
	removedText?: string[];
	/**
	 * Set on a merge whose deleted definition says more than the one it is merged into (a page number, a
	 * quote): the writer must see `removedText` and confirm. `fixAllSafe` never applies such a merge.
	 */
	lossy?: boolean;
	/** Where the cursor belongs after the edits, as an offset into the edited text (a new definition's end). */
	cursor?: number;
}

/**
 * Whether `audit` was computed on exactly `text`. A fix's offsets are only valid for that text: the plugin
 * refuses a fix when the note changed since its audit.
 */
export function isAuditCurrent(audit: NoteAudit, text: string): boolean {
	return audit.document.text === text;
}
