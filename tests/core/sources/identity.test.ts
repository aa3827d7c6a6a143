/**
 * Which work a note's properties identify (identity.ts), and which cited notes are one work (same-work.ts).
 */
import { describe, expect, it } from "vitest";
import { identifierName, workIdentifiers } from "../../../src/core/sources/identity";
import { groupSameWorks } from "../../../src/core/sources/same-work";

describe("workIdentifiers", () => {
	it("reads doi, url, isbn and citekey, normalised", () => {
		expect(
			workIdentifiers({ doi: "https://doi.org/10.1234/ABC", url: "https://www.example.org/a/", isbn: "0-262-03384-4", citekey: "@yuan2015" }),
		).toEqual([
			{ kind: "doi", value: "10.1234/abc" },
			{ kind: "url", value: "example.org/a" },
			{ kind: "isbn", value: "9780262033848" },
			{ kind: "citekey", value: "yuan2015" },
		]);
	});

	it("reads citationKey as a citekey, compared exactly (case kept)", () => {
		expect(workIdentifiers({ citationKey: "YuanInhibiting2015" })).toEqual([{ kind: "citekey", value: "YuanInhibiting2015" }]);
		expect(workIdentifiers({ citekey: "yuan2015" })).not.toEqual(workIdentifiers({ citekey: "Yuan2015" }));
	});

	it("matches property names case-insensitively, as Obsidian does", () => {
		expect(workIdentifiers({ DOI: "10.1234/abc", URL: "example.org", ISBN: "9780262033848", CiteKey: "k" })).toEqual([
			{ kind: "doi", value: "10.1234/abc" },
			{ kind: "url", value: "example.org" },
			{ kind: "isbn", value: "9780262033848" },
			{ kind: "citekey", value: "k" },
		]);
	});

	it("reads every value of a list, and each distinct identifier once", () => {
		expect(workIdentifiers({ doi: ["10.1234/a", "doi:10.1234/A", "10.1234/b"], isbn: ["0-262-03384-4", "9780262033848"] })).toEqual([
			{ kind: "doi", value: "10.1234/a" },
			{ kind: "doi", value: "10.1234/b" },
			{ kind: "isbn", value: "9780262033848" },
		]);
	});

	it("reads a url that is a DOI resolver address as that DOI too", () => {
		expect(workIdentifiers({ url: "https://doi.org/10.1234/ABC" })).toEqual([
			{ kind: "doi", value: "10.1234/abc" },
			{ kind: "url", value: "doi.org/10.1234/ABC" },
		]);
	});

	it("reads an ISBN that YAML turned into a number, leading zero restored", () => {
		// `isbn: 0262033844` in YAML is the number 262033844.
		expect(workIdentifiers({ isbn: 262033844 })).toEqual([{ kind: "isbn", value: "9780262033848" }]);
		expect(workIdentifiers({ isbn: 9780262033848 })).toEqual([{ kind: "isbn", value: "9780262033848" }]);
	});

	it("skips what is not an identifier: empty values, invalid ones, objects and booleans", () => {
		expect(workIdentifiers({ doi: "", url: "not a url", isbn: "0-262-03384-5", citekey: "  ", title: "10.1234/abc" })).toEqual([]);
		expect(workIdentifiers({ doi: { value: "10.1234/a" }, citekey: true, url: null })).toEqual([]);
	});

	it("reads the properties the settings name, trimmed and exact, under their lower-case name", () => {
		expect(workIdentifiers({ PMID: " 12345 ", arxiv: ["2101.00001", 7] }, ["pmid", " arXiv "])).toEqual([
			{ kind: "pmid", value: "12345" },
			{ kind: "arxiv", value: "2101.00001" },
			{ kind: "arxiv", value: "7" },
		]);
		expect(workIdentifiers({ pmid: "12345" })).toEqual([]);
	});

	it("does not read a built-in name twice when the settings repeat it", () => {
		expect(workIdentifiers({ doi: "https://doi.org/10.1234/ABC" }, ["DOI", "citationkey", ""])).toEqual([{ kind: "doi", value: "10.1234/abc" }]);
	});

	it("names the kinds as a message reads them", () => {
		expect(["doi", "url", "isbn", "citekey", "pmid"].map(identifierName)).toEqual(["DOI", "URL", "ISBN", "citekey", "pmid"]);
	});
});

