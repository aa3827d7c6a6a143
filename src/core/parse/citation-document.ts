/**
 * What the parser hands the checks and the fixes: every footnote reference, definition and link of a note,
 * with exact offsets into the text as given. Ranges are half-open `[from, to)` in UTF-16 code units.
 */

export interface TextRange {
	from: number;
	to: number;
}

export type LinkProblem = "unclosed" | "empty-target";

export interface ParsedLink extends TextRange {
	/** `[[…]]` / `![[…]]` or `[text](url)` / `![alt](url)`. */
	syntax: "wikilink" | "markdown";
	embed: boolean;
	/** The target as written, with `#subpath`, without alias (`\|` read as `|`); a markdown link's URL. */
	target: string;
	/** Where `target` stands in the text (for rewriting it). */
	targetRange: TextRange;
	/** The path part, without `#subpath`, URL-decoded for markdown links: what the resolver gets. */
	linkpath: string;
	/** `#Heading`, `#A#B`, `#^block`, or "" when none. */
	subpath: string;
	/** Display text: after `|` for wikilinks, the bracketed text for markdown links. */
	alias?: string;
	/** A URL with a scheme (`https:`, `mailto:`, `zotero:` …): not a vault link. */
	external: boolean;
	problem?: LinkProblem;
	/** Index into `definitions` of the footnote this link cites from, or -1 for the body text. */
	owner: number;
}

export interface FootnoteReference extends TextRange {
	/** As written, without `[^` and `]`. */
	label: string;
	/** Obsidian matches labels case-insensitively (since 1.8.0). */
	key: string;
}

export interface FootnoteDefinition extends TextRange {
	/** As written; "" for an inline footnote `^[…]`. */
	label: string;
	key: string;
	inline: boolean;
	/** The `[^label]` of `[^label]:`, or the `^[` of an inline footnote. */
	labelRange: TextRange;
	/** Where the definition's text starts (after `]:` and its spaces, or after `^[`). */
	contentFrom: number;
	/** Indices into `links`. */
	links: number[];
}

export interface CitationDocument {
	text: string;
	references: FootnoteReference[];
	definitions: FootnoteDefinition[];
	/** Every link of the note in text order, citation and body links alike. */
	links: ParsedLink[];
}

/** Lower-cases a label the way Obsidian compares them. */
export function labelKey(label: string): string {
	return label.toLowerCase();
}
