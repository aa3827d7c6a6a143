/**
 * The decisions every later step of the parse stands on, taken once per note, in this order:
 *   1. frontmatter (the note's first lines);
 *   2. the block structure of the note as written (markdown-it, block rules only): which lines are code;
 *   3. comments and math, outside code only (hidden-regions.ts);
 *   4. the block structure again only where a comment or formula that spans lines holds something a block
 *      parser would read as structure (`# …`, `- …`, `[^1]: …`, `<div>`, a table's `|` …): that text is hidden,
 *      so it must open no block. Everything else keeps the note's own structure from step 2.
 *
 * What markdown-it is given for step 4 ("block text") replaces each hidden character but blanks and line
 * breaks with `x`: a placeholder of the same UTF-16 length that is text, not white space, to the block
 * parser. Blanking to spaces instead made `- $x$ is the phase[^1]` a list item holding indented code, and
 * `> %%note%% as shown[^1]` a quote holding code, so their references vanished. Blanks and line breaks are
 * kept, so an indented line stays indented and a blank line still ends a paragraph, as in the note. An
 * HTML comment keeps its `<!--` and `-->` (it is an HTML block for markdown-it, as in GFM, when it starts a
 * line). Frontmatter, which nothing precedes, is blanked.
 *
 * The inline scan reads "prose": the same text with every hidden character but line breaks blanked to a
 * space, so a link or a label never reads a placeholder.
 */
import type { LineIndex } from "../text/line-index";
import { buildLineIndex } from "../text/line-index";
import { CODE_LINE, readBlockStructure, type BlockStructure } from "./block-structure";
import { opensBlock } from "./code-span";
import { readFrontmatter } from "./frontmatter";
import { blankRanges, scanHiddenRegions, type HiddenRegion, type Range } from "./hidden-regions";

export interface NoteStructure {
	text: string;
	lines: LineIndex;
	frontmatter: Range | null;
	/** Comments and math, in text order (code lines inside one keep the role code). */
	regions: HiddenRegion[];
	codeSpans: Range[];
	/** Code lines from the note as written; HTML lines, definitions and block starts from the final parse. */
	blocks: BlockStructure;
	/** The text with frontmatter and hidden characters blanked (line breaks kept, `\r` a space). */
	prose: string;
}

/**
 * The frontmatter, then every comment and formula of a note, in text order, as the parser decides them (for the
 * ignore markers, tests and tools). Code lines inside a comment keep the role code (see `NoteStructure.regions`).
 */
export function findHiddenRegions(text: string): Range[] {
	const { frontmatter, regions } = readNoteStructure(text);
	return [...(frontmatter ? [{ from: frontmatter.from, to: frontmatter.to }] : []), ...regions.map(({ from, to }) => ({ from, to }))];
}

/**
 * What every code block needs: a fence (``` or ~~~) or an indentation of four columns (a tab or 4 spaces).
 * Four native searches cost about half of one search for the regular expression ```|~~~|\t| {4} (measured
 * on the bench's notes and essays).
 */
function mayHoldCode(text: string): boolean {
	return text.includes("```") || text.includes("~~~") || text.includes("\t") || text.includes("    ");
}

/** The last note read: the audit reads the structure of the essay for its citations and again for its outline. */
let last: NoteStructure | null = null;

export function readNoteStructure(text: string): NoteStructure {
	if (last !== null && last.text === text) return last;
	last = structureOf(text);
	return last;
}

function structureOf(text: string): NoteStructure {
	const lines = buildLineIndex(text);
	const frontmatter = readFrontmatter(text);
	const lineCount = lines.starts.length;
	// The note as written with its frontmatter blanked, made once: without comments or math it is also the prose.
	let writtenText: string | null = null;
	const asWritten = (): string => (writtenText ??= noCarriageReturns(frontmatter ? blankRanges(text, [frontmatter]) : text));
	// Without a fence mark, a tab or four spaces in a row the note can hold no code, so the hidden regions need
	// no block structure first, and the note is parsed once (step 2 would find nothing that step 3 uses).
	const written = mayHoldCode(text) ? parseWritten(text, frontmatter, lines, asWritten) : null;
	const codeLines = written ? written.codeLines : new Uint8Array(lineCount);
	const start = frontmatter ? frontmatter.to : 0;
	const { regions, codeSpans } = scanHiddenRegions(text, start, lines, codeLines);
	const visible = regions.map((region) => outsideCode(region, lines, codeLines));
	const prose = regions.length === 0 ? asWritten() : noCarriageReturns(blankRanges(text, [...(frontmatter ? [frontmatter] : []), ...visible.flat()]));
	let blocks: BlockStructure;
	if (!needsSecondParse(text, visible, lines)) blocks = written ?? parseBlocks(asWritten(), lineCount);
	else {
		const hidden = parseBlocks(blockText(text, frontmatter, regions, visible), lineCount);
		blocks = written ? mergeBlocks(written, hidden) : hidden;
	}
	return { text, lines, frontmatter, regions, codeSpans, blocks, prose };
}

/**
 * Step 2's parse. A note with no `\r` and no BOM is parsed as it is, from the line after its frontmatter:
 * the same as parsing it with the frontmatter blanked (blank lines at the top change nothing), without
 * the copy of the note that blanking makes (24 MB for the 12 MB bench essay, whose prose is a second copy).
 */
