/**
 * Line ignore markers, like eslint-disable-next-line, kept inside an Obsidian comment so they never show
 * when reading and never count as citations:
 *
 *     %% citation-audit-ignore-next-line no-vault-link, unused-definition %%
 *     ^ the comment ends on this line; its findings on the NEXT line are silenced
 *
 * No kind means every kind. Kinds are separated by commas and/or spaces. Only a real `%%` comment counts
 * (the parser's hidden regions decide): the same words inside code or in prose are plain text.
 */
import { findHiddenRegions } from "../parse/note-structure";
import type { LineIndex } from "../text/line-index";
import type { TextRange } from "../parse/citation-document";

export const LINE_DIRECTIVE = "citation-audit-ignore-next-line";

export interface LineMarker {
	/** The whole `%% … %%` comment. */
	range: TextRange;
	/** 1-based line the marker silences (the line after the one where the comment ends). */
	targetLine: number;
	/** Kinds as written, in order; empty = every kind. */
	kinds: string[];
}

/** `%% citation-audit-ignore-next-line a, b %%` → ["a", "b"]; null when the comment is something else. */
export function readLineDirective(comment: string): string[] | null {
	const inner = /^%%([\s\S]*)%%$/.exec(comment);
	if (!inner) return null;
	const body = inner[1].trim();
	if (body !== LINE_DIRECTIVE && !body.startsWith(`${LINE_DIRECTIVE} `) && !body.startsWith(`${LINE_DIRECTIVE}\t`)) return null;
	return splitKinds(body.slice(LINE_DIRECTIVE.length));
}

/** `a, b c` → ["a", "b", "c"]. */
export function splitKinds(list: string): string[] {
	return list.split(/[\s,]+/).filter((kind) => kind !== "");
}

/** Every line marker of the note. Costs one `indexOf` when the note has none. */
export function findLineMarkers(text: string, lines: LineIndex): LineMarker[] {
	if (!text.includes(LINE_DIRECTIVE)) return [];
	const markers: LineMarker[] = [];
	for (const region of findHiddenRegions(text)) {
		if (text.charCodeAt(region.from) !== 0x25 || text.charCodeAt(region.from + 1) !== 0x25) continue;
		const kinds = readLineDirective(text.slice(region.from, region.to));
		if (kinds === null) continue;
		markers.push({ range: region, targetLine: lines.position(Math.max(region.from, region.to - 1)).line + 1, kinds });
	}
	return markers;
}
