/**
 * A parsed note (CitationDocument) as it crosses from a worker thread to the auditing one: its numbers in one
 * Int32Array and its strings joined into one, beside the text. Structured cloning the document itself cost
 * about 0.36 ms per essay of the bench's 100,000-note vault (155 objects, 400 strings, each read back key by
 * key) against 0.58 ms for parsing it again, so the auditing thread gained almost nothing; rebuilding the
 * objects from numbers is a few hundredths of that.
 *
 * The rebuilt document has the parser's shapes exactly, keys in the parser's order (a link's optional
 * `alias` and `problem` only where the parser set them): tests/cli/packed-document.test.ts compares the two
 * on random notes, key order included, so a field added to the parser and not here fails there.
 */
import type { CitationDocument, FootnoteDefinition, FootnoteReference, LinkProblem, ParsedLink } from "../core/parse/citation-document";

export interface PackedDocument {
	text: string;
	numbers: Int32Array;
	/** Every string field but the text, in the order written, joined; each one's length is in `numbers`. */
	strings: string;
}

const MARKDOWN = 1;
const EMBED = 2;
const EXTERNAL = 4;
/** The link has an `alias` key (a markdown link always has one, a wikilink only when it has `|`). */
const HAS_ALIAS = 8;
/** In place of a string's length: the same string as the one before. */
const SAME = -1;
const PROBLEMS: readonly (LinkProblem | undefined)[] = [undefined, "unclosed", "empty-target"];

class Writer {
	readonly numbers: number[] = [];
	private readonly strings: string[] = [];
	private last: string | null = null;

	number(value: number): void {
		this.numbers.push(value);
	}

	/** A string equal to the one before (a label and its key, a target and its path) is written as SAME. */
	string(value: string): void {
		if (value === this.last) {
			this.numbers.push(SAME);
			return;
		}
		this.numbers.push(value.length);
		this.strings.push(value);
		this.last = value;
	}

	joined(): string {
		return this.strings.join("");
	}
}

class Reader {
	private at = 0;
	private stringAt = 0;
	private last = "";

	constructor(
		private readonly numbers: Int32Array,
		private readonly strings: string,
	) {}

	number(): number {
		return this.numbers[this.at++];
	}

	string(): string {
		const length = this.numbers[this.at++];
		if (length === SAME) return this.last;
		this.last = this.strings.slice(this.stringAt, this.stringAt + length);
		this.stringAt += length;
		return this.last;
	}
}

export function packDocument(document: CitationDocument): PackedDocument {
	const out = new Writer();
	out.number(document.references.length);
	out.number(document.definitions.length);
	out.number(document.links.length);
	for (const reference of document.references) {
		out.number(reference.from);
		out.number(reference.to);
		out.string(reference.label);
		out.string(reference.key);
	}
	for (const definition of document.definitions) {
		out.number(definition.from);
		out.number(definition.to);
		out.string(definition.label);
		out.string(definition.key);
		out.number(definition.inline ? 1 : 0);
		out.number(definition.labelRange.from);
		out.number(definition.labelRange.to);
		out.number(definition.contentFrom);
		out.number(definition.links.length);
		for (const link of definition.links) out.number(link);
	}
	for (const link of document.links) packLink(link, out);
	return { text: document.text, numbers: Int32Array.from(out.numbers), strings: out.joined() };
}

function packLink(link: ParsedLink, out: Writer): void {
	const hasAlias = "alias" in link;
	out.number((link.syntax === "markdown" ? MARKDOWN : 0) | (link.embed ? EMBED : 0) | (link.external ? EXTERNAL : 0) | (hasAlias ? HAS_ALIAS : 0));
	out.number(link.from);
	out.number(link.to);
	out.string(link.target);
	out.number(link.targetRange.from);
	out.number(link.targetRange.to);
	out.string(link.linkpath);
	out.string(link.subpath);
	if (hasAlias) out.string(link.alias!);
	out.number(PROBLEMS.indexOf(link.problem));
	out.number(link.owner);
}

export function unpackDocument(packed: PackedDocument): CitationDocument {
	const read = new Reader(packed.numbers, packed.strings);
	const referenceCount = read.number();
	const definitionCount = read.number();
	const linkCount = read.number();
	const references: FootnoteReference[] = [];
	for (let index = 0; index < referenceCount; index++) {
		const from = read.number();
		const to = read.number();
		const label = read.string();
		references.push({ from, to, label, key: read.string() });
	}
	const definitions: FootnoteDefinition[] = [];
	for (let index = 0; index < definitionCount; index++) definitions.push(unpackDefinition(read));
	const links: ParsedLink[] = [];
	for (let index = 0; index < linkCount; index++) links.push(unpackLink(read));
	return { text: packed.text, references, definitions, links };
}

function unpackDefinition(read: Reader): FootnoteDefinition {
	const from = read.number();
	const to = read.number();
	const label = read.string();
	const key = read.string();
	const inline = read.number() === 1;
	const labelFrom = read.number();
	const labelRange = { from: labelFrom, to: read.number() };
	const contentFrom = read.number();
	const links: number[] = [];
	for (let count = read.number(); count > 0; count--) links.push(read.number());
	return { from, to, label, key, inline, labelRange, contentFrom, links };
}

/**
 * A link with the parser's key order: a markdown link's `alias` before `external` (scan-inline.ts writes it
 * in its literal), a wikilink's `alias` and `problem` after it (added when present), `owner` last.
 */
function unpackLink(read: Reader): ParsedLink {
	const flags = read.number();
	const from = read.number();
	const to = read.number();
	const target = read.string();
	const rangeFrom = read.number();
	const targetRange = { from: rangeFrom, to: read.number() };
	const linkpath = read.string();
	const subpath = read.string();
	const alias = flags & HAS_ALIAS ? read.string() : undefined;
	const problem = PROBLEMS[read.number()];
	const owner = read.number();
	const embed = (flags & EMBED) !== 0;
	const external = (flags & EXTERNAL) !== 0;
	const markdown = (flags & MARKDOWN) !== 0;
	// `owner` is set last: the parser's addLink adds it to the literal.
	const link = (
		markdown
			? { syntax: "markdown", embed, from, to, target, targetRange, linkpath, subpath, alias, external }
			: { syntax: "wikilink", embed, from, to, target, targetRange, linkpath, subpath, external }
	) as ParsedLink;
	if (!markdown && alias !== undefined) link.alias = alias;
	if (problem !== undefined) link.problem = problem;
	link.owner = owner;
	return link;
}
