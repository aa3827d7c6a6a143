import { describe, expect, it } from "vitest";
import { applySuggestion, shortestLinktext } from "../../../src/core/fixes/apply-suggestion";
import { applied, audit, kindsOf, note, resolverFor, VAULT_PATHS } from "./helpers";

/** The fix turning the note's first unresolved link into `path`. */
function suggest(text: string, path: string, paths = VAULT_PATHS) {
	const result = audit(text, paths);
	const finding = result.findings.find((candidate) => candidate.kind === "unresolved-target" || candidate.kind === "unresolved-link");
	return finding ? applySuggestion(result, finding, path, resolverFor(paths)) : null;
}

describe("applySuggestion", () => {
	it("rewrites the target to the note's bare name, keeping alias and subpath", () => {
		const before = note("a[^1]", "", "[^1]: [[Same Sorce#Search|the source]]");
		const fix = suggest(before, "Sources/Same Source.md");
		expect(fix?.title).toBe('Change link to "Same Source"');
		expect(applied(before, fix)).toBe(note("a[^1]", "", "[^1]: [[Same Source#Search|the source]]"));
		expect(kindsOf(audit(applied(before, fix)))).toEqual([]);
	});

	it("writes the full path, without .md, when the bare name would be ambiguous", () => {
		const before = note("a[^1]", "", "[^1]: [[Twinn]]");
		expect(applied(before, suggest(before, "Archive/Twin.md"))).toBe(note("a[^1]", "", "[^1]: [[Archive/Twin]]"));
	});

	it("keeps the extension of a file that is not a note", () => {
		const before = note("a[^1]", "", "[^1]: ![[papr.pdf]]");
		expect(applied(before, suggest(before, "attachments/paper.pdf"))).toBe(note("a[^1]", "", "[^1]: ![[paper.pdf]]"));
	});

	it("keeps the `\\|` of a link inside a table", () => {
		const before = note("| a[^1] |", "| --- |", "| [[Same Sorce\\|alias]] |", "", "[^1]: x");
		expect(applied(before, suggest(before, "Sources/Same Source.md"))).toBe(
			note("| a[^1] |", "| --- |", "| [[Same Source\\|alias]] |", "", "[^1]: x"),
		);
	});

	it("rewrites a markdown link's URL, encoded, with .md and the heading kept", () => {
		const before = note("See [the piece](Same%20Sorce.md#Search).", "");
		expect(applied(before, suggest(before, "Sources/Same Source.md"))).toBe(note("See [the piece](Same%20Source.md#Search).", ""));
		const angled = note("See [the piece](<Same Sorce.md>).", "");
		expect(applied(angled, suggest(angled, "Sources/Same Source.md"))).toBe(note("See [the piece](<Same Source.md>).", ""));
	});

	it("refuses a path a wikilink cannot hold, and a finding that is not about an unresolved link", () => {
		expect(suggest(note("a[^1]", "", "[^1]: [[Odd]]"), "Odd#1.md", ["Odd#1.md"])).toBeNull();
		const result = audit(note("a[^1]", "", "[^1]: [[Same Source]]", "[^2]: x"));
		expect(applySuggestion(result, result.findings[0], "Sources/Same Source.md", resolverFor())).toBeNull();
	});
});

describe("shortestLinktext", () => {
	it("is the bare name when it opens exactly that file, else the full path", () => {
		const resolver = resolverFor();
		expect(shortestLinktext("Sources/Other Source.md", "Essay.md", resolver)).toBe("Other Source");
		expect(shortestLinktext("Inbox/Twin.md", "Essay.md", resolver)).toBe("Inbox/Twin");
		expect(shortestLinktext("Nowhere.md", "Essay.md", resolver)).toBeNull();
	});
});
