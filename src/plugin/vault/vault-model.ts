/**
 * What the vault mode shows, as plain data: totals, and the notes with problems ordered by severity (most
 * errors first, then warnings, then info, then by path), optionally narrowed to one finding kind.
 */
import type { NoteReport } from "../../core/report/json-report";
import { ALL_FINDING_KINDS, type Finding, type FindingKind, type Severity } from "../../core/types";

export type KindFilter = FindingKind | "all";

export interface VaultTotals extends Record<Severity, number> {
	notes: number;
	notesWithProblems: number;
}

export interface VaultNoteRow {
	/** The note's path: stable across audits, so the view keeps a row (and whether it is expanded). */
	key: string;
	path: string;
	/** File name without `.md`. */
	name: string;
	/** Parent folder, "" at the vault root. */
	folder: string;
	counts: Record<Severity, number>;
	/** The findings the filter lets through, in the note's order. */
	findings: Finding[];
}

export function vaultTotals(notes: readonly NoteReport[]): VaultTotals {
	const totals: VaultTotals = { notes: notes.length, notesWithProblems: 0, error: 0, warning: 0, info: 0 };
	for (const note of notes) {
		if (note.findings.length > 0) totals.notesWithProblems++;
		for (const finding of note.findings) totals[finding.severity]++;
	}
	return totals;
}

/** How many findings of each kind the vault has, in the settings' kind order; kinds with none left out. */
export function kindCounts(notes: readonly NoteReport[]): [FindingKind, number][] {
	const counts = new Map<FindingKind, number>();
	for (const note of notes) for (const finding of note.findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
	return ALL_FINDING_KINDS.filter((kind) => counts.has(kind)).map((kind) => [kind, counts.get(kind) ?? 0]);
}

export function buildVaultRows(notes: readonly NoteReport[], filter: KindFilter): VaultNoteRow[] {
	const rows: VaultNoteRow[] = [];
	for (const note of notes) {
		const findings = filter === "all" ? note.findings : note.findings.filter((finding) => finding.kind === filter);
		if (findings.length === 0) continue;
		const counts = { error: 0, warning: 0, info: 0 };
		for (const finding of findings) counts[finding.severity]++;
		const slash = note.path.lastIndexOf("/");
		const file = note.path.slice(slash + 1);
		rows.push({
			key: note.path,
			path: note.path,
			name: file.replace(/\.md$/i, ""),
			folder: slash === -1 ? "" : note.path.slice(0, slash),
			counts,
			findings,
		});
	}
	return rows.sort(
		(a, b) =>
			b.counts.error - a.counts.error ||
			b.counts.warning - a.counts.warning ||
			b.counts.info - a.counts.info ||
			(a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
	);
}

/** `2 errors · 1 warning`, the counts that are not zero. */
export function describeCounts(counts: Record<Severity, number>): string {
	const parts: string[] = [];
	if (counts.error > 0) parts.push(`${counts.error} ${counts.error === 1 ? "error" : "errors"}`);
	if (counts.warning > 0) parts.push(`${counts.warning} ${counts.warning === 1 ? "warning" : "warnings"}`);
	if (counts.info > 0) parts.push(`${counts.info} info`);
	return parts.join(" · ");
}
