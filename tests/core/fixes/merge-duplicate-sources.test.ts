import { describe, expect, it } from "vitest";
import { findDuplicateSourceGroups } from "../../../src/core/audit/duplicate-sources";
import { mergeDuplicateSources } from "../../../src/core/fixes/merge-duplicate-sources";
import { applied, audit, kindsOf, note } from "./helpers";

/** The fixes for the note's first duplicate-source finding. */
function mergesOf(text: string) {
	const result = audit(text);
	const finding = result.findings.find((candidate) => candidate.kind === "duplicate-source");
	return finding ? mergeDuplicateSources(result, finding) : [];
}

describe("mergeDuplicateSources", () => {
	it("keeps the first label, rewrites the others, collapses neighbours and deletes the copies", () => {
		const before = note(
			"Filler drowns us[^9] [^10] [^11] [^12] [^13] .[^14]",
			"Prompts slip past it[^42] .[^11]",
			"",
			"[^9]: [[Other Source]]",
			"[^10]: [[Same Source|Same Source]]",
			"[^11]: [[Same Source|Same Source]]",
			"[^12]: [[Same Source]]",
			"[^13]: [[Third Source]]",
			"[^14]: [[Same Source|Same Source]]",
			"[^42]: [[Third Source#Search]]",
		);
		const [fix, ...rest] = mergesOf(before);
		expect(rest).toEqual([]);
		expect(fix?.title).toBe("Merge [^11], [^12] and [^14] into [^10]");
		expect(fix?.lossy).toBeUndefined();
		expect(fix?.removedText).toEqual([
			"[^11]: [[Same Source|Same Source]]",
			"[^12]: [[Same Source]]",
			"[^14]: [[Same Source|Same Source]]",
		]);
		expect(applied(before, fix)).toBe(
			note(
				"Filler drowns us[^9] [^10] [^13] .[^10]",
				"Prompts slip past it[^42] .[^10]",
				"",
				"[^9]: [[Other Source]]",
				"[^10]: [[Same Source|Same Source]]",
				"[^13]: [[Third Source]]",
				"[^42]: [[Third Source#Search]]",
			),
		);
	});

	it("maps labels, not occurrences: a footnote cited three times keeps all three citations", () => {
		const before = note("One[^b]. Two[^b]. Three[^a] and[^b].", "", "[^a]: [[Same Source]]", "[^b]: [[Same Source]]");
		expect(applied(before, mergesOf(before)[0])).toBe(note("One[^a]. Two[^a]. Three[^a] and[^a].", "", "[^a]: [[Same Source]]"));
	});

	it("collapses a run only where the merge created it, tabs and no space included", () => {
		const before = note("x[^1][^2]\t[^1] and y[^1] [^1]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]");
		expect(applied(before, mergesOf(before)[0])).toBe(note("x[^1] and y[^1] [^1]", "", "[^1]: [[Same Source]]"));
	});

	it("does not collapse references separated by punctuation or a line break", () => {
		const before = note("x[^1],[^2]", "[^2] y", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]");
		expect(applied(before, mergesOf(before)[0])).toBe(note("x[^1],[^1]", "[^1] y", "", "[^1]: [[Same Source]]"));
	});

	it("matches labels case-insensitively and writes the kept label as its definition does", () => {
		const before = note("x[^Smith] y[^JONES] z[^jones]", "", "[^smith]: [[Same Source]]", "[^Jones]: [[same source]]");
		expect(applied(before, mergesOf(before)[0])).toBe(note("x[^Smith] y[^smith] z[^smith]", "", "[^smith]: [[Same Source]]"));
	});

	it("deletes continuation lines with the definition, CRLF included", () => {
		const before = ["x[^1] y[^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]", "", "    ", "[^3]: [[Other Source]]", ""].join("\r\n");
		const after = ["x[^1] y[^1]", "", "[^1]: [[Same Source]]", "", "    ", "[^3]: [[Other Source]]", ""].join("\r\n");
		expect(applied(before, mergesOf(before)[0])).toBe(after);
	});

	it("deletes a multi-line definition whole", () => {
		const before = note("x[^1] y[^2]", "", "[^2]: [[Same Source]]", "    also [[Same Source]]", "[^1]: [[Same Source]]", "    also [[Same Source]]", "", "tail");
		expect(applied(before, mergesOf(before)[0])).toBe(note("x[^2] y[^2]", "", "[^2]: [[Same Source]]", "    also [[Same Source]]", "", "tail"));
	});

	it("at the end of a note without a final line break, takes the line break before the deleted line", () => {
		const before = note("x[^1] y[^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]");
		expect(applied(before, mergesOf(before)[0])).toBe(note("x[^1] y[^1]", "", "[^1]: [[Same Source]]"));
	});

	it("treats an embed, a different spelling and an alias repeating the name as the same citation", () => {
		const before = note("x[^1] y[^2] z[^3]", "", "[^1]: [[Same Source]]", "[^2]: ![[Sources/Same Source.md|Same Source]]", "[^3]: [[same source]]");
		expect(applied(before, mergesOf(before)[0])).toBe(note("x[^1] y[^1] z[^1]", "", "[^1]: [[Same Source]]"));
	});

	it("counts an alias or a markdown link's text as part of what the definition says (a merge would lose it)", () => {
		const before = note(
			"x[^1] y[^2] z[^3]",
			"",
			"[^1]: [[Same Source]]",
			"[^2]: [[Same Source|Same Source, p. 12]]",
			"[^3]: [Smith 2020, p. 9](Sources/Same%20Source.md)",
		);
		const fixes = mergesOf(before);
		expect(fixes.map((fix) => [fix.title, fix.lossy ?? false, fix.removedText])).toEqual([
			["Merge [^2] into [^1]", true, ["[^2]: [[Same Source|Same Source, p. 12]]"]],
			["Merge [^3] into [^1]", true, ["[^3]: [Smith 2020, p. 9](Sources/Same%20Source.md)"]],
		]);
	});

	it("merges without asking when a markdown link's text only repeats the note's name", () => {
		const before = note("x[^1] y[^2]", "", "[^1]: [[Same Source]]", "[^2]: [Same Source](Sources/Same%20Source.md)");
		expect(mergesOf(before).map((fix) => fix.lossy ?? false)).toEqual([false]);
	});

	it("offers a lossy pair merge, showing the text that would go, for a definition that says more", () => {
		const before = note(
			"a[^1] b[^2] c[^3] d[^4]",
			"",
			"[^1]: [[Same Source]]",
			"[^2]: [[Same Source]], p. 12",
			"[^3]: [[Same Source|Same Source]]",
			"[^4]: [[Same Source]] and [[Other Source]]",
		);
		const fixes = mergesOf(before);
		expect(fixes.map((fix) => [fix.title, fix.lossy ?? false, fix.removedText])).toEqual([
			["Merge [^3] into [^1]", false, ["[^3]: [[Same Source|Same Source]]"]],
			["Merge [^2] into [^1]", true, ["[^2]: [[Same Source]], p. 12"]],
			["Merge [^4] into [^1]", true, ["[^4]: [[Same Source]] and [[Other Source]]"]],
		]);
		expect(applied(before, fixes[1])).toBe(
			note("a[^1] b[^1] c[^3] d[^4]", "", "[^1]: [[Same Source]]", "[^3]: [[Same Source|Same Source]]", "[^4]: [[Same Source]] and [[Other Source]]"),
		);
	});

	it("merges two definitions of a missing note (same link path)", () => {
		const before = note("a[^1] b[^2]", "", "[^1]: [[Nowhere]]", "[^2]: [[nowhere|Nowhere]]");
		expect(applied(before, mergesOf(before)[0])).toBe(note("a[^1] b[^1]", "", "[^1]: [[Nowhere]]"));
	});

	it("refuses a group with a label defined twice: which copy goes would be a guess", () => {
		const before = note("a[^1] b[^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]", "[^2]: [[Other Source]]");
		expect(mergesOf(before)).toEqual([]);
	});

	it("refuses to delete a definition that shares its line with a quote marker", () => {
		const before = note("a[^1] b[^2]", "", "[^1]: [[Same Source]]", "> [^2]: [[Same Source]]");
		expect(mergesOf(before)).toEqual([]);
	});

	it("takes the group itself as well as its finding", () => {
		const before = note("a[^1] b[^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]");
		const result = audit(before);
		const [group] = findDuplicateSourceGroups(result.document, result.outcomes);
		expect(mergeDuplicateSources(result, group).map((fix) => fix.title)).toEqual(["Merge [^2] into [^1]"]);
	});

	it("leaves no duplicate-source finding behind", () => {
		const before = note("a[^1] b[^2] c[^3]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]", "[^3]: [[Same Source]]");
		expect(kindsOf(audit(applied(before, mergesOf(before)[0])))).toEqual([]);
	});
});
