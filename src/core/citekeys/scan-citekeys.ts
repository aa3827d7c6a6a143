/**
 * Finds every Pandoc citation key of a note with exact offsets (UTF-16 code units). One pass over the `@` signs
 * that could start a citation; each is kept only when it stands in prose (see non-prose.ts), outside links and
 * footnote labels, and is not part of a word, an e-mail address or a URL (see not-a-citation.ts).
 *
 *   Prose [see @doe99, p. 33; -@smith04] and @lee2018 [p. 2] says so.
 *              ^^^^^^           ^^^^^^^^       ^^^^^^^^ each occurrence's range is the `@key` (braces included
 *                                                       for `@{key}`, the suppress-author `-` left out)
 */
import type { CitationDocument } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import { findEnclosingCitationBrackets } from "./bracketed-citation";
import { matchKeyAfterAt } from "./citekey";
import { findInTextLocator } from "./in-text-citation";
import { findNonProseRanges, mergeRanges, RangeCursor, type Range } from "./non-prose";
import { isEscaped, isInsideUrl, isWordCharacterBefore } from "./not-a-citation";

export interface CitekeyOccurrence {
	/** The key as written, without `@` and braces. */
	key: string;
	/** The `@key` (or `@{key}`): where findings about this key point. */
	from: number;
	to: number;
	/** Where the key's own characters stand (inside the braces of `@{key}`): what a fix rewrites. */
	keyRange: Range;
	braced: boolean;
	/** `[@key]` / `[see @a; @b]` or a bare `@key` in the text. */
	style: "bracketed" | "in-text";
	/** `-@key`: the author is left out of the rendered citation. */
	suppressAuthor: boolean;
	/** The whole `[…]` of a bracketed citation. */
	brackets?: Range;
	/** The `[p. 33]` after an in-text key. */
	locator?: Range;
}

/**
 * A `@` that may open a citation: followed by a key character or `{`. "Not after a word character" is checked in
 * code (isWordCharacterBefore), not with a lookbehind: Safari before 16.4 (older iPhones running Obsidian) has none.
 */
const CANDIDATE = /@(?=[\p{L}\p{N}_{])/gu;

export function scanCitekeys(document: CitationDocument, lines: LineIndex): CitekeyOccurrence[] {
	const text = document.text;
	// Most notes have no `@` at all: a plain search says so several times faster than the Unicode pattern.
	if (!text.includes("@")) return [];
	CANDIDATE.lastIndex = 0;
	if (!CANDIDATE.test(text)) return [];
	const outside = new RangeCursor(findNonProseRanges(text, lines));
	const inLinks = new RangeCursor(linkAndLabelRanges(document));
	const found: CitekeyOccurrence[] = [];
	CANDIDATE.lastIndex = 0;
	for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
		const at = match.index;
		if (isWordCharacterBefore(text, at) || outside.holds(at) || inLinks.holds(at) || isEscaped(text, at)) continue;
		const key = matchKeyAfterAt(text, at);
		if (!key) continue;
		const suppressAuthor = text.charCodeAt(at - 1) === 0x2d /* - */;
		if (suppressAuthor && (isWordCharacterBefore(text, at - 1) || isEscaped(text, at - 1))) continue;
		if (isInsideUrl(text, at)) continue;
		const occurrence: CitekeyOccurrence = {
			key: key.key,
			from: at,
			to: key.to,
			keyRange: { from: key.keyFrom, to: key.keyFrom + key.key.length },
			braced: key.braced,
			style: "in-text",
			suppressAuthor,
		};
		const brackets = findEnclosingCitationBrackets(text, at);
		if (brackets) {
			occurrence.style = "bracketed";
			occurrence.brackets = brackets;
		} else {
			const locator = findInTextLocator(text, key.to);
			if (locator) occurrence.locator = locator;
		}
		found.push(occurrence);
		CANDIDATE.lastIndex = key.to;
	}
	return found;
}

/** A wikilink whole (`[[@key]]` names a note), a markdown link's destination, footnote labels `[^@x]`. */
function linkAndLabelRanges(document: CitationDocument): Range[] {
	const ranges: Range[] = [];
	for (const link of document.links) {
		ranges.push(link.syntax === "wikilink" ? { from: link.from, to: link.to } : link.targetRange);
	}
	for (const reference of document.references) ranges.push({ from: reference.from, to: reference.to });
	for (const definition of document.definitions) {
		if (!definition.inline) ranges.push(definition.labelRange);
	}
	return mergeRanges(ranges);
}
