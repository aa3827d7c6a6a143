/**
 * Fix 1, merge duplicate sources: `[^10]`, `[^11]`, `[^12]` and `[^14]` all cite one note. Keep the first
 * label, rewrite every reference to the others to it, delete their definitions, and collapse references that
 * end up side by side:
 *
 *     … garbage[^9] [^10] [^11] [^12] [^13] .[^14]     →     … garbage[^9] [^10] [^13] .[^10]
 *     [^11]: [[What Google Should Worry About]]⏎       →     (line deleted)
 *
 * A definition is merged with no questions asked only when it says nothing the kept one does not: their
 * texts are the same once each link is replaced by the note it resolves to and the text it displays (so
 * `[[Sources/A.md]]` equals `[[A]]`, but `[[A|A, p. 12]]` and `[Smith 2020, p. 9](A.md)` say more than `[[A]]`)
 * and whitespace is collapsed. A definition that adds a page number, a quote or other display text is offered
 * as its own, `lossy` merge, with the text that would go.
 */
import type { NoteAudit } from "../audit/audit-note";
import { findDuplicateSourceGroups, type DuplicateSourceGroup } from "../audit/duplicate-sources";
import { listLabels } from "../audit/finding";
import type { LinkOutcome } from "../audit/resolve-links";
import type { CitationDocument, FootnoteDefinition, ParsedLink } from "../parse/citation-document";
import type { Finding } from "../types";
import type { CitationFix } from "./citation-fix";
import { canDeleteDefinition, definitionsByKey, referencesIn } from "./definition-lines";
import { planLabelEdits } from "./label-plan";
import { guarded } from "./role-guard";

/** A group split by what merging would lose. */
export interface MergePlan {
	/** The definition kept (the group's first). */
	kept: number;
	/** Definitions that say the same as the kept one: merging them loses nothing. */
	same: number[];
	/** Definitions that say more or other (a page, a quote, a second source). */
	different: number[];
}

/**
 * Fixes for one duplicate-source group (given as the group or as its `duplicate-source` finding): one fix
 * merging every definition that says the same as the first, then one `lossy` fix per definition that says
 * more. Empty when the group is not found or cannot be merged safely at all: a label of the group is defined
 * twice (which copy would go is a guess), or a definition to delete shares its line with a quote or list marker.
 */
export function mergeDuplicateSources(audit: NoteAudit, group: DuplicateSourceGroup | Finding): CitationFix[] {
	const found = "kind" in group ? groupOfFinding(audit, group) : group;
	const plan = found ? planMerge(audit, found) : null;
	if (!plan) return [];
	const fixes: CitationFix[] = [];
	const whole = plan.same.length > 0 ? mergeFix(audit.document, plan.kept, plan.same, false) : null;
	if (whole) fixes.push(whole);
	for (const index of plan.different) {
		const pair = mergeFix(audit.document, plan.kept, [index], true);
		if (pair) fixes.push(pair);
	}
	return fixes;
}

/** The group a `duplicate-source` finding reports: same first definition, same labels. */
function groupOfFinding(audit: NoteAudit, finding: Finding): DuplicateSourceGroup | null {
	if (finding.kind !== "duplicate-source") return null;
	const labels = (finding.labels ?? []).join("\n");
	const { document } = audit;
	for (const group of findDuplicateSourceGroups(document, audit.outcomes, audit.works)) {
		const first = document.definitions[group.definitions[0]];
		// As the finding lists them: each spelling once, in order of definition.
		const groupLabels = [...new Set(group.definitions.map((index) => document.definitions[index].label))].join("\n");
		if (first.labelRange.from === finding.offset && groupLabels === labels) return group;
	}
	return null;
}

/** Splits a group into what merges safely and what does not; null when no part of it can be merged. */
export function planMerge(audit: NoteAudit, group: DuplicateSourceGroup): MergePlan | null {
	const { document } = audit;
	const byKey = definitionsByKey(document);
	const members = group.definitions.map((index) => document.definitions[index]);
	if (members.length < 2 || members.some((definition) => (byKey.get(definition.key)?.length ?? 0) !== 1)) return null;
	if (members.slice(1).some((definition) => !canDeleteDefinition(document.text, definition))) return null;
	const [kept, ...others] = group.definitions as [number, ...number[]];
	const rename = new Map(members.map((definition) => [definition.key, members[0].key]));
	const keptText = comparableText(document, audit.outcomes, members[0], rename);
	const plan: MergePlan = { kept, same: [], different: [] };
	for (const index of others) {
		const same = comparableText(document, audit.outcomes, document.definitions[index], rename) === keptText;
		(same ? plan.same : plan.different).push(index);
	}
	return plan;
}

