/**
 * The `--format json` document (schemaVersion 1). Built here, not in the command line, so the plugin's
 * vault audit and the command line produce the very same objects.
 */
import type { NoteAudit } from "../audit/audit-note";
import type { Finding, NoteStats, Severity } from "../types";

export interface NoteReport {
	path: string;
	stats: NoteStats;
	findings: Finding[];
}

export interface AuditReport {
	schemaVersion: 1;
	notes: NoteReport[];
	summary: { notes: number } & Record<Severity, number>;
}

/** Notes sorted by path so the output is stable whatever order the file system lists them in. */
export function buildAuditReport(audits: readonly Pick<NoteAudit, "path" | "stats" | "findings">[]): AuditReport {
	const notes = audits
		.map(({ path, stats, findings }) => ({ path, stats, findings }))
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const summary = { notes: notes.length, error: 0, warning: 0, info: 0 };
	for (const note of notes) for (const finding of note.findings) summary[finding.severity]++;
	return { schemaVersion: 1, notes, summary };
}

/** "3 notes: 2 errors, 1 warning, 0 info" */
export function describeSummary(summary: AuditReport["summary"]): string {
	const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
	return `${plural(summary.notes, "note")} audited: ${plural(summary.error, "error")}, ${plural(summary.warning, "warning")}, ${summary.info} info`;
}
