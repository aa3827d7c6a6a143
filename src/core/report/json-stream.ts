/**
 * The `--format json` document written a note at a time, so a vault audit never holds every note's findings:
 * the pieces concatenate to exactly `JSON.stringify(buildAuditReport(audits), null, 2)` (same bytes), given the
 * notes in path order. A note is written as the one item of an array inside an array, where `JSON.stringify`
 * indents it as deep as it stands in the document; the two brackets' lines are cut off (a regular expression
 * re-indenting each line of the note's own JSON cost a third more: 280 against 195 ms for 10,000 notes).
 *
 *   {                         ← jsonReportHead()
 *     "schemaVersion": 1,
 *     "notes": [
 *       { …note 1… },         ← jsonReportNote(note, 0)
 *       { …note 2… }          ← jsonReportNote(note, 1) starts with ",\n"
 *     ],                      ← jsonReportTail(summary, count)
 *     "summary": { … }
 *   }
 */
import type { AuditReport, NoteReport } from "./json-report";

export function jsonReportHead(): string {
	return '{\n  "schemaVersion": 1,\n  "notes": [';
}

/** The `index`-th note of the array (0-based), with the separator before it. */
export function jsonReportNote(note: NoteReport, index: number): string {
	//     [⏎  [⏎    { …note… }⏎  ]⏎]
	//               ^ kept    ^
	const nested = JSON.stringify([[{ path: note.path, stats: note.stats, findings: note.findings }]], null, 2);
	return `${index === 0 ? "\n" : ",\n"}    ${nested.slice(NESTED_OPENING.length, -NESTED_CLOSING.length)}`;
}

/** What `JSON.stringify([[x]], null, 2)` writes around `x`. */
const NESTED_OPENING = "[\n  [\n    ";
const NESTED_CLOSING = "\n  ]\n]";

/** Closes the notes array (`[]` when there were none) and writes the summary. */
export function jsonReportTail(summary: AuditReport["summary"], notes: number): string {
	const summaryJson = JSON.stringify(summary, null, 2).replace(/\n/g, "\n  ");
	return `${notes === 0 ? "]" : "\n  ]"},\n  "summary": ${summaryJson}\n}`;
}

/** Counts a note's findings into a running summary (as buildAuditReport does for the whole list). */
export function addToSummary(summary: AuditReport["summary"], note: Pick<NoteReport, "findings">): void {
	summary.notes++;
	for (const finding of note.findings) summary[finding.severity]++;
}

export function emptySummary(): AuditReport["summary"] {
	return { notes: 0, error: 0, warning: 0, info: 0 };
}
