/**
 * Apply a did-you-mean key: an `unknown-citekey` finding's key becomes one of its suggestions. Only the key's
 * own characters change (inside the braces of `@{key}`); the `@`, the brackets, prefixes, locators and the
 * suppress-author `-` stay as written. A key that cannot stand bare is written braced, inside the same range.
 *
 *     [see @smtih2020, p. 4]   →   [see @smith2020, p. 4]
 *           ^^^^^^^^^ keyRange
 *
 * The fix is a row action only: fix-all never applies it (a key is never rewritten silently), and it is offered
 * only when the text, read again, holds that key at that place (Pandoc's key rule could otherwise end the new key
 * elsewhere) and every other character keeps its role.
 */
import type { NoteAudit } from "../audit/audit-note";
import { writeKey } from "../citekeys/citekey";
import { scanCitekeys } from "../citekeys/scan-citekeys";
import { parseCitations } from "../parse/parse-citations";
import { buildLineIndex } from "../text/line-index";
import type { Finding } from "../types";
import type { CitationFix } from "./citation-fix";
import { applyEdits, type TextEdit } from "./edits";
import { guarded } from "./role-guard";

export function applyCitekeySuggestion(audit: NoteAudit, finding: Finding, suggestion: string): CitationFix | null {
	if (finding.kind !== "unknown-citekey" || !(finding.suggestions ?? []).includes(suggestion)) return null;
	const occurrence = audit.citekeys.occurrences.find((candidate) => candidate.from === finding.offset && candidate.key === finding.citekey);
	if (!occurrence || /[\r\n]/.test(suggestion)) return null;
	const { from, to } = occurrence.keyRange;
	const insert = occurrence.braced ? suggestion : writeKey(suggestion);
	if (occurrence.braced && !balancedBraces(suggestion)) return null;
	const edit: TextEdit = { from, to, insert };
	const after = applyEdits(audit.document.text, [edit]);
	const reread = scanCitekeys(parseCitations(after), buildLineIndex(after)).find((candidate) => candidate.from === occurrence.from);
	if (!reread || reread.key !== suggestion || reread.style !== occurrence.style) return null;
	return guarded(audit.document.text, { title: `Change key to @${writeKey(suggestion)}`, edits: [edit] });
}

function balancedBraces(key: string): boolean {
	let depth = 0;
	for (const char of key) {
		if (char === "{") depth++;
		else if (char === "}" && --depth < 0) return false;
	}
	return depth === 0;
}
