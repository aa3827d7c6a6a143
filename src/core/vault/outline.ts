/**
 * The headings and block ids of a note, enough to check a link's `#subpath` the way Obsidian's
 * `resolveSubpath` does. The note is read by the parser's own structure (parse/note-structure.ts): code in any
 * container, frontmatter, comments and math are decided as for the citations, so a fence opened inside a
 * footnote definition ends with it, as markdown-it and GFM end it, and the headings after it are found. As in
 * Obsidian's metadata cache, only headings outside containers (lists, quotes, footnotes) are listed.
 */
import { CODE_LINE } from "../parse/block-structure";
import { readNoteStructure } from "../parse/note-structure";

export interface NoteOutline {
	headings: { text: string; level: number }[];
	blockIds: string[];
}

type Heading = NoteOutline["headings"][number];

/**
 * The heading's text runs to the end of the line (`s`: even past a U+2028); trailing blanks and a closing `#`
 * sequence are cut by hand. The obvious `(.*?)[ \t]*$` and `(?:^|[ \t]+)#+$` backtrack quadratically on a long
 * run of spaces (a 40,000-character heading line took seconds).
 */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/s;
const BLOCK_ID = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;
const TRAILING_BLOCK_ID = /(?:^|[ \t])\^[A-Za-z0-9-]+[ \t]*$/;

/** Inline `%% … %%` comments (and a trailing unclosed one) are not part of the heading's text. */
function withoutComments(text: string): string {
	return text.replace(/%%.*?(?:%%|$)/g, " ");
}

/**
 * The text a heading is linked by: inline comments and a trailing `^block-id` removed (the id names the
 * heading's block, it is not part of its title), whitespace runs collapsed.
 */
function headingText(raw: string): string {
	return withoutComments(raw)
		.replace(TRAILING_BLOCK_ID, "")
		.replace(/\s+/g, " ")
		.trim();
}

function atxHeading(line: string): Heading | null {
	const match = ATX_HEADING.exec(line);
	if (!match) return null;
	return { text: headingText(withoutClosingSequence(trimBlanksEnd(match[2] ?? ""))), level: match[1].length };
}

function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09;
}

/** `text` without its trailing spaces and tabs. */
function trimBlanksEnd(text: string): string {
	let end = text.length;
	while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
	return text.slice(0, end);
}

/** `Title ##` → `Title`, `##` → ``; `Title#` keeps its `#` (what `/(?:^|[ \t]+)#+$/` removes). */
function withoutClosingSequence(text: string): string {
	let hashes = text.length;
	while (hashes > 0 && text.charCodeAt(hashes - 1) === 0x23 /* # */) hashes--;
	if (hashes === text.length) return text;
	if (hashes === 0) return "";
	if (!isBlank(text.charCodeAt(hashes - 1))) return text;
	return trimBlanksEnd(text.slice(0, hashes));
}

function blockIdOf(line: string): string | null {
	const match = BLOCK_ID.exec(line);
	return match ? match[1] : null;
}

/**
 * Headings (ATX and setext) and `^block-ids` of a note, in order. Lines of frontmatter, code and comments hold
 * none. Empty headings are left out: no link can name them.
 */
export function extractOutline(markdown: string): NoteOutline {
	const { text, lines, prose, blocks } = readNoteStructure(markdown);
	const lineText = (line: number): string => text.slice(lines.starts[line], lines.contentEnd(line)).replace(/\r$/, "");
	const headings: Heading[] = [];
	for (const block of blocks.headings) {
		if (block.setext) {
			const paragraph: string[] = [];
			for (let line = block.firstLine; line < block.endLine - 1; line++) paragraph.push(lineText(line).trim());
			const headingLine = headingText(paragraph.join(" "));
			if (headingLine !== "") headings.push({ text: headingLine, level: block.level });
		} else {
			const atx = atxHeading(lineText(block.firstLine));
			if (atx !== null && atx.text !== "") headings.push({ text: atx.text, level: block.level });
		}
	}
	const blockIds: string[] = [];
	// Only a line with a `^` can end with a block id: the others are stepped over without a slice or a match.
	const lineCount = lines.starts.length;
	let caret = prose.indexOf("^");
	for (let line = 0; caret !== -1 && line < lineCount; line++) {
		const next = line + 1 < lineCount ? lines.starts[line + 1] : prose.length;
		if (caret >= next) continue;
		if (blocks.codeLines[line] !== CODE_LINE) {
			const blockId = blockIdOf(prose.slice(lines.starts[line], lines.contentEnd(line)));
			if (blockId !== null) blockIds.push(blockId);
		}
		caret = next < prose.length ? prose.indexOf("^", next) : -1;
	}
	return { headings, blockIds };
}

