/**
 * Fix 3, close a malformed link: a wikilink in a footnote definition that is never closed on its line (the
 * `[^49]` case). The writer meant it to end where the line ends, so that is where it is closed:
 *
 *     [^49]: [[Too Important to Leave|Too Important …]     →   … Too Important …]]      (one `]` added)
 *     [^50]: [[Too Important to Leave                      →   … Too Important to Leave]]  (two added)
 *            ^ link.from                          line end ^ (trailing spaces stay after it)
 *
 * Refused when the end is not obvious: another `[[` or `]]`, or a stray `[` or `]`, on the rest of the line;
 * a final backslash (it would escape the `]`); a link in the body text or in an inline footnote (prose goes
 * on after it); a target that would be empty.
 */
import type { NoteAudit } from "../audit/audit-note";
import type { ParsedLink } from "../parse/citation-document";
import type { Finding } from "../types";
import type { CitationFix } from "./citation-fix";
import type { TextEdit } from "./edits";
import { guarded } from "./role-guard";

/** Closes the unclosed link a `malformed-link` finding points at; null when the intended end is not obvious. */
export function closeMalformedLink(audit: NoteAudit, finding: Finding): CitationFix | null {
	if (finding.kind !== "malformed-link") return null;
	const link = audit.document.links.find((candidate) => candidate.from === finding.offset);
	if (!link) return null;
	const edit = closingEdit(audit, link);
	if (!edit) return null;
	const definition = audit.document.definitions[link.owner];
	return guarded(audit.document.text, { title: `Close the link in [^${definition.label}]`, edits: [edit] });
}

/** The insertion that closes `link`, or null when it is not an unclosed wikilink with an obvious end. */
export function closingEdit(audit: NoteAudit, link: ParsedLink): TextEdit | null {
	if (link.syntax !== "wikilink" || link.problem !== "unclosed" || link.owner === -1) return null;
	if (audit.document.definitions[link.owner].inline) return null;
	const text = audit.document.text;
	// [[Target|Alias text]   ⏎
	//   ^ inside       end ^ (before trailing spaces; link.to is the end of the line)
	const inside = link.embed ? link.from + 3 : link.from + 2;
	let end = link.to;
	while (end > inside && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
	const rest = text.slice(inside, end);
	const halfClosed = rest.endsWith("]");
	const content = halfClosed ? rest.slice(0, -1) : rest;
	if (/[[\]]|\\$/.test(content)) return null;
	if (link.linkpath === "" && link.subpath.replace(/[#^\s]/g, "") === "") return null;
	return { from: end, to: end, insert: halfClosed ? "]" : "]]" };
}
