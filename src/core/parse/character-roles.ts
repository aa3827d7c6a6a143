/**
 * The role of every character of a note, from the same decisions the parse makes (note-structure.ts), so
 * that "every other character keeps its role" can be checked by computing the roles of the text before and
 * after a fix and comparing them.
 *
 * Compact form: `codes[i]` (one byte per UTF-16 code unit of the text) indexes `ROLE_NAMES`:
 *   0 prose · 1 code · 2 comment · 3 math · 4 frontmatter
 * What each holds:
 *   - frontmatter: from offset 0 (a BOM included) to the end of the closing `---` line, its line break not;
 *   - code: every code unit of a fenced or indented code line (container marks such as `> ` or a list
 *     item's indentation and the line break included: the block parser decides whole lines), of a raw HTML
 *     block's lines (from its `<` on its first line), and of a code span `` `…` `` with its backticks;
 *   - comment: `%% … %%` and `<!-- … -->` with their delimiters (an unclosed `%%` runs to the end);
 *   - math: `$…$` and `$$…$$` with their dollars;
 *   - prose: everything else, line breaks between prose lines included, and a definition's `[^x]:` marker
 *     on a line whose content is code or raw HTML (`[^1]: ```` ) — the parse reads it.
 * A comment or formula that encloses code lines leaves them code (code is decided first), and a comment
 * that opens a raw HTML block (`<!-- … -->` starting a line) is comment; the rest of that block is code.
 */
import { CODE_LINE, HTML_LINE } from "./block-structure";
import { readNoteStructure } from "./note-structure";

export const ROLE_NAMES = ["prose", "code", "comment", "math", "frontmatter"] as const;
export type CharacterRole = (typeof ROLE_NAMES)[number];

/** Role codes: `ROLE_NAMES[ROLE.code] === "code"`. */
export const ROLE = { prose: 0, code: 1, comment: 2, math: 3, frontmatter: 4 } as const;

export interface CharacterRoles {
	/** One role code per UTF-16 code unit of the text. */
	codes: Uint8Array;
	names: typeof ROLE_NAMES;
}

export function characterRoles(text: string): CharacterRoles {
	const { lines, frontmatter, regions, codeSpans, blocks } = readNoteStructure(text);
	const codes = new Uint8Array(text.length);
	const lineEnd = (line: number): number => (line + 1 < lines.starts.length ? lines.starts[line + 1] : text.length);
	const { codeLines } = blocks;
	for (let line = 0; line < codeLines.length; line++) {
		if (codeLines[line] !== HTML_LINE) continue;
		// A raw HTML block starts at its `<` (after `> `, `- ` or `[^1]: `, which hold none); its later lines are
		// HTML whole.
		const from = line > 0 && codeLines[line - 1] === HTML_LINE ? lines.starts[line] : text.indexOf("<", lines.starts[line]);
		if (from !== -1 && from < lineEnd(line)) codes.fill(ROLE.code, from, lineEnd(line));
	}
	if (frontmatter) codes.fill(ROLE.frontmatter, frontmatter.from, frontmatter.to);
	for (const region of regions) codes.fill(region.kind === "math" ? ROLE.math : ROLE.comment, region.from, region.to);
	for (const span of codeSpans) codes.fill(ROLE.code, span.from, span.to);
	for (let line = 0; line < codeLines.length; line++) {
		if (codeLines[line] === CODE_LINE) codes.fill(ROLE.code, lines.starts[line], lineEnd(line));
	}
	// `[^1]: ```` or `[^1]: <div>`: the definition's marker is read by the parse, so it is prose; its code follows.
	for (const definition of blocks.definitions) {
		if (codeLines[definition.firstLine] === 0) continue;
		codes.fill(ROLE.prose, definition.markerFrom, definition.markerFrom + definition.label.length + 4);
	}
	return { codes, names: ROLE_NAMES };
}

/** The role of the code unit at `offset`. */
export function roleAt(roles: CharacterRoles, offset: number): CharacterRole {
	return roles.names[roles.codes[offset]];
}
