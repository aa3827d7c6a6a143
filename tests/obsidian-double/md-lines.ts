// Line model for the simplified Markdown indexer used by the MetadataCache double.
// Offsets, lines and columns are exact positions in the ORIGINAL file text (0-based line and
// column, column and offset in UTF-16 code units; a "\r\n" ending is not part of the line).
import type * as O from "obsidian";

export interface Line {
	index: number;
	/** Offset of the first character of the line. */
	start: number;
	/** Offset just after the last character (before "\r\n" / "\n"). */
	end: number;
	text: string;
}

export type LineKind = "frontmatter" | "code" | "math" | "text";

export function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	for (let index = 0; ; index++) {
		const nl = text.indexOf("\n", start);
		const rawEnd = nl === -1 ? text.length : nl;
		const end = rawEnd > start && text.charCodeAt(rawEnd - 1) === 13 ? rawEnd - 1 : rawEnd;
		lines.push({ index, start, end, text: text.substring(start, end) });
		if (nl === -1) break;
		start = nl + 1;
	}
	return lines;
}

export function locAt(line: Line, col: number): O.Loc {
	return { line: line.index, col, offset: line.start + col };
}

export function posOf(startLine: Line, startCol: number, endLine: Line, endCol: number): O.Pos {
	return { start: locAt(startLine, startCol), end: locAt(endLine, endCol) };
}

/** Column just after the last non-whitespace character of the line. */
export function trimmedEnd(line: Line): number {
	return line.text.replace(/\s+$/, "").length;
}

export function isBlank(line: Line | undefined): boolean {
	return !line || line.text.trim() === "";
}

const FM_START = /^---(\r?\n)/g;
const FM_END = /---(\r?\n|$)/g;

/** Same algorithm as Obsidian's `getFrontMatterInfo` (app bundle). */
export function getFrontMatterInfo(content: string): O.FrontMatterInfo {
	const none = { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	FM_START.lastIndex = 0;
	if (!FM_START.exec(content)) return none;
	const from = FM_START.lastIndex;
	FM_END.lastIndex = from;
	let match = FM_END.exec(content);
	while (match && content.charAt(match.index - 1) !== "\n") match = FM_END.exec(content);
	if (!match) return none;
	return { exists: true, frontmatter: content.slice(from, match.index), from, to: match.index, contentStart: FM_END.lastIndex };
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Classify every line: frontmatter, fenced code (``` or ~~~, including the fence lines; an
 * unclosed fence runs to the end), display math ($$ ... $$) or ordinary text.
 * Simplification: indented code blocks and fences nested in lists/blockquotes are text.
 */
export function classifyLines(lines: Line[], frontmatterEndLine: number): LineKind[] {
	const kinds: LineKind[] = lines.map(() => "text");
	for (let i = 0; i <= frontmatterEndLine; i++) kinds[i] = "frontmatter";
	for (let i = frontmatterEndLine + 1; i < lines.length; i++) {
		const text = lines[i].text;
		const fence = FENCE_OPEN.exec(text);
		if (fence && !(fence[2][0] === "`" && fence[3].includes("`"))) {
			const char = fence[2][0];
			const close = new RegExp(`^ {0,3}\\${char}{${fence[2].length},}\\s*$`);
			let j = i + 1;
			while (j < lines.length && !close.test(lines[j].text)) j++;
			for (let k = i; k <= Math.min(j, lines.length - 1); k++) kinds[k] = "code";
			i = j;
			continue;
		}
		const trimmed = text.trim();
		if (trimmed.startsWith("$$")) {
			let j = i;
			if (!trimmed.substring(2).includes("$$")) {
				j = i + 1;
				while (j < lines.length && !lines[j].text.trim().endsWith("$$")) j++;
			}
			for (let k = i; k <= Math.min(j, lines.length - 1); k++) kinds[k] = "math";
			i = j;
		}
	}
	return kinds;
}

/** Replace the content of inline code spans (`x`, ``x``) by spaces, keeping all offsets. */
export function maskInlineCode(text: string): string {
	let out = "";
	let i = 0;
	while (i < text.length) {
		if (text[i] !== "`") {
			out += text[i++];
			continue;
		}
		let run = 0;
		while (text[i + run] === "`") run++;
		const ticks = "`".repeat(run);
		let close = text.indexOf(ticks, i + run);
		while (close !== -1 && text[close + run] === "`") close = text.indexOf(ticks, close + run + 1);
		if (close === -1) {
			out += ticks;
			i += run;
			continue;
		}
		out += " ".repeat(close + run - i);
		i = close + run;
	}
	return out;
}

export const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)/;
export const ATX_HEADING = /^( {0,3})(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
export const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
export const FOOTNOTE_DEF = /^( {0,3})\[\^([^\]\s^]+)\]:/;
export const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;
export const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
