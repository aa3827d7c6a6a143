/**
 * Resolves every internal link of a note once, so the checks, the duplicate grouping, the statistics and the
 * fixes all agree. Resolution is memoised per link path: an essay cites the same note many times.
 */
import type { CitationDocument, ParsedLink } from "../parse/citation-document";
import type { LinkResolver } from "../types";

export type LinkOutcome =
	| { status: "external" }
	| { status: "malformed" }
	| { status: "unresolved" }
	| { status: "resolved"; path: string; alternatives: string[] };

/** The outcomes that carry nothing of their link: one object each, shared (outcomes are never changed). */
const EXTERNAL: LinkOutcome = Object.freeze({ status: "external" });
const MALFORMED: LinkOutcome = Object.freeze({ status: "malformed" });
const UNRESOLVED: LinkOutcome = Object.freeze({ status: "unresolved" });

export function resolveLinks(document: CitationDocument, resolver: LinkResolver, sourcePath: string): LinkOutcome[] {
	// One outcome per link path, shared by its links (it depends on nothing else): the 12 MB bench essay's
	// 60,000 links name about 4,000 paths.
	const outcomes = new Map<string, LinkOutcome>();
	return document.links.map((link) => {
		if (link.problem) return MALFORMED;
		if (link.external) return EXTERNAL;
		let outcome = outcomes.get(link.linkpath);
		if (!outcome) {
			const resolution = link.linkpath === "" ? { path: sourcePath, alternatives: [] } : resolver.resolve(link.linkpath, sourcePath);
			// A link written with a folder path names one file: only a bare name can be ambiguous.
			outcome = resolution.path === null ? UNRESOLVED : { status: "resolved", path: resolution.path, alternatives: isBareName(link) ? resolution.alternatives : [] };
			outcomes.set(link.linkpath, outcome);
		}
		return outcome;
	});
}

function isBareName(link: ParsedLink): boolean {
	return !link.linkpath.includes("/");
}

/** Markdown notes carry headings and block ids; a PDF's `#page=2` is not ours to check. */
export function isMarkdownPath(path: string): boolean {
	return /\.md$/i.test(path);
}
