/**
 * Fix 4, apply a suggestion: an unresolved link target becomes the "did you mean" note, alias and subpath
 * kept. Only the target changes, written as Obsidian writes a new link: the shortest link path that opens
 * that file and no other, without `.md`.
 *
 *     [[What Google Should Realy Worry About#Search|the Google piece]]
 *       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ targetRange (before `#`) is replaced:
 *     [[What Google Should Really Worry About#Search|the Google piece]]
 *
 *     [text](Realy%20Worried.md#Search)   →   [text](Sources/Really%20Worried.md#Search)   (markdown: URL-encoded, `.md` kept)
 */
import type { NoteAudit } from "../audit/audit-note";
import { parseCitations } from "../parse/parse-citations";
import type { ParsedLink } from "../parse/citation-document";
import type { Finding, LinkResolver } from "../types";
import type { CitationFix } from "./citation-fix";
import { applyEdits, type TextEdit } from "./edits";
import { guarded } from "./role-guard";

/**
 * Rewrites the target of the link an `unresolved-target` or `unresolved-link` finding points at so that it
 * opens `suggestionPath` (a vault path with its extension, as in `finding.suggestions`). `resolver` is the
 * one the audit used: it decides whether the bare name is enough. Null when the finding is not about an
 * unresolved link, or the path cannot be written in that link (a `|`, `#`, `^`, `[` or `]` in a wikilink).
 */
export function applySuggestion(
	audit: NoteAudit,
	finding: Finding,
	suggestionPath: string,
	resolver: Pick<LinkResolver, "resolve">,
): CitationFix | null {
	if (finding.kind !== "unresolved-target" && finding.kind !== "unresolved-link") return null;
	const { document } = audit;
	const index = document.links.findIndex((link) => link.from === finding.offset);
	const link = document.links[index];
	if (!link || audit.outcomes[index]?.status !== "unresolved") return null;
	const linktext = shortestLinktext(suggestionPath, audit.path, resolver);
	if (linktext === null) return null;
	const edit = targetEdit(document.text, link, linktext, suggestionPath);
	if (!edit) return null;
	// Read the link back: it must be one link, with the new path and the old subpath.
	const reread = parseCitations(applyEdits(document.text, [edit])).links.find((candidate) => candidate.from === link.from);
	const expectedPath = link.syntax === "markdown" && isMarkdownNote(suggestionPath) ? `${linktext}.md` : linktext;
	if (!reread || reread.problem || reread.linkpath !== expectedPath || reread.subpath !== link.subpath) return null;
	return guarded(audit.document.text, { title: `Change link to "${linktext}"`, edits: [edit] });
}

/**
 * The link path Obsidian writes for `path` from `sourcePath`: the bare name when it opens that file and
 * matches no other, else the full vault path; without `.md` for notes. Null when neither opens the file.
 */
export function shortestLinktext(path: string, sourcePath: string, resolver: Pick<LinkResolver, "resolve">): string | null {
	const withoutExtension = isMarkdownNote(path) ? path.slice(0, -3) : path;
	const name = withoutExtension.slice(withoutExtension.lastIndexOf("/") + 1);
	for (const candidate of [name, withoutExtension]) {
		const resolution = resolver.resolve(candidate, sourcePath);
		if (resolution.path === path && (resolution.alternatives.length === 0 || candidate.includes("/"))) return candidate;
	}
	return null;
}

/**
 * [[old#sub|alias]]        [text](<old.md#sub>)        [text](old%20name.md#sub "title")
 *   ^^^ replaced                  ^^^^^^ replaced             ^^^^^^^^^^^^^^^ replaced
 */
function targetEdit(text: string, link: ParsedLink, linktext: string, path: string): TextEdit | null {
	const written = text.slice(link.targetRange.from, link.targetRange.to);
	const hash = written.indexOf("#");
	const pathEnd = hash === -1 ? link.targetRange.to : link.targetRange.from + hash;
	if (link.syntax === "wikilink") {
		if (/[|#^[\]]/.test(linktext)) return null;
		return { from: link.targetRange.from, to: pathEnd, insert: linktext };
	}
	const url = isMarkdownNote(path) ? `${linktext}.md` : linktext;
	const angled = text.charCodeAt(link.targetRange.from - 1) === 0x3c; /* < */
	if (angled && /[<>]/.test(url)) return null;
	return { from: link.targetRange.from, to: pathEnd, insert: angled ? url : encodeDestination(url) };
}

/** What a bare markdown link destination cannot hold as is: `%` first, then white space, brackets, `#`. */
function encodeDestination(url: string): string {
	return url.replace(/[%\s()<>#?]/gu, (character) =>
		character === "(" ? "%28" : character === ")" ? "%29" : encodeURIComponent(character),
	);
}

function isMarkdownNote(path: string): boolean {
	return /\.md$/i.test(path);
}
