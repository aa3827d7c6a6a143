/**
 * Parses a note again after an edit by re-reading only the pieces the edit touched (see segments.ts for
 * where a note can be cut). The pieces before the edit are reused as they are, the pieces after it are
 * shifted by the edit's length, and the document handed out is the same as `parseCitations(text)` of the
 * whole text: the same references, definitions and links, at the same offsets, in the same order.
 */
import type { CitationDocument, FootnoteDefinition, FootnoteReference, ParsedLink } from "../parse/citation-document";
import { parseCitations } from "../parse/parse-citations";
import { frontmatterEnd, isCandidateBoundary, parsePiece } from "./segments";
import { changedRange, type TextChange } from "./text-diff";
import { movedDefinition, movedLink, movedReference } from "./moved-items";

/** Pieces are at least this long by default, so a book is a few hundred of them, not one per paragraph. */
const MIN_PIECE = 4096;

/** A piece of the note: its range and its parse in the note's offsets, indices counted from the note's start. */
interface Piece {
	from: number;
	to: number;
	references: FootnoteReference[];
	definitions: FootnoteDefinition[];
	links: ParsedLink[];
}

export interface FreshItems {
	references: [number, number];
	definitions: [number, number];
	links: [number, number];
}

export class IncrementalParser {
	private text: string | null = null;
	private pieces: Piece[] = [];
	private document: CitationDocument | null = null;
	/** Characters parsed by the last call (for tests and the benchmark: an edit should parse little). */
	lastParsedChars = 0;
	/**
	 * Which items of the last document were parsed again (index ranges [from, to) into its references,
	 * definitions and links); every other item is an item of the document before, moved by the edit.
	 * Null when the whole note was parsed.
	 */
	lastFresh: FreshItems | null = null;
	/** The edit the last parse found (the two texts and their changed range), for the audit to reuse. */
	private lastDiff: { before: string; after: string; change: TextChange } | null = null;

	/** `minPiece`: the shortest piece worth cutting (tests cut tiny notes into many pieces). */
	constructor(private readonly minPiece = MIN_PIECE) {}

	parse(text: string): CitationDocument {
		if (this.text === text && this.document) return this.document;
		const previous = this.text;
		this.lastParsedChars = 0;
		this.lastFresh = null;
		this.pieces = previous === null || this.pieces.length === 0 ? this.cut(text, 0, text.length) ?? [] : this.reparse(previous, text);
		this.text = text;
		this.document = combine(text, this.pieces);
		return this.document;
	}

	/** Where `before` and `after` differ: the range the last parse found when it went from one to the other. */
	changeBetween(before: string, after: string): TextChange {
		const diff = this.lastDiff;
		// Usually the very strings the parse compared, so these are pointer compares.
		if (diff !== null && diff.before === before && diff.after === after) return diff.change;
		return changedRange(before, after);
	}

	/** Forget everything (the next parse reads the whole note). */
	reset(): void {
		this.lastDiff = null;
		this.text = null;
		this.pieces = [];
		this.document = null;
	}

	private reparse(previous: string, text: string): Piece[] {
		const pieces = this.pieces;
		const change = changedRange(previous, text);
		this.lastDiff = { before: previous, after: text, change };
		const prefix = change.from;
		const suffix = previous.length - change.beforeTo;
		const delta = text.length - previous.length;
		// The piece holding the character before the edit (its blank line may have changed) …
		let first = pieceAt(pieces, Math.max(0, prefix - 1));
		// … to the piece holding the first character after it.
		let last = pieceAt(pieces, Math.min(previous.length - suffix, previous.length - 1));
		if (first < 0 || last < 0) return this.cut(text, 0, text.length) ?? [];
		// Never cut inside the frontmatter: an edit near it re-reads from the note's start.
		if (pieces[first].from <= frontmatterEnd(text) + 1) first = 0;
		for (;;) {
			const from = pieces[first].from;
			const to = last === pieces.length - 1 ? text.length : pieces[last].to + delta;
			const cuttable = to === text.length || (isCandidateBoundary(text, to) && to > frontmatterEnd(text));
			const fresh = cuttable ? this.cut(text, from, to) : null;
			if (fresh) {
				const after = pieces.slice(last + 1);
				const shifted = shiftPieces(after, delta, countOf(fresh, "definitions") - countIn(pieces, first, last, "definitions"), countOf(fresh, "links") - countIn(pieces, first, last, "links"));
				const kept = pieces.slice(0, first);
				const at = (field: "references" | "definitions" | "links"): [number, number] => {
					const start = countOf(kept, field);
					return [start, start + countOf(fresh, field)];
				};
				this.lastFresh = { references: at("references"), definitions: at("definitions"), links: at("links") };
				return [...kept, ...fresh, ...shifted];
			}
			// Something the edit opened runs on: take in the next piece too.
			last = Math.min(pieces.length - 1, last + 1 + (last - first));
		}
	}

