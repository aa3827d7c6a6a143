/**
 * Where keys come from, through the whole audit (auditNote with a library built from core parts, files in
 * memory): the note's frontmatter `bibliography:` (relative to the note's folder, then the vault root), then the
 * files named in the settings, then literature notes; and what each source's failure looks like.
 */
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
	auditNote,
	BibliographyCache,
	createVaultResolver,
	LiteratureIndex,
	literatureSettingsOf,
	makeCitekeyLibrary,
	type CitekeyLibraryOptions,
	type Finding,
} from "../../../src/core/index";

type Files = Record<string, string>;

function audit(files: Files, notePath: string, options: CitekeyLibraryOptions = { bibliographies: [] }, properties: Record<string, Record<string, unknown>> = {}) {
	const cache = new BibliographyCache(parseYaml);
	const library = makeCitekeyLibrary(
		options,
		(path) => (path in files ? cache.get(path, 1, () => files[path]) : null),
		new LiteratureIndex(literatureSettingsOf(options), {
			markdownPaths: () => Object.keys(files).filter((path) => path.endsWith(".md")),
			property: (path, name) => properties[path]?.[name],
		}),
	);
	const resolver = createVaultResolver({ paths: Object.keys(files), readNote: (path) => files[path] ?? null });
	return auditNote(files[notePath], notePath, resolver, { citekeys: library });
}

/** [kind, the text the finding covers, its message] for each finding. */
function described(text: string, findings: readonly Finding[]): [string, string, string][] {
	return findings.map((finding) => [finding.kind, text.slice(finding.offset, finding.offset + finding.length), finding.message]);
}

const BIB_A = "@book{shared2020, title = {First Work}, year = 2020}\n@book{onlyA2001, title = {Only in A}, year = 2001}\n";
const BIB_B = "@book{shared2020, title = {Another Work Entirely}, year = 2020}\n";

