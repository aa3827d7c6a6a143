/**
 * Reads a note into a CitationDocument in one linear pass:
 *   1. decide frontmatter, code, comments and math, and the block structure (note-structure.ts);
 *   2. take footnote definitions from that block structure;
 *   3. scan the prose for `[^x]`, `^[…]`, `[[…]]` and `[…](…)` with exact offsets.
 */
import type { CitationDocument, FootnoteDefinition } from "./citation-document";
import { labelKey } from "./citation-document";
import { readNoteStructure } from "./note-structure";
import { scanInline } from "./scan-inline";

export function parseCitations(text: string): CitationDocument {
	const { lines, blocks, prose } = readNoteStructure(text);

	const definitions: FootnoteDefinition[] = [];
	for (const block of blocks.definitions) {
		// Where markdown-it's rule started: the `[^` after any container marks (`> `, `- `), or after a parent's
		// marker on the same line (`[^a]: [^b]: x`). The label is read from the note as written.
		const from = block.markerFrom;
		const label = text.slice(from + 2, from + 2 + block.label.length);
		const marker = `[^${label}]:`;
		if (!text.startsWith(marker, from) || from > lines.contentEnd(block.firstLine)) continue;
		let last = block.endLine - 1;
		while (last > block.firstLine && text.slice(lines.starts[last], lines.contentEnd(last)).trim() === "") last--;
		let contentFrom = from + marker.length;
		while (prose.charCodeAt(contentFrom) === 0x20 || prose.charCodeAt(contentFrom) === 0x09) contentFrom++;
		definitions.push({
			from,
			to: Math.max(contentFrom, lines.contentEnd(last)),
			label,
			key: labelKey(label),
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
