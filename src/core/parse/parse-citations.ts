/**
 * Reads a note into a CitationDocument in one linear pass:
 *   1. blank what is not prose and markdown-it does not know (frontmatter, comments, math);
 *   2. let markdown-it find code and footnote definitions (block rules only);
 *   3. scan the prose for `[^x]`, `^[…]`, `[[…]]` and `[…](…)` with exact offsets.
 */
import { buildLineIndex, type LineIndex } from "../text/line-index";
import { readBlockStructure } from "./block-structure";
import type { CitationDocument, FootnoteDefinition } from "./citation-document";
import { labelKey } from "./citation-document";
import { findHiddenRegions, type Range } from "./hidden-regions";
import { scanInline } from "./scan-inline";

export function parseCitations(text: string): CitationDocument {
	const lines = buildLineIndex(text);
	let prose = hideRegions(text, findHiddenRegions(text), lines);
	if (prose.includes("\r")) prose = prose.replace(/\r/g, " ");
	// markdown-it reads a leading BOM as text (`\uFEFF[^1]:` would be no definition, `\uFEFF```` no fence);
	// only line numbers come back from it, so dropping the BOM there shifts nothing.
	const blocks = readBlockStructure(prose.charCodeAt(0) === 0xfeff ? prose.slice(1) : prose, lines.starts.length);

	const definitions: FootnoteDefinition[] = [];
	for (const block of blocks.definitions) {
		const marker = `[^${block.label}]:`;
		// `[^a]: [^a]: x`: a definition nested on its parent's line starts after the parent's marker.
		const previous = definitions[definitions.length - 1];
		const lineStart = lines.starts[block.firstLine];
		const searchFrom = previous && previous.from >= lineStart ? previous.contentFrom : lineStart;
		const from = prose.indexOf(marker, searchFrom);
		if (from === -1 || from > lines.contentEnd(block.firstLine)) continue;
		let last = block.endLine - 1;
		while (last > block.firstLine && prose.slice(lines.starts[last], lines.contentEnd(last)).trim() === "") last--;
		let contentFrom = from + marker.length;
		while (prose.charCodeAt(contentFrom) === 0x20 || prose.charCodeAt(contentFrom) === 0x09) contentFrom++;
		definitions.push({
			from,
			to: Math.max(contentFrom, lines.contentEnd(last)),
			label: block.label,
			key: labelKey(block.label),
			inline: false,
			labelRange: { from, to: from + marker.length - 1 },
			contentFrom: Math.min(contentFrom, lines.contentEnd(block.firstLine)),
			links: [],
		});
	}
	// `[^1]: [^2]: x` nests a definition in another (GFM and markdown-it agree): the outer one ends where the inner
	// one starts, so ranges stay disjoint and `[^2]:` is a definition, not also a reference.
	for (let index = 0; index + 1 < definitions.length; index++) {
		const outer = definitions[index];
		const inner = definitions[index + 1];
		if (inner.from < outer.to) outer.to = Math.max(outer.contentFrom, inner.from);
	}
	return scanInline(text, prose, lines, blocks, definitions);
}

/**
 * Blanks the regions that are not prose (see hidden-regions.ts), keeping every offset, with two exceptions that
 * keep the block structure markdown-it sees:
 *   - an HTML comment keeps its `<!--` and `-->` and its text becomes `x` (line breaks and blanks kept). A comment
 *     is an HTML block for markdown-it (as in GFM) when it starts a line, or lies inside one (`<div>` runs to the
 *     next blank line); blanked whole it would turn into blank lines, ending the block or a footnote definition
 *     early, or letting the indented code after it read as the definition's next paragraph;
 *   - a comment or math that opens a line followed by text on that line (`%% note %% Claim[^1].`) becomes `x`
 *     there: blanked, it would indent the text into a code block and its references would be lost.
 */
function hideRegions(text: string, ranges: readonly Range[], lines: LineIndex): string {
	if (ranges.length === 0) return text;
	const parts: string[] = [];
	let at = 0;
	let lineOfFirstText = -1;
	let firstText = 0;
	ranges.forEach((range, index) => {
		parts.push(text.slice(at, range.from));
		const hidden = text.slice(range.from, range.to);
		if (text.startsWith("<!--", range.from)) {
			// A comment range always ends with its `-->` (an unclosed `<!--` hides nothing).
			parts.push(`<!--${hidden.slice(4, -3).replace(/[^ \t\r\n]/g, "x")}-->`);
		} else {
			// The part on the line where the region ends: does it open that line, with text after it?
			const line = lines.position(range.to).line - 1;
			const lineStart = lines.starts[line];
			if (line !== lineOfFirstText) {
				lineOfFirstText = line;
				// A leading BOM is no text (markdown-it is given the text without it).
				firstText = skipBlanks(text, lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart);
			}
			const tailFrom = Math.max(range.from, lineStart);
			const opensLine = firstText >= tailFrom;
			const textAfter = opensLine && hasTextAfter(text, ranges, index, lines.contentEnd(line));
			const blanked = hidden.replace(/[^\r\n]/g, " ");
			if (!textAfter) parts.push(blanked);
			else parts.push(blanked.slice(0, tailFrom - range.from), hidden.slice(tailFrom - range.from).replace(/[^\r]/g, "x"));
		}
		at = range.to;
	});
	parts.push(text.slice(at));
	return parts.join("");
}

/** Whether text other than blanks and further hidden regions follows `ranges[index]` before `lineEnd`. */
function hasTextAfter(text: string, ranges: readonly Range[], index: number, lineEnd: number): boolean {
	let at = skipBlanks(text, ranges[index].to);
	for (let next = index + 1; next < ranges.length && ranges[next].from === at && at < lineEnd; next++) {
		at = skipBlanks(text, ranges[next].to);
	}
	return at < lineEnd;
}

/** The first offset from `at` that is not a space or a tab. */
function skipBlanks(text: string, at: number): number {
	while (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09) at++;
	return at;
}
