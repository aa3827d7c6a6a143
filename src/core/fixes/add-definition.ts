/**
 * Fix 6, add a definition for an undefined reference: an empty `[^x]: ` at the end of the footnote block,
 * with the cursor after it, so the writer types the source next.
 *
 *     [^48]: [[Last Source]]            [^48]: [[Last Source]]⏎[^x]: |      (| is the cursor)
 *                           ^ last definition's end: insert here
 *
 *     Closing words.⏎                   Closing words.⏎⏎[^x]: |⏎           (no definitions: end of note,
 *                                                                          after a blank line)
 */
import type { NoteAudit } from "../audit/audit-note";
import { labelKey } from "../parse/citation-document";
import { parseCitations } from "../parse/parse-citations";
import type { CitationFix } from "./citation-fix";
import { lineBreakOf } from "./definition-lines";
import { applyEdits, type TextEdit } from "./edits";
import { guarded } from "./role-guard";

/**
 * Appends `[^label]: ` after the last footnote definition, or at the end of the note when there is none,
 * spelling the label as its first reference does. `cursor` is the offset just after the new `: `. Null when
 * the label is already defined (in any case), cannot be a label (white space, brackets), or the new line
 * would not read back as a definition (the note ends inside an unclosed code block or comment).
 */
export function addDefinition(audit: NoteAudit, label: string): CitationFix | null {
	const { document } = audit;
	const text = document.text;
	const key = labelKey(label);
	if (!/^[^\s[\]]+$/.test(label) || document.definitions.some((definition) => !definition.inline && definition.key === key)) {
		return null;
	}
	const written = document.references.find((reference) => reference.key === key)?.label ?? label;
	const lineBreak = lineBreakOf(text);
	const marker = `[^${written}]: `;
	let edit: TextEdit;
	let cursor: number;
	const last = [...document.definitions].reverse().find((definition) => !definition.inline);
	if (last) {
		edit = { from: last.to, to: last.to, insert: `${lineBreak}${marker}` };
		cursor = last.to + edit.insert.length;
	} else {
		// A definition right after a paragraph would be read as part of it by some renderers: leave a blank
		// line. A note that ended with a line break still does.
		const endsWithBlankLine = text === "" || /(^|\n)[ \t]*\r?\n$/.test(text);
		const separator = endsWithBlankLine ? "" : text.endsWith("\n") ? lineBreak : lineBreak + lineBreak;
		const after = text.endsWith("\n") ? lineBreak : "";
		edit = { from: text.length, to: text.length, insert: `${separator}${marker}${after}` };
		cursor = text.length + separator.length + marker.length;
	}
	const added = parseCitations(applyEdits(text, [edit])).definitions.filter((definition) => definition.key === key && !definition.inline);
	if (added.length !== 1 || added[0].labelRange.from !== cursor - marker.length) return null;
	return guarded(audit.document.text, { title: `Add a definition for [^${written}]`, edits: [edit], cursor });
}