describe("the order of the sources", () => {
	it("a frontmatter path is looked up in the note's folder first, then at the vault root", () => {
		const note = "---\nbibliography: refs.bib\n---\nSee [@inFolder1999].\n";
		const files: Files = {
			"Essays/Essay.md": note,
			"Essays/refs.bib": "@book{inFolder1999, title = {Beside the Note}}\n",
			"refs.bib": "@book{atRoot1999, title = {At the Root}}\n",
		};
		expect(described(note, audit(files, "Essays/Essay.md").findings)).toEqual([]);
		delete files["Essays/refs.bib"];
		const text = files["Essays/Essay.md"];
		// Now the root file answers, and it does not hold the key.
		expect(described(text, audit(files, "Essays/Essay.md").findings)).toEqual([
			["unknown-citekey", "@inFolder1999", "@inFolder1999 is in no bibliography and has no literature note"],
		]);
	});

	it("the note's own bibliography comes before the settings' files: a duplicate lists them in that order", () => {
		const note = "---\nbibliography: [a.bib]\n---\nSee [@shared2020] and [@onlyA2001].\n";
		const files: Files = { "Essay.md": note, "a.bib": BIB_A, "b.bib": BIB_B };
		expect(described(note, audit(files, "Essay.md", { bibliographies: ["b.bib"] }).findings)).toEqual([
			["duplicate-citekey", "@shared2020", "@shared2020 names different works in a.bib:1, b.bib:1"],
		]);
	});

	it("the same work exported twice is no duplicate", () => {
		const note = "---\nbibliography: [a.bib, copy.bib]\n---\n[@onlyA2001]\n";
		const files: Files = { "Essay.md": note, "a.bib": BIB_A, "copy.bib": "@book{onlyA2001, title = {Only in {A}}, year = {2001}}\n" };
		expect(audit(files, "Essay.md").findings).toEqual([]);
	});

	it("the same work exported twice with the same DOI is no duplicate, however its names are written", () => {
		// A .bib that holds a Zotero export twice (BibTeX and BibLaTeX styles) writes the same paper's title
		// braces and authors differently; the DOI names the work (DOI Handbook 2.4: case-insensitive).
		const note = "---\nbibliography: refs.bib\n---\n[@twice2019]\n";
		const refs =
			"@article{twice2019, title = {Salt {Marsh} Notes}, author = {Vos, Ilse and von Arden, Piet}, year = {2019}, doi = {10.5555/Marsh.19}}\n" +
			"@article{twice2019, title = {Salt {{Marsh Notes}}}, author = {Vos, Ilse and family=Arden, given=Piet, prefix=von, useprefix=true}, date = {2019-03-02}, doi = {https://doi.org/10.5555/marsh.19}}\n";
		expect(audit({ "Essay.md": note, "refs.bib": refs }, "Essay.md").findings).toEqual([]);
	});

	it("two entries under one key with different DOIs are different works, even with the same title", () => {
		const note = "---\nbibliography: refs.bib\n---\n[@twice2019]\n";
		const refs =
			"@article{twice2019, title = {Salt Marsh Notes}, year = {2019}, doi = {10.5555/marsh.19}}\n" +
			"@article{twice2019, title = {Salt Marsh Notes}, year = {2019}, doi = {10.5555/marsh.19.erratum}}\n";
		expect(described(note, audit({ "Essay.md": note, "refs.bib": refs }, "Essay.md").findings)).toEqual([
			["duplicate-citekey", "@twice2019", "@twice2019 names different works in refs.bib:1, refs.bib:2"],
		]);
	});

	it("a literature note makes a key known that no bibliography has: by file name and template, or by property", () => {
		const note = "[@byName2010] [@byProperty2011] [@nowhere2012]\n";
		const files: Files = {
			"Essay.md": note,
			"Literature/@byName2010.md": "# By name\n",
			"Literature/Reading notes on a book.md": "---\ncitekey: byProperty2011\n---\n",
		};
		const options = { bibliographies: [], literatureFolder: "Literature", citekeyProperty: "citekey" };
		const properties = { "Literature/Reading notes on a book.md": { citekey: "byProperty2011" } };
		expect(described(note, audit(files, "Essay.md", options, properties).findings)).toEqual([
			["unknown-citekey", "@nowhere2012", "@nowhere2012 is in no bibliography and has no literature note"],
		]);
		// With the template {{citekey}} the file `@byName2010.md` stands for the key "@byName2010", not "byName2010".
		const plain = audit(files, "Essay.md", { ...options, literatureTemplate: "{{citekey}}" }, properties);
		expect(plain.findings.map((finding) => finding.citekey)).toEqual(["byName2010", "nowhere2012"]);
	});

	it("with a literature folder set, a key known from a bibliography but without a note is reported once, as info", () => {
		const note = "[@onlyA2001] and again [@onlyA2001]\n";
		const files: Files = { "Essay.md": note, "a.bib": BIB_A };
		const found = audit(files, "Essay.md", { bibliographies: ["a.bib"], literatureFolder: "Literature" }).findings;
		expect(described(note, found)).toEqual([["citekey-without-note", "@onlyA2001", "@onlyA2001 has no literature note"]]);
		expect(found[0].severity).toBe("info");
		// Without the folder nothing is said about literature notes.
		expect(audit(files, "Essay.md", { bibliographies: ["a.bib"] }).findings).toEqual([]);
	});

	it("did-you-mean keys come from every source: Zotero-style against short, case, and a typo", () => {
		const note = "[@smithDeepLearning2020] [@SMITH2020] [@smtih2020]\n";
		const files: Files = { "Essay.md": note, "a.bib": "@book{smith2020, title = {Deep Learning}}\n" };
		const found = audit(files, "Essay.md", { bibliographies: ["a.bib"] }).findings;
		expect(found.map((finding) => [finding.citekey, finding.suggestions])).toEqual([
			["smithDeepLearning2020", ["smith2020"]],
			["SMITH2020", ["smith2020"]],
			["smtih2020", ["smith2020"]],
		]);
	});
});

describe("keys that need braces", () => {
	it("are written with their braces in messages, the did-you-mean too (`@{Smith 2020}`, not `@Smith 2020`)", () => {
		const note = "[@{smith 2020}] and [@{Smith--2020}]\n";
		// CSL-JSON ids may hold spaces (a BibTeX key cannot).
		const files: Files = { "Essay.md": note, "a.json": '[{"id": "Smith 2020", "type": "book", "title": "Spaced"}]' };
		const messages = audit(files, "Essay.md", { bibliographies: ["a.json"] }).findings.map((finding) => finding.message);
		expect(messages[0]).toMatch(/^@\{smith 2020\} is in no bibliography and has no literature note; did you mean @\{Smith 2020\}\?$/);
		expect(messages[1]).toMatch(/^@\{Smith--2020\} is in no bibliography/);
	});
});

