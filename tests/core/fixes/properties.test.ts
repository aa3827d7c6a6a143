/**
 * The rules every fix keeps, on generated essays (see essay-generator.ts), with a fixed seed per fix so a
 * failure reproduces:
 *   1. it changes nothing but footnote and link syntax: the skeleton (the note without its citation syntax)
 *      is unchanged, so nothing in frontmatter, code, comments, math or prose moves;
 *   2. the problem it fixes is gone on a re-audit;
 *   3. no new problem appears: no finding kind is reported more often than before (the exceptions, each
 *      inherent in the fix, are named where they are allowed);
 *   4. it is idempotent: on the fixed note the same fix finds nothing to do.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NoteAudit } from "../../../src/core/audit/audit-note";
import { findDuplicateSourceGroups } from "../../../src/core/audit/duplicate-sources";
import {
	addDefinition,
	applyEdits,
	applySuggestion,
	closeMalformedLink,
	fixAllSafe,
	mergeDuplicateSources,
	removeUnusedDefinition,
	removeUnusedDefinitions,
	renumberFootnotes,
	type CitationFix,
} from "../../../src/core/fixes/index";
import { planMerge } from "../../../src/core/fixes/merge-duplicate-sources";
import type { FindingKind } from "../../../src/core/types";
import { ESSAY_VAULT, essaySpec, HIDDEN, skeleton, writeEssay } from "./essay-generator";
import { audit as auditWith, resolverFor } from "./helpers";

const RUNS = 300;
const audit = (text: string): NoteAudit => auditWith(text, ESSAY_VAULT);
const RESOLVER = resolverFor(ESSAY_VAULT);
const essay = essaySpec.map(writeEssay);

function counts(result: NoteAudit): Map<FindingKind, number> {
	const byKind = new Map<FindingKind, number>();
	for (const finding of result.findings) byKind.set(finding.kind, (byKind.get(finding.kind) ?? 0) + 1);
	return byKind;
}

/** Rule 3: no kind grows, except by the allowance given. */
function expectNoNewProblems(before: NoteAudit, after: NoteAudit, allowed: Partial<Record<FindingKind, number>> = {}): void {
	const was = counts(before);
	for (const [kind, count] of counts(after)) expect(count, kind).toBeLessThanOrEqual((was.get(kind) ?? 0) + (allowed[kind] ?? 0));
}

/** Applies a fix and checks rule 1; returns the fixed text. */
function applyChecked(text: string, fix: CitationFix, options: { linkTargets?: boolean } = {}): string {
	const after = applyEdits(text, fix.edits);
	expect(after).not.toBe(text);
	expect(skeleton(after, options)).toBe(skeleton(text, options));
	// Frontmatter, code, comments and math, each exactly as often as before.
	const count = (haystack: string, needle: string): number => haystack.replace(/\r\n/g, "\n").split(needle).length - 1;
	for (const hidden of Object.values(HIDDEN)) expect(count(after, hidden)).toBe(count(text, hidden));
	// Line breaks stay what they were.
	if (!text.includes("\r\n")) expect(after).not.toContain("\r");
	if (text.includes("\r\n")) expect(after.replace(/\r\n/g, "")).not.toContain("\n");
	return after;
}

const unusedLabels = (result: NoteAudit): string[] => result.findings.filter((f) => f.kind === "unused-definition").map((f) => f.labels![0].toLowerCase());

