// `computeMetadata(text)`: the CachedMetadata Obsidian's indexer would produce, computed by a
// line-based scanner (Obsidian uses a full Markdown parser in a worker).
// Shapes follow captured real caches: headings are root-level only, with the full line as
// position; a footnote definition covers `[^id]: ...` up to the end of its last (lazy or
// 4-space indented) continuation line; block ids (`^id` ending a paragraph or list item, or
// alone on a line after a blank line, which tags the previous block) are keyed lower-case
// with the section's position; list items record `parent` as the parent item's line, or
// minus the list's first line for top-level items (-1 when that line is 0); empty
// collections are omitted; frontmatter links go to `frontmatterLinks`, not `links`.
// Simplifications (documented in README.md): no indented code blocks, no nested block
// structure inside lists/quotes (no headings or footnotes there), setext headings and
// tables recognised only in their plain forms, inline footnotes `^[...]` ignored.
import type * as O from "obsidian";
import { parse as parseYamlText } from "yaml";
import {
	ATX_HEADING, BLOCK_ID, FOOTNOTE_DEF, LIST_ITEM, TABLE_DELIMITER, THEMATIC_BREAK,
	type Line, type LineKind, classifyLines, getFrontMatterInfo, isBlank, posOf, splitLines, trimmedEnd,
} from "./md-lines";
import { extractFrontmatterLinks, scanInline } from "./md-inline";

interface Section { type: string; start: number; end: number; id?: string; heading?: { text: string; level: number } }

const QUOTE = /^ {0,3}>/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const STANDALONE_ID = /^\s*\^([A-Za-z0-9-]+)\s*$/;
const INDENTED = /^( {4}|\t)/;
const REFERENCE_DEF = /^ {0,3}\[([^\]^][^\]]*)\]:\s*(\S+)/;

function interruptsParagraph(line: Line, kind: LineKind): boolean {
	const t = line.text;
	if (kind !== "text") return true;
	return ATX_HEADING.test(t) || THEMATIC_BREAK.test(t) || QUOTE.test(t) || FOOTNOTE_DEF.test(t)
		|| /^ {0,3}([-*+]|1[.)])\s+\S/.test(t) || /^\s*%%/.test(t);
}

function footnoteEnd(lines: Line[], kinds: LineKind[], i: number): number {
	let end = i;
	for (let j = i + 1; j < lines.length && kinds[j] === "text"; j++) {
		const t = lines[j].text;
		if (isBlank(lines[j])) {
			let k = j;
			while (k < lines.length && isBlank(lines[k])) k++;
			if (k < lines.length && kinds[k] === "text" && INDENTED.test(lines[k].text)) { end = k; j = k; continue; }
			break;
		}
		if (!INDENTED.test(t) && (interruptsParagraph(lines[j], kinds[j]) || LIST_ITEM.test(t))) break;
		end = j;
	}
	return end;
}

function runWhile(lines: Line[], kinds: LineKind[], i: number, pred: (l: Line, k: LineKind) => boolean): number {
	let j = i;
	while (j + 1 < lines.length && pred(lines[j + 1], kinds[j + 1])) j++;
	return j;
}

function listEnd(lines: Line[], kinds: LineKind[], i: number): number {
	let end = i;
	for (let j = i + 1; j < lines.length && kinds[j] === "text"; j++) {
		if (isBlank(lines[j])) {
			let k = j;
			while (k < lines.length && isBlank(lines[k])) k++;
			if (k < lines.length && kinds[k] === "text" && (LIST_ITEM.test(lines[k].text) || /^\s{2,}\S/.test(lines[k].text))) { end = k; j = k; continue; }
			break;
		}
		const t = lines[j].text;
		if (!LIST_ITEM.test(t) && !/^\s/.test(t) && interruptsParagraph(lines[j], kinds[j])) break;
		end = j;
	}
	return end;
}

