/**
 * changedRange finds the same common prefix and suffix as comparing character by character, on texts of
 * many lengths (around the slice sizes it compares) with random edits anywhere, including edits that insert
 * or remove what repeats next to them (where prefix and suffix compete for the same characters), texts
 * that are equal, and one text empty. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedRange, type TextChange } from "../../../src/core/incremental/text-diff";

function naiveChangedRange(before: string, after: string): TextChange {
	const limit = Math.min(before.length, after.length);
	let prefix = 0;
	while (prefix < limit && before[prefix] === after[prefix]) prefix++;
	let suffix = 0;
	while (suffix < limit - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
	return { from: prefix, beforeTo: before.length - suffix, afterTo: after.length - suffix };
}

/** A text of `length` characters from a small alphabet, so that edits often repeat their neighbours. */
function textOf(length: number, seed: number): string {
	const alphabet = "ab\n e";
	let state = seed >>> 0 || 1;
	let text = "";
	for (let i = 0; i < length; i++) {
		state = (state * 1103515245 + 12345) >>> 0;
		text += alphabet[(state >>> 16) % alphabet.length];
	}
	return text;
}

const LENGTHS = [0, 1, 2, 31, 32, 33, 255, 256, 257, 767, 768, 769, 1000, 5000, 70000];

describe("changedRange", () => {
	it("is the character-by-character answer for random edits", () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...LENGTHS),
				fc.nat(),
				fc.nat(),
				fc.nat(300),
				fc.oneof(fc.constantFrom("", "e", "\n", "ab", "aa", "😀"), fc.string({ maxLength: 400 })),
				(length, seed, at, removed, insert) => {
					const before = textOf(length, seed);
					const from = before.length === 0 ? 0 : at % (before.length + 1);
					const after = before.slice(0, from) + insert + before.slice(Math.min(before.length, from + removed));
					expect(changedRange(before, after)).toEqual(naiveChangedRange(before, after));
					expect(changedRange(after, before)).toEqual(naiveChangedRange(after, before));
				},
			),
			{ seed: 28, numRuns: 3000 },
		);
	});

	it("is the character-by-character answer for equal texts and unrelated ones", () => {
		for (const length of LENGTHS) {
			const text = textOf(length, length + 1);
			expect(changedRange(text, text.split("").join(""))).toEqual(naiveChangedRange(text, text));
			const other = textOf(length, length + 2);
			expect(changedRange(text, other)).toEqual(naiveChangedRange(text, other));
			expect(changedRange(text, "")).toEqual(naiveChangedRange(text, ""));
		}
	});
});
