/**
 * The inline pass: walks the prose once, jumping from one `\`, `` ` ``, `[` or `]` to the next, and records
 * footnote references, inline footnotes and links with exact offsets. Code lines (from markdown-it) are
 * skipped whole; code spans are stepped over.
 */
import type { LineIndex } from "../text/line-index";
import type { BlockStructure } from "./block-structure";
import type { CitationDocument, FootnoteDefinition, FootnoteReference, ParsedLink } from "./citation-document";
import { labelKey } from "./citation-document";
import { CodeSpanMatcher } from "./code-span";
import { matchFootnoteLabel } from "./footnote-reference";
import { ForwardSearches } from "./forward-search";
import { matchMarkdownLink, type MarkdownLinkMatch } from "./markdown-link";
import { matchWikilink } from "./wikilink";

const INTERESTING = /[\\`[\]]/g;

interface OpenInlineFootnote {
	definition: FootnoteDefinition;
	/** Unmatched `[` inside it, itself included. */
	depth: number;
}

type NewLink = Omit<ParsedLink, "owner">;

export function scanInline(
	text: string,
	prose: string,
	lines: LineIndex,
	blocks: BlockStructure,
	blockDefinitions: FootnoteDefinition[],
): CitationDocument {
	return new InlineScanner(text, prose, lines, blocks, blockDefinitions).scan();
}

class InlineScanner {
	private readonly references: FootnoteReference[] = [];
	/** Links in text order, their `owner` still -1; `linkOwners[i]` is the definition link `i` cites from. */
	private readonly links: ParsedLink[] = [];
	private readonly linkOwners: (FootnoteDefinition | null)[] = [];
	/** The first link added since the stack of open inline footnotes was last empty. */
	private firstLinkWhileOpen = 0;
	private readonly inlineDefinitions: FootnoteDefinition[] = [];
	private readonly open: OpenInlineFootnote[] = [];
	private readonly searches: ForwardSearches;
	private readonly codeSpans: CodeSpanMatcher;
	private line = 0;
	private lineEnd = 0;
	/** The paragraph `paragraphEnd()` last answered for: lines [start, end), ending at `paragraphEndOffset`. */
	private paragraphStartLine = -1;
	private paragraphEndLine = -1;
	private paragraphEndOffset = -1;

	constructor(
		private readonly text: string,
		private readonly prose: string,
		private readonly lines: LineIndex,
		private readonly blocks: BlockStructure,
		private readonly blockDefinitions: FootnoteDefinition[],
	) {
		this.searches = new ForwardSearches(prose);
		// A code span closes within its paragraph, as markdown-it delimits it (quotes' lazy lines included).
		this.codeSpans = new CodeSpanMatcher(prose, () => this.paragraphEnd());
		this.lineEnd = lines.contentEnd(0);
	}

	scan(): CitationDocument {
		const pattern = new RegExp(INTERESTING.source, "g");
		pattern.lastIndex = this.blocks.codeLines[0] ? this.nextProseLineStart(0) : 0;
		for (let match = pattern.exec(this.prose); match; match = pattern.exec(this.prose)) {
			const at = match.index;
			this.moveToLineOf(at);
			if (this.blocks.codeLines[this.line]) {
				pattern.lastIndex = this.nextProseLineStart(this.line);
				continue;
			}
			pattern.lastIndex = this.step(at);
		}
		this.closeAllInlineFootnotes();
		return this.finish();
	}

	/** Handles the construct at `at`; returns where scanning resumes. */
	private step(at: number): number {
		const prose = this.prose;
		switch (prose.charCodeAt(at)) {
			case 0x5c /* \ */:
				return at + 2;
			case 0x60 /* ` */:
				return this.codeSpans.skip(at);
			case 0x5d /* ] */:
				this.closeBracket(at);
				return at + 1;
			default:
				break;
		}
		const next = prose.charCodeAt(at + 1);
		// ^[[[Source]], p. 2]: the first `[` opens the inline footnote, the next two a wikilink (a link target
		// cannot start with `[`, so `[[[` is never a wikilink of its own).
		if (next === 0x5b && prose.charCodeAt(at + 2) === 0x5b && this.opensInlineFootnote(at)) return this.openInlineFootnote(at);
		if (next === 0x5b /* [ */) return this.bracketedLinkText(at) ?? this.bracketBeforeLink(at) ?? this.wikilink(at);
		if (next === 0x5e /* ^ */) {
			const end = matchFootnoteLabel(prose, at, this.lineEnd);
			if (end !== -1) return this.footnoteLabel(at, end);
		}
		if (this.opensInlineFootnote(at)) return this.openInlineFootnote(at);
		const link = matchMarkdownLink(prose, at, this.lineEnd, this.searches);
		if (!link) {
			this.openBracket();
			return at + 1;
		}
		this.addMarkdownLink(at, link);
		return link.to;
	}

	private addMarkdownLink(at: number, link: MarkdownLinkMatch): void {
		const embed = this.isEmbedMark(at);
		this.addLink({
			syntax: "markdown",
			embed,
			from: embed ? at - 1 : at,
			to: link.to,
			target: this.text.slice(link.targetRange.from, link.targetRange.to),
			targetRange: link.targetRange,
			linkpath: link.linkpath,
			subpath: link.subpath,
			alias: link.text,
			external: link.external,
		});
	}

	/**
	 * A markdown link whose text starts with `[`, not a wikilink: a lone `]` comes before any `]]` on the line.
	 *     [[2] Smith, p. 4](https://example.org)
	 *     ^ at ^ lone `]`
	 * Returns where scanning resumes, or null when the `[[` is to be read as a wikilink.
	 */
	private bracketedLinkText(at: number): number | null {
		const single = this.searches.nextBefore("]", at + 2, this.lineEnd);
		if (single === -1 || this.prose.charCodeAt(single + 1) === 0x5d /* ] */) return null;
		const link = matchMarkdownLink(this.prose, at, this.lineEnd, this.searches);
		if (!link) return null;
		this.addMarkdownLink(at, link);
		return link.to;
	}

	/**
	 * A literal `[` before a markdown link, when no `]]` closes the `[[` on its line:
	 *     [[reed-beds](pages/reed-beds.md)] p. 24
	 *     ^ at: text, as CommonMark reads a `[` that opens no link; the link starts at at + 1
	 * Obsidian needs `]]` for a wikilink, so this is no unclosed one. Returns at + 1, or null.
	 */
	private bracketBeforeLink(at: number): number | null {
		const close = this.searches.nextBefore("]]", at + 2, this.lineEnd);
		const reopen = this.searches.nextBefore("[[", at + 2, this.lineEnd);
		if (close !== -1 && (reopen === -1 || close < reopen)) return null;
		if (!matchMarkdownLink(this.prose, at + 1, this.lineEnd, this.searches)) return null;
		this.openBracket();
		return at + 1;
	}

	/**
	 * [[target#sub|alias]]   ![[embed]]
	 * ^ at                    ^ at-1 is the embed mark
	 */
	private wikilink(at: number): number {
		const match = matchWikilink(this.prose, at, this.lineEnd, this.searches);
		const embed = this.isEmbedMark(at);
		const link: NewLink = {
			syntax: "wikilink",
			embed,
			from: embed ? at - 1 : at,
			to: match.to,
			target: this.text.slice(match.targetRange.from, match.targetRange.to).replace(/\\$/, ""),
			targetRange: match.targetRange,
			linkpath: match.linkpath,
			subpath: match.subpath,
			external: false,
		};
		if (match.alias !== undefined) link.alias = match.alias;
		if (match.problem) link.problem = match.problem;
		this.addLink(link);
		// After an unclosed `[[` keep reading the line: a later link on it is still a link.
		return match.problem === "unclosed" ? at + 2 : match.to;
	}

	/**
	 * [^label]: definition     text[^label]
	 * ^ at (a definition)          ^ at (a reference)
	 */
	private footnoteLabel(at: number, end: number): number {
		const definition = this.blockDefinitionAt(at);
		if (definition && definition.from === at) return end + 1;
		const label = this.text.slice(at + 2, end - 1);
		this.references.push({ from: at, to: end, label, key: labelKey(label) });
		return end;
	}

	/**
	 * text^[inline footnote with [[Source]]]
	 *      ^ at-1
	 */
	private openInlineFootnote(at: number): number {
		const definition: FootnoteDefinition = {
			from: at - 1,
			to: at + 1,
			label: "",
			key: "",
			inline: true,
			labelRange: { from: at - 1, to: at + 1 },
			contentFrom: at + 1,
			links: [],
		};
		if (this.open.length === 0) this.firstLinkWhileOpen = this.links.length;
		this.open.push({ definition, depth: 1 });
		return at + 1;
	}

	/** Whether the `[` at `at` follows an unescaped `^`. */
	private opensInlineFootnote(at: number): boolean {
		return this.prose.charCodeAt(at - 1) === 0x5e /* ^ */ && !this.isEscaped(at - 1);
	}

	/** The innermost open inline footnote. (Reading `open[-1]` of an empty stack is a slow property lookup.) */
	private innermost(): OpenInlineFootnote | undefined {
		return this.open.length === 0 ? undefined : this.open[this.open.length - 1];
	}

	private openBracket(): void {
		const top = this.innermost();
		if (top) top.depth++;
	}

	private closeBracket(at: number): void {
		const top = this.innermost();
		if (!top) return;
		top.depth--;
		if (top.depth > 0) return;
		this.open.pop();
		top.definition.to = at + 1;
		this.inlineDefinitions.push(top.definition);
	}

	/**
	 * An inline footnote left open when its paragraph ends is plain text; its links belong to what encloses it.
	 * All open ones are dropped together, so their links go to the block definition around the outermost one.
	 * Only links added since the stack was last empty can belong to them: each link is looked at once.
	 */
	private closeAllInlineFootnotes(): void {
		if (this.open.length === 0) return;
		const dropped = new Set(this.open.map((open) => open.definition));
		const enclosing = this.blockDefinitionAt(this.open[0].definition.from);
		this.open.length = 0;
		for (let index = this.firstLinkWhileOpen; index < this.links.length; index++) {
			const owner = this.linkOwners[index];
			if (owner !== null && dropped.has(owner)) this.linkOwners[index] = enclosing;
		}
	}

	private addLink(link: NewLink): void {
		// Built field by field, not spread: object spread costs microseconds a link, and a note may hold 100,000.
		const owner = this.innermost()?.definition ?? this.blockDefinitionAt(link.from);
		(link as ParsedLink).owner = -1;
		this.links.push(link as ParsedLink);
		this.linkOwners.push(owner);
	}

	private isEmbedMark(at: number): boolean {
		return this.prose.charCodeAt(at - 1) === 0x21 /* ! */ && !this.isEscaped(at - 1);
	}

	private isEscaped(at: number): boolean {
		let backslashes = 0;
		while (this.prose.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
		return backslashes % 2 === 1;
	}

	/** The block definition whose range holds `at`, if any (definitions are sorted and disjoint). */
	private blockDefinitionAt(at: number): FootnoteDefinition | null {
		const definitions = this.blockDefinitions;
		let low = 0;
		let high = definitions.length - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			const candidate = definitions[middle];
			if (at < candidate.from) high = middle - 1;
			else if (at >= candidate.to) low = middle + 1;
			else return candidate;
		}
		return null;
	}

	private moveToLineOf(at: number): void {
		const starts = this.lines.starts;
		let moved = false;
		while (this.line + 1 < starts.length && starts[this.line + 1] <= at) {
			this.line++;
			if (this.blocks.blockStarts[this.line] || this.blocks.codeLines[this.line]) moved = true;
		}
		if (moved && this.open.length > 0) this.closeAllInlineFootnotes();
		this.lineEnd = this.lines.contentEnd(this.line);
	}

	/** Start of the first line after the current one that is blank, code, or starts a block; memoised per paragraph. */
	private paragraphEnd(): number {
		const { starts } = this.lines;
		if (this.line < this.paragraphEndLine && this.line >= this.paragraphStartLine) return this.paragraphEndOffset;
		let next = this.line + 1;
		while (next < starts.length && !this.blocks.blockStarts[next] && !this.blocks.codeLines[next] && !this.isBlankLine(next)) next++;
		this.paragraphStartLine = this.line;
		this.paragraphEndLine = next;
		this.paragraphEndOffset = next < starts.length ? starts[next] : this.prose.length;
		return this.paragraphEndOffset;
	}

	private isBlankLine(line: number): boolean {
		for (let at = this.lines.starts[line], end = this.lines.contentEnd(line); at < end; at++) {
			const code = this.prose.charCodeAt(at);
			if (code !== 0x20 && code !== 0x09) return false;
		}
		return true;
	}

	private nextProseLineStart(line: number): number {
		let next = line;
		while (next < this.lines.starts.length && this.blocks.codeLines[next]) next++;
		return next < this.lines.starts.length ? this.lines.starts[next] : this.prose.length;
	}

	private finish(): CitationDocument {
		const definitions = [...this.blockDefinitions, ...this.inlineDefinitions].sort((a, b) => a.from - b.from);
		const indexOf = new Map(definitions.map((definition, index) => [definition, index]));
		this.links.forEach((link, index) => {
			const ownerDefinition = this.linkOwners[index];
			const owner = ownerDefinition ? (indexOf.get(ownerDefinition) ?? -1) : -1;
			if (owner !== -1) definitions[owner].links.push(index);
			link.owner = owner;
		});
		return { text: this.text, references: this.references, definitions, links: this.links };
	}
}
