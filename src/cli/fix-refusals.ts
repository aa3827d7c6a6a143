/**
 * What `--fix` and `--renumber` left alone, and why, for stderr: a fix that is refused says so, naming the
 * note, the line and the reason, so that a writer never takes a silent run for a finished one. `--fix` handles
 * three kinds of finding (duplicate sources, unused definitions, unclosed links); each one still reported after
 * it gets a line:
 *
 *     citation-audit: Essays/On Maps.md:7: duplicate-source left as is: merging [^2] into [^1] would drop "[^2]: [[Alpha|Alpha, p. 12]]"; …
 *
 * The reasons are read back from the fixes themselves (the engine offers only a lossy merge, or no fix), never
 * guessed from the text.
 */
import type { LinkResolver, NoteAudit } from "../core/index";
import { closeMalformedLink, mergeDuplicateSources, removeUnusedDefinition } from "../core/fixes/index";
import type { Finding } from "../core/types";

/** One line per finding `--fix` handles that `audit` (the note after fixing) still reports. */
export function refusedFixLines(audit: NoteAudit, resolver: LinkResolver): string[] {
	const lines: string[] = [];
	for (const finding of audit.findings) {
		const reason = whyLeft(audit, finding, resolver);
		if (reason !== null) lines.push(`citation-audit: ${audit.path}:${finding.line}: ${finding.kind} left as is: ${reason}\n`);
	}
	return lines;
}

/** The line saying why `--renumber` was refused (the reason from planRenumber). */
export function refusedRenumber(path: string, reason: string): string {
	return `citation-audit: ${path}: not renumbered: ${reason}\n`;
}

function whyLeft(audit: NoteAudit, finding: Finding, resolver: LinkResolver): string | null {
	switch (finding.kind) {
		case "duplicate-source": {
			// A key cited beside a footnote to its literature note: merging would choose a citation style.
			if (finding.citekey !== undefined) return "a citation key and a footnote citing its literature note are never merged (that would choose a citation style); keep one by hand";
			const lossy = mergeDuplicateSources(audit, finding).filter((fix) => fix.lossy);
			if (lossy.length === 0) return "no merge is safe (a label of the group is defined twice, or a definition to delete shares its lines with other text)";
			const drops = lossy.map((fix) => `${lowerFirst(fix.title)} would drop ${(fix.removedText ?? []).map((text) => JSON.stringify(text.trimEnd())).join(", ")}`);
			return `${drops.join("; ")} (the plugin shows what goes and asks)`;
		}
		case "unused-definition": {
			const label = finding.labels?.[0];
			const removal = label === undefined ? null : removeUnusedDefinition(audit, label);
			if (removal?.lossy) return "unindented text under it, with no blank line between, belongs to the footnote (a table or paragraph written right under it would go too); the plugin shows what goes and asks";
			if (removal) return "not removed in this run";
			return "its lines hold more than the definition (a quote or list marker, or a comment, formula or code that goes on past it)";
		}
		case "malformed-link":
			if (closeMalformedLink(audit, finding, resolver)) return "not closed in this run";
			return "no closing ]] gives a link that resolves outside comments and math; close it by hand";
		default:
			return null;
	}
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
