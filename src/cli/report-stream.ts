/**
 * The report of a streamed vault audit, written as the notes arrive: text and json go out note by note (the
 * bytes are the same as formatting the whole report at the end), markdown, whose summary comes first, keeps
 * the notes' reports (findings only, never texts) until the end. Output is gathered into chunks of about
 * 16,000 characters so that 10,000 notes are not 10,000 writes.
 */
import { buildAuditReport, type AuditReport, type NoteReport } from "../core/report/json-report";
import { addToSummary, emptySummary, jsonReportHead, jsonReportNote, jsonReportTail } from "../core/report/json-stream";
import { describeSummary } from "../core/report/json-report";
import { formatTextNote } from "../core/report/text-report";
import type { OutputFormat } from "./args";
import { oneLineField } from "../core/report/terminal-text";

export interface ReportStream {
	note(report: NoteReport): void;
	/** Writes what is left and returns the summary. */
	end(): AuditReport["summary"];
}

/**
 * Characters per write. Not 64 K: a report with one non-Latin-1 character (a curly quote in a message) is
 * two bytes a character, and a 128 KB string is too large for V8's young generation: each chunk then got pages
 * of its own from the system, and faulted them in, when it was flattened for the terminal-safe check. The
 * 100,000-note vault's 45 MB JSON report: 0.91 → 0.57 s of the main thread (profiles), the same bytes.
 */
const CHUNK = 1 << 14;

export function createReportStream(format: OutputFormat, write: (text: string) => void, finish: (report: AuditReport) => string): ReportStream {
	const summary = emptySummary();
	let pending = "";
	const out = (text: string): void => {
		pending += text;
		if (pending.length >= CHUNK) {
			write(pending);
			pending = "";
		}
	};
	const flush = (): void => {
		if (pending !== "") write(pending);
		pending = "";
	};
	switch (format) {
		case "text":
			return {
				note(report) {
					addToSummary(summary, report);
					// One finding a line: a line break in a file name must not start a line that looks like a finding.
					const block = formatTextNote({ path: oneLineField(report.path), findings: report.findings });
					if (block !== null) out(`${block}\n\n`);
				},
				end() {
					out(`${describeSummary(summary)}\n`);
					flush();
					return summary;
				},
			};
		case "json":
			out(jsonReportHead());
			return {
				note(report) {
					out(jsonReportNote(report, summary.notes));
					addToSummary(summary, report);
				},
				end() {
					out(`${jsonReportTail(summary, summary.notes)}\n`);
					flush();
					return summary;
				},
			};
		default: {
			// The summary opens the document: keep the reports (no texts) and format once at the end.
			const notes: NoteReport[] = [];
			return {
				note(report) {
					notes.push(report);
				},
				end() {
					const report = buildAuditReport(notes);
					write(finish(report));
					return report.summary;
				},
			};
		}
	}
}
