/**
 * What the cited notes' properties say about themselves, once per note per essay, at its first citation:
 *
 *     …as shown before.[^3]
 *     [^3]: [[Yuan-2015]]          ← incomplete-source: "Yuan-2015" lacks year or date (the note's properties)
 *           ^ at the link
 *
 * - `invalid-frontmatter`: the note's frontmatter does not parse, so what it identifies is unknown;
 * - `incomplete-source`: it lacks required properties (none are required unless the settings say so).
 * Only citation links count (inside footnotes), only markdown notes have properties, and a link into the
 * essay itself (`[[#Heading]]`) cites no source note.
 */
import type { CitationDocument } from "../parse/citation-document";
import { describeRequirements, missingRequirements, type PropertyRequirement } from "../sources/required-properties";
import type { SourceNotes } from "../sources/source-notes";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { makeFinding } from "./finding";
import { labelsOf } from "./link-checks";
import type { LinkOutcome } from "./resolve-links";

export interface SourcePropertyContext {
	document: CitationDocument;
	outcomes: readonly LinkOutcome[];
	lines: LineIndex;
	notes: SourceNotes;
	sourcePath: string;
	requirements: readonly PropertyRequirement[];
}

export function findSourcePropertyProblems(context: SourcePropertyContext): Finding[] {
	const { document, outcomes, lines, notes, requirements } = context;
	const findings: Finding[] = [];
	const seen = new Set<string>();
	document.links.forEach((link, index) => {
		const outcome = outcomes[index];
		if (link.owner === -1 || outcome.status !== "resolved" || outcome.path === context.sourcePath) return;
		if (seen.has(outcome.path)) return;
		seen.add(outcome.path);
		const note = notes.get(outcome.path);
		const details = { labels: labelsOf(document, link), target: link.target, resolved: outcome.path };
		const name = link.linkpath || link.target;
		if (note.frontmatterError !== null) {
			findings.push(
				makeFinding("invalid-frontmatter", link, lines, `The properties of "${name}" do not parse${note.frontmatterError === "" ? "" : `: ${note.frontmatterError}`}`, details),
			);
			return;
		}
		if (requirements.length === 0 || !/\.md$/i.test(outcome.path)) return;
		const missing = missingRequirements(note.properties, requirements);
		if (missing.length === 0) return;
		findings.push(
			makeFinding("incomplete-source", link, lines, `Source note "${name}" lacks properties: ${describeRequirements(missing)}`, details),
		);
	});
	return findings;
}
