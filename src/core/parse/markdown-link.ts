/**
 * Markdown links and images: `[text](Some%20Note.md#Heading "title")`, `[text](<Some Note.md>)`, `![alt](img.png)`.
 * A URL with a scheme (`https:`, `mailto:`, `zotero:` …) or `//host` is external; anything else is a path
 * inside the vault, URL-decoded before it is resolved, as Obsidian does.
 */
import type { TextRange } from "./citation-document";
import type { ForwardSearches } from "./forward-search";
import { splitSubpath } from "./wikilink";

export interface MarkdownLinkMatch extends TextRange {
	text: string;
	target: string;
	targetRange: TextRange;
	linkpath: string;
	subpath: string;
	external: boolean;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:|^\/\//;
/** Unbalanced `(` a bare destination may hold, as in CommonMark's reference parsers. */
const MAX_PARENTHESIS_DEPTH = 32;

/** Bracket pairs a link's text may hold (`[a [b] c [d]](url)`), so that a pathological line stays linear. */
const MAX_NESTED_PAIRS = 32;

/**
 * `open` is the offset of the `[`; the link text must close on the same line. Its brackets must balance, one
 * level deep, as in CommonMark: `[[2] Smith, p. 4](https://example.org)` is a link whose text is
 * `[2] Smith, p. 4` (Obsidian renders it so). A nested pair that is a wikilink (`[[`), a footnote (`[^`) or a
 * link of its own (`[b](c)`) is read as that, so the outer brackets are no link.
 *     [text](url "title")      [[2] Smith](url)
 *     ^ open                   ^ open
 */
export function matchMarkdownLink(
	text: string,
	open: number,
	lineEnd: number,
	searches: ForwardSearches,
): MarkdownLinkMatch | null {
	const close = findTextClose(text, open, lineEnd, searches);
	if (close === -1 || text.charCodeAt(close + 1) !== 0x28 /* ( */) return null;
	const destination = readDestination(text, close + 2, lineEnd, searches);
	if (!destination || destination.url === "") return null;
	const { url, range } = destination;
	const external = SCHEME.test(url);
	const { linkpath, subpath } = external ? { linkpath: "", subpath: "" } : splitSubpath(url);
	return {
		from: open,
		to: destination.end,
		text: text.slice(open + 1, close),
		target: url,
		targetRange: range,
		linkpath: external ? "" : decodeUrl(linkpath),
		subpath: external ? "" : decodeUrl(subpath),
		external,
	};
}

/**
 * The `]` that closes the text opened at `open`, stepping over plain bracket pairs; -1 when there is none.
 *     [a [b] c](url)
 *     ^      ^ close
 */
function findTextClose(text: string, open: number, lineEnd: number, searches: ForwardSearches): number {
	let from = open + 1;
	let close = searches.nextBefore("]", from, lineEnd);
	for (let pairs = 0; close !== -1; pairs++) {
		const inner = searches.nextBefore("[", from, close);
		if (inner === -1) return close;
		if (pairs >= MAX_NESTED_PAIRS || !isPlainPair(text, inner, close, searches)) return -1;
		from = close + 1;
		close = searches.nextBefore("]", from, lineEnd);
	}
	return -1;
}

/** `[b]` at `inner` closed by `close`: no bracket inside, not `[[`, `[^`, `![`, an escaped `\[`, or a link. */
function isPlainPair(text: string, inner: number, close: number, searches: ForwardSearches): boolean {
	const next = text.charCodeAt(inner + 1);
	if (next === 0x5b /* [ */ || next === 0x5e /* ^ */) return false;
	const before = text.charCodeAt(inner - 1);
	if (before === 0x21 /* ! */ || before === 0x5c /* \ */) return false;
	if (text.charCodeAt(close + 1) === 0x28 /* ( */) return false;
	return searches.nextBefore("[", inner + 1, close) === -1;
}

/**
 * `(<a b.md> "title")` or `(a%20b.md 'title')`: returns the URL, its range and the offset after `)`.
 *  ^ from
 */
function readDestination(
	text: string,
	from: number,
	lineEnd: number,
	searches: ForwardSearches,
): { url: string; range: TextRange; end: number } | null {
	let at = skipSpaces(text, from, lineEnd);
	let range: TextRange;
	if (text.charCodeAt(at) === 0x3c /* < */) {
		const close = searches.nextBefore(">", at + 1, lineEnd);
		if (close === -1) return null;
		range = { from: at + 1, to: close };
		at = close + 1;
	} else {
		const start = at;
		let depth = 0;
		for (; at < lineEnd; at++) {
			const code = text.charCodeAt(at);
			if (code === 0x5c /* \ */) at++;
			else if (code === 0x28) {
				// CommonMark bounds the nesting (cmark, markdown-it and micromark stop at 32). Without the bound
				// `[a](` repeated makes every candidate scan to the end of the line: quadratic.
				if (++depth > MAX_PARENTHESIS_DEPTH) return null;
			} else if (code === 0x29 /* ) */) {
				if (depth === 0) break;
				depth--;
			} else if (code === 0x20 || code === 0x09) break;
		}
		range = { from: start, to: at };
	}
	at = skipSpaces(text, at, lineEnd);
	at = skipTitle(text, at, lineEnd, searches);
	if (at === -1) return null;
	at = skipSpaces(text, at, lineEnd);
	if (text.charCodeAt(at) !== 0x29) return null;
	return { url: text.slice(range.from, range.to), range, end: at + 1 };
}

/** An optional `"title"`, `'title'` or `(title)`; -1 when one opens and never closes. */
function skipTitle(text: string, at: number, lineEnd: number, searches: ForwardSearches): number {
	const code = text.charCodeAt(at);
	const closer = code === 0x22 ? '"' : code === 0x27 ? "'" : code === 0x28 ? ")" : "";
	if (!closer) return at;
	const close = searches.nextBefore(closer, at + 1, lineEnd);
	return close === -1 ? -1 : close + 1;
}

function skipSpaces(text: string, at: number, lineEnd: number): number {
	while (at < lineEnd && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at++;
	return at;
}

/** `Some%20Note.md` → `Some Note.md`; a malformed escape is kept as written rather than failing. */
function decodeUrl(value: string): string {
	if (!value.includes("%")) return value;
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
