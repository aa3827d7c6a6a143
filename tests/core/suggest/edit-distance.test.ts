import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundedEditDistance } from "../../../src/core/suggest/edit-distance";

describe("boundedEditDistance within one edit", () => {
	it("answers as the full table does, bounded at 1", () => {
		// A small alphabet makes repeats, swaps and shifted runs (`aab`/`aba`) common.
		const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "é"), maxLength: 7 });
		fc.assert(
			fc.property(word, word, (a, b) => {
				expect(boundedEditDistance(a, b, 1)).toBe(Math.min(boundedEditDistance(a, b, 3), 2));
			}),
			{ numRuns: 20_000, seed: 15_004 },
		);
	});

	it("counts one replacement, addition, removal or swap of neighbours, and no more", () => {
		expect(["forest/forrest", "form/from", "aab/aba", "note/nte", "cats/bats"].map((pair) => boundedEditDistance(...(pair.split("/") as [string, string]), 1))).toEqual([1, 1, 1, 1, 1]);
		expect(["abab/baba", "form/farm2", "ab/ba c", "same/same"].map((pair) => boundedEditDistance(...(pair.split("/") as [string, string]), 1))).toEqual([2, 2, 2, 0]);
	});
});
