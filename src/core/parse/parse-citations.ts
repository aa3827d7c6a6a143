/**
 * Reads a note into a CitationDocument in one linear pass:
 *   1. blank what is not prose and markdown-it does not know (frontmatter, comments, math);
 *   2. let markdown-it find code and footnote definitions (block rules only);
 *   3. scan the prose for `[^x]`, `^[…]`, `[[…]]` and `[…](…)` with exact offsets.
 */
import { buildLineIndex } from "../text/line-index";
import { readBlockStructure } from "./block-structure";
import type { CitationDocument, FootnoteDefinition } from "./citation-document";
import { labelKey } from "./citation-document";
import { blankRanges, findHiddenRegions } from "./hidden-regions";
import { scanInline } from "./scan-inline";

export function parseCitations(text: string): CitationDocument {
	const lines = buildLineIndex(text);
	let prose = blankRanges(text, findHiddenRegions(text));
	if (prose.includes("\r")) prose = prose.replace(/\r/g, " ");
	// markdown-it reads a leading BOM as text (`\uFEFF[^1]:` would be no definition, `\uFEFF```` no fence);
	// only line numbers come back from it, so dropping the BOM there shifts nothing.
	const blocks = readBlockStructure(prose.charCodeAt(0) === 0xfeff ? prose.slice(1) : prose, lines.starts.length);

	const definitions: FootnoteDefinition[] = [];
	for (const block of blocks.definitions) {
		const lineStart = lines.starts[block.firstLine];
		const marker = `[^${block.label}]:`;
		const from = prose.indexOf(marker, lineStart);
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
	return scanInline(text, prose, lines, blocks, definitions);
}
