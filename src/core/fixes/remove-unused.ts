/**
 * Fix 2, remove unused definitions: `[^15]: …` that no `[^15]` cites goes, whole lines with continuation
 * lines and the line break, nothing else:
 *
 *     [^14]: [[A]]⏎               [^14]: [[A]]⏎
 *     [^15]: [[B]]⏎         →     [^16]: [[C]]⏎
 *     [^16]: [[C]]⏎
 */
import type { NoteAudit } from "../audit/audit-note";
import { listLabels } from "../audit/finding";
import { labelKey } from "../parse/citation-document";
import type { CitationFix } from "./citation-fix";
import { canDeleteQuietly, definitionsByKey, hasLazyContinuation } from "./definition-lines";
import { planLabelEdits, unusedDefinitions } from "./label-plan";
import { guarded } from "./role-guard";

const NO_RENAME: ReadonlyMap<string, string> = new Map();

/**
 * Removes the definition(s) of one label nobody cites (case-insensitive; a label defined twice loses both
 * copies), and the definitions cited only from inside them, which would be left unused. Null when the label
 * is cited, not defined, or a definition shares its line with a quote or list marker.
 */
export function removeUnusedDefinition(audit: NoteAudit, label: string): CitationFix | null {
	const { document } = audit;
	const key = labelKey(label);
	if (document.references.some((reference) => reference.key === key)) return null;
	const indices = definitionsByKey(document).get(key);
	if (!indices) return null;
	const chosen = new Set(indices);
	const remove = new Set([...chosen, ...unusedDefinitions(document, NO_RENAME, chosen, removable(audit), "cascade")]);
	const fix = removalFix(audit, remove);
	// Text under the definition with no blank line between is the footnote's to the parser, perhaps not to the
	// writer: the plugin shows what goes and asks; fix-all and --fix leave it.
	if (fix && indices.some((index) => hasLazyContinuation(document.text, document.definitions[index]))) fix.lossy = true;
	return fix;
}

/**
 * Removes every definition nobody cites, and then those cited only from the definitions removed (so that
 * running it again finds nothing). Definitions that share their line with a quote or list marker, or hold
 * unindented lines under them, are left.
 */
export function removeUnusedDefinitions(audit: NoteAudit): CitationFix | null {
	const remove = unusedDefinitions(audit.document, NO_RENAME, new Set(), removable(audit));
	return remove.size === 0 ? null : removalFix(audit, remove);
}

function removable(audit: NoteAudit): (index: number) => boolean {
	const { document } = audit;
	return (index) => canDeleteQuietly(document.text, document.definitions[index]);
}

function removalFix(audit: NoteAudit, remove: ReadonlySet<number>): CitationFix | null {
	const { document } = audit;
	const edits = planLabelEdits(document, { rename: NO_RENAME, remove });
	if (!edits) return null;
	const definitions = [...remove].sort((a, b) => a - b).map((index) => document.definitions[index]);
	const labels = [...new Set(definitions.map((definition) => definition.label))];
	const title =
		labels.length === 1
			? `Remove unused footnote [^${labels[0]}]`
			: labels.length <= 3
				? `Remove unused footnotes ${listLabels(labels)}`
				: `Remove ${labels.length} unused footnotes`;
	return guarded(document.text, { title, edits, removedText: definitions.map((definition) => document.text.slice(definition.from, definition.to)) });
}
