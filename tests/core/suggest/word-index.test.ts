/**
 * WordIndex.candidates counts the gathered forms in an array kept from lookup to lookup (zeroed after each)
 * and grown with the index. The property: an index that has answered other lookups, and grown since, answers
 * each lookup as an index built afresh with the same forms does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textForms, type NameForm } from "../../../src/core/suggest/name-forms";
import { WordIndex } from "../../../src/core/suggest/word-index";

const WORDS = ["forest", "forrest", "dark", "history", "histroy", "notes", "note", "the", "of", "smith", "smyth", "2020", "qcd", "memory", "café", "society", "ab", "ba"];
const name = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));

function indexOf(names: readonly string[]): WordIndex {
	const index = new WordIndex();
	names.forEach((text, file) => index.add(file, textForms("name", text)));
	return index;
}

function queryForms(text: string): NameForm[] {
	return textForms("name", text);
}

describe("WordIndex.candidates", () => {
	it("answers as a fresh index does after other lookups and after the index grew (seed 15401)", () => {
		const names = fc.array(name, { minLength: 1, maxLength: 60 });
		fc.assert(
			fc.property(names, names, fc.array(name, { minLength: 1, maxLength: 8 }), (first, later, queries) => {
				const reused = indexOf(first);
				for (const query of queries) expect(reused.candidates(queryForms(query))).toEqual(indexOf(first).candidates(queryForms(query)));
				later.forEach((text, at) => reused.add(first.length + at, textForms("name", text)));
				const all = [...first, ...later];
				for (const query of queries) expect(reused.candidates(queryForms(query))).toEqual(indexOf(all).candidates(queryForms(query)));
			}),
			{ numRuns: 300, seed: 15_401 },
		);
	});

	it("gathers a form through each shared word and ranks the one sharing most first", () => {
		const index = indexOf(["dark forest history", "dark notes", "smith society"]);
		const ids = index.candidates(queryForms("dark forest"));
		expect(ids[0]).toBe(0);
		expect(new Set(ids)).toEqual(new Set([0, 1]));
	});
});
