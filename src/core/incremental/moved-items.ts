/**
 * Copies of a piece's references, definitions and links moved by an edit: on a 1 MB note every item after the
 * edit is copied on each keystroke (incremental-parse.ts), never changed in place (the previous audit still
 * holds the originals).
 *
 * The copies are made by class constructors, not object literals, because of V8's allocation-site
 * pretenuring. V8 tracks, for each object literal in the code, how many of its objects survive a young
 * collection; these copies survive (they are the note's document until the next keystroke), so V8 soon
 * allocated them straight into the old generation, which is far slower to allocate into. A constructor
 * call has no such site. Measured in the live audit of the bench's 1 MB note (a letter typed, 40 edits,
 * the text flattened first): moving the items after the edit took 4.9 ms a keystroke with literals, 0.43 ms
 * with constructors, and 0.41 ms with literals under `node --no-allocation-site-pretenuring`; the parse
 * 5.7 → 1.2 ms.
 *
 * A copy has the own keys of a parse and no more (the optional ones only when present, never set to
 * undefined), so it reads, spreads and serialises as the parse's own objects do; only its prototype differs.
 * The equivalence tests compare every incremental parse with the full parse and fail on a field added to the
 * parser but not here; one compares the keys themselves.
 */
import type { FootnoteDefinition, FootnoteReference, LinkProblem, ParsedLink, TextRange } from "../parse/citation-document";

class MovedRange implements TextRange {
	constructor(
		public from: number,
		public to: number,
	) {}
}

class MovedReference implements FootnoteReference {
	constructor(
		public from: number,
		public to: number,
		public label: string,
		public key: string,
	) {}
}

class MovedDefinition implements FootnoteDefinition {
	constructor(
		public from: number,
		public to: number,
		public label: string,
		public key: string,
		public inline: boolean,
		public labelRange: TextRange,
		public contentFrom: number,
		public links: number[],
	) {}
}

class MovedLink implements ParsedLink {
	declare alias?: string;
	declare problem?: LinkProblem;

	constructor(
		public from: number,
		public to: number,
		public syntax: ParsedLink["syntax"],
		public embed: boolean,
		public target: string,
		public targetRange: TextRange,
		public linkpath: string,
		public subpath: string,
		public external: boolean,
		public owner: number,
	) {}
}

function shiftRange(range: TextRange, by: number): TextRange {
	return new MovedRange(range.from + by, range.to + by);
}

export function movedReference(reference: FootnoteReference, by: number): FootnoteReference {
	return new MovedReference(reference.from + by, reference.to + by, reference.label, reference.key);
}

/** `linksBy`: how far the indices of links moved (links added or removed before). */
export function movedDefinition(definition: FootnoteDefinition, by: number, linksBy: number): FootnoteDefinition {
	return new MovedDefinition(
		definition.from + by,
		definition.to + by,
		definition.label,
		definition.key,
		definition.inline,
		shiftRange(definition.labelRange, by),
		definition.contentFrom + by,
		linksBy === 0 ? definition.links : definition.links.map((index) => index + linksBy),
	);
}

/** `definitionsBy`: how far the indices of definitions moved (for the link's owner). */
export function movedLink(link: ParsedLink, by: number, definitionsBy: number): ParsedLink {
	const copy = new MovedLink(
		link.from + by,
		link.to + by,
		link.syntax,
		link.embed,
		link.target,
		shiftRange(link.targetRange, by),
		link.linkpath,
		link.subpath,
		link.external,
		link.owner === -1 ? -1 : link.owner + definitionsBy,
	);
	if (link.alias !== undefined) copy.alias = link.alias;
	if (link.problem !== undefined) copy.problem = link.problem;
	return copy;
}
