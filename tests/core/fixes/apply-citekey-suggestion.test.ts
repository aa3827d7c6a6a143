/**
 * Apply a did-you-mean key (unknown-citekey): before → after on whole notes, only the key's characters change,
 * and fix-all never does it on its own.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { auditNote, BibliographyCache, createVaultResolver, LiteratureIndex, literatureSettingsOf, makeCitekeyLibrary } from "../../../src/core/index";
import { applyCitekeySuggestion, applyEdits, fixAllSafe, fixesForFinding } from "../../../src/core/fixes/index";

const BIB = "@book{Smith2020, title = {A}}\n@book{smith:2020/x, title = {B}}\n@book{doe99, title = {C}}\n";

function auditOf(note: string) {
	const options = { bibliographies: ["refs.bib"] };
	const cache = new BibliographyCache(parse);
	const library = makeCitekeyLibrary(
		options,
		(path) => (path === "refs.bib" ? cache.get(path, 1, () => BIB) : null),
		new LiteratureIndex(literatureSettingsOf(options), { markdownPaths: () => [], property: () => undefined }),
	);
	const resolver = createVaultResolver({ paths: ["Essay.md", "refs.bib"], readNote: () => null });
	return { audit: auditNote(note, "Essay.md", resolver, { citekeys: library }), resolver };
}

/** The note after applying the row fix that changes the first unknown key to `key`. */
function after(note: string, key: string): string | null {
	const { audit } = auditOf(note);
	const finding = audit.findings.find((candidate) => candidate.kind === "unknown-citekey");
	if (!finding) throw new Error("no unknown key");
	const fix = applyCitekeySuggestion(audit, finding, key);
	return fix ? applyEdits(note, fix.edits) : null;
}

describe("applyCitekeySuggestion", () => {
	it("rewrites only the key of a bracketed citation, prefix and locator kept", () => {
		expect(after("As shown [see @smith2020, p. 4; @doe99].\n", "Smith2020")).toBe("As shown [see @Smith2020, p. 4; @doe99].\n");
	});

	it("keeps suppress-author, an in-text locator and the sentence's punctuation", () => {
		expect(after("Shown [-@smtih2020].\n", "Smith2020")).toBe("Shown [-@Smith2020].\n");
		expect(after("@Smtih2020 [p. 3] says.\n", "Smith2020")).toBe("@Smith2020 [p. 3] says.\n");
		expect(after("Per @smith2020.\n", "Smith2020")).toBe("Per @Smith2020.\n");
	});

	it("keeps braces, and braces a key that cannot stand bare", () => {
		expect(after("See @{Smith 2020} now.\n", "Smith2020")).toBe("See @{Smith2020} now.\n");
		expect(after("See [@smith:2020/y].\n", "smith:2020/x")).toBe("See [@smith:2020/x].\n");
	});

	it("is a row fix with one button per suggestion, title naming the key; fix-all never applies it", () => {
		const note = "[@smith2020]\n";
		const { audit, resolver } = auditOf(note);
		const finding = audit.findings.find((candidate) => candidate.kind === "unknown-citekey")!;
		// Case first, then the same author and year in another key style.
		expect(finding.suggestions).toEqual(["Smith2020", "smith:2020/x"]);
		expect(fixesForFinding(audit, finding, resolver).map((fix) => fix.title)).toEqual(["Change key to @Smith2020", "Change key to @smith:2020/x"]);
		expect(fixAllSafe(audit, { resolver })).toBeNull();
	});

	it("offers nothing for a key that is not one of the finding's suggestions, or for another kind", () => {
		const note = "[@smith2020] [@doe99]\n";
		const { audit } = auditOf(note);
		const finding = audit.findings.find((candidate) => candidate.kind === "unknown-citekey")!;
		expect(applyCitekeySuggestion(audit, finding, "doe99")).toBeNull();
		expect(applyCitekeySuggestion(audit, { ...finding, kind: "duplicate-citekey" }, "Smith2020")).toBeNull();
	});
});