function parseWritten(text: string, frontmatter: Range | null, lines: LineIndex, asWritten: () => string): BlockStructure {
	const lineCount = lines.starts.length;
	if (frontmatter === null || text.charCodeAt(0) === 0xfeff || text.includes("\r")) return parseBlocks(asWritten(), lineCount);
	return readBlockStructure(text, lineCount, lines.position(frontmatter.to).line);
}

/** markdown-it reads a leading BOM as text (`\uFEFF[^1]:` would be no definition); offsets are shifted back. */
function parseBlocks(blockInput: string, lineCount: number): BlockStructure {
	if (blockInput.charCodeAt(0) !== 0xfeff) return readBlockStructure(blockInput, lineCount);
	const blocks = readBlockStructure(blockInput.slice(1), lineCount);
	for (const definition of blocks.definitions) definition.markerFrom += 1;
	return blocks;
}

/** markdown-it's `normalize` rule is off (it would shift lines): a `\r` becomes a space instead. */
function noCarriageReturns(text: string): string {
	return text.includes("\r") ? text.replace(/\r/g, " ") : text;
}

/** The pieces of a region that are not on code lines (a comment may enclose a code block; the code stays). */
function outsideCode(region: Range, lines: LineIndex, codeLines: Uint8Array): Range[] {
	const first = lines.position(region.from).line - 1;
	const last = lines.position(Math.max(region.from, region.to - 1)).line - 1;
	if (first === last) return [region];
	const pieces: Range[] = [];
	let from = region.from;
	for (let line = first; line <= last; line++) {
		const lineEnd = line + 1 < lines.starts.length ? lines.starts[line + 1] : region.to;
		if (codeLines[line] === CODE_LINE) {
			if (from < lines.starts[line]) pieces.push({ from, to: lines.starts[line] });
			from = Math.min(lineEnd, region.to);
		}
	}
	if (from < region.to) pieces.push({ from, to: region.to });
	return pieces;
}

/** The text markdown-it reads in step 4: hidden characters as `x`, blanks and line breaks kept. */
function blockText(text: string, frontmatter: Range | null, regions: readonly HiddenRegion[], visible: readonly Range[][]): string {
	const parts: string[] = [];
	let at = 0;
	if (frontmatter) {
		parts.push(text.slice(0, frontmatter.to).replace(/[^\n]/g, " "));
		at = frontmatter.to;
	}
	regions.forEach((region, index) => {
		const html = text.startsWith("<!--", region.from) && text.startsWith("-->", region.to - 3);
		for (const piece of visible[index]) {
			parts.push(text.slice(at, piece.from));
			let hidden = text.slice(piece.from, piece.to).replace(/[^ \t\r\n]/g, "x");
			if (html && piece.from === region.from) hidden = "<!--" + hidden.slice(4);
			if (html && piece.to === region.to) hidden = hidden.slice(0, -3) + "-->";
			parts.push(hidden);
			at = piece.to;
		}
	});
	parts.push(text.slice(at));
	return noCarriageReturns(parts.join(""));
}

/**
 * Whether hiding changes what the block parser would see. A region on one line cannot (it starts no line
 * but with `%%`, `$` or `<!--`, which open the same blocks before and after). A region spanning lines can
 * when a line it covers from its start opens a block (`# …`, `> …`, `- …`, `1. …`, `[^1]: …`, a fence, a
 * setext underline …), starts raw HTML or a link reference definition, or when it holds a table's `|`.
 */
function needsSecondParse(text: string, visible: readonly Range[][], lines: LineIndex): boolean {
	for (const pieces of visible) {
		for (const piece of pieces) {
			const first = lines.position(piece.from).line - 1;
			const last = lines.position(Math.max(piece.from, piece.to - 1)).line - 1;
			if (first === last) continue;
			for (let line = first; line <= last; line++) {
				const lineStart = lines.starts[line];
				const from = Math.max(piece.from, lineStart);
				const to = Math.min(piece.to, lines.contentEnd(line));
				const hidden = text.slice(from, to);
				if (hidden.includes("|")) return true;
				if (line === first && piece.from > lineStart) continue;
				const firstChar = hidden.trimStart().charAt(0);
				if (firstChar === "<" || firstChar === "[" || (firstChar !== "" && opensBlock(text, lineStart))) return true;
			}
		}
	}
	return false;
}

/** Code from the note as written (code is decided first); the rest from the parse of the block text. */
function mergeBlocks(written: BlockStructure, hidden: BlockStructure): BlockStructure {
	const codeLines = hidden.codeLines;
	for (let line = 0; line < codeLines.length; line++) {
		if (written.codeLines[line] === CODE_LINE) codeLines[line] = CODE_LINE;
		else if (codeLines[line] === CODE_LINE) codeLines[line] = 0;
	}
	// A definition on a code line as written is code, unless the note as written has it too: a fence opened on
	// the definition's own line (`[^1]: ```) marks that line as code, and the definition still stands.
	const writtenMarkers = new Set(written.definitions.map((definition) => definition.markerFrom));
	const definitions = hidden.definitions.filter((definition) => written.codeLines[definition.firstLine] !== CODE_LINE || writtenMarkers.has(definition.markerFrom));
	return { codeLines, blockStarts: hidden.blockStarts, definitions, headings: hidden.headings };
}
