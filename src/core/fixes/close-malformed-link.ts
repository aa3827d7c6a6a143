/**
 * Fix 3, close a malformed link: a wikilink in a footnote definition that is never closed on its line (the
 * `[^49]` case). It is closed only where the closed link resolves, so the fix never trades one error for
 * another:
 *
 *     [^49]: [[Too Important to Leave|Too Important …]     →   … Too Important …]]      (one `]` added)
 *     [^50]: [[Too Important to Leave                      →   … Too Important to Leave]]  (two added)
 *     [^51]: [[Alpha, p. 12                                →   [[Alpha]], p. 12   (when `Alpha` resolves and
 *            ^ link.from                                        `Alpha, p. 12` does not)
 *     [^52]: [[Alpha %% check the page %%                  →   [[Alpha]] %% check the page %%
 *
 * The end is the line's end (before trailing spaces), or before a comment, formula or code that follows on
 * the line (`]]` never goes inside or after one), or, for a link without alias, before a `,` `;` `(` or dash.
 * Of these the longest whose link resolves wins (and whose `#heading` exists, when that can be checked).
 * Refused when none resolves; when another `[[` or `]]`, a stray `[` or `]`, or a final backslash stands in
 * the target; when the definition holds a `]]` on a later line (the link was wrapped: closing it on its first
 * line would leave a stray `]]`); for a link in the body text or in an inline footnote (prose goes on after it).
 */
import type { NoteAudit } from "../audit/audit-note";
import { isMarkdownPath } from "../audit/resolve-links";
import { ROLE } from "../parse/character-roles";
import type { ParsedLink } from "../parse/citation-document";
import { splitSubpath } from "../parse/wikilink";
import type { Finding, LinkResolver } from "../types";
import { extractOutline, outlineHasSubpath } from "../vault/outline";
import type { CitationFix } from "./citation-fix";
import type { TextEdit } from "./edits";
import { guarded, rolesOf } from "./role-guard";

/** What closing needs to know: whether the closed link resolves (and, if it can tell, whether its heading exists). */
export type ClosingResolver = Pick<LinkResolver, "resolve"> & Partial<Pick<LinkResolver, "hasSubpath">>;

/** Closes the unclosed link a `malformed-link` finding points at; null when no resolving end is obvious. */
export function closeMalformedLink(audit: NoteAudit, finding: Finding, resolver: ClosingResolver): CitationFix | null {
	if (finding.kind !== "malformed-link") return null;
	const link = audit.document.links.find((candidate) => candidate.from === finding.offset);
	if (!link) return null;
	const edit = closingEdit(audit, link, resolver);
	if (!edit) return null;
	const definition = audit.document.definitions[link.owner];
	return guarded(audit.document.text, { title: `Close the link in [^${definition.label}]`, edits: [edit] });
}

/** The insertion that closes `link`, or null when it is not an unclosed wikilink with a resolving end. */
export function closingEdit(audit: NoteAudit, link: ParsedLink, resolver: ClosingResolver): TextEdit | null {
	if (link.syntax !== "wikilink" || link.problem !== "unclosed" || link.owner === -1) return null;
	const { document } = audit;
	const definition = document.definitions[link.owner];
	if (definition.inline) return null;
	const text = document.text;
	// [[Target, p. 12⏎  [[Target|Alias ⏎   (link.to is the end of the line)
	//   ^ inside
	const inside = link.embed ? link.from + 3 : link.from + 2;
	if (text.slice(link.to, definition.to).includes("]]")) return null;
	const prose = proseEnd(text, inside, link.to);
	const end = trimEnd(text, inside, prose);
	const rest = text.slice(inside, end);
	const halfClosed = rest.endsWith("]");
	const content = halfClosed ? rest.slice(0, -1) : rest;
	if (/[[\]]|\\$/.test(content)) return null;
	for (const length of candidateLengths(content, halfClosed)) {
		if (resolves(audit, content.slice(0, length), resolver)) {
			const at = inside + length;
			return { from: at, to: at, insert: halfClosed && at === end - 1 ? "]" : "]]" };
		}
	}
	return null;
}

/** Where the prose after `from` stops on the line: at `lineEnd`, or where a comment, formula or code starts. */
function proseEnd(text: string, from: number, lineEnd: number): number {
	const codes = rolesOf(text).codes;
	for (let at = from; at < lineEnd; at++) if (codes[at] !== ROLE.prose) return at;
	return lineEnd;
}

function trimEnd(text: string, from: number, to: number): number {
	let end = to;
	while (end > from && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
	return end;
}

/**
 * Lengths of `content` the link may end at, longest first: all of it, then (without alias or `]`) before each
 * `,` `;` `(` or dash, blanks before it left outside:
 *
 *     Alpha, p. 12 (2nd ed.)
 *     ^^^^^ ^^^^^^^^^^^^ all
 *     5 (before the comma)
 */
function candidateLengths(content: string, halfClosed: boolean): number[] {
	const lengths = [content.length];
	if (halfClosed || content.includes("|")) return lengths;
	for (const match of content.matchAll(/\s*[,;(\u2013\u2014]|\s+-\s/g)) {
		if (match.index > 0 && !lengths.includes(match.index)) lengths.push(match.index);
	}
	return lengths.sort((a, b) => b - a);
}

/** Whether `[[content]]` would resolve from the audited note (alias ignored; an unescaped target part). */
function resolves(audit: NoteAudit, content: string, resolver: ClosingResolver): boolean {
	const pipe = content.indexOf("|");
	const target = pipe === -1 ? content : content.slice(0, content.charCodeAt(pipe - 1) === 0x5c ? pipe - 1 : pipe);
	const { linkpath, subpath } = splitSubpath(target);
	if (linkpath === "" && subpath.replace(/[#^\s]/g, "") === "") return false;
	const path = linkpath === "" ? audit.path : resolver.resolve(linkpath, audit.path).path;
	if (path === null) return false;
	if (subpath === "" || !isMarkdownPath(path)) return true;
	// A link into this very note is checked against its text, as the audit does.
	if (path === audit.path) return outlineHasSubpath(extractOutline(audit.document.text), subpath) !== false;
	return resolver.hasSubpath?.(path, subpath) !== false;
}
