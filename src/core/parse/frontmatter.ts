/**
 * YAML frontmatter (Obsidian's properties): `---` on the note's first line, up to the next line that is
 * ^ only here
 * `---` or `...`. Unclosed, it is not frontmatter. A leading BOM (a file read as is) is not text:
 * `\uFEFF---` still opens it, and the BOM belongs to it.
 */
import type { Range } from "./hidden-regions";

/** The frontmatter's range, from offset 0 to the end of its closing line (before its line break), or null. */
export function readFrontmatter(text: string): Range | null {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!/^---[ \t]*\r?$/.test(text.slice(start, lineEnd(text, 0)))) return null;
	let pos = lineEnd(text, 0) + 1;
	while (pos < text.length) {
		const end = lineEnd(text, pos);
		if (/^(---|\.\.\.)[ \t]*\r?$/.test(text.slice(pos, end))) return { from: 0, to: end };
		pos = end + 1;
	}
	return null;
}

function lineEnd(text: string, pos: number): number {
	const at = text.indexOf("\n", pos);
	return at === -1 ? text.length : at;
}
