/**
 * The block level of a note, from markdown-it + markdown-it-footnote: which lines are code (fenced,
 * indented, raw HTML) and where each footnote definition `[^x]: …` starts and ends, continuation
 * paragraphs included. Only markdown-it's block rules run: inline structure is read by our own scanner,
 * which keeps exact offsets (markdown-it's inline tokens carry none).
 */
import MarkdownIt, { type PluginSimple } from "markdown-it";
import type { RuleBlock } from "markdown-it/lib/parser_block.mjs";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type Token from "markdown-it/lib/token.mjs";
import footnotePlugin from "markdown-it-footnote";
import { useLineMarkedState, withoutTokenContent } from "./line-marked-state";

export interface DefinitionBlock {
	label: string;
	/** 0-based first line (holding `[^label]:`) and the line after its last non-blank line. */
	firstLine: number;
	endLine: number;
	/** Offset of its `[^` in the text given to markdown-it. */
	markerFrom: number;
}

/** Values of `BlockStructure.codeLines`: a fenced or indented code line, or a line of raw HTML. */
export const CODE_LINE = 1;
export const HTML_LINE = 2;

export interface BlockStructure {
	/** Non-zero where a 0-based line is not prose: CODE_LINE (fenced or indented code) or HTML_LINE (raw HTML). */
	codeLines: Uint8Array;
	/** 1 where a 0-based line starts a block (paragraph, heading, list item, definition …). */
	blockStarts: Uint8Array;
	definitions: DefinitionBlock[];
	/** Headings outside any container (what Obsidian's metadata cache lists), in order. */
	headings: HeadingBlock[];
}

export interface HeadingBlock {
	/** 0-based first line and the line after it (a setext heading's underline included). */
	firstLine: number;
	endLine: number;
	level: number;
	setext: boolean;
}

type BlockRule = RuleBlock;

let parser: MarkdownIt | undefined;
let parserWithContent: MarkdownIt | undefined;

/**
 * One parser for the process. `footnote_tail` re-concatenates the token list once per footnote, which is
 * quadratic (4,000 footnotes take seconds); the other core rules only serve rendering. `normalize` is off
 * because it would turn a lone `\r` into a line break and shift every line after it: the caller blanks `\r`.
 */
function blockParser(tokenContent = false): MarkdownIt {
	const made = tokenContent ? parserWithContent : parser;
	if (made) return made;
	const md = new MarkdownIt({ html: true });
	// @types/markdown-it-footnote is written against the CommonJS typings of markdown-it; the function is the same.
	md.use(footnotePlugin as unknown as PluginSimple);
	md.core.ruler.disable(["normalize", "inline", "linkify", "replacements", "smartquotes", "text_join", "footnote_tail"]);
	// A definition interrupts a paragraph, and so also a quote's lazy paragraph line, as in GFM: after `> quote`,
	// `[^1]: …` starts a definition, not more of the quote (markdown-it-footnote leaves out "blockquote").
	md.block.ruler.at("footnote_def", recordDefinitionLines(findRule(md, "footnote_def")), {
		alt: ["paragraph", "reference", "blockquote"],
	});
	boundTooDeepContent(md);
	md.block.ruler.before("table", "hand_over_blocks", handOverFinishedBlocks, { alt: [] });
	useLineMarkedState(md);
	// The structure reads no token's content (readTokens); the parser the tests compare with keeps it.
	if (!tokenContent) withoutTokenContent(md);
	// One tiny parse first, so that the per-note code around markdown-it's loops has run once before a long
	// note's loop is compiled while it runs (on-stack replacement). Otherwise V8 compiles that loop before the
	// code after it has ever run and leaves a deoptimisation there that it never discards: with markdown-it's
	// own state constructor, each later note hit it, 1,100 deoptimisations in the 12 MB essay's run (node
	// --trace-deopt; the constructor is ours now, line-marked-state.ts, and keeps no code after its loop). The
	// parse only warms the code: its tokens are dropped, and markdown-it keeps no state between parses.
	md.parse("# a\n\nb\n", {});
	if (tokenContent) parserWithContent = md;
	else parser = md;
	return md;
}

/**
 * Past `maxNesting` (100) levels markdown-it gives up on a container's content by skipping to the end of its
 * range, and for a list item that range is the rest of the note: `- ` written 101 times swallowed every later
 * definition and code block. Here the too-deep content ends at the next blank line, like a paragraph, and the
 * note after it is read as usual.
 */
function boundTooDeepContent(md: MarkdownIt): void {
	const tokenize = md.block.tokenize.bind(md.block);
	// In markdown-it's default preset, not in its typings.
	const maxNesting = (md.options as { maxNesting?: number }).maxNesting ?? 100;
	md.block.tokenize = (state, startLine, endLine) => {
		if (state.level < maxNesting) {
			tokenize(state, startLine, endLine);
			return;
		}
		let line = state.skipEmptyLines(startLine);
		if (line < endLine && state.sCount[line] >= state.blkIndent) {
			while (line < endLine && !state.isEmpty(line)) line++;
		}
		state.line = line;
	};
}

function findRule(md: MarkdownIt, name: string): BlockRule {
	// markdown-it keeps its rules in `__rules__`; ruler.at() replaces one, so the original must be read first.
	const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
	const rule = rules.find((candidate) => candidate.name === name);
	if (!rule) throw new Error(`markdown-it-footnote did not register ${name}`);
	return rule.fn;
}