describe("a source that fails", () => {
	it("a malformed .bib gives one finding naming the file and the line, at the frontmatter path; its good entries still count", () => {
		const note = "---\nbibliography: broken.bib\n---\n[@goodEntry2001] [@brokenEntry2002]\n";
		const files: Files = {
			"Essay.md": note,
			"broken.bib": "@article{goodEntry2001,\n  title = {Sound},\n}\n\n@book{brokenEntry2002,\n  title = {Never {Closed},\n}\n",
		};
		const found = audit(files, "Essay.md").findings;
		expect(found.filter((finding) => finding.kind === "invalid-bibliography").map((finding) => [note.slice(finding.offset, finding.offset + finding.length), finding.line])).toEqual([
			["broken.bib", 2],
		]);
		expect(found.find((finding) => finding.kind === "invalid-bibliography")?.message).toMatch(/^Bibliography broken\.bib does not parse at line 5: /);
		expect(found.some((finding) => finding.citekey === "goodEntry2001")).toBe(false);
	});

	it("a missing frontmatter file is an error at its own path in the list; the other files are still read", () => {
		const note = "---\nbibliography:\n  - a.bib\n  - gone.json\n---\n[@onlyA2001]\n";
		const found = audit({ "Essay.md": note, "a.bib": BIB_A }, "Essay.md").findings;
		expect(described(note, found)).toEqual([["missing-bibliography", "gone.json", "Bibliography gone.json named in the frontmatter does not exist"]]);
		expect(found[0].line).toBe(4);
	});

	it("a missing settings file is reported once, at the note's first citation, and only in a note that cites keys", () => {
		const note = "Text, then [@onlyA2001] and [@other].\n";
		const files: Files = { "Essay.md": note, "Plain.md": "No keys here.[^1]\n\n[^1]: [[Essay]]\n" };
		expect(described(note, audit(files, "Essay.md", { bibliographies: ["gone.bib"] }).findings)[0]).toEqual([
			"missing-bibliography",
			"@onlyA2001",
			"Bibliography gone.bib named in the settings does not exist",
		]);
		expect(audit(files, "Plain.md", { bibliographies: ["gone.bib"] }).findings).toEqual([]);
	});

	it("no source at all: one info finding for the note that says how to configure one, not an error per key", () => {
		const note = "[@a] [@b] [@a]\n";
		const found = audit({ "Essay.md": note }, "Essay.md").findings;
		expect(found.map((finding) => [finding.kind, finding.severity, finding.offset])).toEqual([["no-bibliography", "info", 0 + note.indexOf("@a")]]);
		expect(found[0].message).toContain("cites 2 Pandoc citation keys");
		expect(found[0].message).toContain("--bibliography FILE");
	});

	it("a bibliography still being read (the plugin's asynchronous read) judges no key", () => {
		const note = "[@anything]\n";
		const library = makeCitekeyLibrary(
			{ bibliographies: ["slow.bib"] },
			() => ({ format: "bibtex", entries: [], pending: true }),
			new LiteratureIndex(literatureSettingsOf({ bibliographies: [] }), { markdownPaths: () => [], property: () => undefined }),
		);
		const resolver = createVaultResolver({ paths: ["Essay.md"], readNote: () => note });
		expect(auditNote(note, "Essay.md", resolver, { citekeys: library }).findings).toEqual([]);
	});
});

describe("exclusions through the whole audit", () => {
	it("e-mail addresses, URLs and code are never keys, so they are never unknown", () => {
		const note = "Write to a.b@example.org, see https://example.org/@someone and `@code2020`, or\n\n```\n@fenced2020\n```\n";
		const found = audit({ "Essay.md": note, "a.bib": BIB_A }, "Essay.md", { bibliographies: ["a.bib"] });
		expect(found.findings).toEqual([]);
		expect(found.stats.citekeys).toBe(0);
	});

	it("stats count key occurrences and distinct works", () => {
		const note = "[@onlyA2001; @shared2020] and @onlyA2001 [p. 2]\n";
		const result = audit({ "Essay.md": note, "a.bib": BIB_A }, "Essay.md", { bibliographies: ["a.bib"] });
		expect([result.stats.citekeys, result.stats.citedWorks]).toEqual([3, 2]);
	});
});
