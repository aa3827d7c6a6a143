/**
 * Note text reaches the terminal through the reports: a target, a label, a file name. Control characters in it
 * would act on the terminal instead of being shown (`ESC ] 0 ;` retitles the window, `ESC [ 2 J` clears it, a
 * lone `\r` rewrites the line, U+202E reverses what follows), so every stream the command line writes, and every answer the plugin gives Obsidian's
 * command line, shows them as `\uXXXX` instead. Line breaks (`\n`, `\r\n`) and tabs stay. In JSON output control characters only occur
 * inside strings, where `\uXXXX` is the same character: the JSON value is unchanged.
 */
import type { AuditReport } from "./json-report";

export function terminalSafe(text: string): string {
	let safe = "";
	let from = 0;
	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (!isUnsafe(code, text.charCodeAt(at + 1))) continue;
		safe += text.slice(from, at) + escaped(code);
		from = at + 1;
	}
	return from === 0 ? text : safe + text.slice(from);
}

/** A report whose note-derived text (paths, messages) is terminal-safe, paths on one line, for a coloured report. */
export function terminalSafeReport(report: AuditReport): AuditReport {
	return {
		...report,
		notes: report.notes.map((note) => ({
			...note,
			path: oneLineField(terminalSafe(note.path)),
			findings: note.findings.map((finding) => ({ ...finding, message: terminalSafe(finding.message) })),
		})),
	};
}

/** A line break inside a single-line field (a file name can hold one) shown as `\u000a`, like other controls. */
export function oneLineField(text: string): string {
	return text.replace(/[\r\n]/g, (char) => escaped(char.charCodeAt(0)));
}

/** C0 controls but tab and line feed (and `\r` before `\n`), DEL, C1 controls, and the bidirectional marks. */
function isUnsafe(code: number, next: number): boolean {
	if (code < 0x20) return code !== 0x09 && code !== 0x0a && !(code === 0x0d && next === 0x0a);
	if (code >= 0x7f && code <= 0x9f) return true;
	return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function escaped(code: number): string {
	return `\\u${code.toString(16).padStart(4, "0")}`;
}
