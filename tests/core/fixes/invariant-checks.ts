/**
 * The invariant of issue 12 as checks on one (before, after) pair: a fix changes nothing but the citation
 * syntax it names, and every other character keeps its role. Each check is computed from the two texts by the
 * parser, never from what the fix says it did:
 *   (a)+(b) `expectSameSkeleton`: the note with its citation syntax cut out (see `citationZones`) is the same
 *           characters, in order, with the same role each (prose, code, comment, math, frontmatter);
 *   (b)     `expectRolesKeptOutsideEdits`: mapped through the fix's edits, every character outside them keeps its
 *           role (an independent re-implementation of what role-guard.ts promises);
 *   (c)     `newFindings`: the findings of the re-audit that were not there before, by identity (kind, labels,
 *           target or source), never by offset.
 */
import { expect } from "vitest";
import type { NoteAudit } from "../../../src/core/audit/audit-note";
import type { TextEdit } from "../../../src/core/fixes/edits";
import { characterRoles, ROLE } from "../../../src/core/parse/character-roles";
import { parseCitations } from "../../../src/core/parse/parse-citations";
import type { Finding } from "../../../src/core/types";

/** The roles of the last few texts: each check looks at the same two texts more than once. */
const recentRoles: { text: string; codes: Uint8Array }[] = [];

function rolesOf(text: string): Uint8Array {
	const found = recentRoles.find((entry) => entry.text === text);
	if (found) return found.codes;
	const codes = characterRoles(text).codes;
	recentRoles.unshift({ text, codes });
	if (recentRoles.length > 4) recentRoles.pop();
	return codes;
}

interface Range {
	from: number;
	to: number;
}

/**
 * Where citation syntax stands, as the parser reads `text`: the whole lines of each footnote definition (with
 * their line break, plus a comment or formula that opens on them and closes on a later line, to the end of that
 * line: a deletion takes it whole), each inline footnote, each reference with the blanks before it (merges
 * collapse `[^1] [^2]`), and each link's target (a suggestion rewrites it).
 */
export function citationZones(text: string, codes = rolesOf(text)): Range[] {
	const document = parseCitations(text);
	const zones: Range[] = [];
	for (const definition of document.definitions) {
		if (definition.inline) {
			zones.push({ from: definition.from, to: definition.to });
			continue;
		}
		const from = text.lastIndexOf("\n", definition.from - 1) + 1;
		let to = lineEndAfter(text, definition.to);
		while (to > 0 && to < text.length && (codes[to - 1] === ROLE.comment || codes[to - 1] === ROLE.math) && codes[to] === codes[to - 1]) {
			let end = to;
			while (end < text.length && codes[end] === codes[to]) end++;
			to = lineEndAfter(text, end);
		}
		zones.push({ from, to });
	}
	for (const reference of document.references) {
		let from = reference.from;
		while (from > 0 && (text[from - 1] === " " || text[from - 1] === "\t")) from--;
		zones.push({ from, to: reference.to });
	}
	for (const link of document.links) zones.push({ ...link.targetRange });
	return zones.sort((a, b) => a.from - b.from);
}

/** Past the line break of the line holding `at` (or the end of the text). */
function lineEndAfter(text: string, at: number): number {
	const newline = text.indexOf("\n", at);
	return newline === -1 ? text.length : newline + 1;
}

/** The characters outside the citation zones, in order, with their role letters (p c m x f). */
export function skeletonWithRoles(text: string): { chars: string; roles: string } {
	const codes = rolesOf(text);
	let chars = "";
	let roles = "";
	let at = 0;
	const keep = (to: number): void => {
		for (let offset = at; offset < to; offset++) {
			chars += text[offset];
			roles += "pcmxf"[codes[offset]];
		}
	};
	for (const zone of citationZones(text, codes)) {
		if (zone.from > at) keep(zone.from);
		at = Math.max(at, zone.to);
	}
	keep(text.length);
	// Deleting the last definition of a note without a final line break takes the line break before it.
	const trimmed = chars.replace(/\s+$/, "");
	return { chars: trimmed, roles: roles.slice(0, trimmed.length) };
}

