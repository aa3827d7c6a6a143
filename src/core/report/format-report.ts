/**
 * One report in the format asked for, shared by `citation-audit` and the plugin's handlers for Obsidian's own
 * command line, so both print the same bytes for the same vault. The text report puts each path on one line:
 * a line break in a file name must not start a line that looks like a finding.
 */
import type { AuditReport } from "./json-report";
import { formatMarkdownReport } from "./markdown-report";
import { formatSarifReport, type SarifOptions } from "./sarif-report";
import { oneLineField } from "./terminal-text";
import { formatTextReport } from "./text-report";

export type ReportFormat = "text" | "json" | "markdown" | "sarif";

export function formatReport(report: AuditReport, format: ReportFormat, sarif: SarifOptions = { toolVersion: "" }): string {
	switch (format) {
		case "sarif":
			return formatSarifReport(report, sarif);
		case "json":
			return `${JSON.stringify(report, null, 2)}\n`;
		case "markdown":
			return formatMarkdownReport(report);
		case "text":
			return formatTextReport({ ...report, notes: report.notes.map((note) => ({ ...note, path: oneLineField(note.path) })) });
	}
}