/** Where {@link handOverFinishedBlocks} finds the reader of a parse's tokens: a key of markdown-it's `env`. */
const TOKEN_READER = Symbol("block token reader");

type TokenReader = (tokens: readonly Token[]) => void;

/**
 * The first rule of the chain: it matches nothing, but at the start of a top-level block (no container open,
 * `state.level` 0) it hands the tokens of the blocks before it to the parse's reader and empties the list.
 * Tokens then die young instead of all living to the end of the parse: on the 12 MB essay the parse's heap
 * had grown to 250 MB and garbage collection cost 0.35 s, most of it copying live tokens (issue 15).
 * Safe because no block rule reads a token of an earlier top-level block: the list rule marks tight
 * paragraphs from its own first token's index, the footnote rule reads only the token it pushed
 * (markdown-it 14 `rules_block/*.mjs`, markdown-it-footnote 4; `footnote_tail`, which does read back, is
 * off), and ParserBlock.tokenize reads none. A test compares the handed-over tokens with a whole parse's.
 */
function handOverFinishedBlocks(state: StateBlock, _startLine: number, _endLine: number, silent: boolean): boolean {
	if (silent || state.level !== 0 || state.tokens.length === 0) return false;
	const reader = (state.env as { [TOKEN_READER]?: TokenReader })[TOKEN_READER];
	if (reader) {
		reader(state.tokens);
		state.tokens.length = 0;
	}
	return false;
}

/**
 * markdown-it-footnote gives `footnote_reference_open` no line map; this wrapper records it. It also refuses a
 * line indented as code, and a label holding `[` or a tab, as GFM does and as references are read: `[^1[^a]: x`
 * is text with a reference `[^a]`, not a definition of a label `1[^a` that nothing could ever cite.
 */
function recordDefinitionLines(footnoteDefinition: BlockRule): BlockRule {
	return (state, startLine, endLine, silent) => {
		// Indented 4 or more it is code, or a lazy line of a quote (markdown-it asks this rule there unchecked).
		if (state.sCount[startLine] - state.blkIndent >= 4) return false;
		if (!hasPlainLabel(state.src, state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine])) return false;
		const first = state.tokens.length;
		if (!footnoteDefinition(state, startLine, endLine, silent)) return false;
		if (!silent) {
			const token = state.tokens[first];
			token.map = [startLine, state.line];
			(token.meta as { markerFrom?: number }).markerFrom = state.bMarks[startLine] + state.tShift[startLine];
		}
		return true;
	};
}

/** Whether the `[^label]` at `start` (if that is one) has no `[` or tab before its `]`. */
function hasPlainLabel(src: string, start: number, max: number): boolean {
	if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5e) return true;
	for (let at = start + 2; at < max; at++) {
		const code = src.charCodeAt(at);
		if (code === 0x5d /* ] */) return true;
		if (code === 0x5b /* [ */ || code === 0x09) return false;
	}
	return true;
}

/**
 * `prose` must have no `\r` (blank it to a space first) and the same line breaks as the original.
 * `firstLine`: the parse starts there, as if every line before it were blank (the frontmatter, which the
 * caller then need not blank in a copy of the note: at the top level blank lines open and continue nothing).
 */
export function readBlockStructure(prose: string, lineCount: number, firstLine = 0): BlockStructure {
	const structure = emptyStructure(lineCount);
	const read = (tokens: readonly Token[]): void => readTokens(tokens, structure);
	// What md.parse does with only the core rule "block" on (ParserBlock.parse), from `firstLine`. The blocks
	// are read as the parse finishes them (see handOverFinishedBlocks); the last ones when it ends.
	const md = blockParser();
	const tokens: Token[] = [];
	const state = new md.block.State(prose, md, { [TOKEN_READER]: read }, tokens);
	md.block.tokenize(state, Math.min(firstLine, state.lineMax), state.lineMax);
	read(tokens);
	return structure;
}

/**
 * The same structure from one list of all the note's tokens, read after the parse: what readBlockStructure
 * gives, the slow way. For the tests that the blocks handed over during the parse are the whole parse's, and
 * (`tokenContent`) that tokens without their content are read as tokens with it.
 */
export function readBlockStructureWhole(prose: string, lineCount: number, tokenContent = false): BlockStructure {
	const structure = emptyStructure(lineCount);
	readTokens(blockParser(tokenContent).parse(prose, {}), structure);
	return structure;
}

function emptyStructure(lineCount: number): BlockStructure {
	return { codeLines: new Uint8Array(lineCount), blockStarts: new Uint8Array(lineCount), definitions: [], headings: [] };
}

function readTokens(tokens: readonly Token[], structure: BlockStructure): void {
	const { codeLines, blockStarts, definitions, headings } = structure;
	for (const token of tokens) {
		const map = token.map;
		if (!map || token.nesting < 0) continue;
		blockStarts[map[0]] = 1;
		if (token.type === "fence" || token.type === "code_block") {
			codeLines.fill(CODE_LINE, map[0], map[1]);
		} else if (token.type === "html_block") {
			codeLines.fill(HTML_LINE, map[0], map[1]);
		} else if (token.type === "footnote_reference_open") {
			const { label, markerFrom } = token.meta as { label: string; markerFrom: number };
			definitions.push({ label, firstLine: map[0], endLine: map[1], markerFrom });
		} else if (token.type === "heading_open" && token.level === 0) {
			const setext = token.markup === "=" || token.markup === "-";
			headings.push({ firstLine: map[0], endLine: map[1], level: Number(token.tag.slice(1)), setext });
		}
	}
}