/** (a) and (b): the same characters outside citation syntax, in order, each with the same role. */
export function expectSameSkeleton(before: string, after: string): void {
	const was = skeletonWithRoles(before);
	const now = skeletonWithRoles(after);
	expect(now.chars, "characters outside citation syntax").toBe(was.chars);
	expect(now.roles, "roles of the characters outside citation syntax").toBe(was.roles);
}

/** (b) through the edits: each code unit outside them has the same role in `after` at its mapped offset. */
export function expectRolesKeptOutsideEdits(before: string, after: string, edits: readonly TextEdit[]): void {
	const was = rolesOf(before);
	const now = rolesOf(after);
	const sorted = [...edits].sort((a, b) => a.from - b.from);
	let at = 0;
	let shift = 0;
	for (const edit of [...sorted, { from: before.length, to: before.length, insert: "" }]) {
		for (let offset = at; offset < edit.from; offset++) {
			if (was[offset] !== now[offset + shift]) {
				expect.fail(`offset ${offset} (${JSON.stringify(before.slice(offset, offset + 12))}) was role ${was[offset]}, is ${now[offset + shift]}`);
			}
		}
		shift += edit.insert.length - (edit.to - edit.from);
		at = edit.to;
	}
}

/**
 * A finding's identity: its kind, its labels (case folded, each once, sorted, renamed through `rename` for a
 * fix that relabels) and its target; a duplicate-source group by the source it names (resolved, or as the
 * resolver reads it), not by its members (a merge shrinks the group it leaves).
 */
export function findingIdentity(finding: Finding, rename: ReadonlyMap<string, string> = new Map()): string {
	if (finding.kind === "duplicate-source") return `duplicate-source|${finding.resolved ?? decoded(finding.target ?? finding.message)}`;
	const labels = [...new Set((finding.labels ?? []).map((label) => label.toLowerCase()).map((key) => rename.get(key) ?? key))].sort();
	return `${finding.kind}|${labels.join(",")}|${finding.target ?? ""}`;
}

/** A markdown link's target as the resolver reads it (`Beta%20Note.md` and `<Beta Note.md>` name one note). */
function decoded(target: string): string {
	try {
		return decodeURI(target);
	} catch {
		return target;
	}
}

/** (c): the findings of `after` whose identity is not among `before`'s as often (a multiset comparison). */
export function newFindings(before: NoteAudit, after: NoteAudit, rename: ReadonlyMap<string, string> = new Map()): Finding[] {
	const left = new Map<string, number>();
	for (const finding of before.findings) {
		const identity = findingIdentity(finding, rename);
		left.set(identity, (left.get(identity) ?? 0) + 1);
	}
	const added: Finding[] = [];
	for (const finding of after.findings) {
		const identity = findingIdentity(finding);
		const count = left.get(identity) ?? 0;
		if (count > 0) left.set(identity, count - 1);
		else added.push(finding);
	}
	return added;
}

/**
 * How a renumbering renamed labels: the n-th reference's old key → its new key (only labels change, so the
 * references pair up in order); a definition no reference names is paired with the first one not yet paired
 * whose text is the same.
 */
export function renaming(before: NoteAudit, after: NoteAudit): Map<string, string> {
	const rename = new Map<string, string>();
	expect(after.document.references.length).toBe(before.document.references.length);
	before.document.references.forEach((reference, index) => rename.set(reference.key, after.document.references[index].key));
	const content = (audited: NoteAudit, index: number): string => {
		const definition = audited.document.definitions[index];
		return audited.document.text.slice(definition.contentFrom, definition.to);
	};
	before.document.definitions.forEach((definition, index) => {
		if (definition.inline || rename.has(definition.key)) return;
		const taken = new Set(rename.values());
		const twin = after.document.definitions.findIndex((candidate, other) => !candidate.inline && !taken.has(candidate.key) && content(after, other) === content(before, index));
		if (twin !== -1) rename.set(definition.key, after.document.definitions[twin].key);
	});
	return rename;
}

/** For a failure message: the identities of some findings. */
export function describeFindings(findings: readonly Finding[]): string {
	return findings.map((finding) => findingIdentity(finding)).join("; ");
}
