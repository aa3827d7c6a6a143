/**
 * What the citation panel shows, as plain data: sections of rows derived from an audit. Pure (no DOM, no
 * Obsidian), so the same model feeds the Obsidian view, the browser harness and the tests.
 */
import type { Finding, FindingKind, NoteStats } from "../../core/types";

export type SectionId =
	| "unresolved"
	| "duplicate-sources"
	| "undefined"
	| "unused"
	| "duplicate-labels"
	| "malformed"
	| "missing-subpaths"
	| "ambiguous"
	| "body-links"
	| "non-vault"
	| "unused-ignores"
	| "source-properties"
	| "citekeys"
	| "bibliographies";

export interface PanelSection {
	id: SectionId;
	title: string;
	rows: PanelRow[];
}

export interface PanelRow {
	/** Stable across edits that only move the finding, so the view can update rows in place. */
	readonly key: string;
	readonly finding: Finding;
	/** `[^10] [^11] [^12] [^14]`, or "" for a body link. */
	readonly labelText: string;
	/** The target as the writer wrote it, or "". */
	readonly targetText: string;
	readonly lineText: string;
	/** Accessible name: the whole row in one sentence. */
	readonly ariaLabel: string;
}

/** Section order and titles, in sentence case; one section per finding group of the issue. */
const SECTIONS: readonly { id: SectionId; title: string; kinds: readonly FindingKind[] }[] = [
	{ id: "unresolved", title: "Unresolved", kinds: ["unresolved-target"] },
	{ id: "duplicate-sources", title: "Duplicate sources", kinds: ["duplicate-source"] },
	{ id: "undefined", title: "Undefined", kinds: ["undefined-reference"] },
	{ id: "unused", title: "Unused", kinds: ["unused-definition"] },
	{ id: "duplicate-labels", title: "Duplicate labels", kinds: ["duplicate-label"] },
	{ id: "malformed", title: "Malformed", kinds: ["malformed-link"] },
	{ id: "missing-subpaths", title: "Missing headings/blocks", kinds: ["missing-subpath"] },
	{ id: "ambiguous", title: "Ambiguous", kinds: ["ambiguous-target"] },
	{ id: "body-links", title: "Body links", kinds: ["unresolved-link"] },
	{ id: "non-vault", title: "Non-vault sources", kinds: ["no-vault-link"] },
	{ id: "unused-ignores", title: "Unused ignore markers", kinds: ["unused-ignore"] },
	{ id: "source-properties", title: "Source properties", kinds: ["incomplete-source", "invalid-frontmatter"] },
	{ id: "citekeys", title: "Citation keys", kinds: ["unknown-citekey", "duplicate-citekey", "citekey-without-note", "no-bibliography"] },
	{ id: "bibliographies", title: "Bibliographies", kinds: ["missing-bibliography", "invalid-bibliography"] },
];

const SECTION_OF_KIND = new Map<FindingKind, SectionId>(SECTIONS.flatMap((section) => section.kinds.map((kind) => [kind, section.id] as const)));

export function sectionOf(kind: FindingKind): SectionId {
	return SECTION_OF_KIND.get(kind)!;
}

/** Sections in display order; empty sections are left out. */
export function buildPanelSections(findings: readonly Finding[]): PanelSection[] {
	const seen = new Map<string, number>();
	const rowsBySection = new Map<SectionId, PanelRow[]>();
	for (const finding of findings) {
		const row = buildRow(finding, seen);
		const id = sectionOf(finding.kind);
		const rows = rowsBySection.get(id);
		if (rows) rows.push(row);
		else rowsBySection.set(id, [row]);
	}
	return SECTIONS.filter((section) => rowsBySection.has(section.id)).map((section) => ({
		id: section.id,
		title: section.title,
		rows: rowsBySection.get(section.id)!,
	}));
}

function buildRow(finding: Finding, seen: Map<string, number>): PanelRow {
	const identity = rowIdentity(finding);
	const occurrence = seen.get(identity.identity) ?? 0;
	seen.set(identity.identity, occurrence + 1);
	return new Row(identity, occurrence, finding);
}

/** What names a row but its occurrence: the labels as shown, and kind, labels and target in one string. */
interface RowIdentity {
	kind: FindingKind;
	target: string | undefined;
	labelText: string;
	/** Identity without the position: typing above a finding moves it but it stays the same row. */
	identity: string;
	/** Row keys by occurrence, written once: the same string objects on every keystroke compare and hash at once. */
	keys: string[];
}

/**
 * Row identities by the finding's labels array. A finding moved by an edit is a new object that keeps its
 * labels array (the incremental audit copies findings with their fields), so a keystroke in a long note finds
 * most identities here instead of joining labels and hashing a new string for each of 1,400 findings. Kind
 * and target are checked on every hit; findings' arrays are never changed once made.
 */
const identities = new WeakMap<readonly string[], RowIdentity>();

function rowIdentity(finding: Finding): RowIdentity {
	const labels = finding.labels;
	if (finding.citekey !== undefined || labels === undefined) return makeIdentity(finding);
	const cached = identities.get(labels);
	if (cached !== undefined && cached.kind === finding.kind && cached.target === finding.target) return cached;
	const made = makeIdentity(finding);
	identities.set(labels, made);
	return made;
}

