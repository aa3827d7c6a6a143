/**
 * `--format text`: the shape writers know from linters, one finding a line, grouped by note:
 *   Essays/On risk.md:12:8  error  [^49] cites "X", which matches no file in the vault  [unresolved-target]
 */
import { describeSummary, type AuditReport, type NoteReport } from "./json-report";

export function formatTextReport(report: AuditReport): string {
	const blocks: string[] = [];
	for (const note of report.notes) {
		const block = formatTextNote(note);
		if (block !== null) blocks.push(block);
	}
	blocks.push(describeSummary(report.summary));
	return `${blocks.join("\n\n")}\n`;
}

/**
 * One note's lines of the text report, or null when it has no finding: the report is these blocks joined by
 * blank lines, then the summary line, so the command line can write it a note at a time.
 */
export function formatTextNote(note: Pick<NoteReport, "path" | "findings">): string | null {
	if (note.findings.length === 0) return null;
	let severityWidth = 0;
	for (const finding of note.findings) severityWidth = Math.max(severityWidth, finding.severity.length);
	const lines = note.findings.map(
		(finding) => `${note.path}:${finding.line}:${finding.column}  ${finding.severity.padEnd(severityWidth)}  ${oneLine(finding.message)}  [${finding.kind}]`,
	);
	return lines.join("\n");
}

/** A message quotes the writer's text; a line break in it must not break the one-line-per-finding shape. */
function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, " ");
}
