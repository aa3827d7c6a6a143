/**
 * `--format text`: the shape writers know from linters, one finding a line, grouped by note:
 *   Essays/On risk.md:12:8  error  [^49] cites "X", which matches no file in the vault  [unresolved-target]
 */
import type { Severity } from "../types";
import { describeSummary, type AuditReport } from "./json-report";

/**
 * How the command line colours a terminal's report; each function wraps a piece of text and must not change it
 * otherwise. The default leaves the text plain, so pipes and files get the bytes the tests compare.
 */
export interface TextStyle {
	severity(severity: Severity, text: string): string;
	/** The location and the `[kind]` tag, less prominent than the message. */
	dim(text: string): string;
	summary(summary: AuditReport["summary"], text: string): string;
}

export const PLAIN_STYLE: TextStyle = { severity: (_severity, text) => text, dim: (text) => text, summary: (_summary, text) => text };

export function formatTextReport(report: AuditReport, style: TextStyle = PLAIN_STYLE): string {
	const blocks: string[] = [];
	for (const note of report.notes) {
		if (note.findings.length === 0) continue;
		const severityWidth = Math.max(...note.findings.map((finding) => finding.severity.length));
		const lines = note.findings.map((finding) => {
			const padding = " ".repeat(severityWidth - finding.severity.length);
			const severity = style.severity(finding.severity, finding.severity);
			return `${style.dim(`${note.path}:${finding.line}:${finding.column}`)}  ${severity}${padding}  ${oneLine(finding.message)}  ${style.dim(`[${finding.kind}]`)}`;
		});
		blocks.push(lines.join("\n"));
	}
	blocks.push(style.summary(report.summary, describeSummary(report.summary)));
	return `${blocks.join("\n\n")}\n`;
}

/** A message quotes the writer's text; a line break in it must not break the one-line-per-finding shape. */
function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, " ");
}
