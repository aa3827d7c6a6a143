/**
 * Issue 12's invariant for the whole-note fixes — renumber, remove all unused footnotes, merge all duplicate
 * citations, and fix all until nothing changes (fixAllToFixpoint, behind `--fix` and "Fix all citation
 * problems") — on 1,000 generated notes each (invariant-generator.ts), one fixed seed per fix. The same
 * properties (a)–(e) as the row fixes (see invariant.row-fixes.properties.test.ts); for fix all, (d) is the
 * fixpoint (a second run finds nothing) and (e) goes through the CLI itself: `--fix --dry-run` printed by
 * fixNotes, applied by GNU patch, equals what `--fix` writes, BOM included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../../src/cli/unified-diff";
import type { NoteAudit } from "../../../src/core/audit/audit-note";
import type { Finding } from "../../../src/core/types";
import {
	applyEdits,
	fixAllToFixpoint,
	mergeAllDuplicateSources,
	removeUnusedDefinitions,
	renumberFootnotes,
	type CitationFix,
} from "../../../src/core/fixes/index";
import { applyAsOnePatch, casePath, cliFixCases, type PatchCase } from "./gnu-patch";
import { audit as auditWith, resolverFor } from "./helpers";
import { describeFindings, expectRolesKeptOutsideEdits, expectSameSkeleton, newFindings, renaming } from "./invariant-checks";
import { INVARIANT_VAULT, invariantNote } from "./invariant-generator";

const RUNS = 1000;
const NOTE_PATH = "Essays/On crops.md";
const RESOLVER = resolverFor(INVARIANT_VAULT);
const audit = (text: string): NoteAudit => auditWith(text, INVARIANT_VAULT, NOTE_PATH);

interface WholeNoteFix {
	/** The fix on a note's audit, null when it has nothing to do. */
	run: (before: NoteAudit) => CitationFix | null;
	/** Whether the fix relabels footnotes (findings are then compared through the renaming). */
	relabels?: boolean;
}

function expectPatchesApply(cases: PatchCase[]): void {
	const patched = applyAsOnePatch(cases);
	expect(patched.mismatches.slice(0, 5), `${patched.mismatches.length} of ${cases.length} notes differ after patch -p1\n${patched.output}`).toEqual([]);
}

function wholeNoteProperty({ run, relabels = false }: WholeNoteFix, seed: number): void {
	const cases: PatchCase[] = [];
	fc.assert(
		fc.property(invariantNote, (text) => {
			const before = audit(text);
			const fix = run(before);
			fc.pre(fix !== null);
			const afterText = applyEdits(text, fix.edits);
			expect(afterText).not.toBe(text);
			expectSameSkeleton(text, afterText);
			expectRolesKeptOutsideEdits(text, afterText, fix.edits);
			const after = audit(afterText);
			const added = newFindings(before, after, relabels ? renaming(before, after) : undefined);
			expect(added, describeFindings(added)).toEqual([]);
			expect(run(after)).toBeNull();
			const path = casePath(cases.length);
			cases.push({ path, before: text, after: afterText, diff: unifiedDiff(text, afterText, `a/${path}`, `b/${path}`) });
		}),
		{ seed, numRuns: RUNS },
	);
	expect(cases).toHaveLength(RUNS);
	expectPatchesApply(cases);
}

/**
 * Closing a link can reveal a duplicate source that cannot be merged safely (a label defined twice, a
 * definition that says more): the duplicate-source finding then names a footnote whose link was malformed.
 */
function revealedByClosing(before: NoteAudit, added: Finding): boolean {
	if (added.kind !== "duplicate-source") return false;
	const closed = new Set(before.findings.filter((finding) => finding.kind === "malformed-link").flatMap((finding) => finding.labels ?? []).map((label) => label.toLowerCase()));
	return (added.labels ?? []).some((label) => closed.has(label.toLowerCase()));
}

describe("issue 12 invariant: whole-note fixes on generated notes", { timeout: 300_000 }, () => {
	it("renumber footnotes (seed 1221)", () => wholeNoteProperty({ run: renumberFootnotes, relabels: true }, 1221));
	it("remove all unused footnotes (seed 1222)", () => wholeNoteProperty({ run: removeUnusedDefinitions }, 1222));
	it("merge all duplicate citations (seed 1223)", () => wholeNoteProperty({ run: mergeAllDuplicateSources }, 1223));

	it("fix all, to the fixpoint, and the CLI's --dry-run diff applies (seed 1224)", () => {
		const notes: { path: string; text: string }[] = [];
		let rounds = 0;
		fc.assert(
			fc.property(invariantNote, (text) => {
				const before = audit(text);
				const result = fixAllToFixpoint(before, audit, { resolver: RESOLVER });
				fc.pre(result !== null);
				if (result.titles.length > 1) rounds++;
				const afterText = applyEdits(text, result.fix.edits);
				expect(afterText).toBe(result.audit.document.text);
				expectSameSkeleton(text, afterText);
				expectRolesKeptOutsideEdits(text, afterText, result.fix.edits);
				const added = newFindings(before, result.audit).filter((finding) => !revealedByClosing(before, finding));
				expect(added, describeFindings(added)).toEqual([]);
				// The fixpoint: a second run finds nothing.
				expect(fixAllToFixpoint(audit(afterText), audit, { resolver: RESOLVER })).toBeNull();
				notes.push({ path: casePath(notes.length), text });
			}),
			{ seed: 1224, numRuns: RUNS },
		);
		expect(notes).toHaveLength(RUNS);
		// Some notes needed more than one round (a closed link that then merges, a merge that leaves one unused).
		expect(rounds).toBeGreaterThan(0);
		expectPatchesApply(cliFixCases(notes, RESOLVER));
	});
});
