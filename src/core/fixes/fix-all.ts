/**
 * Fix 8, fix all safe problems in one step: the merges that lose nothing (fix 1), the unused definitions
 * (fix 2, including those left unused by the merges) and the links whose end is obvious (fix 3). The plan
 * is settled first, on labels and definitions only; then all edits are computed once against the same text,
 * so they cannot trip over each other:
 *
 *     - which definitions merge and which go unused, repeated until neither finds more;
 *     - one label plan: merged labels renamed to the kept one, merged and unused definitions deleted,
 *       side-by-side references collapsed;
 *     - the closing brackets, for links in definitions that stay.
 */
import type { NoteAudit } from "../audit/audit-note";
import { findDuplicateSourceGroups } from "../audit/duplicate-sources";
import type { CitationFix } from "./citation-fix";
import { closingEdit, type ClosingResolver } from "./close-malformed-link";
import { canDeleteQuietly } from "./definition-lines";
import { sortEdits, type TextEdit } from "./edits";
import { planLabelEdits, unusedDefinitions } from "./label-plan";
import { planMerge } from "./merge-duplicate-sources";
import { guarded } from "./role-guard";

/** Which of the safe fixes to include; all by default. */
export interface SafeFixSelection {
	merge?: boolean;
	removeUnused?: boolean;
	closeLinks?: boolean;
	/** Closing a link needs to know that the closed link resolves: without a resolver no link is closed. */
	resolver?: ClosingResolver;
}

/** Every safe merge of the note at once ("Merge duplicate citations"): fixAllSafe without the rest. */
export function mergeAllDuplicateSources(audit: NoteAudit): CitationFix | null {
	return fixAllSafe(audit, { merge: true, removeUnused: false, closeLinks: false });
}

/** Every safe fix of the note at once; null when there is nothing safe to do. */
export function fixAllSafe(audit: NoteAudit, selection: SafeFixSelection = {}): CitationFix | null {
	const { merge = true, removeUnused = true, resolver } = selection;
	const closeLinks = selection.closeLinks ?? true;
	const { document } = audit;
	const groups = merge ? findDuplicateSourceGroups(document, audit.outcomes, audit.works) : [];
	// As "Remove unused footnotes": never a definition with unindented text under it (definition-lines.ts).
	const removable = (index: number): boolean => canDeleteQuietly(document.text, document.definitions[index]);
	const rename = new Map<string, string>();
	const kept = new Set<string>();
	const merged = new Set<number>();
	let unused = new Set<number>();
	const planned: number[] = [];
	// Merging and removing feed each other: removing an unused first definition can leave a group whose
	// remaining definitions say the same; merging deletes definitions whose references then stop counting.
	// Repeat until neither finds more, so that running the fix again finds nothing.
	for (let changed = true; changed; ) {
		changed = false;
		const gone = (index: number): boolean => merged.has(index) || unused.has(index);
		groups.forEach((group, groupIndex) => {
			const remaining = { ...group, definitions: group.definitions.filter((index) => !gone(index)) };
			// A group is planned again only when some of its definitions went since the last look.
			if (planned[groupIndex] === remaining.definitions.length) return;
			planned[groupIndex] = remaining.definitions.length;
			const plan = planMerge(audit, remaining);
			if (!plan || plan.same.length === 0) return;
			// Never merge away a label others were merged into (no chains of renames).
			if (plan.same.some((index) => kept.has(document.definitions[index].key))) return;
			const keptDefinition = document.definitions[plan.kept];
			kept.add(keptDefinition.key);
			for (const index of plan.same) {
				rename.set(document.definitions[index].key, keptDefinition.label);
				merged.add(index);
			}
			changed = true;
		});
		const nowUnused = removeUnused ? unusedDefinitions(document, rename, merged, removable) : new Set<number>();
		if ([...nowUnused].some((index) => !unused.has(index))) changed = true;
		unused = nowUnused;
	}
	const remove = new Set([...merged, ...unused]);
	const labelEdits = planLabelEdits(document, { rename, remove });
	if (!labelEdits) return null;

	const closings: TextEdit[] = [];
	for (const link of document.links) {
		// A link in a definition that goes needs no closing.
		if (!closeLinks || !resolver || link.problem !== "unclosed" || (link.owner !== -1 && remove.has(link.owner))) continue;
		const edit = closingEdit(audit, link, resolver);
		if (edit) closings.push(edit);
	}
	const edits = sortEdits([...labelEdits, ...closings], document.text.length);
	if (edits.length === 0) return null;
	return guarded(document.text, {
		title: describe(merged.size, unused.size, closings.length),
		edits,
		removedText: [...remove].sort((a, b) => a - b).map((index) => {
			const definition = document.definitions[index];
			return document.text.slice(definition.from, definition.to);
		}),
	});
}

/** "Merge 3 duplicate footnotes, remove 1 unused footnote and close 1 link". */
function describe(merged: number, unused: number, closed: number): string {
	const parts: string[] = [];
	const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
	if (merged > 0) parts.push(`merge ${count(merged, "duplicate footnote", "duplicate footnotes")}`);
	if (unused > 0) parts.push(`remove ${count(unused, "unused footnote", "unused footnotes")}`);
	if (closed > 0) parts.push(`close ${count(closed, "link", "links")}`);
	const sentence = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
	return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
