/**
 * One work cited in both styles (issue 17): `[@yuan2015]` in the text and `[^3]: [[@yuan2015]]`, a footnote citing
 * that key's literature note, are the same source, so a `duplicate-source` finding says so, at the key's first
 * occurrence. A footnote's note is the key's literature note when the library says so (folder and template, or
 * the key property) or when the note's own `citekey`/`citationKey` property names the key. Only a link to a whole
 * note stands for the work (`[[@yuan2015#Methods]]` cites a heading).
 *
 * No fix is offered: the two styles cannot be merged without choosing one for the writer.
 */
import { writeKey } from "../citekeys/citekey";
import type { CitationDocument } from "../parse/citation-document";
import type { CitekeyOccurrence } from "../citekeys/scan-citekeys";
import type { SourceNotes } from "../sources/source-notes";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { distinctLabels, listLabels, makeFinding, relatedLocation } from "./finding";
import type { LinkOutcome } from "./resolve-links";

export interface KeyFootnoteInput {
	document: CitationDocument;
	outcomes: readonly LinkOutcome[];
	lines: LineIndex;
	occurrences: readonly CitekeyOccurrence[];
	/** The literature note of a key from the library, or null (no library: always null). */
	literatureNote: (key: string) => string | null;
	notes: SourceNotes;
}

export function findKeyFootnoteDuplicates(input: KeyFootnoteInput): Finding[] {
	const { document, outcomes, lines, occurrences, literatureNote, notes } = input;
	if (occurrences.length === 0 || document.definitions.length === 0) return [];
	// The whole notes the footnote definitions cite: path → [definition index, link index] in text order.
	const cited = new Map<string, [number, number][]>();
	document.definitions.forEach((definition, definitionIndex) => {
		if (definition.inline) return;
		for (const linkIndex of definition.links) {
			const outcome = outcomes[linkIndex];
			if (outcome.status !== "resolved" || document.links[linkIndex].subpath !== "") continue;
			const list = cited.get(outcome.path) ?? [];
			if (!list.some(([index]) => index === definitionIndex)) list.push([definitionIndex, linkIndex]);
			cited.set(outcome.path, list);
		}
	});
	if (cited.size === 0) return [];
	const findings: Finding[] = [];
	const seen = new Set<string>();
	for (const occurrence of occurrences) {
		if (seen.has(occurrence.key)) continue;
		seen.add(occurrence.key);
		const match = noteOfKey(occurrence.key, cited, literatureNote, notes);
		if (!match) continue;
		const [path, why] = match;
		const citing = cited.get(path) ?? [];
		const definitions = citing.map(([index]) => document.definitions[index]);
		const labels = distinctLabels(definitions.map((definition) => definition.label));
		const link = document.links[citing[0][1]];
		const finding = makeFinding(
			"duplicate-source",
			occurrence,
			lines,
			`@${writeKey(occurrence.key)} and ${listLabels(labels)} cite the same work: "${link.linkpath || link.target}" is ${why}`,
			{ labels, target: link.target, resolved: path, related: definitions.map((definition) => relatedLocation(definition.labelRange, definition.label, lines)) },
		);
		finding.citekey = occurrence.key;
		findings.push(finding);
	}
	return findings;
}

function noteOfKey(
	key: string,
	cited: ReadonlyMap<string, unknown>,
	literatureNote: (key: string) => string | null,
	notes: SourceNotes,
): [string, string] | null {
	const path = literatureNote(key);
	if (path !== null && cited.has(path)) return [path, `its literature note`];
	for (const candidate of cited.keys()) {
		if (notes.get(candidate).identifiers.some((identifier) => identifier.kind === "citekey" && identifier.value === key)) {
			return [candidate, `the note whose citekey is ${key}`];
		}
	}
	return null;
}