function buildSections(lines: Line[], kinds: LineKind[], first: number): Section[] {
	const sections: Section[] = [];
	for (let i = first; i < lines.length; i++) {
		const line = lines[i];
		const t = line.text;
		if (kinds[i] === "text" && isBlank(line)) continue;
		let s: Section;
		if (kinds[i] === "code" || kinds[i] === "math") {
			s = { type: kinds[i], start: i, end: runWhile(lines, kinds, i, (_l, k) => k === kinds[i]) };
		} else if (ATX_HEADING.test(t)) {
			const m = ATX_HEADING.exec(t) as RegExpExecArray;
			s = { type: "heading", start: i, end: i, heading: { text: (m[3] ?? "").trim(), level: m[2].length } };
		} else if (THEMATIC_BREAK.test(t)) {
			s = { type: "thematicBreak", start: i, end: i };
		} else if (FOOTNOTE_DEF.test(t)) {
			s = { type: "footnoteDefinition", start: i, end: footnoteEnd(lines, kinds, i) };
		} else if (QUOTE.test(t)) {
			const end = runWhile(lines, kinds, i, (l, k) => k === "text" && !isBlank(l) && (QUOTE.test(l.text) || !interruptsParagraph(l, k)));
			s = { type: /^ {0,3}>\s*\[!/.test(t) ? "callout" : "blockquote", start: i, end };
		} else if (/^\s*%%/.test(t) && !t.trim().substring(2).includes("%%")) {
			let j = i + 1;
			while (j < lines.length && !lines[j].text.includes("%%")) j++;
			s = { type: "comment", start: i, end: Math.min(j, lines.length - 1) };
		} else if (/^ {0,3}<[A-Za-z/!]/.test(t)) {
			s = { type: "html", start: i, end: runWhile(lines, kinds, i, (l, k) => k === "text" && !isBlank(l)) };
		} else if (LIST_ITEM.test(t)) {
			s = { type: "list", start: i, end: listEnd(lines, kinds, i) };
		} else if (t.includes("|") && lines[i + 1] && kinds[i + 1] === "text" && TABLE_DELIMITER.test(lines[i + 1].text)) {
			s = { type: "table", start: i, end: runWhile(lines, kinds, i, (l, k) => k === "text" && !isBlank(l)) };
		} else {
			let end = i;
			while (end + 1 < lines.length && !isBlank(lines[end + 1]) && !SETEXT.test(lines[end + 1].text) && !interruptsParagraph(lines[end + 1], kinds[end + 1])) end++;
			const next = lines[end + 1];
			if (next && kinds[end + 1] === "text" && SETEXT.test(next.text)) {
				const text = lines.slice(i, end + 1).map((l) => l.text.trim()).join(" ");
				s = { type: "heading", start: i, end: end + 1, heading: { text, level: next.text.trim().startsWith("=") ? 1 : 2 } };
			} else {
				const single = STANDALONE_ID.exec(t);
				const prev = sections[sections.length - 1];
				if (single && end === i && prev && prev.end < i - 1 && prev.id === undefined && prev.type !== "heading") {
					prev.id = single[1];
					continue;
				}
				s = { type: "paragraph", start: i, end };
				const id = BLOCK_ID.exec(lines[end].text);
				if (id) s.id = id[1];
			}
		}
		sections.push(s);
		i = s.end;
	}
	return sections;
}

function sectionPos(lines: Line[], s: Section): O.Pos {
	const start = lines[s.start];
	return posOf(start, start.text.length - start.text.trimStart().length, lines[s.end], trimmedEnd(lines[s.end]));
}

function listItems(lines: Line[], s: Section, out: O.ListItemCache[], blocks: Record<string, O.BlockCache>): void {
	const stack: { indent: number; line: number }[] = [];
	for (let i = s.start; i <= s.end; i++) {
		const m = LIST_ITEM.exec(lines[i].text);
		if (!m) continue;
		let end = i;
		for (let j = i + 1; j <= s.end && !LIST_ITEM.test(lines[j].text); j++) if (!isBlank(lines[j])) end = j;
		const indent = m[1].replace(/\t/g, "    ").length;
		while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
		const parent = stack.length > 0 ? stack[stack.length - 1].line : s.start === 0 ? -1 : -s.start;
		stack.push({ indent, line: i });
		const item: O.ListItemCache = { parent, position: posOf(lines[i], m[1].length, lines[end], trimmedEnd(lines[end])) };
		const task = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]/.exec(lines[i].text);
		if (task) item.task = task[1];
		const id = BLOCK_ID.exec(lines[end].text);
		if (id) {
			item.id = id[1];
			blocks[id[1].toLowerCase()] = { id: id[1], position: item.position };
		}
		out.push(item);
	}
}

function parseFrontmatter(cache: O.CachedMetadata, text: string, lines: Line[]): number {
	const info = getFrontMatterInfo(text);
	if (!info.exists) return -1;
	const endLine = lines.findIndex((l) => l.start === info.to);
	let data: unknown = null;
	try {
		data = parseYamlText(info.frontmatter);
	} catch {
		data = null;
	}
	if (data !== null && typeof data === "object" && !Array.isArray(data)) {
		cache.frontmatter = data;
		cache.frontmatterPosition = posOf(lines[0], 0, lines[endLine], 3);
		cache.frontmatterLinks = extractFrontmatterLinks(data);
	}
	return endLine;
}

/** Compute the CachedMetadata of a Markdown file's text. */
export function computeMetadata(text: string): O.CachedMetadata {
	const lines = splitLines(text);
	const cache: O.CachedMetadata = {};
	const fmEnd = parseFrontmatter(cache, text, lines);
	const kinds = classifyLines(lines, fmEnd);
	const inline = scanInline(lines, kinds);
	const sections = buildSections(lines, kinds, fmEnd + 1);
	const blocks: Record<string, O.BlockCache> = {};
	const headings: O.HeadingCache[] = [];
	const footnotes: O.FootnoteCache[] = [];
	const items: O.ListItemCache[] = [];
	const referenceLinks: O.ReferenceLinkCache[] = [];
	const sectionCaches: O.SectionCache[] = fmEnd >= 0 ? [{ type: "yaml", position: posOf(lines[0], 0, lines[fmEnd], 3) }] : [];
	for (const s of sections) {
		const position = sectionPos(lines, s);
		const entry: O.SectionCache = { type: s.type, position };
		if (s.id) {
			entry.id = s.id;
			blocks[s.id.toLowerCase()] = { id: s.id, position };
		}
		sectionCaches.push(entry);
		if (s.heading) headings.push({ heading: s.heading.text, level: s.heading.level, position });
		if (s.type === "footnoteDefinition") footnotes.push({ id: (FOOTNOTE_DEF.exec(lines[s.start].text) as RegExpExecArray)[2], position });
		if (s.type === "list") listItems(lines, s, items, blocks);
		const ref = s.type === "paragraph" ? REFERENCE_DEF.exec(lines[s.start].text) : null;
		if (ref) referenceLinks.push({ id: ref[1], link: ref[2].replace(/^<|>$/g, ""), position });
	}
	const put = <K extends keyof O.CachedMetadata>(key: K, value: O.CachedMetadata[K] & unknown[]) => { if (value.length > 0) cache[key] = value; };
	put("links", inline.links);
	put("embeds", inline.embeds);
	put("tags", inline.tags);
	put("headings", headings);
	put("footnotes", footnotes);
	put("footnoteRefs", inline.footnoteRefs);
	put("referenceLinks", referenceLinks);
	put("sections", sectionCaches);
	put("listItems", items);
	if (Object.keys(blocks).length > 0) cache.blocks = blocks;
	return cache;
}
