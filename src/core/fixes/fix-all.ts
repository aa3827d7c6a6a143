/**
 * Fix 8, fix all safe problems in one step: the merges that lose nothing (fix 1), the unused definitions
 * (fix 2, including those left unused by the merges) and the links whose end is obvious (fix 3). All edits
 * are computed in one pass against the same text, so they cannot trip over each other:
 *
 *     - one label plan: merged labels renamed to the kept one, merged and unused definitions deleted,
 *       side-by-side references collapsed;
 *     - then the closing brackets, for links in definitions that stay.
 */
import type { NoteAudit } from "../audit/audit-note";
import { findDuplicateSourceGroups } from "../audit/duplicate-sources";
import type { CitationFix } from "./citation-fix";
import { closingEdit } from "./close-malformed-link";
import { definitionLines } from "./definition-lines";
import { sortEdits, type TextEdit } from "./edits";
import { planLabelEdits, unusedDefinitions } from "./label-plan";
import { planMerge } from "./merge-duplicate-sources";

/** Every safe fix of the note at once; null when there is nothing safe to do. */
export function fixAllSafe(audit: NoteAudit): CitationFix | null {
	const { document } = audit;
	const rename = new Map<string, string>();
	const merged = new Set<number>();
	const involved = new Set<string>();
	for (const group of findDuplicateSourceGroups(document, audit.outcomes)) {
		const plan = planMerge(audit, group);
		if (!plan || plan.same.length === 0) continue;
		// A label already merged (or kept) by another group is left for the next run rather than chained.
		const members = [plan.kept, ...plan.same].map((index) => document.definitions[index]);
		if (members.some((definition) => involved.has(definition.key))) continue;
		for (const definition of members) involved.add(definition.key);
		const keptLabel = members[0].label;
		for (const index of plan.same) {
			rename.set(document.definitions[index].key, keptLabel);
			merged.add(index);
		}
	}
	const removable = (index: number): boolean => definitionLines(document.text, document.definitions[index]) !== null;
	const unused = unusedDefinitions(document, rename, merged, removable);
	const remove = new Set([...merged, ...unused]);
	const labelEdits = planLabelEdits(document, { rename, remove });
	if (!labelEdits) return null;

	const closings: TextEdit[] = [];
	for (const link of document.links) {
		// A link in a definition that goes needs no closing.
		if (link.problem !== "unclosed" || (link.owner !== -1 && remove.has(link.owner))) continue;
		const edit = closingEdit(audit, link);
		if (edit) closings.push(edit);
	}
	const edits = sortEdits([...labelEdits, ...closings], document.text.length);
	if (edits.length === 0) return null;
	return {
		title: describe(merged.size, unused.size, closings.length),
		edits,
		removedText: [...remove].sort((a, b) => a - b).map((index) => {
			const definition = document.definitions[index];
			return document.text.slice(definition.from, definition.to);
		}),
	};
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