function makeIdentity(finding: Finding): RowIdentity {
	const labelText = finding.citekey !== undefined ? `@${finding.citekey}` : (finding.labels ?? []).map((label) => `[^${label}]`).join(" ");
	return { kind: finding.kind, target: finding.target, labelText, identity: `${finding.kind}|${labelText}|${finding.target ?? ""}`, keys: [] };
}

/**
 * A row whose key, line text and accessible name are written when asked for: a 1 MB note has 1,400 findings,
 * the panel shows a hundred per section, and the sections are built again on every keystroke.
 */
class Row implements PanelRow {
	constructor(
		private readonly identity: RowIdentity,
		private readonly occurrence: number,
		readonly finding: Finding,
	) {}

	get key(): string {
		const { keys } = this.identity;
		keys[this.occurrence] ??= `${this.identity.identity}|${this.occurrence}`;
		return keys[this.occurrence];
	}

	get labelText(): string {
		return this.identity.labelText;
	}

	get targetText(): string {
		return this.finding.target ?? "";
	}

	get lineText(): string {
		return `Line ${this.finding.line}`;
	}

	get ariaLabel(): string {
		const { finding, labelText, targetText } = this;
		const subject = [labelText, targetText && `→ ${targetText}`].filter(Boolean).join(" ");
		return `${finding.severity}: ${finding.message}${subject ? ` (${subject})` : ""}, line ${finding.line}`;
	}
}

/**
 * The status bar's words: `2 unresolved · 4 duplicate · 1 unused`, `Citations OK (49)`, or "" when the note
 * has no footnotes at all.
 */
export function describeForStatusBar(findings: readonly Finding[], stats: NoteStats): string {
	const citekeys = stats.citekeys ?? 0;
	if (stats.definitions === 0 && stats.references === 0 && citekeys === 0) return "";
	const byKind = countByKind(findings);
	const count = (kinds: readonly FindingKind[]): number => kinds.reduce((sum, kind) => sum + (byKind.get(kind) ?? 0), 0);
	const counts: [string, number][] = [
		["unresolved", count(["unresolved-target"])],
		["duplicate", count(["duplicate-source"])],
		["undefined", count(["undefined-reference"])],
		["unused", count(["unused-definition"])],
		["malformed", count(["malformed-link"])],
		["other", count(["duplicate-label", "missing-subpath", "ambiguous-target", "unresolved-link"])],
		["unknown keys", count(["unknown-citekey"])],
		["bibliography", count(["missing-bibliography", "invalid-bibliography"])],
		["duplicate keys", count(["duplicate-citekey"])],
	];
	const parts = counts.filter(([, n]) => n > 0).map(([word, n]) => `${n} ${word}`);
	return parts.length > 0 ? parts.join(" · ") : `Citations OK (${stats.definitions + citekeys})`;
}

/** Findings per kind, in one pass (the status bar is written on every keystroke; a long note has 1,400 findings). */
function countByKind(findings: readonly Finding[]): Map<FindingKind, number> {
	const counts = new Map<FindingKind, number>();
	for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
	return counts;
}

/** Whether a section shows the same rows, in the same order, as at its last render. */
export function sameKeys(keys: readonly string[], rows: readonly PanelRow[]): boolean {
	if (keys.length !== rows.length) return false;
	for (let index = 0; index < keys.length; index++) if (keys[index] !== rows[index].key) return false;
	return true;
}

/**
 * Whether two rows show the same but perhaps their line: such a row is updated in place, not rebuilt.
 * Field by field (a long note compares hundreds of rows per keystroke).
 */
export function sameRowContent(a: PanelRow, b: PanelRow): boolean {
	const was = a.finding;
	const is = b.finding;
	return (
		was.message === is.message &&
		was.severity === is.severity &&
		was.resolved === is.resolved &&
		sameStrings(was.suggestions, is.suggestions) &&
		a.labelText === b.labelText &&
		a.targetText === b.targetText
	);
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
	if (a === b) return true;
	if (a === undefined || b === undefined || a.length !== b.length) return false;
	for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
	return true;
}

/** The panel's header line: footnotes, cited notes, errors, warnings. */
export function describeTotals(findings: readonly Finding[], stats: NoteStats): string {
	let errors = 0;
	let warnings = 0;
	for (const finding of findings) {
		if (finding.severity === "error") errors++;
		else if (finding.severity === "warning") warnings++;
	}
	const parts = [`${stats.definitions} footnotes`, `${stats.citedNotes} cited notes`];
	if (errors > 0) parts.push(`${errors} ${errors === 1 ? "error" : "errors"}`);
	if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"}`);
	return parts.join(" · ");
}

/** What a note without findings shows instead of sections. */
export function cleanMessage(stats: NoteStats): string {
	if (stats.definitions === 0 && stats.references === 0) return "This note has no footnotes.";
	return `All ${stats.definitions} citations resolve.`;
}
