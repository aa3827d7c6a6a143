/**
 * The engine's front door: text + path + resolver → findings, statistics, and the parsed document the
 * fixes work from. Pure: no Obsidian, no Node, no I/O; the resolver is the only view of the vault.
 */
import { parseCitations } from "../parse/parse-citations";
import type { CitationDocument } from "../parse/citation-document";
import { buildLineIndex } from "../text/line-index";
import type { AuditOptions, Finding, LinkResolver, NoteStats } from "../types";
import { findDuplicateSources } from "./duplicate-sources";
import { findDuplicateLabels, findUndefinedReferences, findUnusedDefinitions } from "./label-checks";
import { findLinkProblems } from "./link-checks";
import { findFootnotesWithoutVaultLinks } from "./no-vault-link";
import { resolveLinks, type LinkOutcome } from "./resolve-links";

export interface NoteAudit {
	/** Vault-relative path of the audited note. */
	path: string;
	stats: NoteStats;
	/** Sorted by offset. */
	findings: Finding[];
	/** The parse the findings came from; fixes compute their edits against it. */
	document: CitationDocument;
	outcomes: LinkOutcome[];
}

export function auditNote(text: string, path: string, resolver: LinkResolver, options: AuditOptions = {}): NoteAudit {
	return auditDocument(parseCitations(text), path, resolver, options);
}

/** The audit of a note already parsed (the incremental audit parses only what an edit changed). */
export function auditDocument(document: CitationDocument, path: string, resolver: LinkResolver, options: AuditOptions = {}): NoteAudit {
	const text = document.text;
	const lines = buildLineIndex(text);
	const outcomes = resolveLinks(document, resolver, path);
	const checkBodyLinks = options.checkBodyLinks ?? true;
	const findings = [
		...findLinkProblems({ document, lines, outcomes, resolver, sourcePath: path, checkBodyLinks }),
		...findDuplicateSources(document, outcomes, lines),
		...findUndefinedReferences(document, lines),
		...findUnusedDefinitions(document, lines),
		...findDuplicateLabels(document, lines),
		...findFootnotesWithoutVaultLinks(document, lines),
	];
	const disabled = new Set(options.disabledKinds ?? []);
	const kept = disabled.size === 0 ? findings : findings.filter((finding) => !disabled.has(finding.kind));
	applySeverityOverrides(kept, options.severities);
	kept.sort((a, b) => a.offset - b.offset || a.length - b.length);
	return { path, stats: countCitations(document, outcomes), findings: kept, document, outcomes };
}

/** A kind's configured severity replaces its default; the finding's other fields do not change. */
function applySeverityOverrides(findings: Finding[], severities: AuditOptions["severities"]): void {
	if (!severities) return;
	for (const finding of findings) {
		const severity = severities[finding.kind];
		if (severity !== undefined) finding.severity = severity;
	}
}

/** Whether a note takes part in a vault audit: it has a footnote reference or definition outside code. */
export function hasFootnotes(document: CitationDocument): boolean {
	return document.references.length > 0 || document.definitions.length > 0;
}

function countCitations(document: CitationDocument, outcomes: readonly LinkOutcome[]): NoteStats {
	const cited = new Set<string>();
	document.links.forEach((link, index) => {
		const outcome = outcomes[index];
		if (link.owner !== -1 && outcome.status === "resolved") cited.add(outcome.path);
	});
	return { definitions: document.definitions.length, references: document.references.length, citedNotes: cited.size };
}
