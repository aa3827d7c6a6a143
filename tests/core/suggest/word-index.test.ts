/**
 * WordIndex.candidates counts the gathered forms in an array kept from lookup to lookup (zeroed after each)
 * and grown with the index. The property: an index that has answered other lookups, and grown since, answers
 * each lookup as an index built afresh with the same forms does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textForms, type NameForm } from "../../../src/core/suggest/name-forms";
import { WordIndex } from "../../../src/core/suggest/word-index";
import { WordIndex as ReferenceWordIndex } from "./reference-word-index";

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

	it("answers as the index before packed word ids did, through adds, removals and words that leave and come back (seed 15402)", () => {
		// Common words on most names, so postings outgrow the visit budget and the last pass (the one packed word
		// ids serve) runs; rare ones so that words leave the vocabulary when their files go.
		const common = fc.constantFrom("the", "of", "notes", "history", "forest");
		const rare = fc.constantFrom(...WORDS, "zephyr", "quokka", "lattice", "ember", "basalt", "cobalt", "dune", "fjord", "glacier", "harbor", "inlet", "jetty", "kelp", "lagoon", "marsh", "nook");
		const manyName = fc.tuple(fc.array(common, { minLength: 1, maxLength: 3 }), fc.array(rare, { maxLength: 2 })).map(([a, b]) => [...a, ...b].join(" "));
		const step = fc.oneof(
			{ weight: 1, arbitrary: fc.record({ add: manyName }) },
			{ weight: 1, arbitrary: fc.record({ remove: fc.nat() }) },
		);
		fc.assert(
			fc.property(fc.array(manyName, { minLength: 130, maxLength: 260 }), fc.array(step, { maxLength: 200 }), fc.array(manyName, { minLength: 1, maxLength: 8 }), (start, steps, queries) => {
				const index = new WordIndex();
				const reference = new ReferenceWordIndex();
				const live: number[][] = [];
				const add = (text: string): void => {
					const file = live.length;
					const ids = index.add(file, textForms("name", text));
					expect(reference.add(file, textForms("name", text))).toEqual(ids);
					live.push(ids);
				};
				start.forEach(add);
				for (const query of queries) expect(index.candidates(queryForms(query))).toEqual(reference.candidates(queryForms(query)));
				for (const next of steps) {
					if ("add" in next) add(next.add);
					else {
						const ids = live[next.remove % live.length];
						index.remove(ids);
						reference.remove(ids);
					}
					for (const query of queries) expect(index.candidates(queryForms(query))).toEqual(reference.candidates(queryForms(query)));
				}
			}),
			{ numRuns: 150, seed: 15_402 },
		);
	});

	it("a word that leaves the vocabulary does not lend its number to the next new word", () => {
		const index = new WordIndex();
		const reference = new ReferenceWordIndex();
		const add = (file: number, text: string): void => {
			expect(index.add(file, textForms("name", text))).toEqual(reference.add(file, textForms("name", text)));
		};
		// Words in order of arrival: zephyr, ember, quokka, forest (the last, and too common to gather).
		["zephyr", "ember quokka", ...Array.from({ length: 140 }, () => "forest")].forEach((text, file) => add(file, text));
		// zephyr leaves; lagoon is new. Numbered by the vocabulary's size, lagoon would take forest's number.
		index.remove([0]);
		reference.remove([0]);
		add(1000, "ember lagoon");
		// The last pass weighs the two ember names by "forest": neither has it, so they tie, the older first.
		const query = queryForms("ember forest");
		expect(index.candidates(query)).toEqual(reference.candidates(query));
		expect(index.candidates(query).slice(0, 2).map((id) => index.forms[id]?.file)).toEqual([1, 1000]);
	});
});
