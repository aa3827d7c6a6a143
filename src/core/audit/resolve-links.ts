/**
 * Resolves every internal link of a note once, so the checks, the duplicate grouping, the statistics and the
 * fixes all agree. Resolution is memoised per link path: an essay cites the same note many times.
 */
import type { CitationDocument, ParsedLink } from "../parse/citation-document";
import type { LinkResolution, LinkResolver } from "../types";

export type LinkOutcome =
	| { status: "external" }
	| { status: "malformed" }
	| { status: "unresolved" }
	| { status: "resolved"; path: string; alternatives: string[] };

export function resolveLinks(document: CitationDocument, resolver: LinkResolver, sourcePath: string): LinkOutcome[] {
	const cache = new Map<string, LinkResolution>();
	return document.links.map((link) => {
		if (link.problem) return { status: "malformed" };
		if (link.external) return { status: "external" };
		let resolution = cache.get(link.linkpath);
		if (!resolution) {
			resolution = link.linkpath === "" ? { path: sourcePath, alternatives: [] } : resolver.resolve(link.linkpath, sourcePath);
			cache.set(link.linkpath, resolution);
		}
		if (resolution.path === null) return { status: "unresolved" };
		// A link written with a folder path names one file: only a bare name can be ambiguous.
		const alternatives = isBareName(link) ? resolution.alternatives : [];
		return { status: "resolved", path: resolution.path, alternatives };
	});
}

function isBareName(link: ParsedLink): boolean {
	return !link.linkpath.includes("/");
}

/** Markdown notes carry headings and block ids; a PDF's `#page=2` is not ours to check. */
export function isMarkdownPath(path: string): boolean {
	return /\.md$/i.test(path);
}
