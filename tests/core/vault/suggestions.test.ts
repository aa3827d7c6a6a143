import { describe, expect, it } from "vitest";
import { boundedEditDistance, createSuggester, normalizeName } from "../../../src/core/suggest/index";
import { createSourceVault } from "../../../bench/source-vault";

const AGI = "Clippings/AGI will not happen in your lifetime. Or will it-.md";
const GOOGLE = "Clippings/Google won’t launch ChatGPT rival.md";
const FOREST = "Essays/The Expanding Dark Forest.md";
const SUMMARY = "Sources/Paper Summary.md";
const PAPER = "att/paper.pdf";

const vault = createSuggester([
	AGI,
	GOOGLE,
	FOREST,
	SUMMARY,
	PAPER,
	"Totally Different.md",
	"Daily/2024-01-01.md",
	"Café Society.md",
]);

describe("normalizeName", () => {
	it("folds case, accents, curly quotes and punctuation into plain words", () => {
		expect(normalizeName("AGI will not happen in your lifetime. Or will it?")).toBe(
			"agi will not happen in your lifetime or will it",
		);
		expect(normalizeName("Google won’t launch")).toBe("google won t launch");
		expect(normalizeName("Google won't launch")).toBe("google won t launch");
		expect(normalizeName("  Café   Society ")).toBe("cafe society");
		expect(normalizeName("ﬁle №1")).toBe("file no1");
		expect(normalizeName("???")).toBe("");
	});
});

describe("boundedEditDistance", () => {
	it("counts insertions, deletions, substitutions and adjacent transpositions", () => {
		expect(boundedEditDistance("kitten", "sitting", 5)).toBe(3);
		expect(boundedEditDistance("teh", "the", 5)).toBe(1);
		expect(boundedEditDistance("", "abc", 5)).toBe(3);
		expect(boundedEditDistance("same", "same", 0)).toBe(0);
	});

	it("stops at the bound and reports bound + 1", () => {
		expect(boundedEditDistance("kitten", "sitting", 2)).toBe(3);
		expect(boundedEditDistance("a", "abcdefgh", 3)).toBe(4);
		expect(boundedEditDistance("abcdefgh", "zyxwvuts", 2)).toBe(3);
	});
});

describe("createSuggester: near-misses writers make", () => {
	it("finds a clipped title whose ? became -", () => {
		expect(vault.suggest("AGI will not happen in your lifetime. Or will it?", 3)).toEqual([AGI]);
	});

	it("finds a clipped title whose ? was dropped", () => {
		expect(vault.suggest("AGI will not happen in your lifetime. Or will it", 3)).toEqual([AGI]);
	});

	it("matches a straight quote against a curly one", () => {
		expect(vault.suggest("Google won't launch ChatGPT rival", 3)).toEqual([GOOGLE]);
	});

	it("matches a typo with a transposition", () => {
		expect(vault.suggest("Teh Expanding Dark Forest", 3)).toEqual([FOREST]);
	});

	it("matches two typos in a long title", () => {
		expect(vault.suggest("Teh Expandng Dark Forest", 3)).toEqual([FOREST]);
	});

	it("ignores case and spacing", () => {
		expect(vault.suggest("the  expanding DARK forest", 3)).toEqual([FOREST]);
		expect(vault.suggest("paper  summary", 3)).toEqual([SUMMARY]);
	});

	it("tolerates a missing or an extra word", () => {
		expect(vault.suggest("Expanding Dark Forest", 3)).toEqual([FOREST]);
		expect(vault.suggest("The Expanding Dark Forest Theory", 3)).toEqual([FOREST]);
	});

	it("tolerates words in another order", () => {
		expect(vault.suggest("Dark Forest, The Expanding", 3)).toEqual([FOREST]);
	});

	it("ignores a written-out .md and a wrong folder", () => {
		expect(vault.suggest("Paper Summary.md", 3)).toEqual([SUMMARY]);
		expect(vault.suggest("Archive/The Expanding Dark Forest", 3)).toEqual([FOREST]);
	});

	it("ignores accents", () => {
		expect(vault.suggest("Cafe Society", 3)).toEqual(["Café Society.md"]);
	});

	// Issue 17: a note link is never offered an attachment unless the link writes its extension.
	it("offers an attachment only to a link that writes an extension", () => {
		expect(vault.suggest("paper", 3)).toEqual([]);
		expect(vault.suggest("wrong/paper.pdf", 3)).toEqual([PAPER]);
		expect(vault.suggest("papr.pdf", 3)).toEqual([PAPER]);
	});
});

