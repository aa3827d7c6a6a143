/**
 * Completeness rules: how the list of required properties is written and read, and what a note lacks.
 */
import { describe, expect, it } from "vitest";
import {
	describeRequirements,
	missingRequirements,
	parseRequiredProperties,
	propertyListError,
} from "../../../src/core/sources/required-properties";

describe("parseRequiredProperties", () => {
	it("splits on commas and joins alternatives with |", () => {
		expect(parseRequiredProperties("author,year|date,url|doi")).toEqual([["author"], ["year", "date"], ["url", "doi"]]);
	});

	it("trims whitespace around names and keeps spaces inside them", () => {
		expect(parseRequiredProperties("  author ,\tyear | date , publication place ")).toEqual([["author"], ["year", "date"], ["publication place"]]);
	});

	it("reads an empty text as nothing required", () => {
		expect(parseRequiredProperties("")).toEqual([]);
		expect(parseRequiredProperties("   ")).toEqual([]);
	});

	it("reads a list entry by entry, each like a comma-separated part", () => {
		expect(parseRequiredProperties(["author", "year|date,url"])).toEqual([["author"], ["year", "date"], ["url"]]);
	});

	it("drops empty entries when read leniently (the plugin's setting while it is typed)", () => {
		expect(parseRequiredProperties("author,,year|")).toEqual([["author"], ["year"]]);
	});
});

describe("propertyListError", () => {
	it("accepts a well-formed list", () => {
		expect(propertyListError("author,year|date,url|doi", "--require-properties", true)).toBeNull();
		expect(propertyListError(" author , year ", "--require-properties", true)).toBeNull();
		expect(propertyListError("pmid,arxiv", "--identity-properties", false)).toBeNull();
	});

	it.each([
		["author,,year", "has an empty entry (entry 2 of \"author,,year\")"],
		["author,", "has an empty entry (entry 2 of \"author,\")"],
		[",author", "has an empty entry (entry 1 of \",author\")"],
		["author, ,year", "has an empty entry (entry 2 of \"author, ,year\")"],
		["author,year|", "has an empty alternative (entry 2 of \"author,year|\")"],
		["author,|date", "has an empty alternative (entry 2 of \"author,|date\")"],
		["author,year||date", "has an empty alternative (entry 2 of \"author,year||date\")"],
	])("rejects %j with a message naming the entry", (written, expected) => {
		const message = propertyListError(written, "--require-properties", true);
		expect(message).toContain(`--require-properties ${expected}`);
		expect(message).toContain('such as "author,year|date,url|doi"');
	});

	it("rejects an empty list", () => {
		expect(propertyListError("  ", "--require-properties", true)).toBe(
			'--require-properties takes property names separated by commas, alternatives joined by |, such as "author,year|date,url|doi" (got nothing)',
		);
	});

	it("reads | as part of a name where there are no alternatives", () => {
		expect(propertyListError("pmid,,arxiv", "--identity-properties", false)).toContain("--identity-properties has an empty entry (entry 2");
		expect(propertyListError("a|b", "--identity-properties", false)).toBeNull();
	});
});

describe("missingRequirements", () => {
	const required = parseRequiredProperties("author,year|date,url|doi");

	it("finds nothing missing in a complete note", () => {
		expect(missingRequirements({ author: "A. Writer", year: 2015, doi: "10.1234/abc" }, required)).toEqual([]);
	});

	it("is satisfied by any one alternative", () => {
		expect(missingRequirements({ author: "A. Writer", date: "2015-03-01", url: "https://example.org" }, required)).toEqual([]);
	});

	it("lists what is missing, in the order required", () => {
		expect(missingRequirements({ year: 2015 }, required)).toEqual([["author"], ["url", "doi"]]);
	});

	it("counts an empty value as missing: nothing, blank text, an empty list or a list of blanks", () => {
		expect(missingRequirements({ author: null, year: "  ", date: [], url: [""], doi: [null] }, required)).toEqual(required);
	});

	it("counts 0, false and a non-empty list as present", () => {
		expect(missingRequirements({ author: ["A", ""], year: 0, url: false }, required)).toEqual([]);
	});

	it("matches property names case-insensitively", () => {
		expect(missingRequirements({ Author: "A", YEAR: 2015, Doi: "10.1/x" }, required)).toEqual([]);
	});

	it("finds everything missing in a note without properties", () => {
		expect(missingRequirements(null, required)).toEqual(required);
	});

	it("describes what is missing", () => {
		expect(describeRequirements([["author"], ["year", "date"]])).toBe("author; year or date");
	});
});
