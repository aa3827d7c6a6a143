/**
 * The suggester's lazy mode (name-scan.ts: a few lookups answered without indexing the vault) must give
 * exactly the answers of the index. Random vaults are drawn from a small vocabulary so that names share
 * words, typos, run-together words, subtitles, camelCase, accents and attachments; a word common to more
 * than the index's visit budget (128 forms) is in some of them, so the budget's cut is exercised too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSuggester } from "../../../src/core/suggest/index";

const WORDS = [
	"forest", "forrest", "forests", "dark", "darkforest", "expanding", "expand", "history", "histroy", "archive",
	"notes", "note", "the", "of", "and", "et", "al", "smith", "smyth", "2020", "2021", "studies", "study", "qcd",
	"nlo", "lo", "bus", "is", "memory", "memroy", "café", "cafe", "society", "a", "ab", "ba", "abc", "bac",
];
const FOLDERS = ["", "Sources/", "Essays/", "att/", "Deep/er/"];
const EXTENSIONS = [".md", ".md", ".md", ".md", ".pdf", ".png", ".csv", ""];
const SEPARATORS = [" ", " ", "-", "_", "", " - ", ": "];

function capitalise(word: string, how: number): string {
	if (how === 1) return word.charAt(0).toUpperCase() + word.slice(1);
	if (how === 2) return word.toUpperCase();
	return word;
}

const wordArb = fc.record({ word: fc.constantFrom(...WORDS), how: fc.integer({ min: 0, max: 3 }), separator: fc.constantFrom(...SEPARATORS) });
const nameArb = fc.array(wordArb, { minLength: 1, maxLength: 5 }).map((words) =>
	words.map((entry, at) => (at === 0 ? "" : entry.separator) + capitalise(entry.word, entry.how)).join(""),
);
const pathArb = fc.record({ folder: fc.constantFrom(...FOLDERS), name: nameArb, extension: fc.constantFrom(...EXTENSIONS) }).map(
	({ folder, name, extension }) => `${folder}${name}${extension}`,
);
/** A link as a writer types it: a name (with or without folder or extension), or one of the vault's paths. */
const queriesArb = fc.array(fc.oneof(pathArb, nameArb), { minLength: 1, maxLength: 12 });

/**
 * Names sharing a few common words (`notes`, `day`, `forest`, `journal`) in counts around the index's visit
 * budget, so the order of words by count and the budget's cut decide what is gathered; some are attachments
 * (two forms each) and some have subtitles.
 */
function commonWordPaths(count: number, salt = 0): string[] {
	return Array.from({ length: count }, (_, at) => {
		const first = (at + salt) % 3 === 0 ? "Journal" : "Notes";
		const second = (at * 7 + salt) % 5 === 0 ? "Forest" : (at + salt) % 4 === 0 ? "Week" : "Day";
		const subtitle = (at + salt) % 11 === 0 ? " - a forest walk" : "";
		const extension = (at + salt) % 9 === 0 ? ".pdf" : ".md";
		// Now and then, late in the vault, a name holding more of the common words than any before it.
		if (at % 251 === 250) return `Daily/${at}/${first} Day Week Forest${extension}`;
		return `Daily/${at}/${first} ${second}${subtitle}${extension}`;
	});
}

const COMMON_QUERIES = ["Notes Day", "Notes Forst", "Day notes journal", "Journal Week", "Jornal forest day", "Notes.pdf", "Forest walk", "notes day jornal", "forest journal a"];

function scanned(paths: readonly string[]) {
	return createSuggester(paths, { scanLookups: Number.MAX_SAFE_INTEGER });
}

describe("createSuggester: lookups by scan give the index's answers", () => {
	it("on random vaults and links (seed 15301)", () => {
		fc.assert(
			fc.property(fc.array(pathArb, { maxLength: 60 }), fc.nat({ max: 520 }), fc.nat(), queriesArb, fc.integer({ min: 1, max: 4 }), (drawn, common, salt, queries, limit) => {
				const paths = [...drawn, ...commonWordPaths(common, salt)];
				const indexed = createSuggester(paths);
				const byScan = scanned(paths);
				// The vault's own names run together (`thedarkforest`) meet theirs only through the index's joined stems.
				const squashed = drawn.slice(0, 6).map((path) => path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "").replace(/[^A-Za-z0-9]/g, "").toLowerCase());
				for (const query of [...queries, ...squashed, ...COMMON_QUERIES]) {
					const source = paths[query.length % Math.max(1, paths.length)];
					expect(byScan.suggest(query, limit, source)).toEqual(indexed.suggest(query, limit, source));
				}
			}),
			{ seed: 15301, numRuns: 200 },
		);
	});

	it("and after the vault changes, whether or not a lookup came first (seed 15302)", () => {
		const opArb = fc.oneof(
			fc.record({ kind: fc.constant("add" as const), path: pathArb }),
			fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
			fc.record({ kind: fc.constant("suggest" as const), query: fc.oneof(nameArb, fc.constantFrom(...COMMON_QUERIES)) }),
		);
		fc.assert(
			fc.property(fc.array(pathArb, { minLength: 1, maxLength: 40 }), fc.array(opArb, { maxLength: 12 }), fc.integer({ min: 122, max: 134 }), (drawn, ops, common) => {
				// Removed forms stay in the index's postings as tombstones and still count against the visit budget.
				const paths = [...drawn, ...commonWordPaths(common)];
				const indexed = createSuggester(paths);
				const byScan = createSuggester(paths, { scanLookups: 3 });
				const live = [...paths];
				for (const op of ops) {
					if (op.kind === "add") {
						indexed.add(op.path);
						byScan.add(op.path);
						live.push(op.path);
					} else if (op.kind === "remove") {
						const path = live[op.at % live.length] ?? "none.md";
						indexed.remove(path);
						byScan.remove(path);
					} else expect(byScan.suggest(op.query, 3)).toEqual(indexed.suggest(op.query, 3));
				}
				expect(byScan.suggest("Forest notes", 5)).toEqual(indexed.suggest("Forest notes", 5));
			}),
			{ seed: 15302, numRuns: 200 },
		);
	});

	it("finds what the index finds through a typo, a run-together name and a subtitle", () => {
		const paths = ["Essays/The Expanding Dark Forest.md", "Sources/Deep Sea.md", "Sources/Histone studies - a review.md", "att/Scan of notes.pdf", ...commonWordPaths(300)];
		const byScan = scanned(paths);
		// Expected answers written by hand, so the scan is checked against the vault, not only against the index.
		expect(byScan.suggest("The Expandng Dark Forest", 1)).toEqual(["Essays/The Expanding Dark Forest.md"]);
		expect(byScan.suggest("TheExpandingDarkForest", 1)).toEqual(["Essays/The Expanding Dark Forest.md"]);
		expect(byScan.suggest("Deepsea", 1)).toEqual(["Sources/Deep Sea.md"]);
		expect(byScan.suggest("Histone studies", 1)).toEqual(["Sources/Histone studies - a review.md"]);
		expect(byScan.suggest("Scan of notes.pdf", 1)).toEqual(["att/Scan of notes.pdf"]);
	});
});