describe("createSuggester: no junk", () => {
	it("suggests nothing for an unrelated title", () => {
		expect(vault.suggest("Totally Unrelated Title Here", 3)).toEqual([]);
		expect(vault.suggest("Quarterly budget review", 3)).toEqual([]);
		expect(createSuggester(["Totally Different.md"]).suggest("Note A", 3)).toEqual([]);
	});

	it("does not take one shared word for a match", () => {
		expect(vault.suggest("Dark", 3)).toEqual([]);
		expect(vault.suggest("Summary", 3)).toEqual([]);
	});

	it("returns nothing for an empty name or a limit of zero", () => {
		expect(vault.suggest("???", 3)).toEqual([]);
		expect(vault.suggest("", 3)).toEqual([]);
		expect(vault.suggest("Teh Expanding Dark Forest", 0)).toEqual([]);
	});
});

describe("createSuggester: ranking", () => {
	it("puts the closest name first and honours the limit", () => {
		// forests: the same word; forest: its singular (same stem); forrests: a typo, which ranks below a plural.
		const s = createSuggester(["Forest.md", "Forrests.md", "Forests.md", "Unrelated.md"]);
		expect(s.suggest("Forests ", 5)).toEqual(["Forests.md", "Forest.md", "Forrests.md"]);
		expect(s.suggest("Forests ", 2)).toEqual(["Forests.md", "Forest.md"]);
	});

	it("offers a note link notes only, and an attachment link attachments only", () => {
		const s = createSuggester(["Report.pdf", "Notes/Report.md"]);
		expect(s.suggest("Reportt", 5)).toEqual(["Notes/Report.md"]);
		expect(s.suggest("Reportt.pdf", 5)).toEqual(["Report.pdf"]);
	});

	it("breaks remaining ties by shorter path, then alphabetically", () => {
		const s = createSuggester(["b/Idea.md", "Deep/er/Idea.md", "a/Idea.md"]);
		expect(s.suggest("Ideas", 5)).toEqual(["a/Idea.md", "b/Idea.md", "Deep/er/Idea.md"]);
	});

	it("lists each file once even when two of its names match", () => {
		const s = createSuggester(["att/data.csv"]);
		expect(s.suggest("data csv", 5)).toEqual(["att/data.csv"]);
	});
});

describe("createSuggester: scale", () => {
	const paths: string[] = [];
	for (let i = 0; i < 10_000; i++) {
		paths.push(i % 2 === 0 ? `Notes/Note ${i}.md` : `Clippings/Article about the dark side of topic ${i}.md`);
	}
	paths.push(FOREST);

	it("still finds the near-miss among 10,000 distractors", () => {
		const s = createSuggester(paths);
		expect(s.suggest("Teh Expanding Dark Forrest", 3)).toEqual([FOREST]);
	});

	it("answers hundreds of lookups", () => {
		const s = createSuggester(paths);
		for (let i = 0; i < 300; i++) s.suggest(`Artcle about the dark side of topic ${i * 3}`, 5);
		expect(s.suggest("Artcle about the dark side of topic 301", 1)).toEqual([
			"Clippings/Article about the dark side of topic 301.md",
		]);
	});
});

describe("createSuggester: prepare", () => {
	const many = Array.from({ length: 1000 }, (_, i) => `Notes/Entry number ${i}.md`).concat(["Sources/The Expanding Dark Forest.md"]);

	it("builds the index a few files at a time when asked to pause, and suggests as if built at once", () => {
		const stepwise = createSuggester(many);
		let rounds = 0;
		while (!stepwise.prepare(() => true)) rounds++;
		// 1,001 files checked every 64: 15 pauses before the last chunk completes the index.
		expect(rounds).toBe(15);
		expect(stepwise.prepare(() => true)).toBe(true);
		const atOnce = createSuggester(many);
		for (const query of ["Teh Expanding Dark Forest", "Entry numbr 512", "entry number 7"]) {
			expect(stepwise.suggest(query, 3)).toEqual(atOnce.suggest(query, 3));
		}
		expect(stepwise.suggest("Teh Expanding Dark Forest", 1)).toEqual(["Sources/The Expanding Dark Forest.md"]);
	});

	it("finishes a partly built index before the first suggestion", () => {
		const partly = createSuggester(many);
		expect(partly.prepare(() => true)).toBe(false);
		expect(partly.suggest("Teh Expanding Dark Forest", 1)).toEqual(["Sources/The Expanding Dark Forest.md"]);
	});
});

