/**
 * The panel's rows are the same whether a finding's labels array was seen before (a finding moved by an edit
 * keeps its array, and row identities are looked up by it) or is new: findings that share one labels array
 * but differ in kind, target or citation key still get their own keys, labels and targets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding, FindingKind } from "../../src/core/types";
import { buildPanelSections } from "../../src/plugin/panel/panel-model";

const KINDS: FindingKind[] = ["unresolved-target", "duplicate-source", "unused-definition", "no-vault-link", "unknown-citekey"];
const LABEL_SETS = [["1"], ["2", "3"], ["1"], []];

function rowsOf(findings: readonly Finding[]) {
	return buildPanelSections(findings).flatMap((section) =>
		section.rows.map((row) => ({ section: section.id, key: row.key, labelText: row.labelText, targetText: row.targetText, lineText: row.lineText, ariaLabel: row.ariaLabel })),
	);
}

describe("buildPanelSections", () => {
	it("gives the same rows for findings sharing labels arrays as for findings with arrays of their own", () => {
		const shared = LABEL_SETS.map((labels) => [...labels]);
		const finding = fc.record({
			kind: fc.constantFrom(...KINDS),
			labels: fc.option(fc.nat(shared.length - 1), { nil: undefined }),
			target: fc.option(fc.constantFrom("Alpha", "Beta", "Alpha#Intro"), { nil: undefined }),
			citekey: fc.option(fc.constantFrom("doe2020", "roe2019"), { nil: undefined }),
			line: fc.nat(50),
		});
		fc.assert(
			fc.property(fc.array(finding, { maxLength: 30 }), (specs) => {
				const make = (fresh: boolean): Finding[] =>
					specs.map((spec, index) => ({
						kind: spec.kind,
						severity: "warning",
						message: `Message ${spec.kind}`,
						offset: index,
						length: 1,
						line: spec.line,
						column: 0,
						...(spec.labels === undefined ? {} : { labels: fresh ? [...shared[spec.labels]] : shared[spec.labels] }),
						...(spec.target === undefined ? {} : { target: spec.target }),
						...(spec.citekey === undefined ? {} : { citekey: spec.citekey }),
					}));
				// Twice with the shared arrays (the second run finds them all cached), once with new ones.
				const cachedFirst = rowsOf(make(false));
				const cachedAgain = rowsOf(make(false));
				const fresh = rowsOf(make(true));
				expect(cachedFirst).toEqual(fresh);
				expect(cachedAgain).toEqual(fresh);
			}),
			{ seed: 15, numRuns: 300 },
		);
	});
});
