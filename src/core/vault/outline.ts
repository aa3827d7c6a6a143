/**
 * The headings and block ids of a note, enough to check a link's `#subpath` the way Obsidian's
 * `resolveSubpath` does, without a markdown parser: one pass over the lines, tracking only the regions
 * where a `#` line is not a heading (YAML frontmatter, fenced code, `%%` comments).
 */

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
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** Lines that start a block other than a paragraph, so a following `---`/`===` cannot make them a heading. */
const OTHER_BLOCK_START = /^(?: {0,3}(?:>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\|)| {4,}|\t)/;
const BLOCK_ID = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;
const TRAILING_BLOCK_ID = /(?:^|[ \t])\^[A-Za-z0-9-]+[ \t]*$/;
const COMMENT_MARK = "%%";

/** A fenced code block opener: ``` or ~~~, three or more; a backtick info string may not hold a backtick. */
function fenceOpening(line: string): string | null {
	const match = FENCE_OPEN.exec(line);
	if (!match) return null;
	if (match[1].startsWith("`") && match[2].includes("`")) return null;
	return match[1];
}

/** The closing fence: the same character, at least as many, nothing after but spaces. */
function closesFence(line: string, fence: string): boolean {
	const trimmed = line.trim();
	return trimmed.length >= fence.length && trimmed === fence[0].repeat(trimmed.length);
}

/** Length of the YAML frontmatter in lines (0 when there is none or it is never closed). */
function frontmatterLength(lines: readonly string[]): number {
	if (lines.length === 0 || lines[0].trimEnd() !== "---") return 0;
	for (let i = 1; i < lines.length; i++) {
		const line = lines[i].trimEnd();
		if (line === "---" || line === "...") return i + 1;
	}
	return 0;
}

/** Parity of `%%` marks in a line: whether the line toggles the comment state. */
function togglesComment(line: string): boolean {
	let count = 0;
	for (let at = line.indexOf(COMMENT_MARK); at >= 0; at = line.indexOf(COMMENT_MARK, at + 2)) count++;
	return count % 2 === 1;
}

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
 * Headings (ATX and setext) and `^block-ids` of a note, in order. Lines inside frontmatter, fenced code
 * and `%%` comment blocks are skipped. Empty headings are left out: no link can name them.
 */
export function extractOutline(markdown: string): NoteOutline {
	const lines = markdown.split(/\r\n|\r|\n/);
	const headings: Heading[] = [];
	const blockIds: string[] = [];
	let fence: string | null = null;
	let inComment = false;
	/** Lines of the paragraph a setext underline would turn into a heading. */
	let paragraph: string[] = [];
	/** Inside a list, quote or table: lazy continuation lines there are not paragraph lines. */
	let inOtherBlock = false;

	for (let i = frontmatterLength(lines); i < lines.length; i++) {
		const line = lines[i];
		if (fence !== null) {
			if (closesFence(line, fence)) fence = null;
			continue;
		}
		if (inComment) {
			if (togglesComment(line)) inComment = false;
			paragraph = [];
			continue;
		}
		const opening = fenceOpening(line);
		if (opening !== null) {
			fence = opening;
			paragraph = [];
			continue;
		}
		const blockId = blockIdOf(withoutComments(line));
		if (blockId !== null) blockIds.push(blockId);
		// A line may open a `%%` block after some text (`# Heading %%`): read the line, then enter it.
		const opensComment = togglesComment(line);

		const atx = atxHeading(line);
		if (atx !== null) {
			if (atx.text !== "") headings.push(atx);
			paragraph = [];
			inOtherBlock = false;
		} else if (line.trim() === "") {
			paragraph = [];
			inOtherBlock = false;
		} else if (paragraph.length > 0 && SETEXT_UNDERLINE.test(line)) {
			const text = headingText(paragraph.join(" "));
			if (text !== "") headings.push({ text, level: line.trim().startsWith("=") ? 1 : 2 });
			paragraph = [];
		} else if (THEMATIC_BREAK.test(line)) {
			paragraph = [];
			inOtherBlock = false;
		} else if (paragraph.length === 0 && OTHER_BLOCK_START.test(line)) {
			inOtherBlock = true;
		} else if (!inOtherBlock) {
			paragraph.push(line.trim());
		}
		if (opensComment) {
			inComment = true;
			paragraph = [];
		}
	}
	return { headings, blockIds };
}

/**
 * Heading text as compared with a link's subpath: case and whitespace runs ignored, and the characters a
 * link cannot carry (`#`, `^`, `|`, `[`, `]`, `:`, `%`, `\`) treated as spaces, since Obsidian drops or
 * replaces them when it writes a link to such a heading.
 */
export function normalizeHeading(text: string): string {
	return text
		.replace(/[#^|[\]:%\\]/g, " ")
		.replace(/\s+/g, " ")
		.trim()
		.toLowerCase();
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
 * Whether `parts` (normalised heading texts) occur as a chain of nested headings within `headings[from, to)`,
 * each one inside the section of the one before: the range is narrowed to a heading's section (the headings
 * after it that are deeper) before looking for the next part.
 */
function hasHeadingChain(
	headings: readonly Heading[],
	normalized: readonly string[],
	parts: readonly string[],
	from: number,
	to: number,
): boolean {
	if (parts.length === 0) return true;
	for (let i = from; i < to; i++) {
		if (normalized[i] !== parts[0]) continue;
		let end = i + 1;
		while (end < to && headings[end].level > headings[i].level) end++;
		if (hasHeadingChain(headings, normalized, parts.slice(1), i + 1, end)) return true;
	}
	return false;
}

/**
 * Whether a subpath as written after the link path (`#Heading`, `#A#B`, `#^block`) exists in the note.
 * `#A#B` needs a heading B inside A's section (deeper level, before the next heading of A's level or higher).
 * A bare `#` names the note itself.
 */
export function outlineHasSubpath(outline: NoteOutline, subpath: string): boolean {
	const body = subpath.startsWith("#") ? subpath.slice(1) : subpath;
	if (body.startsWith("^")) return outline.blockIds.includes(body.slice(1));
	const parts = body
		.split("#")
		.map(normalizeHeading)
		.filter((part) => part !== "");
	if (parts.length === 0) return true;
	return hasHeadingChain(outline.headings, normalizedHeadings(outline), parts, 0, outline.headings.length);
}