describe("createSuggester: updated file by file", () => {
	const base = Array.from({ length: 300 }, (_, i) => `Notes/Entry number ${i}.md`).concat(["Sources/The Expanding Dark Forest.md", "Sources/Paper Summary.md"]);
	const queries = ["Teh Expanding Dark Forest", "Paper Sumary", "Quarterly budget reveiw", "Entry numbr 12", "Expanding Dark Forest"];

	/** After the same changes, the updated suggester answers as one built from scratch over the final list. */
	function expectSameAs(updated: ReturnType<typeof createSuggester>, finalPaths: readonly string[]): void {
		const fresh = createSuggester(finalPaths);
		for (const query of queries) expect({ query, got: updated.suggest(query, 3) }).toEqual({ query, got: fresh.suggest(query, 3) });
	}

	it("adds, removes and renames after the index is built", () => {
		const s = createSuggester(base);
		expect(s.suggest("Paper Sumary", 3)).toEqual(["Sources/Paper Summary.md"]);
		s.add("Sources/Quarterly Budget Review.md");
		s.remove("Sources/Paper Summary.md");
		s.rename("Sources/The Expanding Dark Forest.md", "Archive/The Expanding Dark Forest.md");
		expect(s.suggest("Quarterly budget reveiw", 3)).toEqual(["Sources/Quarterly Budget Review.md"]);
		expect(s.suggest("Paper Sumary", 3)).toEqual([]);
		expectSameAs(s, [...base.filter((p) => !p.startsWith("Sources/")), "Sources/Quarterly Budget Review.md", "Archive/The Expanding Dark Forest.md"]);
	});

	it("takes changes made while a sliced build is under way", () => {
		const s = createSuggester(base);
		expect(s.prepare(() => true)).toBe(false);
		s.remove("Sources/Paper Summary.md");
		s.add("Sources/Quarterly Budget Review.md");
		s.rename("Notes/Entry number 12.md", "Notes/Entry number 12 revised.md");
		while (!s.prepare(() => true));
		expectSameAs(s, [...base.filter((p) => p !== "Sources/Paper Summary.md" && p !== "Notes/Entry number 12.md"), "Sources/Quarterly Budget Review.md", "Notes/Entry number 12 revised.md"]);
		expect(s.suggest("Paper Sumary", 3)).toEqual([]);
	});

	it("looks again for a word's neighbours once the vocabulary changes (they are remembered only until then)", () => {
		// Every word misspelt: the note is found only through the words one typo away.
		const query = "Quarterlly Budgte Reveiw";
		const s = createSuggester(base);
		expect(s.suggest(query, 3)).toEqual([]);
		s.add("Sources/Quarterly Budget Review.md");
		expect(s.suggest(query, 3)).toEqual(["Sources/Quarterly Budget Review.md"]);
		s.remove("Sources/Quarterly Budget Review.md");
		expect(s.suggest(query, 3)).toEqual([]);
	});

	it("re-reads a note's properties on refresh", () => {
		const properties: Record<string, Record<string, unknown>> = {};
		const s = createSuggester(base, { properties: (path) => properties[path] ?? null });
		expect(s.suggest("Dark forest hypothesis", 3)).toEqual([]);
		properties["Sources/Paper Summary.md"] = { aliases: ["Dark forest hypothesis"] };
		s.refresh("Sources/Paper Summary.md");
		expect(s.suggest("Dark forest hypothesis", 3)).toEqual(["Sources/Paper Summary.md"]);
	});
});

describe("an alias or title written as the note's name", () => {
	// The bench's generated sources: names from a small vocabulary, so many share words and shortlists fill up.
	const vault = createSourceVault(8000, 7);
	const notes = vault.paths.filter((path) => path.endsWith(".md"));

	it("changes no suggestion: the repeat takes no place of another name in a lookup", () => {
		const byName = createSuggester(vault.paths);
		const withAliases = createSuggester(vault.paths, { properties: (path) => ({ aliases: [path.slice(path.lastIndexOf("/") + 1, -3).toLowerCase()] }) });
		const differences: string[] = [];
		for (const path of notes.slice(0, 1500)) {
			const name = path.slice(path.lastIndexOf("/") + 1, -3);
			// Two letters swapped near the end of the name's second word: a typo the names must answer.
			const words = name.split(" ");
			if (words.length < 2 || words[1].length < 4) continue;
			const word = words[1];
			words[1] = `${word.slice(0, -3)}${word[word.length - 2]}${word[word.length - 3]}${word[word.length - 1]}`;
			const typo = words.join(" ");
			if (JSON.stringify(withAliases.suggest(typo, 3)) !== JSON.stringify(byName.suggest(typo, 3))) differences.push(typo);
		}
		expect(differences).toEqual([]);
	});
});
