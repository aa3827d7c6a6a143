/**
 * The engine's front door: text + path + resolver → findings, statistics, and the parsed document the
 * fixes work from. Pure: no Obsidian, no Node, no I/O; the resolver is the only view of the vault.
 */
import { parseCitations } from "../parse/parse-citations";
import type { CitationDocument } from "../parse/citation-document";
import { buildLineIndex, type LineIndex } from "../text/line-index";
import type { AuditOptions, Finding, LinkResolver, NoteStats } from "../types";
import { findDuplicateSources } from "./duplicate-sources";
import { findDuplicateLabels, findUndefinedReferences, findUnusedDefinitions, indexLabels } from "./label-checks";
import { findLinkProblems } from "./link-checks";
import { findFootnotesWithoutVaultLinks } from "./no-vault-link";
import { resolveLinks, type LinkOutcome } from "./resolve-links";
import { findSourcePropertyProblems } from "./source-properties";
import { NO_PROPERTIES } from "../vault/note-properties";
import { groupSameWorks, type SourceWorks } from "../sources/same-work";
import { SourceNotes } from "../sources/source-notes";
import { applyIgnoreMarkers } from "../ignore/apply-ignores";
import { auditCitekeys, type CitekeyAudit } from "./citekey-audit";
import { findKeyFootnoteDuplicates } from "./key-footnote-duplicates";

export interface NoteAudit {
	/** Vault-relative path of the audited note. */
	path: string;
	stats: NoteStats;
	/** Sorted by offset. */
	findings: Finding[];
	/** The parse the findings came from; fixes compute their edits against it. */
	document: CitationDocument;
	outcomes: LinkOutcome[];
	/** Cited notes that identify one work (by their properties); the duplicate-source groups and merges use it. */
	works: SourceWorks;
	/** The note's Pandoc citation keys and the sources they were looked up in (fixes and literature notes use them). */
	citekeys: CitekeyAudit;
}

export function auditNote(text: string, path: string, resolver: LinkResolver, options: AuditOptions = {}): NoteAudit {
	return auditDocument(parseCitations(text), path, resolver, options);
}

/** The audit of a note already parsed (the incremental audit parses only what an edit changed). */
export function auditDocument(document: CitationDocument, path: string, resolver: LinkResolver, options: AuditOptions = {}): NoteAudit {
	const lines = buildLineIndex(document.text);
	return finishAudit(document, path, lines, documentFindings(document, path, resolver, lines, options), options);
}

/**
 * What the checks find from the parsed document and the vault alone: every finding but those read from the
 * text itself (citation keys, ignore markers). The incremental audit keeps it while edits change none of
 * its inputs (see incremental/incremental-audit.ts). Nothing later changes these objects.
 */
export interface DocumentFindings {
	found: readonly Finding[];
	outcomes: LinkOutcome[];
	works: SourceWorks;
	/** The cited notes' properties, read once per audit (a key's literature note is found through them too). */
	notes: SourceNotes;
}

export function documentFindings(document: CitationDocument, path: string, resolver: LinkResolver, lines: LineIndex, options: AuditOptions = {}): DocumentFindings {
	const outcomes = resolveLinks(document, resolver, path);
	const checkBodyLinks = options.checkBodyLinks ?? true;
	const notes = options.sourceNotes ?? new SourceNotes(options.properties ?? NO_PROPERTIES, options.identityProperties);
	const works = groupSameWorks(citedNotes(document, outcomes, path), (cited) => notes.get(cited).identifiers);
	const labels = indexLabels(document);
	const found = [
		...findLinkProblems({ document, lines, outcomes, resolver, sourcePath: path, checkBodyLinks }),
		...findDuplicateSources(document, outcomes, lines, works),
		...findUndefinedReferences(document, lines, labels),
		...findUnusedDefinitions(document, lines, labels),
		...findDuplicateLabels(document, lines, labels),
		...findFootnotesWithoutVaultLinks(document, lines),
		...findSourcePropertyProblems({ document, outcomes, lines, notes, sourcePath: path, requirements: options.requireProperties ?? [] }),
	];
	return { found, outcomes, works, notes };
}