/**
 * The characters Obsidian's `resolveSubpath` ignores when it compares a heading with a link's subpath part:
 * both sides go through the app's `stripHeading` (each of these becomes a space, runs of white space one space,
 * trimmed), then are compared case-insensitively. The link autocomplete writes a heading link with fewer
 * characters replaced (`:`, `#`, `|`, `^`, `\`, `%%`, `[[`, `]]`), all of them in this class, so a link written
 * by the autocomplete for `# Is $E = mc^2$ true? [[Note|Alias]]` (`#Is $E = mc 2$ true? Note Alias`) names the
 * heading, and so does one typed as the heading reads.
 * Sources: the classes recorded from the app bundle in tests/obsidian-double/paths.ts (stripHeading,
 * stripHeadingForLink) and cache-utils.ts (resolveSubpath); the obsidian.d.ts `resolveSubpath(cache, subpath)`
 * declaration.
 */
const HEADING_STRIP = /[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\\r\n]/g;

/** Heading text as compared with a link's subpath part (see HEADING_STRIP). */
export function normalizeHeading(text: string): string {
	return text.replace(HEADING_STRIP, " ").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Normalised heading texts per outline, computed once: a cited note is often checked for many subpaths. */
const normalizedCache = new WeakMap<NoteOutline, string[]>();

function normalizedHeadings(outline: NoteOutline): string[] {
	let normalized = normalizedCache.get(outline);
	if (!normalized) {
		normalized = outline.headings.map((heading) => normalizeHeading(heading.text));
		normalizedCache.set(outline, normalized);
	}
	return normalized;
}

/**
 * Whether `parts` (normalised heading texts) match as Obsidian's `resolveSubpath` matches them: in one pass over
 * the headings, each part is the next heading whose level is deeper than the one the previous part matched
 * (`#A#B`: a heading B after A, deeper than A).
 */
function hasHeadingChain(headings: readonly Heading[], normalized: readonly string[], parts: readonly string[]): boolean {
	let matched = 0;
	let level = 0;
	for (let i = 0; i < headings.length && matched < parts.length; i++) {
		if (headings[i].level > level && normalized[i] === parts[matched]) {
			matched++;
			level = headings[i].level;
		}
	}
	return matched === parts.length;
}

/**
 * Whether a subpath as written after the link path (`#Heading`, `#A#B`, `#^block`) exists in the note.
 * `#A#B` needs a heading B after A and deeper than it, as in Obsidian.
 * A bare `#` names the note itself.
 */
export function outlineHasSubpath(outline: NoteOutline, subpath: string): boolean {
	const body = subpath.startsWith("#") ? subpath.slice(1) : subpath;
	if (body.startsWith("^")) return outline.blockIds.includes(body.slice(1));
	const parts = headingParts(body);
	if (parts.length === 0) return true;
	return hasHeadingChain(outline.headings, normalizedHeadings(outline), parts);
}

/**
 * A heading subpath's parts, normalised: remembered per subpath, since a vault's links name the same headings
 * again and again (three regular-expression passes per part otherwise, for each of about 110,000 heading links
 * in the 100,000-note vault, which name 51 headings). Bounded: past {@link MAX_REMEMBERED_SUBPATHS} distinct
 * subpaths (a long plugin session) all are forgotten and remembered anew.
 */
const MAX_REMEMBERED_SUBPATHS = 10_000;
const partsBySubpath = new Map<string, readonly string[]>();

function headingParts(body: string): readonly string[] {
	let parts = partsBySubpath.get(body);
	if (!parts) {
		parts = body
			.split("#")
			.map(normalizeHeading)
			.filter((part) => part !== "");
		if (partsBySubpath.size >= MAX_REMEMBERED_SUBPATHS) partsBySubpath.clear();
		partsBySubpath.set(body, parts);
	}
	return parts;
}
