/**
 * Duplicate sources: two or more footnote definitions (different labels) that cite the same note — the
 * `[^10]`, `[^11]`, `[^12]`, `[^14]` case. "The same" is the same resolved file and subpath, or, when the
 * link resolves to nothing, the same link path. One finding per group, at its first definition.
 */
import type { CitationDocument, FootnoteDefinition } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { distinctLabels, listLabels, makeFinding, relatedLocation } from "./finding";
import type { LinkOutcome } from "./resolve-links";

export interface DuplicateSourceGroup {
	/** Indices into `document.definitions`, in text order; the first is the one to keep. */
	definitions: number[];
	/** The first definition's citing link (index into `document.links`). */
	link: number;
	/** Resolved vault path, when the source exists. */
	resolved?: string;
}

/** Groups definitions by what they cite; a definition with two links can join two groups. */
export function findDuplicateSourceGroups(document: CitationDocument, outcomes: readonly LinkOutcome[]): DuplicateSourceGroup[] {
	const bySource = new Map<string, { definitions: number[]; link: number; resolved?: string }>();
	document.definitions.forEach((definition, definitionIndex) => {
		if (definition.inline) return;
		for (const linkIndex of definition.links) {
			const source = sourceKey(document, linkIndex, outcomes[linkIndex]);
			if (source === null) continue;
			const group = bySource.get(source.key);
			if (!group) {
				const created: DuplicateSourceGroup = { definitions: [definitionIndex], link: linkIndex };
				if (source.resolved !== undefined) created.resolved = source.resolved;
				bySource.set(source.key, created);
			} else if (group.definitions[group.definitions.length - 1] !== definitionIndex) {
				// Definitions are visited in order, so a definition already in the group is its last member.
				group.definitions.push(definitionIndex);
			}
		}
	});
	const groups: DuplicateSourceGroup[] = [];
	const seenMembers = new Set<string>();
	for (const group of bySource.values()) {
		// Two definitions of one label are a duplicate label, not a duplicate source: count labels, not copies.
		const labels = new Set(group.definitions.map((index) => document.definitions[index].key));
		if (labels.size < 2) continue;
		// Definitions that cite the same two notes form the same group twice: report it once.
		const members = group.definitions.join(",");
		if (seenMembers.has(members)) continue;
		seenMembers.add(members);
		groups.push(group);
	}
	return groups;
}

export function findDuplicateSources(
	document: CitationDocument,
	outcomes: readonly LinkOutcome[],
	lines: LineIndex,
): Finding[] {
	return findDuplicateSourceGroups(document, outcomes).map((group) => {
		const definitions = group.definitions.map((index) => document.definitions[index]);
		const first = definitions[0];
		const link = document.links[group.link];
		// A label defined twice is one label involved (its second copy is still in `related`).
		const labels = distinctLabels(definitions.map((definition) => definition.label));
		const details = {
			labels,
			target: link.target,
			related: definitions.slice(1).map((definition: FootnoteDefinition) => relatedLocation(definition.labelRange, definition.label, lines)),
		};
		return makeFinding(
			"duplicate-source",
			first.labelRange,
			lines,
			`${listLabels(labels)} cite the same source "${link.linkpath || link.target}"`,
			group.resolved !== undefined ? { ...details, resolved: group.resolved } : details,
		);
	});
}

function sourceKey(
	document: CitationDocument,
	linkIndex: number,
	outcome: LinkOutcome,
): { key: string; resolved?: string } | null {
	const link = document.links[linkIndex];
	const subpath = link.subpath.toLowerCase().replace(/\s+/g, " ");
	switch (outcome.status) {
		case "resolved":
			return { key: `file:${outcome.path}${subpath}`, resolved: outcome.path };
		case "unresolved":
			return { key: `missing:${link.linkpath.toLowerCase()}${subpath}` };
		default:
			return null;
	}
}
