/**
 * A `[@key]` and a footnote citing the key's literature note are one work cited twice (issue 17): a
 * duplicate-source finding at the key, naming the footnote labels; no fix is offered for it.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
	auditNote,
	BibliographyCache,
	createVaultResolver,
	LiteratureIndex,
	literatureSettingsOf,
	makeCitekeyLibrary,
	type CitekeyLibraryOptions,
} from "../../../src/core/index";
import { fixAllSafe, fixesForFinding } from "../../../src/core/fixes/index";
import type { NoteProperties } from "../../../src/core/vault/note-properties";

type Files = Record<string, string>;

function auditOf(files: Files, options?: CitekeyLibraryOptions, properties: Record<string, Record<string, unknown>> = {}) {
	const cache = new BibliographyCache(parse);
	const library = options
		? makeCitekeyLibrary(
				options,
				(path) => (path in files ? cache.get(path, 1, () => files[path]) : null),
				new LiteratureIndex(literatureSettingsOf(options), { markdownPaths: () => Object.keys(files).filter((path) => path.endsWith(".md")), property: (path, name) => properties[path]?.[name] }),
			)
		: undefined;
	const seam: NoteProperties = { properties: (path) => properties[path] ?? null, frontmatterError: () => null };
	const resolver = createVaultResolver({ paths: Object.keys(files), readNote: (path) => files[path] ?? null });
	return { audit: auditNote(files["Essay.md"], "Essay.md", resolver, { citekeys: library, properties: seam }), resolver };
}

const duplicates = (files: Files, options?: CitekeyLibraryOptions, properties?: Record<string, Record<string, unknown>>) =>
	auditOf(files, options, properties).audit.findings.filter((finding) => finding.kind === "duplicate-source");

describe("a key and a footnote citing its literature note", () => {
	const essay = "First [@yuan2015, p. 3].[^a] Later again.[^b]\n\n[^a]: [[@yuan2015]]\n[^b]: [[Other]]\n";
	const files: Files = { "Essay.md": essay, "Literature/@yuan2015.md": "# Yuan\n", "Other.md": "# Other\n", "refs.bib": "@article{yuan2015, title = {T}}\n" };

	it("are one work: a duplicate-source at the key, naming the footnote's label", () => {
		const found = duplicates(files, { bibliographies: ["refs.bib"], literatureFolder: "Literature" });
		expect(found.map((finding) => [essay.slice(finding.offset, finding.offset + finding.length), finding.labels, finding.resolved, finding.citekey, finding.message])).toEqual([
			["@yuan2015", ["a"], "Literature/@yuan2015.md", "yuan2015", '@yuan2015 and [^a] cite the same work: "@yuan2015" is its literature note'],
		]);
		expect(found[0].related?.map((related) => [related.label, related.line])).toEqual([["a", 3]]);
	});

	it("are found through the note's citekey property even without a literature setting", () => {
		const byProperty = { ...files, "Essay.md": essay.replace("[[@yuan2015]]", "[[Reading Yuan]]"), "Reading Yuan.md": "---\ncitationKey: yuan2015\n---\n" };
		const found = duplicates(byProperty, undefined, { "Reading Yuan.md": { citationKey: "yuan2015" } });
		expect(found.map((finding) => finding.message)).toEqual(['@yuan2015 and [^a] cite the same work: "Reading Yuan" is the note whose citekey is yuan2015']);
	});

	it("are not the same work when the footnote cites a heading of the note, or another note", () => {
		expect(duplicates({ ...files, "Essay.md": essay.replace("[[@yuan2015]]", "[[@yuan2015#Methods]]") }, { bibliographies: [], literatureFolder: "Literature" })).toEqual([]);
		// [^a] and [^b] then cite one note: that is the footnotes' own duplicate, not the key's.
		const other = duplicates({ ...files, "Essay.md": essay.replace("[[@yuan2015]]", "[[Other]]") }, { bibliographies: [], literatureFolder: "Literature" });
		expect(other.map((finding) => [finding.labels, finding.citekey])).toEqual([[["a", "b"], undefined]]);
	});

	it("offer no fix, and fix-all leaves them alone", () => {
		const { audit, resolver } = auditOf(files, { bibliographies: ["refs.bib"], literatureFolder: "Literature" });
		const finding = audit.findings.find((candidate) => candidate.kind === "duplicate-source")!;
		expect(fixesForFinding(audit, finding, resolver)).toEqual([]);
		expect(fixAllSafe(audit, { resolver })).toBeNull();
	});
});
