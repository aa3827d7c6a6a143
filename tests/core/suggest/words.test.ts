import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeForm } from "../../../src/core/suggest/name-forms";
import { isNumber, nameWords } from "../../../src/core/suggest/words";

describe("isNumber", () => {
	it("is true exactly for words of numeric characters, in any script", () => {
		const word = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom("2015", "٣٤", "Ⅻ", "²", "a1", "1a", "Z9", "", "０７"));
		fc.assert(
			fc.property(word, (text) => {
				expect(isNumber(text)).toBe(/^\p{N}+$/u.test(text));
			}),
			{ numRuns: 3000, seed: 15_003 },
		);
		expect([isNumber("2015"), isNumber("٣٤"), isNumber("Ⅻ"), isNumber("a1"), isNumber("Z"), isNumber("")]).toEqual([true, true, true, false, false, false]);
	});
});

describe("a name form's numbers", () => {
	it("are its numbers without leading zeros, sorted, and empty when it has none", () => {
		expect(makeForm("name", nameWords("Report 2019 vol 007"))?.numbers).toBe("2019 7");
		expect(makeForm("name", nameWords("Volume 7 of 2019"))?.numbers).toBe("2019 7");
		expect(makeForm("name", nameWords("Note 0"))?.numbers).toBe("0");
		expect(makeForm("name", nameWords("A history of archives"))?.numbers).toBe("");
	});
});
