/**
 * The markdown report's building blocks for text quoted from notes (labels, targets, paths), read as a note in
 * Obsidian. Quoted text must never act there (a footnote reference, a wikilink, a tag, a comment, math, HTML,
 * a table cell border), and should still read as written: inline code does both, since nothing inside a code
 * span is syntax, with one exception inside tables.
 *
 * Tables: GFM splits a row into cells on every `|` not preceded by a backslash *before* it looks for code
 * spans, so a `|` in a code span must be written `\|`; the backslash is dropped again and the code shows `|`
 * (GFM spec, "Tables", the example with `\|` inside backticks; checked here with markdown-it and micromark's
 * table extension, which agree). Content that already holds a backslash right before a `|` cannot be written
 * that way: markdown-it shows `\|` for `\\|` while micromark ends the cell there, and `\\\|` shows two
 * backslashes in both. Such text is written as escaped text instead, which both read as written.
 */

/** Characters that can start Obsidian or markdown syntax inside a line (lists and headings cannot start in a cell). */
const SYNTAX = /[\\`*_[\]<>#|^%$~=&]/g;

/** Backslash-escapes syntax characters and flattens line breaks: the fallback for quoted text that code cannot carry. */
export function escapeMarkdown(text: string): string {
	return flatten(text).replace(SYNTAX, (char) => `\\${char}`);
}

/** A line break would end the table row or the paragraph: quoted text is shown on one line. */
function flatten(text: string): string {
	return text.replace(/\r\n|[\r\n]/g, " ");
}

/**
 * `text` as a code span: the fence is one backtick longer than the longest run inside, and a space pads both
 * ends when the text starts or ends with a backtick, or starts and ends with a space (CommonMark strips one
 * space from each end in that case, so the padding is what gets stripped).
 */
export function inlineCode(text: string): string {
	const content = flatten(text);
	if (content === "") return "` `";
	const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
	const fence = "`".repeat(longest + 1);
	const pad = /^`|`$/.test(content) || (/^ [\s\S]* $/.test(content) && content.trim() !== "") ? " " : "";
	return `${fence}${pad}${content}${pad}${fence}`;
}

/** `text` as a code span inside a table cell (see the file comment for `|`). */
export function tableCode(text: string): string {
	const content = flatten(text);
	if (/\\\|/.test(content)) return escapeMarkdown(content);
	return inlineCode(content).replace(/\|/g, "\\|");
}

/**
 * A link to an audited note, `[[path|name]]`, or the path as code when a wikilink cannot name it: `#` and `^`
 * start a subpath, `|` an alias, `[`/`]` end the link (Obsidian refuses these in names it creates, but files
 * made elsewhere can have them); a backslash, `<`, `>`, a backtick, `%%` or a line break would be read as other
 * syntax. A markdown link is no way out: Obsidian decodes `%23` back to `#` and then splits the subpath off.
 * Outside tables only (the `|` is not escaped).
 */
export function noteLink(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
	if (!linkable(path) || name === "") return inlineCode(path);
	return `[[${path}|${name}]]`;
}

function linkable(path: string): boolean {
	// A space at either end of a name may be trimmed from the link: such a path is shown, not linked.
	return !/[#^|[\]\\<>`\r\n]|%%|\$.*\$|&[#a-z0-9]+;|(?:^|\/)\s|\s(?:\/|$)/i.test(path);
}
