import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FilesOfRuns } from "../../../src/core/suggest/files-of-runs";
import { RunDictionary } from "../../../src/core/suggest/name-runs";

/** What the dictionary replaces: the runs of `split(/[^A-Za-z0-9]+/)`. */
function splitRuns(text: string): string[] {
	return text.split(/[^A-Za-z0-9]+/).filter((run) => run !== "");
}

describe("RunDictionary", () => {
	it("cuts a name into its runs of ASCII letters and digits, numbering each distinct run once", () => {
		const dictionary = new RunDictionary();
		const ids: number[] = [];
		dictionary.cut("Sources/A History of the Archive 10303.md", 8, 38, ids);
		expect(ids.map((id) => dictionary.texts[id])).toEqual(["A", "History", "of", "the", "Archive", "10303"]);
		const again: number[] = [];
		dictionary.cut("the Archive, a history", 0, 22, again);
		expect(again.map((id) => dictionary.texts[id])).toEqual(["the", "Archive", "a", "history"]);
		expect(again.slice(0, 2)).toEqual([ids[3], ids[4]]);
		expect(dictionary.size).toBe(8);
		expect(dictionary.find("10303")).toBe(ids[5]);
		expect(dictionary.find("1030")).toBe(-1);
		expect(dictionary.find("archive")).toBe(-1);
	});

	it("gives the runs of split, the same id to the same run, over many names (seed 2701)", () => {
		const name = fc.stringMatching(/^[A-Za-z0-9 ._\-:éü]{0,24}$/);
		fc.assert(
			fc.property(fc.array(name, { maxLength: 400 }), (names) => {
				const dictionary = new RunDictionary();
				const idOf = new Map<string, number>();
				for (const text of names) {
					const ids: number[] = [];
					dictionary.cut(text, 0, text.length, ids);
					const runs = splitRuns(text);
					expect(ids.map((id) => dictionary.texts[id])).toEqual(runs);
					runs.forEach((run, at) => {
						expect(idOf.get(run) ?? ids[at]).toBe(ids[at]);
						idOf.set(run, ids[at]);
						expect(dictionary.find(run)).toBe(ids[at]);
					});
				}
				expect(dictionary.size).toBe(idOf.size);
			}),
			{ seed: 2701, numRuns: 200 },
		);
	});
});

describe("FilesOfRuns", () => {
	it("lists each run's files once each, ascending, from the same calls made twice", () => {
		const held: [run: number, file: number][] = [[0, 0], [1, 0], [0, 0], [2, 1], [0, 2], [2, 2], [2, 2]];
		const lists = new FilesOfRuns(4);
		for (const [run, file] of held) lists.count(run, file);
		lists.allocate();
		for (const [run, file] of held) lists.fill(run, file);
		expect(lists.filesOf(0)).toEqual([0, 2]);
		expect(lists.filesOf(1)).toEqual([0]);
		expect(lists.filesOf(2)).toEqual([1, 2]);
		expect(lists.filesOf(3)).toEqual([]);
		expect([0, 1, 2, 3].map((run) => lists.isEmpty(run))).toEqual([false, false, false, true]);
	});
});
