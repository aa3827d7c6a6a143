/**
 * Builds findings with the fields in the order the JSON output shows them, so `JSON.stringify` of a finding
 * is already the documented shape, and with optional fields left out rather than set to undefined.
 */
import type { TextRange } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import type { Finding, FindingKind, RelatedLocation } from "../types";
import { SEVERITY_OF } from "../types";

export interface FindingDetails {
	labels?: string[];
	target?: string;
	resolved?: string;
	suggestions?: string[];
	related?: RelatedLocation[];
}

export function makeFinding(
	kind: FindingKind,
	range: TextRange,
	lines: LineIndex,
	message: string,
	details: FindingDetails = {},
): Finding {
	const { line, column } = lines.position(range.from);
	const finding: Finding = {
		kind,
		severity: SEVERITY_OF[kind],
		message,
		line,
		column,
		offset: range.from,
		length: range.to - range.from,
	};
	if (details.labels && details.labels.length > 0) finding.labels = details.labels;
	if (details.target !== undefined) finding.target = details.target;
	if (details.resolved !== undefined) finding.resolved = details.resolved;
	if (details.suggestions && details.suggestions.length > 0) finding.suggestions = details.suggestions;
	if (details.related && details.related.length > 0) finding.related = details.related;
	return finding;
}

export function relatedLocation(range: TextRange, label: string, lines: LineIndex): RelatedLocation {
	const { line, column } = lines.position(range.from);
	return { line, column, offset: range.from, length: range.to - range.from, label };
}

/** `[^10]`, `[^10] and [^11]`, `[^10], [^11] and [^14]`. */
export function listLabels(labels: readonly string[]): string {
	const written = labels.map((label) => `[^${label}]`);
	if (written.length <= 1) return written.join("");
	return `${written.slice(0, -1).join(", ")} and ${written[written.length - 1]}`;
}

/** Labels as written, each distinct spelling once, in the order given. */
export function distinctLabels(labels: readonly string[]): string[] {
	return [...new Set(labels)];
}
