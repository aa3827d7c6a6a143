/**
 * Applies a note's ignore markers to its findings, inside auditNote, so the command line and the plugin
 * silence exactly the same findings. A marker, or an entry of one, that silences nothing becomes an info
 * finding `unused-ignore` (as eslint's --report-unused-disable-directives), and so does a kind name that no
 * check has (a typo would otherwise silence nothing without a word).
 *
 * `unused-ignore` findings are never silenced by line markers (a marker cannot hide its own report); the
 * frontmatter list can name `unused-ignore` to silence them for the whole note.
 */
import { makeFinding } from "../audit/finding";
import type { TextRange } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import { ALL_FINDING_KINDS, type Finding, type FindingKind } from "../types";
import { readNoteIgnores, FRONTMATTER_KEY } from "./frontmatter-ignore";
import { findLineMarkers, LINE_DIRECTIVE, type LineMarker } from "./line-markers";

const KNOWN = new Set<string>(ALL_FINDING_KINDS);

export interface IgnoreOutcome {
	/** The findings no marker silenced, in the order given. */
	kept: Finding[];
	/** `unused-ignore` findings for markers and entries that silenced nothing, or name no kind. */
	unused: Finding[];
}

export function applyIgnoreMarkers(text: string, findings: readonly Finding[], lines: LineIndex): IgnoreOutcome {
	const noteEntries = readNoteIgnores(text);
	const markers = findLineMarkers(text, lines);
	if (noteEntries.length === 0 && markers.length === 0) return { kept: [...findings], unused: [] };

	const noteKinds = new Set(noteEntries.map((entry) => entry.kind));
	const usedNoteKinds = new Set<string>();
	const markersByLine = new Map<number, LineMarker[]>();
	for (const marker of markers) {
		const list = markersByLine.get(marker.targetLine);
		if (list) list.push(marker);
		else markersByLine.set(marker.targetLine, [marker]);
	}
	/** Per marker: the kinds it silenced ("*" for a marker without kinds). */
	const usedByMarker = new Map<LineMarker, Set<string>>();

	const kept: Finding[] = [];
	for (const finding of findings) {
		if (noteKinds.has(finding.kind)) {
			usedNoteKinds.add(finding.kind);
			continue;
		}
		const marker = markersByLine.get(finding.line)?.find((candidate) => silences(candidate, finding.kind));
		if (!marker) {
			kept.push(finding);
			continue;
		}
		const used = usedByMarker.get(marker) ?? new Set<string>();
		used.add(marker.kinds.length === 0 ? "*" : finding.kind);
		usedByMarker.set(marker, used);
	}

	const unused: Finding[] = [];
	for (const marker of markers) {
		const used = usedByMarker.get(marker);
		if (marker.kinds.length === 0) {
			if (!used) unused.push(unusedIgnore(marker.range, lines, `This ${LINE_DIRECTIVE} marker silences nothing on line ${marker.targetLine}`));
			continue;
		}
		for (const kind of new Set(marker.kinds)) {
			if (!KNOWN.has(kind)) unused.push(unusedIgnore(marker.range, lines, unknownKindMessage(kind)));
			else if (!used?.has(kind)) unused.push(unusedIgnore(marker.range, lines, `This ${LINE_DIRECTIVE} marker silences no ${kind} on line ${marker.targetLine}`));
		}
	}
	const reported = new Set<string>();
	for (const entry of noteEntries) {
		if (reported.has(entry.kind) || entry.kind === "unused-ignore") continue;
		reported.add(entry.kind);
		if (!KNOWN.has(entry.kind)) unused.push(unusedIgnore(entry.range, lines, unknownKindMessage(entry.kind)));
		else if (!usedNoteKinds.has(entry.kind)) unused.push(unusedIgnore(entry.range, lines, `${FRONTMATTER_KEY} lists ${entry.kind}, but this note has no such finding`));
	}
	return { kept, unused: noteKinds.has("unused-ignore") ? [] : unused };
}

function silences(marker: LineMarker, kind: FindingKind): boolean {
	if (kind === "unused-ignore") return false;
	return marker.kinds.length === 0 || marker.kinds.includes(kind);
}

function unknownKindMessage(kind: string): string {
	return `"${kind}" is not a finding kind, so it ignores nothing (kinds: ${ALL_FINDING_KINDS.join(", ")})`;
}

function unusedIgnore(range: TextRange, lines: LineIndex, message: string): Finding {
	return makeFinding("unused-ignore", range, lines, message);
}
