/**
 * Duplicate sources: two or more footnote definitions (different labels) that cite the same note — the
 * `[^10]`, `[^11]`, `[^12]`, `[^14]` case. "The same" is the same resolved file and subpath, or, when the
 * link resolves to nothing, the same link path. One finding per group, at its first definition.
 *
 * Or the same work under different notes (see sources/same-work.ts): `[^1]: [[yuanInhibiting…2015]]` and
 * `[^2]: [[Yuan-2015]]` whose properties carry the same DOI are one group, and the finding says why. Only a
 * link to a whole note stands for its work; `[[Yuan-2015#Methods]]` still names that note's heading.
 */
import type { CitationDocument, FootnoteDefinition } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { distinctLabels, listLabels, makeFinding, relatedLocation } from "./finding";
import type { LinkOutcome } from "./resolve-links";
import { identifierName } from "../sources/identity";
import { NO_WORKS, type SourceWork, type SourceWorks } from "../sources/same-work";

export interface DuplicateSourceGroup {
	/** Indices into `document.definitions`, in text order; the first is the one to keep. */
	definitions: number[];
	/** The first definition's citing link (index into `document.links`). */
	link: number;
	/** Resolved vault path, when the source exists. */
	resolved?: string;
	/** Index into the note's `works`, when the group's definitions cite one work through different notes. */
	work?: number;
}

/** Groups definitions by what they cite; a definition with two links can join two groups. */
export function findDuplicateSourceGroups(
	document: CitationDocument,
	outcomes: readonly LinkOutcome[],
	works: SourceWorks = NO_WORKS,
): DuplicateSourceGroup[] {
	const bySource = new Map<string, DuplicateSourceGroup>();
	/** Per work group: the notes its definitions cite, to tell a same-work group from a same-file one. */
	const notesOfWork = new Map<string, Set<string>>();
	document.definitions.forEach((definition, definitionIndex) => {
		if (definition.inline) return;
		for (const linkIndex of definition.links) {
			const source = sourceKey(document, linkIndex, outcomes[linkIndex], works);
			if (source === null) continue;
			if (source.work !== undefined && source.resolved !== undefined) {
				const notes = notesOfWork.get(source.key) ?? new Set<string>();
				notes.add(source.resolved);
				notesOfWork.set(source.key, notes);
			}
			const group = bySource.get(source.key);
			if (!group) {
				const created: DuplicateSourceGroup = { definitions: [definitionIndex], link: linkIndex };
				if (source.resolved !== undefined) created.resolved = source.resolved;
				if (source.work !== undefined) created.work = source.work;
				bySource.set(source.key, created);
			} else if (group.definitions[group.definitions.length - 1] !== definitionIndex) {
				// Definitions are visited in order, so a definition already in the group is its last member.
				group.definitions.push(definitionIndex);
			}
		}
	});
	const groups: DuplicateSourceGroup[] = [];
	const seenMembers = new Set<string>();
	for (const [key, group] of bySource) {
		// A work whose definitions here all cite one of its notes is a same-file group.
		if (group.work !== undefined && (notesOfWork.get(key)?.size ?? 0) < 2) delete group.work;
		// Two definitions of one label are a duplicate label, not a duplicate source: count labels, not copies.
		if (!hasTwoLabels(document, group.definitions)) continue;
		// Definitions that cite the same two notes form the same group twice: report it once. Only a group
		// whose every definition cites two sources or more can be another's twin.
		if (group.definitions.every((index) => document.definitions[index].links.length > 1)) {
			const members = group.definitions.join(",");
			if (seenMembers.has(members)) continue;
			seenMembers.add(members);
		}
		groups.push(group);
	}
	return groups;
}

function hasTwoLabels(document: CitationDocument, definitions: readonly number[]): boolean {
	const first = document.definitions[definitions[0]].key;
	return definitions.some((index) => document.definitions[index].key !== first);
}

export function findDuplicateSources(
	document: CitationDocument,
	outcomes: readonly LinkOutcome[],
	lines: LineIndex,
	works: SourceWorks = NO_WORKS,
): Finding[] {
	return findDuplicateSourceGroups(document, outcomes, works).map((group) => {
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
		const work = group.work !== undefined ? works.works[group.work] : undefined;
		const message = work
			? `${listLabels(labels)} cite the same work: ${describeWork(document, outcomes, group, work)}`
			: `${listLabels(labels)} cite the same source "${link.linkpath || link.target}"`;
		return makeFinding(
			"duplicate-source",
			first.labelRange,
			lines,
			message,
			group.resolved !== undefined ? { ...details, resolved: group.resolved } : details,
		);
	});
}

/**
 * `"Yuan-2015" and "yuanInhibiting…2015" (same DOI 10.1234/abc)`: the notes as the group's links write them,
 * in order of first citation, and why each later one is the same work.
 */
function describeWork(document: CitationDocument, outcomes: readonly LinkOutcome[], group: DuplicateSourceGroup, work: SourceWork): string {
	const written = new Map<string, string>();
	for (const definitionIndex of group.definitions) {
		for (const linkIndex of document.definitions[definitionIndex].links) {
			const outcome = outcomes[linkIndex];
			const link = document.links[linkIndex];
			if (outcome.status === "resolved" && !written.has(outcome.path)) written.set(outcome.path, link.linkpath || link.target);
		}
	}
	const cited = work.paths.filter((path) => written.has(path));
	const names = cited.map((path) => `"${written.get(path) ?? path}"`);
	const reasons = [
		...new Set(
			work.matches
				.filter((match) => cited.includes(match.path))
				.map((match) => `same ${identifierName(match.identifier.kind)} ${match.identifier.value}`),
		),
	];
	const list = names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
	return `${list} (${reasons.join("; ")})`;
}

function sourceKey(
	document: CitationDocument,
	linkIndex: number,
	outcome: LinkOutcome,
	works: SourceWorks,
): { key: string; resolved?: string; work?: number } | null {
	const link = document.links[linkIndex];
	const subpath = link.subpath === "" ? "" : link.subpath.toLowerCase().replace(/\s+/g, " ");
	switch (outcome.status) {
		case "resolved": {
			const work = subpath === "" ? works.workOf.get(outcome.path) : undefined;
			if (work !== undefined) return { key: `work:${work}`, resolved: outcome.path, work };
			return { key: `file:${outcome.path}${subpath}`, resolved: outcome.path };
		}
		case "unresolved":
			return { key: `missing:${link.linkpath.toLowerCase()}${subpath}` };
		default:
			return null;
	}
}
