// Inline references for the simplified indexer: wikilinks, Markdown links, embeds, footnote
// references and tags. What Obsidian records, per captured real caches in public plugins'
// test data: `[[A|alias]]` -> link "A", displayText "alias"; `[[A\|alias]]` (tables) the same;
// `[[A#B]]` -> displayText "A > B"; `[t](A%20B.md)` -> link "A B.md" (decoded), displayText
// "t"; external URLs are not links; a footnote reference covers `[^id]`.
// Simplifications: links spanning lines, nested brackets in link text, inline math `$...$`
// and HTML are not interpreted.
import type * as O from "obsidian";
import { type Line, type LineKind, locAt, maskInlineCode, FOOTNOTE_DEF } from "./md-lines";
import { linkDisplayText, parseAliasLink } from "./paths";

export interface InlineResult {
	links: O.LinkCache[];
	embeds: O.EmbedCache[];
	footnoteRefs: O.FootnoteRefCache[];
	tags: O.TagCache[];
}

const WIKILINK = /(!?)\[\[([^\]\n]*?)\]\]/g;
const MD_LINK = /(!?)\[((?:\\.|[^[\]\\\n])*)\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const FOOTNOTE_REF = /\[\^([^\]\s^]+)\]/g;
const TAG = /(^|\s)#([^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~]+)/gu;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decodeLinkUrl(url: string): string {
	const raw = url.startsWith("<") && url.endsWith(">") ? url.slice(1, -1) : url;
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

function blank(text: string, from: number, to: number): string {
	return text.substring(0, from) + " ".repeat(to - from) + text.substring(to);
}

function scanLine(line: Line, result: InlineResult): void {
	let text = maskInlineCode(line.text);
	const def = FOOTNOTE_DEF.exec(text);
	if (def) text = blank(text, def[1].length, def[0].length);
	const ref = (start: number, end: number, link: string, original: string, displayText: string): O.ReferenceCache => ({
		link, original, displayText, position: { start: locAt(line, start), end: locAt(line, end) },
	});
	for (const m of text.matchAll(WIKILINK)) {
		const inner = line.text.substring(m.index + m[1].length + 2, m.index + m[0].length - 2);
		const alias = parseAliasLink(inner);
		if (!alias.href && !alias.isAlias) continue;
		const display = alias.isAlias ? alias.title : linkDisplayText(alias.href);
		const entry = ref(m.index, m.index + m[0].length, alias.href, line.text.substring(m.index, m.index + m[0].length), display);
		(m[1] ? result.embeds : result.links).push(entry);
		text = blank(text, m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(MD_LINK)) {
		const url = m[3];
		// `[^id](...)` stays a footnote reference; URLs with a scheme (https:, obsidian:) are external.
		if (!url || m[2].startsWith("^") || URL_SCHEME.test(url.replace(/^</, ""))) continue;
		const original = line.text.substring(m.index, m.index + m[0].length);
		const entry = ref(m.index, m.index + m[0].length, decodeLinkUrl(url), original, line.text.substring(m.index + m[1].length + 1, m.index + m[1].length + 1 + m[2].length));
		(m[1] ? result.embeds : result.links).push(entry);
		text = blank(text, m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(FOOTNOTE_REF)) {
		result.footnoteRefs.push({ id: m[1], position: { start: locAt(line, m.index), end: locAt(line, m.index + m[0].length) } });
	}
	for (const m of text.matchAll(TAG)) {
		if (/^\d+$/.test(m[2])) continue;
		const start = m.index + m[1].length;
		result.tags.push({ tag: `#${m[2]}`, position: { start: locAt(line, start), end: locAt(line, start + m[2].length + 1) } });
	}
}

/** Collect the inline references of every text line (frontmatter, code and math excluded). */
export function scanInline(lines: Line[], kinds: LineKind[]): InlineResult {
	const result: InlineResult = { links: [], embeds: [], footnoteRefs: [], tags: [] };
	lines.forEach((line, i) => {
		if (kinds[i] === "text" && line.text.length > 0) scanLine(line, result);
	});
	const byOffset = (a: O.CacheItem, b: O.CacheItem) => a.position.start.offset - b.position.start.offset;
	result.links.sort(byOffset);
	result.embeds.sort(byOffset);
	return result;
}

/** Links written as YAML string values "[[...]]" anywhere in the frontmatter (app bundle). */
export function extractFrontmatterLinks(frontmatter: unknown): O.FrontmatterLinkCache[] {
	const links: O.FrontmatterLinkCache[] = [];
	const visit = (parentKey: string, data: unknown): void => {
		const entries: [string, unknown][] = Array.isArray(data)
			? data.map((v, i) => [String(i), v] as [string, unknown])
			: data !== null && typeof data === "object" ? Object.entries(data) : [];
		for (const [key, value] of entries) {
			const fullKey = parentKey ? `${parentKey}.${key}` : key;
			if (typeof value === "string") {
				if (value.startsWith("[[") && value.endsWith("]]")) {
					const alias = parseAliasLink(value.substring(2, value.length - 2));
					links.push({ key: fullKey, link: alias.href, original: value, displayText: alias.isAlias ? alias.title : linkDisplayText(alias.href) });
				}
			} else visit(fullKey, value);
		}
	};
	visit("", frontmatter);
	return links;
}