describe("fix properties on generated essays", { timeout: 120_000 }, () => {
	it("the generator produces every problem the fixes address", () => {
		const seen = new Set<string>();
		fc.assert(
			fc.property(essay, (text) => {
				for (const finding of audit(text).findings) seen.add(finding.kind);
				if (text.includes("\r\n")) seen.add("crlf");
			}),
			{ seed: 4000, numRuns: RUNS },
		);
		for (const kind of ["duplicate-source", "unused-definition", "undefined-reference", "malformed-link", "unresolved-target", "duplicate-label", "crlf"]) {
			expect(seen).toContain(kind);
		}
	});

	it("mergeDuplicateSources", () => {
		let applied = 0;
		let lossy = 0;
		fc.assert(
			fc.property(essay, fc.nat(), (text, choice) => {
				const before = audit(text);
				const groups = findDuplicateSourceGroups(before.document, before.outcomes);
				fc.pre(groups.length > 0);
				const group = groups[choice % groups.length];
				// The whole-group merge comes first, then one lossy merge per definition that says more: take any.
				const fixes = mergeDuplicateSources(before, group);
				const fix = fixes[choice % Math.max(1, fixes.length)];
				fc.pre(fix !== undefined);
				applied++;
				if (fix.lossy) lossy++;
				const plan = planMerge(before, group)!;
				const mergedKeys = fix.removedText!.map((removed) => removed.slice(2, removed.indexOf("]:")).toLowerCase());
				expect(mergedKeys.length).toBe(fix.lossy ? 1 : plan.same.length);
				const keptKey = before.document.definitions[plan.kept].key;
				const afterText = applyChecked(text, fix);
				const after = audit(afterText);
				// Fixed: the merged labels are gone, from definitions and references alike; the kept one stays.
				const keys = new Set([...after.document.definitions.map((d) => d.key), ...after.document.references.map((r) => r.key)]);
				for (const key of mergedKeys) expect(keys.has(key)).toBe(false);
				expect(after.document.definitions.some((d) => d.key === keptKey)).toBe(true);
				// A lossy merge may leave unused a label cited only in the text it deleted (the writer saw that text).
				const newlyUnused = unusedLabels(after).filter((label) => !unusedLabels(before).includes(label));
				for (const label of newlyUnused) expect(fix.lossy && fix.removedText!.some((removed) => removed.toLowerCase().includes(`[^${label}]`))).toBe(true);
				expectNoNewProblems(before, after, { "unused-definition": newlyUnused.length });
				// Idempotent: that group, merged, offers nothing more of the same merge.
				if (!fix.lossy) {
					for (const next of findDuplicateSourceGroups(after.document, after.outcomes)) {
						const nextPlan = planMerge(after, next);
						if (nextPlan && after.document.definitions[nextPlan.kept].key === keptKey) expect(nextPlan.same).toEqual([]);
					}
				}
			}),
			{ seed: 4101, numRuns: RUNS },
		);
		expect(applied).toBe(RUNS);
		// Both kinds of merge were exercised.
		expect(lossy).toBeGreaterThan(RUNS / 10);
		expect(RUNS - lossy).toBeGreaterThan(RUNS / 10);
	});

	it("removeUnusedDefinition (one label)", () => {
		fc.assert(
			fc.property(essay, (text) => {
				const before = audit(text);
				const finding = before.findings.find((f) => f.kind === "unused-definition");
				fc.pre(finding !== undefined);
				const label = finding.labels![0];
				const fix = removeUnusedDefinition(before, label);
				fc.pre(fix !== null);
				const after = audit(applyChecked(text, fix));
				expect(after.document.definitions.some((d) => d.key === label.toLowerCase())).toBe(false);
				expectNoNewProblems(before, after);
				expect(removeUnusedDefinition(after, label)).toBeNull();
			}),
			{ seed: 4201, numRuns: RUNS },
		);
	});

	it("removeUnusedDefinitions (all)", () => {
		fc.assert(
			fc.property(essay, (text) => {
				const before = audit(text);
				const fix = removeUnusedDefinitions(before);
				fc.pre(fix !== null);
				const after = audit(applyChecked(text, fix));
				// Only a label with a definition inside a quote or list, which the fix leaves, may still be unused.
				const textAfter = after.document.text;
				const quoted = (offset: number): boolean => textAfter.slice(textAfter.lastIndexOf("\n", offset - 1) + 1, offset).includes(">");
				for (const finding of after.findings.filter((f) => f.kind === "unused-definition")) {
					const key = finding.labels![0].toLowerCase();
					expect(after.document.definitions.some((d) => d.key === key && quoted(d.from))).toBe(true);
				}
				expectNoNewProblems(before, after);
				expect(removeUnusedDefinitions(after)).toBeNull();
			}),
			{ seed: 4202, numRuns: RUNS },
		);
	});

	it("closeMalformedLink", () => {
		let applied = 0;
		fc.assert(
			fc.property(essay, (text) => {
				const before = audit(text);
				const finding = before.findings.find((f) => f.kind === "malformed-link" && closeMalformedLink(before, f, RESOLVER) !== null);
				fc.pre(finding !== undefined);
				applied++;
				const fix = closeMalformedLink(before, finding, RESOLVER)!;
				expect(fix.edits).toHaveLength(1);
				expect(["]", "]]"]).toContain(fix.edits[0].insert);
				const after = audit(applyChecked(text, fix));
				// The link now closes (it starts where it did: the insertion is after it).
				const link = after.document.links.find((l) => l.from === finding.offset);
				expect(link?.problem).toBeUndefined();
				expect(after.findings.some((f) => f.kind === "malformed-link" && f.offset === finding.offset)).toBe(false);
				expectNoNewProblems(before, after);
			}),
			{ seed: 4301, numRuns: RUNS },
		);
		expect(applied).toBe(RUNS);
	});

	it("applySuggestion", () => {
		let applied = 0;
		fc.assert(
			fc.property(essay, (text) => {
				const before = audit(text);
				const finding = before.findings.find((f) => (f.kind === "unresolved-target" || f.kind === "unresolved-link") && f.suggestions);
				fc.pre(finding !== undefined);
				const fix = applySuggestion(before, finding, finding.suggestions![0], resolverFor(ESSAY_VAULT));
				fc.pre(fix !== null);
				applied++;
				const after = audit(applyChecked(text, fix, { linkTargets: true }));
				expect(after.findings.some((f) => f.offset === finding.offset && f.kind === finding.kind)).toBe(false);
				expect(after.outcomes[after.document.links.findIndex((l) => l.from === finding.offset)]).toMatchObject({
					status: "resolved",
					path: finding.suggestions![0],
				});
				// Citing the suggested note can make this footnote a duplicate of another that cites it.
				expectNoNewProblems(before, after, { "duplicate-source": 1 });
			}),
			{ seed: 4401, numRuns: RUNS },
		);
		expect(applied).toBe(RUNS);
	});

	it("addDefinition", () => {
		fc.assert(
			fc.property(essay, (text) => {
				const before = audit(text);
				const finding = before.findings.find((f) => f.kind === "undefined-reference");
				fc.pre(finding !== undefined);
				const label = finding.labels![0];
				const fix = addDefinition(before, label);
				fc.pre(fix !== null);
				const afterText = applyChecked(text, fix);
				expect(afterText.slice(0, fix.cursor)).toMatch(/\[\^[^\]]+\]: $/);
				const after = audit(afterText);
				expect(after.findings.some((f) => f.kind === "undefined-reference" && f.labels!.some((l) => l.toLowerCase() === label.toLowerCase()))).toBe(false);
				// The new definition is empty, so it cites no note yet: that is what the cursor is there for.
				expectNoNewProblems(before, after, { "no-vault-link": 1 });
				expect(addDefinition(after, label)).toBeNull();
			}),
			{ seed: 4601, numRuns: RUNS },
		);
	});

	it("renumberFootnotes", () => {
		let applied = 0;
		fc.assert(
			fc.property(essay, (text) => {
				const before = audit(text);
				const fix = renumberFootnotes(before);
				fc.pre(fix !== null);
				applied++;
				const after = audit(applyChecked(text, fix));
				const firstUses = [...new Set(after.document.references.map((r) => r.key).filter((key) => /^\d+$/.test(key)))];
				expect(firstUses).toEqual(firstUses.map((_, index) => String(index + 1)));
				const numericDefinitions = after.document.definitions.filter((d) => !d.inline && /^\d+$/.test(d.key)).map((d) => Number(d.key));
				expect(numericDefinitions).toEqual([...numericDefinitions].sort((a, b) => a - b));
				// Same problems, same number of each: only the numbers changed.
				expect(counts(after)).toEqual(counts(before));
				expect(renumberFootnotes(after)).toBeNull();
			}),
			{ seed: 4701, numRuns: RUNS },
		);
		expect(applied).toBe(RUNS);
	});

	it("fixAllSafe", () => {
		let applied = 0;
		fc.assert(
			fc.property(essay, (text) => {
				const before = audit(text);
				const fix = fixAllSafe(before, { resolver: RESOLVER });
				fc.pre(fix !== null);
				applied++;
				const after = audit(applyChecked(text, fix));
				expectNoNewProblems(before, after);
				for (const finding of after.findings) {
					if (finding.kind === "malformed-link") expect(closeMalformedLink(after, finding, RESOLVER)).toBeNull();
					if (finding.kind === "duplicate-source") expect(mergeDuplicateSources(after, finding).every((merge) => merge.lossy)).toBe(true);
				}
				expect(fixAllSafe(after, { resolver: RESOLVER })).toBeNull();
			}),
			{ seed: 4801, numRuns: RUNS },
		);
		expect(applied).toBe(RUNS);
	});
});
