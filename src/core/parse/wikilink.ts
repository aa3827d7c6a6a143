/**
 * Wikilinks: `[[target#sub|alias]]`, `![[embed]]`, `[[#Heading]]` (same note), `[[A\|alias]]` (the pipe escaped
 * for tables). Obsidian ends a wikilink at the first `]]` on its line; a `[[` with no `]]` before the line ends
 * (or before another `[[`) is unclosed, the `[^49]` case.
 */
import type { LinkProblem, TextRange } from "./citation-document";
import type { ForwardSearches } from "./forward-search";

export interface WikilinkMatch extends TextRange {
	target: string;
	targetRange: TextRange;
	linkpath: string;
	subpath: string;
	alias?: string;
	problem?: LinkProblem;
}

/**
 * `open` is the offset of the first `[` of `[[`; `lineEnd` the end of its line without `\r\n`.
 *     [[target#sub|alias]]
 *     ^ open
 */
export function matchWikilink(
	text: string,
	open: number,
	lineEnd: number,
	searches: ForwardSearches,
): WikilinkMatch {
	const contentFrom = open + 2;
	const close = searches.nextBefore("]]", contentFrom, lineEnd);
	const reopen = searches.nextBefore("[[", contentFrom, lineEnd);
	if (close === -1 || (reopen !== -1 && reopen < close)) {
		return unclosedWikilink(text, open, lineEnd, reopen === -1 ? lineEnd : reopen);
	}
	const match = readContent(open, text.slice(contentFrom, close), close + 2);
	if (isEmptyTarget(match.linkpath, match.subpath)) match.problem = "empty-target";
	return match;
}

/**
 * `[[Some title|Alias]` never closed: the finding runs to the end of the line, but its target and alias
 * stop where another `[[` starts (`[[Draft [[Real link]]`: the target is `Draft `).
 */
function unclosedWikilink(text: string, open: number, lineEnd: number, contentEnd: number): WikilinkMatch {
	// A lone `]` that ends the line is the writer's attempt at closing, not part of the target.
	const content = text.slice(open + 2, contentEnd).replace(/\]$/, "");
	const match = readContent(open, content, lineEnd);
	match.problem = "unclosed";
	return match;
}

/**
 * The parts of a wikilink's content, the text between `[[` (at `open`) and its end (`to`):
 *     [[target#sub|alias]]      [[A\|alias]]: the backslash belongs to the pipe, not to the target.
 *       ^^^^^^^^^^ target            ^ escaped
 */
function readContent(open: number, content: string, to: number): WikilinkMatch {
	const contentFrom = open + 2;
	const pipe = content.indexOf("|");
	const targetLength = pipe === -1 ? content.length : content.charCodeAt(pipe - 1) === 0x5c ? pipe - 1 : pipe;
	const target = content.slice(0, targetLength);
	const { linkpath, subpath } = splitSubpath(target);
	const match: WikilinkMatch = {
		from: open,
		to,
		target,
		targetRange: { from: contentFrom, to: contentFrom + targetLength },
		linkpath,
		subpath,
	};
	if (pipe !== -1) match.alias = content.slice(pipe + 1);
	return match;
}

/** `Note#Heading#Sub` → `Note` and `#Heading#Sub`. The path is trimmed, as Obsidian does when resolving. */
export function splitSubpath(target: string): { linkpath: string; subpath: string } {
	const hash = target.indexOf("#");
	if (hash === -1) return { linkpath: target.trim(), subpath: "" };
	return { linkpath: target.slice(0, hash).trim(), subpath: target.slice(hash).trim() };
}

/** `[[]]`, `[[ |alias]]`, `[[#]]`: nothing to link to. */
function isEmptyTarget(linkpath: string, subpath: string): boolean {
	return linkpath === "" && subpath.replace(/[#^\s]/g, "") === "";
}
