/**
 * Link findings, for citation links (inside footnotes) and body links alike: malformed, unresolved,
 * ambiguous and missing headings or blocks. A link in a footnote definition is reported with its label.
 */
import type { CitationDocument, ParsedLink } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import type { Finding, LinkResolver } from "../types";
import { extractOutline, outlineHasSubpath, type NoteOutline } from "../vault/outline";
import { makeFinding, type FindingDetails } from "./finding";
import { isMarkdownPath, type LinkOutcome } from "./resolve-links";

const SUGGESTION_LIMIT = 3;

export interface LinkCheckContext {
	document: CitationDocument;
	lines: LineIndex;
	outcomes: readonly LinkOutcome[];
	resolver: LinkResolver;
	sourcePath: string;
	checkBodyLinks: boolean;
}

export function findLinkProblems(context: LinkCheckContext): Finding[] {
	const { document, outcomes } = context;
	const findings: Finding[] = [];
	let ownOutline: NoteOutline | undefined;
	const hasSubpath = (path: string, subpath: string): boolean | null => {
		// A link into this very note is checked against the text being audited, not the file on disk,
		// so the answer is right while the writer types.
		if (path !== context.sourcePath) return context.resolver.hasSubpath(path, subpath);
		ownOutline ??= extractOutline(document.text);
		return outlineHasSubpath(ownOutline, subpath);
	};
	document.links.forEach((link, index) => {
		const inFootnote = link.owner !== -1;
		if (!inFootnote && !context.checkBodyLinks) return;
		const outcome = outcomes[index];
		// Most links are fine: an external one, or one file and no subpath. Decide that before building anything.
		if (outcome.status === "external") return;
		if (outcome.status === "resolved" && outcome.alternatives.length === 0 && link.subpath === "") return;
		const details: FindingDetails = { labels: labelsOf(document, link), target: link.target };
		switch (outcome.status) {
			case "malformed":
				findings.push(malformedLink(link, context.lines, details));
				return;
			case "unresolved": {
				const kind = inFootnote ? "unresolved-target" : "unresolved-link";
				const suggestions = context.resolver.suggest(link.linkpath, context.sourcePath, SUGGESTION_LIMIT);
				const hint = suggestions.length > 0 ? `; did you mean "${suggestions[0]}"?` : "";
				const subject = inFootnote && details.labels ? `[^${details.labels[0]}] cites` : "Link to";
				findings.push(
					makeFinding(kind, link, context.lines, `${subject} "${link.linkpath}", which matches no file in the vault${hint}`, {
						...details,
						suggestions,
					}),
				);
				return;
			}
			case "resolved": {
				const resolved = { ...details, resolved: outcome.path };
				if (outcome.alternatives.length > 0) {
					const others = outcome.alternatives.map((path) => `"${path}"`).join(", ");
					findings.push(
						makeFinding(
							"ambiguous-target",
							link,
							context.lines,
							`"${link.linkpath}" matches ${outcome.alternatives.length + 1} files; Obsidian opens "${outcome.path}", not ${others}`,
							resolved,
						),
					);
				}
				if (link.subpath !== "" && isMarkdownPath(outcome.path) && hasSubpath(outcome.path, link.subpath) === false) {
					const what = link.subpath.startsWith("#^") ? `block "${link.subpath.slice(1)}"` : `heading "${link.subpath.slice(1)}"`;
					findings.push(
						makeFinding("missing-subpath", link, context.lines, `"${outcome.path}" has no ${what}`, resolved),
					);
				}
			}
		}
	});
	return findings;
}

function malformedLink(link: ParsedLink, lines: LineIndex, details: FindingDetails): Finding {
	const message =
		link.problem === "unclosed"
			? `Link "[[${link.target}" is never closed on its line`
			: "Link has an empty target";
	return makeFinding("malformed-link", link, lines, message, details);
}

/** The label of the footnote definition a link sits in, if it has one (inline footnotes have none). */
export function labelsOf(document: CitationDocument, link: ParsedLink): string[] | undefined {
	if (link.owner === -1) return undefined;
	const definition = document.definitions[link.owner];
	return definition.inline ? undefined : [definition.label];
}