/**
 * The checks that read the text (citation keys, ignore markers), then settings (disabled kinds, severities),
 * order and statistics. `base.found` is copied, never changed: severity overrides change the copies.
 */
export function finishAudit(document: CitationDocument, path: string, lines: LineIndex, base: DocumentFindings, options: AuditOptions = {}): NoteAudit {
	const text = document.text;
	const { outcomes, works, notes } = base;
	const found = options.severities ? base.found.map(copyFinding) : [...base.found];
	const citekeys = auditCitekeys(document, path, lines, options.citekeys);
	found.push(...citekeys.findings);
	const library = options.citekeys;
	found.push(
		...findKeyFootnoteDuplicates({
			document,
			outcomes,
			lines,
			occurrences: citekeys.occurrences,
			literatureNote: (key) => (library ? library.literatureNote(key) : null),
			notes,
		}),
	);
	// Ignore markers before the disabled kinds: whether a marker silences something must not depend on settings.
	const ignored = applyIgnoreMarkers(text, found, lines);
	const findings = ignored.unused.length === 0 ? ignored.kept : [...ignored.kept, ...ignored.unused];
	const disabled = new Set(options.disabledKinds ?? []);
	const kept = disabled.size === 0 ? findings : findings.filter((finding) => !disabled.has(finding.kind));
	applySeverityOverrides(kept, options.severities);
	kept.sort((a, b) => a.offset - b.offset || a.length - b.length);
	const stats = countCitations(document, outcomes);
	stats.citekeys = citekeys.occurrences.length;
	stats.citedWorks = new Set(citekeys.occurrences.map((occurrence) => occurrence.key)).size;
	return { path, stats, findings: kept, document, outcomes, works, citekeys };
}

/** A finding's own copy: the fields a later step may set (severity) belong to the copy alone. */
function copyFinding(finding: Finding): Finding {
	return { ...finding };
}

/** The notes the footnote definitions cite, whole (no subpath), each once, in order of first citation. */
function citedNotes(document: CitationDocument, outcomes: readonly LinkOutcome[], sourcePath: string): string[] {
	const cited = new Set<string>();
	document.links.forEach((link, index) => {
		const outcome = outcomes[index];
		if (link.owner === -1 || outcome.status !== "resolved" || link.subpath !== "" || outcome.path === sourcePath) return;
		if (!document.definitions[link.owner].inline) cited.add(outcome.path);
	});
	return [...cited];
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

/**
 * Whether an audited note belongs in a vault report: it has footnotes, or it cites Pandoc keys and has a source
 * to check them against (its own `bibliography:` or the configured library). A note whose only `@` signs are
 * mentions in a vault with no bibliography set up is left out, as the plugin leaves out notes it need not read.
 */
export function takesPartInVaultAudit(audit: NoteAudit): boolean {
	return hasFootnotes(audit.document) || (audit.citekeys.occurrences.length > 0 && audit.citekeys.sources.configured);
}

/**
 * Whether a note's text may take part in a vault audit, before it is parsed: it holds `[^` or `^[`, or an `@`
 * while keys can be checked (a library is configured, or the text may name its own `bibliography:`). A vault
 * full of e-mail addresses and no bibliography parses no more notes than before.
 */
export function mayTakePartInVaultAudit(text: string, libraryConfigured: boolean): boolean {
	if (text.includes("[^") || text.includes("^[")) return true;
	return text.includes("@") && (libraryConfigured || text.includes("bibliography"));
}

function countCitations(document: CitationDocument, outcomes: readonly LinkOutcome[]): NoteStats {
	const cited = new Set<string>();
	document.links.forEach((link, index) => {
		const outcome = outcomes[index];
		if (link.owner !== -1 && outcome.status === "resolved") cited.add(outcome.path);
	});
	return { definitions: document.definitions.length, references: document.references.length, citedNotes: cited.size, citekeys: 0, citedWorks: 0 };
}