describe("groupSameWorks", () => {
	const group = (notes: Record<string, Record<string, unknown>>, extra: string[] = []) =>
		groupSameWorks(Object.keys(notes), (path) => workIdentifiers(notes[path], extra));

	it("joins two notes with one DOI written differently, and says which", () => {
		const works = group({ "A.md": { doi: "10.1234/ABC" }, "B.md": { doi: "https://doi.org/10.1234/abc" }, "C.md": { doi: "10.1234/other" } });
		expect(works.works).toEqual([{ paths: ["A.md", "B.md"], matches: [{ path: "B.md", sameAs: "A.md", identifier: { kind: "doi", value: "10.1234/abc" } }] }]);
		expect([...works.workOf]).toEqual([
			["A.md", 0],
			["B.md", 0],
		]);
	});

	it.each([
		["URL", { url: "https://www.example.org/a/?utm_source=x" }, { url: "example.org/a#top" }, "url", "example.org/a"],
		["ISBN-10 and ISBN-13", { isbn: "0-262-03384-4" }, { isbn: "978-0-262-03384-8" }, "isbn", "9780262033848"],
		["citekey and citationKey", { citekey: "@yuan2015" }, { citationKey: "yuan2015" }, "citekey", "yuan2015"],
		["settings-named property", { pmid: "12345" }, { PMID: "12345" }, "pmid", "12345"],
		["a value in a list", { doi: ["10.1234/x", "10.1234/abc"] }, { doi: "10.1234/ABC" }, "doi", "10.1234/abc"],
	])("joins two notes by %s", (_, a, b, kind, value) => {
		const works = group({ "A.md": a, "B.md": b }, ["pmid"]);
		expect(works.works).toEqual([{ paths: ["A.md", "B.md"], matches: [{ path: "B.md", sameAs: "A.md", identifier: { kind, value } }] }]);
	});

	it("does not join notes whose citekeys differ in case, nor a settings-named property not in the settings", () => {
		expect(group({ "A.md": { citekey: "yuan2015" }, "B.md": { citekey: "Yuan2015" } }).works).toEqual([]);
		expect(group({ "A.md": { pmid: "1" }, "B.md": { pmid: "1" } }).works).toEqual([]);
	});

	it("never joins two notes with different DOIs, whatever else they share (chapters of one book)", () => {
		const works = group({
			"Chapter 1.md": { doi: "10.1234/book.c1", isbn: "9780262033848", url: "https://example.org/book" },
			"Chapter 2.md": { doi: "10.1234/book.c2", isbn: "9780262033848", url: "https://example.org/book" },
		});
		expect(works.works).toEqual([]);
	});

	it("joins a note without a DOI to a note with one, but not to two works with different DOIs at once", () => {
		const works = group({
			"Chapter 1.md": { doi: "10.1234/book.c1", isbn: "9780262033848" },
			"Chapter 2.md": { doi: "10.1234/book.c2", isbn: "9780262033848" },
			"The book.md": { isbn: "0262033844" },
		});
		// The book joins the first chapter it shares the ISBN with; the second chapter stays apart.
		expect(works.works).toEqual([
			{ paths: ["Chapter 1.md", "The book.md"], matches: [{ path: "The book.md", sameAs: "Chapter 1.md", identifier: { kind: "isbn", value: "9780262033848" } }] },
		]);
	});

	it("once a DOI joined, a note with another DOI cannot join through a shared URL", () => {
		const works = group({
			"A.md": { url: "https://example.org/p" },
			"B.md": { url: "example.org/p", doi: "10.1234/one" },
			"C.md": { url: "example.org/p", doi: "10.1234/two" },
		});
		expect(works.works.map((work) => work.paths)).toEqual([["A.md", "B.md"]]);
	});

	it("joins through a chain: A and B share a DOI, B and C an ISBN", () => {
		const works = group({ "A.md": { doi: "10.1234/abc" }, "B.md": { doi: "10.1234/abc", isbn: "9780262033848" }, "C.md": { isbn: "0262033844" } });
		expect(works.works).toEqual([
			{
				paths: ["A.md", "B.md", "C.md"],
				matches: [
					{ path: "B.md", sameAs: "A.md", identifier: { kind: "doi", value: "10.1234/abc" } },
					{ path: "C.md", sameAs: "B.md", identifier: { kind: "isbn", value: "9780262033848" } },
				],
			},
		]);
	});

	it("leaves notes without identifiers alone", () => {
		expect(group({ "A.md": {}, "B.md": {} }).works).toEqual([]);
	});
});
