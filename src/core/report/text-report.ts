/**
 * `--format text`: the shape writers know from linters, one finding a line, grouped by note:
 *   Essays/On risk.md:12:8  error  [^49] cites "X", which matches no file in the vault  [unresolved-target]
 */
import type { Severity } from "../types";
import { describeSummary, type AuditReport, type NoteReport } from "./json-report";

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
		const block = formatTextNote(note, style);
		if (block !== null) blocks.push(block);
	}
	blocks.push(style.summary(report.summary, describeSummary(report.summary)));
	return `${blocks.join("\n\n")}\n`;
}

/**
 * One note's lines of the text report, or null when it has no finding: the report is these blocks joined by
 * blank lines, then the summary line, so the command line can write it a note at a time.
 */
export function formatTextNote(note: Pick<NoteReport, "path" | "findings">, style: TextStyle = PLAIN_STYLE): string | null {
	if (note.findings.length === 0) return null;
	let severityWidth = 0;
	for (const finding of note.findings) severityWidth = Math.max(severityWidth, finding.severity.length);
	const lines = note.findings.map((finding) => {
		const padding = " ".repeat(severityWidth - finding.severity.length);
		const severity = style.severity(finding.severity, finding.severity);
		return `${style.dim(`${note.path}:${finding.line}:${finding.column}`)}  ${severity}${padding}  ${oneLine(finding.message)}  ${style.dim(`[${finding.kind}]`)}`;
	});
	return lines.join("\n");
}

/** A message quotes the writer's text; a line break in it must not break the one-line-per-finding shape. */
function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, " ");
}
