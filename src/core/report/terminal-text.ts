/**
 * Note text reaches the terminal through the reports: a target, a label, a file name. Control characters in it
 * would act on the terminal instead of being shown (`ESC ] 0 ;` retitles the window, `ESC [ 2 J` clears it, a
 * lone `\r` rewrites the line, a C1 CSI starts a sequence), so a stream that is a terminal shows them as `\uXXXX`
 * instead. Line breaks (`\n`, `\r\n`) and tabs stay.
 *
 * Escaping is a terminal concern only (see run.ts): a pipe or a file gets the bytes of the notes, so a `--dry-run`
 * diff applies with `patch`. Answers the plugin gives Obsidian's command line are always escaped: Obsidian
 * prints them to the terminal it was started from, and the plugin cannot tell whether that is one.
 * Format characters (U+200F RIGHT-TO-LEFT MARK, U+200D ZERO WIDTH JOINER, the bidirectional embeddings and
 * isolates) cannot control a terminal and are text of the note: never escaped.
 * In JSON output control characters only occur inside strings, where `\uXXXX` is the same character: the JSON
 * value is unchanged, so JSON is always written this way.
 */
import type { AuditReport } from "./json-report";

/**
 * Every character {@link isUnsafe} may call unsafe (a `\r` is, unless a `\n` follows): most text holds none,
 * and one native search over it costs much less than the loop (a 45 MB JSON report spent 0.55 s in it).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const MAYBE_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export function terminalSafe(text: string): string {
	if (!MAYBE_UNSAFE.test(text)) return text;
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

/** What can control a terminal: C0 controls (ESC among them) but tab and line feed (and `\r` before `\n`), DEL, C1 controls. */
function isUnsafe(code: number, next: number): boolean {
	if (code < 0x20) return code !== 0x09 && code !== 0x0a && !(code === 0x0d && next === 0x0a);
	return code >= 0x7f && code <= 0x9f;
}

function escaped(code: number): string {
	return `\\u${code.toString(16).padStart(4, "0")}`;
}
