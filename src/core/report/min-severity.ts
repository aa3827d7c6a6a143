/**
 * A minimum severity applied to a report (`--min-severity`, `--quiet`, the configuration's `minSeverity`): the
 * findings below it are left out and the summary counts what is shown, so every format agrees with itself.
 */
import { meetsMinSeverity, type Severity } from "../types";
import { type AuditReport } from "./json-report";

export function reportedFindings(report: AuditReport, minimum: Severity): AuditReport {
	if (minimum === "info") return report;
	const notes = report.notes.map((note) => ({ ...note, findings: note.findings.filter((finding) => meetsMinSeverity(finding.severity, minimum)) }));
	const summary = { ...report.summary, error: 0, warning: 0, info: 0 };
	for (const note of notes) for (const finding of note.findings) summary[finding.severity]++;
	return { ...report, notes, summary };
}