	/**
	 * Cuts `text[from, to)` into pieces and parses each; null when `to` is not the note's end and the last
	 * piece would leave something open. Indices start after the pieces before `from`.
	 */
	private cut(text: string, from: number, to: number): Piece[] | null {
		const pieces: Piece[] = [];
		const base = this.countBefore(from);
		let definitionBase = base.definitions;
		let linkBase = base.links;
		const keep = (start: number, end: number, document: CitationDocument): void => {
			const piece = absolutePiece(document, start, end, definitionBase, linkBase);
			definitionBase += piece.definitions.length;
			linkBase += piece.links.length;
			pieces.push(piece);
		};
		const noCutBefore = frontmatterEnd(text);
		let start = from;
		for (let line = lineStartFrom(text, from + this.minPiece); line !== -1 && line < to; ) {
			if (line <= noCutBefore || !isCandidateBoundary(text, line)) {
				line = lineStartFrom(text, line + 1);
				continue;
			}
			this.lastParsedChars += line - start;
			const document = parsePiece(text, start, line);
			if (document) {
				keep(start, line, document);
				start = line;
				line = lineStartFrom(text, start + this.minPiece);
			} else {
				// Still open here: try again twice as far on (a long code block is not parsed again at every blank line).
				line = lineStartFrom(text, line + (line - start));
			}
		}
		if (start < to) {
			this.lastParsedChars += to - start;
			const document = parsePiece(text, start, to);
			if (!document) return null;
			keep(start, to, document);
		}
		return pieces;
	}

	/** Definitions and links in the pieces that end at or before `offset`. */
	private countBefore(offset: number): { definitions: number; links: number } {
		let definitions = 0;
		let links = 0;
		for (const piece of this.pieces) {
			if (piece.to > offset) break;
			definitions += piece.definitions.length;
			links += piece.links.length;
		}
		return { definitions, links };
	}
}

/** The first line start at or after `at`; -1 past the last line. */
function lineStartFrom(text: string, at: number): number {
	if (at >= text.length) return -1;
	if (at <= 0 || text.charCodeAt(at - 1) === 0x0a) return Math.max(at, 0);
	const newline = text.indexOf("\n", at);
	return newline === -1 ? -1 : newline + 1;
}

/** Index of the piece holding `offset` (the last piece for the note's end). */
function pieceAt(pieces: readonly Piece[], offset: number): number {
	let low = 0;
	let high = pieces.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (pieces[middle].from <= offset) low = middle;
		else high = middle - 1;
	}
	return pieces.length === 0 ? -1 : low;
}

function countOf(pieces: readonly Piece[], field: "references" | "definitions" | "links"): number {
	return pieces.reduce((sum, piece) => sum + piece[field].length, 0);
}

function countIn(pieces: readonly Piece[], first: number, last: number, field: "definitions" | "links"): number {
	return countOf(pieces.slice(first, last + 1), field);
}

/** A piece's parse moved into the note's offsets and indices. */
function absolutePiece(document: CitationDocument, from: number, to: number, definitionBase: number, linkBase: number): Piece {
	return moved({ from: 0, to: to - from, references: document.references, definitions: document.definitions, links: document.links }, from, definitionBase, linkBase);
}

function shiftPieces(pieces: readonly Piece[], by: number, definitionsBy: number, linksBy: number): Piece[] {
	if (by === 0 && definitionsBy === 0 && linksBy === 0) return [...pieces];
	return pieces.map((piece) => moved(piece, by, definitionsBy, linksBy));
}

/** A copy of `piece` moved by the edit: every item copied, never changed (see moved-items.ts). */
function moved(piece: Piece, by: number, definitionsBy: number, linksBy: number): Piece {
	return {
		from: piece.from + by,
		to: piece.to + by,
		references: by === 0 ? piece.references : piece.references.map((reference) => movedReference(reference, by)),
		definitions: piece.definitions.map((definition) => movedDefinition(definition, by, linksBy)),
		links: piece.links.map((link) => movedLink(link, by, definitionsBy)),
	};
}

function combine(text: string, pieces: readonly Piece[]): CitationDocument {
	if (pieces.length === 0) return parseCitations(text);
	const references: FootnoteReference[] = [];
	const definitions: FootnoteDefinition[] = [];
	const links: ParsedLink[] = [];
	for (const piece of pieces) {
		for (const reference of piece.references) references.push(reference);
		for (const definition of piece.definitions) definitions.push(definition);
		for (const link of piece.links) links.push(link);
	}
	return { text, references, definitions, links };
}
