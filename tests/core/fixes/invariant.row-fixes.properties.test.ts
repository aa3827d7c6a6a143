/**
 * Issue 12's invariant, for every row fix the engine offers (fixesForFinding: merge duplicate sources, remove
 * an unused footnote, close a malformed link, apply a suggestion, add a definition), on 1,000 generated notes
 * each (invariant-generator.ts), one fixed seed per fix:
 *   (a) the characters outside the citation syntax are unchanged and in order,
 *   (b) each keeps its role, compared on the skeletons and through the fix's edits,
 *   (c) the re-audit reports no finding that was not there before (by identity, see invariant-checks.ts),
 *       except the ones a fix reveals by design, each named below,
 *   (d) the same fix is not offered again on the fixed note,
 *   (e) the unified diff of the change, applied by GNU patch, gives the fixed text byte for byte (one patch
 *       for all 1,000 notes).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../../src/cli/unified-diff";
import type { NoteAudit } from "../../../src/core/audit/audit-note";
import { applyEdits, fixesForFinding, type CitationFix } from "../../../src/core/fixes/index";
import type { Finding } from "../../../src/core/types";
import { applyAsOnePatch, casePath, type PatchCase } from "./gnu-patch";
import { audit as auditWith, resolverFor } from "./helpers";
import { describeFindings, expectRolesKeptOutsideEdits, expectSameSkeleton, findingIdentity, newFindings } from "./invariant-checks";
import { INVARIANT_VAULT, invariantNote } from "./invariant-generator";

const RUNS = 1000;
const NOTE_PATH = "Essays/On crops.md";
const RESOLVER = resolverFor(INVARIANT_VAULT);
const audit = (text: string): NoteAudit => auditWith(text, INVARIANT_VAULT, NOTE_PATH);

type FixKind = "merge" | "remove" | "close" | "suggestion" | "add";
const KIND_OF: Partial<Record<Finding["kind"], FixKind>> = {
	"duplicate-source": "merge",
	"unused-definition": "remove",
	"malformed-link": "close",
	"unresolved-target": "suggestion",
	"unresolved-link": "suggestion",
	"undefined-reference": "add",
};

interface Offered {
	finding: Finding;
	fix: CitationFix;
}

/** Every row fix the note's findings offer, as the panel lists them. */
function offered(result: NoteAudit): Offered[] {
	return result.findings.flatMap((finding) => fixesForFinding(result, finding, RESOLVER).map((fix) => ({ finding, fix })));
}

/** A row fix is the same fix when it is offered for a finding of the same identity under the same title. */
const fixKey = ({ finding, fix }: Offered): string => `${findingIdentity(finding)}|${fix.title}`;

/**
 * The findings a fix may add by design, each because the writer's text now says it:
 *   - a lossy merge deletes text the writer was shown; a footnote cited only there becomes unused;
 *   - closing a link or taking a suggestion makes a footnote cite a note another footnote cites: a duplicate
 *     source, named with the fixed footnote's label;
 *   - a new definition is empty, so it cites no note yet (the cursor waits there).
 */
function isRevealed(kind: FixKind, chosen: Offered, added: Finding): boolean {
	const labels = (added.labels ?? []).map((label) => label.toLowerCase());
	const fixedLabel = chosen.finding.labels?.[0]?.toLowerCase();
	switch (kind) {
		case "merge":
			return chosen.fix.lossy === true && added.kind === "unused-definition" && chosen.fix.removedText!.some((removed) => removed.toLowerCase().includes(`[^${labels[0]}]`));
		case "close":
		case "suggestion":
			return added.kind === "duplicate-source" && fixedLabel !== undefined && labels.includes(fixedLabel);
		case "add":
			return added.kind === "no-vault-link" && fixedLabel !== undefined && labels.includes(fixedLabel);
		default:
			return false;
	}
}

function rowFixProperty(kind: FixKind, seed: number): void {
	const cases: PatchCase[] = [];
	let lossy = 0;
	fc.assert(
		fc.property(invariantNote, fc.nat(), (text, choice) => {
			const before = audit(text);
			const offeredBefore = offered(before);
			const candidates = offeredBefore.filter(({ finding }) => KIND_OF[finding.kind] === kind);
			fc.pre(candidates.length > 0);
			const chosen = candidates[choice % candidates.length];
			const afterText = applyEdits(text, chosen.fix.edits);
			expect(afterText).not.toBe(text);
			expectSameSkeleton(text, afterText);
			expectRolesKeptOutsideEdits(text, afterText, chosen.fix.edits);
			const after = audit(afterText);
			const added = newFindings(before, after).filter((finding) => !isRevealed(kind, chosen, finding));
			expect(added, describeFindings(added)).toEqual([]);
			// The same fix is offered once fewer (a second definition with the same label and link may offer its own).
			const key = fixKey(chosen);
			const times = (offers: Offered[]): number => offers.filter((offer) => fixKey(offer) === key).length;
			expect(times(offered(after)), key).toBe(times(offeredBefore) - 1);
			if (chosen.fix.lossy) lossy++;
			const path = casePath(cases.length);
			cases.push({ path, before: text, after: afterText, diff: unifiedDiff(text, afterText, `a/${path}`, `b/${path}`) });
		}),
		{ seed, numRuns: RUNS },
	);
	expect(cases).toHaveLength(RUNS);
	if (kind === "merge") {
		// Both kinds of merge were exercised: the lossless one and the one that asks.
		expect(lossy).toBeGreaterThan(RUNS / 10);
		expect(RUNS - lossy).toBeGreaterThan(RUNS / 10);
	}
	const patched = applyAsOnePatch(cases);
	expect(patched.mismatches.slice(0, 5), `${patched.mismatches.length} of ${cases.length} notes differ after patch -p1\n${patched.output}`).toEqual([]);
}

describe("issue 12 invariant: row fixes on generated notes", { timeout: 300_000 }, () => {
	it("merge duplicate sources (seed 1211)", () => rowFixProperty("merge", 1211));
	it("remove an unused footnote (seed 1212)", () => rowFixProperty("remove", 1212));
	it("close a malformed link (seed 1213)", () => rowFixProperty("close", 1213));
	it("apply a suggestion (seed 1214)", () => rowFixProperty("suggestion", 1214));
	it("add a definition (seed 1215)", () => rowFixProperty("add", 1215));
});
