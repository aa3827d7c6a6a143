import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeForm } from "../../../src/core/suggest/name-forms";
import { createSuggester } from "../../../src/core/suggest/index";
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

describe("suggestions for a link with numbers", () => {
	it("offer only names with the same numbers, as files are added, renamed and removed", () => {
		const suggester = createSuggester(["Reports/Annual report 2019.md", "Reports/Annual report.md", "Notes/Chapter 007.md"]);
		expect(suggester.suggest("Annual report 2019", 3)).toEqual(["Reports/Annual report 2019.md"]);
		expect(suggester.suggest("Annual report 2020", 3)).toEqual([]);
		expect(suggester.suggest("Chaptre 007", 3)).toEqual(["Notes/Chapter 007.md"]);
		suggester.add("Reports/Annual report 2020.md");
		expect(suggester.suggest("Annual reprot 2020", 3)).toEqual(["Reports/Annual report 2020.md"]);
		suggester.rename("Reports/Annual report 2020.md", "Reports/Annual report draft.md");
		expect(suggester.suggest("Annual reprot 2020", 3)).toEqual([]);
		suggester.remove("Reports/Annual report 2019.md");
		expect(suggester.suggest("Annual report 2019", 3)).toEqual([]);
		suggester.add("Archive/Annual report 2019.md");
		expect(suggester.suggest("Annual report 2019", 3)).toEqual(["Archive/Annual report 2019.md"]);
	});

	it("tell a name with a number from the same name without it", () => {
		const suggester = createSuggester(["Dark Forest.md", "Dark Forest 2.md"]);
		expect(suggester.suggest("Dark Forrest", 3)).toEqual(["Dark Forest.md"]);
		expect(suggester.suggest("Dark Forrest 2", 3)).toEqual(["Dark Forest 2.md"]);
	});
});

describe("the words of printable ASCII text", () => {
	/** The Unicode reading every text had before the ASCII patterns (words.ts), as the reference. */
	function unicodeWords(name: string): string[] {
		const boundary = /(\p{Ll})(\p{Lu})|(\p{Lu})(\p{Lu}\p{Ll})|(\p{L})(\p{N})|(\p{N})(\p{L})/gu;
		const pass = (text: string) => text.replace(boundary, (_m, a, b, c, d, e, f, g, h) => `${a ?? c ?? e ?? g} ${b ?? d ?? f ?? h}`);
		const split = pass(name);
		const again = split === name ? split : pass(split);
		return again
			.split(/[^\p{L}\p{N}]+/gu)
			.filter((word) => word !== "")
			.map((word) => word.toLowerCase());
	}

	it("are those the Unicode patterns find", () => {
		const ascii = fc.string({ unit: fc.oneof(fc.constantFrom("a", "B", "c", "D", "1", "2", " ", "-", "_", ".", "\t", "Q", "z"), fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code))), maxLength: 30 });
		fc.assert(
			fc.property(ascii, (name) => {
				expect(nameWords(name)).toEqual(unicodeWords(name));
			}),
			{ numRuns: 5000, seed: 15_007 },
		);
		expect(nameWords("yuanInhibitingHDAC2015-v2_final")).toEqual(["yuan", "inhibiting", "hdac", "2015", "v", "2", "final"]);
	});
});
