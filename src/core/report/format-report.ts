/**
 * One report in the format asked for, shared by `citation-audit` and the plugin's handlers for Obsidian's own
 * command line, so both print the same bytes for the same vault. The text report puts each path on one line:
 * a line break in a file name must not start a line that looks like a finding.
 */
import type { AuditReport } from "./json-report";
import { formatMarkdownReport } from "./markdown-report";
import { oneLineField } from "./terminal-text";
import { formatTextReport } from "./text-report";

/** SARIF is the command line's alone (run.ts formats it), which keeps it out of the plugin bundle. */
export type ReportFormat = "text" | "json" | "markdown";

export function formatReport(report: AuditReport, format: ReportFormat): string {
	switch (format) {
		case "json":
			return `${JSON.stringify(report, null, 2)}\n`;
		case "markdown":
			return formatMarkdownReport(report);
		case "text":
			return formatTextReport({ ...report, notes: report.notes.map((note) => ({ ...note, path: oneLineField(note.path) })) });
	}
}
