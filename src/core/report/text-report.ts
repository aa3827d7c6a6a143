/**
 * `--format text`: the shape writers know from linters, one finding a line, grouped by note:
 *   Essays/On risk.md:12:8  error  [^49] cites "X", which matches no file in the vault  [unresolved-target]
 */
import { describeSummary, type AuditReport } from "./json-report";

export function formatTextReport(report: AuditReport): string {
	const blocks: string[] = [];
	for (const note of report.notes) {
		if (note.findings.length === 0) continue;
		const severityWidth = Math.max(...note.findings.map((finding) => finding.severity.length));
		const lines = note.findings.map(
			(finding) =>
				`${note.path}:${finding.line}:${finding.column}  ${finding.severity.padEnd(severityWidth)}  ${oneLine(finding.message)}  [${finding.kind}]`,
		);
		blocks.push(lines.join("\n"));
	}
	blocks.push(describeSummary(report.summary));
	return `${blocks.join("\n\n")}\n`;
}

/** A message quotes the writer's text; a line break in it must not break the one-line-per-finding shape. */
function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, " ");
}
