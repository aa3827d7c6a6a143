/**
 * Label bookkeeping: every `[^x]` must have a `[^x]:`, every `[^x]:` a `[^x]`, and no label two `[^x]:`.
 * Labels compare case-insensitively (Obsidian 1.8.0+) and are reported as written.
 */
import type { CitationDocument, FootnoteDefinition, FootnoteReference } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { distinctLabels, makeFinding, relatedLocation } from "./finding";

export function groupDefinitionsByLabel(document: CitationDocument): Map<string, FootnoteDefinition[]> {
	const byKey = new Map<string, FootnoteDefinition[]>();
	for (const definition of document.definitions) {
		if (definition.inline) continue;
		const group = byKey.get(definition.key);
		if (group) group.push(definition);
		else byKey.set(definition.key, [definition]);
	}
	return byKey;
}

/**
 * Definitions and references grouped by label key: what all three checks read, grouped once per audit
 * (each check grouped the 12 MB bench essay's 40,000 definitions again).
 */
export interface LabelIndex {
	definitions: Map<string, FootnoteDefinition[]>;
	references: Map<string, FootnoteReference[]>;
}

export function indexLabels(document: CitationDocument): LabelIndex {
	return { definitions: groupDefinitionsByLabel(document), references: groupReferencesByLabel(document) };
}

function groupReferencesByLabel(document: CitationDocument): Map<string, FootnoteReference[]> {
	const byKey = new Map<string, FootnoteReference[]>();
	for (const reference of document.references) {
		const group = byKey.get(reference.key);
		if (group) group.push(reference);
		else byKey.set(reference.key, [reference]);
	}
	return byKey;
}

/** One finding per label, at its first use; the other uses are `related`. `[^a]` and `[^A]` are one label. */
export function findUndefinedReferences(document: CitationDocument, lines: LineIndex, labels: LabelIndex = indexLabels(document)): Finding[] {
	const findings: Finding[] = [];
	for (const [key, uses] of labels.references) {
		if (labels.definitions.has(key)) continue;
		const first = uses[0];
		findings.push(
			makeFinding("undefined-reference", first, lines, `[^${first.label}] is referenced but never defined`, {
				labels: distinctLabels(uses.map((use) => use.label)),
				related: uses.slice(1).map((use) => relatedLocation(use, use.label, lines)),
			}),
		);
	}
	return findings;
}

/** At the first definition of a label nobody references (a duplicated label is reported once, not per copy). */
export function findUnusedDefinitions(document: CitationDocument, lines: LineIndex, labels: LabelIndex = indexLabels(document)): Finding[] {
	const findings: Finding[] = [];
	for (const [key, definitions] of labels.definitions) {
		if (labels.references.has(key)) continue;
		const first = definitions[0];
		findings.push(
			makeFinding("unused-definition", first.labelRange, lines, `[^${first.label}] is defined but never referenced`, {
				labels: [first.label],
			}),
		);
	}
	return findings;
}

/** At the second definition of a label; the first and any further ones are `related`. */
export function findDuplicateLabels(document: CitationDocument, lines: LineIndex, labels: LabelIndex = indexLabels(document)): Finding[] {
	const findings: Finding[] = [];
	for (const definitions of labels.definitions.values()) {
		if (definitions.length < 2) continue;
		const second = definitions[1];
		const others = definitions.filter((definition) => definition !== second);
		findings.push(
			makeFinding(
				"duplicate-label",
				second.labelRange,
				lines,
				`[^${second.label}] is defined ${definitions.length} times; each label needs exactly one definition`,
				{
					labels: distinctLabels(definitions.map((definition) => definition.label)),
					related: others.map((definition) => relatedLocation(definition.labelRange, definition.label, lines)),
				},
			),
		);
	}
	return findings;
}
