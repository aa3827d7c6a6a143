// Free functions over CachedMetadata, following the Obsidian app bundle:
// - resolveSubpath: "#^id" looks up `cache.blocks` (case-insensitive); "#[^id]" looks up
//   `cache.footnotes` (case-insensitive, as since Obsidian 1.8.0); otherwise the subpath is
//   split on "#" and each part must match, in order, a heading of a deeper level than the
//   previous match (compared after `stripHeading`, case-insensitively); the result ends at
//   the next heading of the same or a higher level (`next`, `end` = its start, or null).
// - iterateRefs / iterateCacheRefs stop when the callback returns true.
import type * as O from "obsidian";
import { stripHeading } from "./paths";

export function resolveSubpath(cache: O.CachedMetadata, subpath: string): O.HeadingSubpathResult | O.BlockSubpathResult | O.FootnoteSubpathResult | null {
	if (!cache || !subpath) return null;
	const parts = subpath.split("#").filter((p) => p.length > 0);
	if (parts.length === 0) return null;
	if (parts.length === 1) {
		const part = parts[0];
		if (part.startsWith("^")) {
			const id = part.substring(1).toLowerCase();
			const block = cache.blocks && Object.prototype.hasOwnProperty.call(cache.blocks, id) ? cache.blocks[id] : undefined;
			if (block) {
				const list = cache.listItems?.find((item) => item.id?.toLowerCase() === id);
				return { type: "block", block, list, start: block.position.start, end: block.position.end };
			}
		} else if (part.startsWith("[^") && part.endsWith("]")) {
			const id = part.slice(2, -1).toLowerCase();
			const footnote = cache.footnotes?.find((f) => f.id.toLowerCase() === id);
			if (footnote) return { type: "footnote", footnote, start: footnote.position.start, end: footnote.position.end };
		}
	}
	const headings = cache.headings;
	if (!headings || headings.length === 0) return null;
	let matchedParts = 0;
	let level = 0;
	let current: O.HeadingCache | null = null;
	let next: O.HeadingCache | null = null;
	for (const heading of headings) {
		if (current && heading.level <= level) {
			next = heading;
			break;
		}
		if (!current && heading.level > level && stripHeading(heading.heading).toLowerCase() === stripHeading(parts[matchedParts]).toLowerCase()) {
			matchedParts++;
			level = heading.level;
			if (matchedParts === parts.length) current = heading;
		}
	}
	if (!current) return null;
	// `next` is typed as always present in obsidian.d.ts but is null after the last section.
	return { type: "heading", current, next: next as O.HeadingCache, start: current.position.start, end: next ? next.position.start : null };
}

export function iterateRefs(refs: O.Reference[] | undefined, cb: (ref: O.Reference) => boolean | void): boolean {
	if (!refs) return false;
	for (const ref of refs) if (cb(ref) === true) return true;
	return false;
}

export function iterateCacheRefs(cache: O.CachedMetadata, cb: (ref: O.ReferenceCache) => boolean | void): boolean {
	if (!cache) return false;
	const call = cb as (ref: O.Reference) => boolean | void;
	return iterateRefs(cache.links, call) || iterateRefs(cache.embeds, call);
}

/** Links, embeds and frontmatter links (what link resolution counts). */
export function iterateAllRefs(cache: O.CachedMetadata | null, cb: (ref: O.Reference) => boolean | void): boolean {
	if (!cache) return false;
	return iterateRefs(cache.frontmatterLinks, cb) || iterateRefs(cache.links, cb) || iterateRefs(cache.embeds, cb);
}

export function parseFrontMatterEntry(frontmatter: unknown, key: string | RegExp): unknown {
	if (!frontmatter || typeof frontmatter !== "object") return null;
	const record = frontmatter as Record<string, unknown>;
	if (typeof key === "string") return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : null;
	for (const name of Object.keys(record)) if (key.test(name)) return record[name];
	return null;
}

export function parseFrontMatterStringArray(frontmatter: unknown, key: string | RegExp): string[] | null {
	const value = parseFrontMatterEntry(frontmatter, key);
	if (!value) return null;
	if (typeof value === "string") return [value.trim()];
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").map((v) => v.trim());
	return null;
}

export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
	return parseFrontMatterStringArray(frontmatter, /^aliases$/i);
}

export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
	if (!frontmatter) return null;
	const tags = parseFrontMatterStringArray(frontmatter, /^tags$/i);
	return tags ? tags.filter((t) => !!t && !t.includes(" ")).map((t) => (t.startsWith("#") ? t : `#${t}`)) : null;
}

export function getAllTags(cache: O.CachedMetadata): string[] | null {
	if (!cache) return null;
	const tags = parseFrontMatterTags(cache.frontmatter) ?? [];
	for (const tag of cache.tags ?? []) tags.push(tag.tag);
	return tags;
}
