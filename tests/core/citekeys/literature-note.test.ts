/**
 * The text of a new literature note, and the plan (path + text) for a `citekey-without-note` finding. The YAML
 * writer is the `yaml` package here (Obsidian's stringifyYaml in the plugin); every test reads the frontmatter
 * back with a YAML parser, so what a title holds can never change the structure.
 */
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import {
	auditNote,
	BibliographyCache,
	createVaultResolver,
	literatureNotePath,
	LiteratureIndex,
	literatureNoteText,
	literatureSettingsOf,
	makeCitekeyLibrary,
	planLiteratureNote,
	type BibEntry,
} from "../../../src/core/index";

function frontmatterOf(text: string): unknown {
	const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
	if (!match) throw new Error(`no frontmatter in ${JSON.stringify(text)}`);
	return parse(match[1]);
}

describe("literatureNoteText", () => {
	it("writes key, title, authors, year, DOI and URL as properties, and the title as the heading", () => {
		const entry: BibEntry = {
			key: "mullerKernelsOrchard2021",
			title: "Kernels of the Orchard: A Field Study",
			authors: ["Jörg Müller", "Anneke van der Berg"],
			year: "2021",
			doi: "10.5555/orchard.2021.012",
			url: "https://example.org/orchard",
			line: 3,
		};
		const text = literatureNoteText(entry, stringify);
		expect(frontmatterOf(text)).toEqual({
			citekey: "mullerKernelsOrchard2021",
			title: "Kernels of the Orchard: A Field Study",
			authors: ["Jörg Müller", "Anneke van der Berg"],
			year: "2021",
			doi: "10.5555/orchard.2021.012",
			url: "https://example.org/orchard",
		});
		expect(text.endsWith("---\n\n# Kernels of the Orchard: A Field Study\n")).toBe(true);
	});

	it("uses the configured key property and leaves out fields the entry lacks", () => {
		const text = literatureNoteText({ key: "k1", authors: [], line: 1 }, stringify, "citationKey");
		expect(frontmatterOf(text)).toEqual({ citationKey: "k1" });
		expect(text.endsWith("# k1\n")).toBe(true);
	});

	it("a hostile title (YAML syntax, quotes, a line break, a closing ---) stays one value", () => {
		const title = 'Part: one # not a comment\n---\nkey: "injected" [@x] & *alias';
		const text = literatureNoteText({ key: "hostile", title, authors: ["- a", "b: c"], year: "2020", line: 1 }, stringify);
		expect(frontmatterOf(text)).toEqual({
			citekey: "hostile",
			title: 'Part: one # not a comment --- key: "injected" [@x] & *alias',
			authors: ["- a", "b: c"],
			year: "2020",
		});
		// The heading is one line: the title's line break cannot start a new block.
		expect(text.split("\n").filter((line) => line.startsWith("#"))).toEqual(['# Part: one # not a comment --- key: "injected" [@x] & *alias']);
	});
});

describe("planLiteratureNote", () => {
	const note = "[@garcia2019] and [@unknown1]\n";
	const bib = "@book{garcia2019, title = {Seasons of the Long Drought}, author = {Garc{\\'i}a, Ana Sof{\\'i}a}, year = 2019, doi = {10.5555/drought}}\n";
	const files: Record<string, string> = { "Essay.md": note, "refs.bib": bib };
	const auditWith = (folder: string | undefined, template?: string) => {
		const options = { bibliographies: ["refs.bib"], literatureFolder: folder, literatureTemplate: template };
		const cache = new BibliographyCache(parse);
		const library = makeCitekeyLibrary(
			options,
			(path) => (path in files ? cache.get(path, 1, () => files[path]) : null),
			new LiteratureIndex(literatureSettingsOf(options), { markdownPaths: () => ["Essay.md"], property: () => undefined }),
		);
		const audit = auditNote(note, "Essay.md", createVaultResolver({ paths: Object.keys(files), readNote: (path) => files[path] ?? null }), { citekeys: library });
		return { audit, library };
	};

	it("plans the note in the folder, named by the template, from the key's entry", () => {
		const { audit, library } = auditWith("Reading/Literature", "{{citekey}} (notes)");
		const finding = audit.findings.find((candidate) => candidate.kind === "citekey-without-note");
		expect(finding?.citekey).toBe("garcia2019");
		const plan = planLiteratureNote(audit, finding!, library, stringify);
		expect(plan?.path).toBe("Reading/Literature/garcia2019 (notes).md");
		expect(frontmatterOf(plan!.text)).toEqual({ citekey: "garcia2019", title: "Seasons of the Long Drought", authors: ["Ana Sofía García"], year: "2019", doi: "10.5555/drought" });
	});

	it("offers nothing for an unknown key (no entry) or without a folder", () => {
		const { audit, library } = auditWith("Literature");
		const unknown = audit.findings.find((candidate) => candidate.kind === "unknown-citekey");
		expect(unknown).toBeDefined();
		expect(planLiteratureNote(audit, unknown!, library, stringify)).toBeNull();
		const without = auditWith(undefined);
		expect(without.audit.findings.some((candidate) => candidate.kind === "citekey-without-note")).toBe(false);
		const forged = { ...audit.findings.find((candidate) => candidate.kind === "citekey-without-note")! };
		expect(planLiteratureNote(without.audit, forged, without.library, stringify)).toBeNull();
	});

	it("literatureNotePath keeps a key's / and : out of the file name", () => {
		expect(literatureNotePath({ folder: "Lit", template: "@{{citekey}}" }, "doi:10.1/x")).toBe("Lit/@doi-10.1-x.md");
	});
});

describe("LiteratureIndex", () => {
	it("finds notes by template in the folder (and below it), by property anywhere, sorted so the first path wins", () => {
		const both = new LiteratureIndex({ folder: "Lit", template: "@{{citekey}}", property: "citekey" }, { markdownPaths: () => ["Lit/@a.md", "Notes/n.md"], property: (path) => (path === "Notes/n.md" ? "n1" : undefined) });
		expect([...both.keys()].sort()).toEqual(["a", "n1"]);
		const paths = ["Lit/@a.md", "Lit/Sub/@b.md", "Other/@c.md", "Lit/z.md", "Lit/y.md", "Notes/n.md"];
		const values: Record<string, unknown> = { "Lit/z.md": "dup", "Lit/y.md": ["dup", "@listed"], "Notes/n.md": 2020 };
		const byFolder = new LiteratureIndex({ folder: "Lit", template: "@{{citekey}}" }, { markdownPaths: () => paths, property: () => undefined });
		expect([...byFolder.keys()].sort()).toEqual(["a", "b"]);
		const byProperty = new LiteratureIndex({ template: "@{{citekey}}", property: "citekey" }, { markdownPaths: () => paths, property: (path) => values[path] });
		expect(Object.fromEntries([...byProperty.keys()].map((key) => [key, byProperty.note(key)]))).toEqual({ dup: "Lit/y.md", listed: "Lit/y.md", "2020": "Notes/n.md" });
	});

	it("is built once and again only after invalidate()", () => {
		let listings = 0;
		const paths = ["Lit/@a.md"];
		const index = new LiteratureIndex({ folder: "Lit", template: "@{{citekey}}" }, { markdownPaths: () => (listings++, paths), property: () => undefined });
		expect(index.note("a")).toBe("Lit/@a.md");
		paths.push("Lit/@b.md");
		expect(index.note("b")).toBeNull();
		expect(listings).toBe(1);
		index.invalidate();
		expect(index.note("b")).toBe("Lit/@b.md");
		expect(listings).toBe(2);
	});
});