function mergeFix(document: CitationDocument, kept: number, merged: number[], lossy: boolean): CitationFix | null {
	const keptDefinition = document.definitions[kept];
	const definitions = merged.map((index) => document.definitions[index]);
	const rename = new Map(definitions.map((definition) => [definition.key, keptDefinition.label]));
	const edits = planLabelEdits(document, { rename, remove: new Set(merged) });
	if (!edits) return null;
	const fix: CitationFix = {
		title: `Merge ${listLabels(definitions.map((definition) => definition.label))} into [^${keptDefinition.label}]`,
		edits,
		removedText: definitions.map((definition) => document.text.slice(definition.from, definition.to)),
	};
	if (lossy) fix.lossy = true;
	return guarded(document.text, fix);
}

/**
 * What a definition says, for comparison: its text after `]:`, each link replaced by the note it resolves
 * to, each reference by its label after the merge, white space collapsed.
 *
 *     [^11]: [[What Google Should Worry About|What Google …]]   →   "⟦file:Sources/What Google Should Worry About.md|What Google …⟧"
 *     [^12]: [[What Google Should Worry About]]                 →   "⟦file:Sources/What Google Should Worry About.md⟧"
 *     [^14]: [[What Google Should Worry About]], p. 3           →   "⟦file:Sources/What Google Should Worry About.md⟧, p. 3"
 */
export function comparableText(
	document: CitationDocument,
	outcomes: readonly LinkOutcome[],
	definition: FootnoteDefinition,
	rename: ReadonlyMap<string, string>,
): string {
	const text = document.text;
	const pieces: { from: number; to: number; as: string }[] = [];
	for (const index of definition.links) {
		const link = document.links[index];
		const display = displayText(link);
		const shown = display === null ? "" : `|${display}`;
		pieces.push({ from: link.from, to: link.to, as: `\u27e6${sourceOf(link, outcomes[index], text)}${shown}\u27e7` });
	}
	for (const reference of referencesIn(document, definition.contentFrom, definition.to)) {
		if (pieces.some((piece) => piece.from <= reference.from && reference.from < piece.to)) continue;
		pieces.push({ from: reference.from, to: reference.to, as: `[^${rename.get(reference.key) ?? reference.key}]` });
	}
	pieces.sort((a, b) => a.from - b.from);
	let result = "";
	let at = definition.contentFrom;
	for (const piece of pieces) {
		if (piece.from < at) continue;
		result += text.slice(at, piece.from) + piece.as;
		at = piece.to;
	}
	result += text.slice(at, definition.to);
	return result.replace(/\s+/g, " ").trim();
}

/**
 * The text a link shows when the writer chose it (a wikilink's alias, a markdown link's text), white space
 * collapsed; null when it shows no more than the link's own target (`[[A|A]]`, `[A](A.md)`, no alias), which
 * the source already stands for.
 */
function displayText(link: ParsedLink): string | null {
	if (link.alias === undefined) return null;
	const shown = link.alias.replace(/\s+/g, " ").trim();
	const plain = (name: string): string => name.replace(/\.md$/i, "").replace(/\s+/g, " ").trim().toLowerCase();
	const target = plain(link.syntax === "markdown" ? link.linkpath : link.target);
	const base = target.slice(target.lastIndexOf("/") + 1);
	const lower = shown.toLowerCase();
	return lower === target || lower === base ? null : shown;
}

/** The source a link names, as the duplicate-source check sees it (same file and subpath, or same missing path). */
function sourceOf(link: ParsedLink, outcome: LinkOutcome, text: string): string {
	const subpath = link.subpath.toLowerCase().replace(/\s+/g, " ");
	switch (outcome.status) {
		case "resolved":
			return `file:${outcome.path}${subpath}`;
		case "unresolved":
			return `missing:${link.linkpath.toLowerCase()}${subpath}`;
		case "external":
			return `url:${link.target}`;
		case "malformed":
			return `text:${text.slice(link.from, link.to)}`;
	}
}
