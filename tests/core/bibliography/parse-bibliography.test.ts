import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { BibliographyCache, parseBibliography } from "../../../src/core/index";

const FIXTURES = fileURLToPath(new URL("../../fixtures/bibliography", import.meta.url));
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const load = (name: string) => parseBibliography(name, read(name), parseYaml);

describe("BibTeX / BibLaTeX (a Better BibTeX style export)", () => {
	const parsed = load("better-bibtex.bib");

	it("reads every entry's key, skipping @string, @preamble, @comment and comments", () => {
		expect(parsed.error).toBeUndefined();
		expect(parsed.entries.map((entry) => entry.key)).toEqual(["mullerKernelsOrchard2021", "garciaLongDrought2019", "Smith2020", "leeTidalNotes2018"]);
	});

	it("decodes accents, protective braces, corporate names and name prefixes", () => {
		const [muller, garcia, , lee] = parsed.entries;
		expect(muller).toMatchObject({
			title: "Kernels of the Orchard: A Field Study",
			authors: ["Jörg Müller", "Zdeňka Dvořák", "Anneke van der Berg"],
			year: "2021",
			doi: "10.5555/orchard.2021.012",
			url: "https://example.org/orchard",
		});
		expect(garcia.authors).toEqual(["Ana Sofía García", "Brendan O'Neill"]);
		expect(garcia.title).toBe("Seasons of the Long Drought");
		expect(lee).toMatchObject({ title: "Tidal Notes: Salt, Silt and Sand", authors: ["Coastal Survey Collective"], url: "https://example.org/tidal?x=1&y=2" });
	});

	it("reads BibLaTeX's extended name format (key=value parts, as Better BibTeX writes names with a particle)", () => {
		// Biber's extended name format: `family=…, given=…, prefix=…, suffix=…, useprefix=…` inside one name.
		// Read as a plain "Last, First" name it became "useprefix=true family=Hoven" (seen in a public wiki's .bib).
		const text =
			"@article{k1, author = {Okafor, Chidi and family=Hoven, given=Mira, prefix=van den, useprefix=true and " +
			"given={Tomás}, family={Ruiz}, suffix={Jr.}}, title = {Quiet Rivers}, year = 2011}\n";
		const [entry] = parseBibliography("x.bib", text, parseYaml).entries;
		expect(entry.authors).toEqual(["Chidi Okafor", "Mira van den Hoven", "Tomás Ruiz, Jr."]);
	});

	it("leaves a plain name holding `=` inside braces as it is", () => {
		const text = "@misc{k2, author = {{Group A=B Collective} and Lind, Ada}, title = {T}}\n";
		const [entry] = parseBibliography("x.bib", text, parseYaml).entries;
		expect(entry.authors).toEqual(["Group A=B Collective", "Ada Lind"]);
	});

	it("gives each entry its line", () => {
		const lines = read("better-bibtex.bib").split("\n");
		for (const entry of parsed.entries) expect(lines[entry.line - 1]).toContain(`{${entry.key},`);
	});

	it("expands @string macros and # concatenation, and reads parenthesised entries", () => {
		const text = '@string{ed = "Second"}\n@book(k1, title = ed # " Edition of " # {the {Atlas}}, year = 1999)\n';
		expect(parseBibliography("x.bib", text, parseYaml).entries).toEqual([{ key: "k1", title: "Second Edition of the Atlas", authors: [], year: "1999", line: 2 }]);
	});

	it("reports a malformed file once, at the line of the broken entry, and keeps the entries around it", () => {
		const broken = load("malformed.bib");
		expect(broken.error?.line).toBe(6);
		expect(broken.error?.message).toMatch(/brokenEntry2002/);
		expect(broken.entries.map((entry) => entry.key)).toEqual(["goodEntry2001", "afterBroken2003"]);
	});

	it("never throws on hostile input", () => {
		for (const text of ["@", "@{", "@article{", "@article{k,", "@article{k, title = }", "@string{x", '@article{k, title = "open', "}}}}@@@{{{"]) {
			expect(() => parseBibliography("x.bib", text, parseYaml)).not.toThrow();
		}
		expect(parseBibliography("x.bib", "@article{k, title = ", parseYaml).error).toBeDefined();
	});
});

describe("CSL-JSON", () => {
	it("reads ids, titles, names (literal and particles), years from date-parts or raw, DOI and URL, with lines", () => {
		const parsed = load("library.json");
		expect(parsed.error).toBeUndefined();
		expect(parsed.entries).toEqual([
			{ key: "okaforRiverMemory2017", title: "River Memory and the Slow Return of Eels", authors: ["Chidinma Okafor", "Anneke van der Berg"], year: "2017", doi: "10.5555/eels.2017.4", line: 3 },
			{ key: "Smith2020", title: "Irrigation at the Margins", authors: ["Ruth Smith"], year: "2020", line: 11 },
			{ key: "fieldCouncil2022", title: "Annual Report of the Field Council", authors: ["Field Council"], year: "2022", url: "https://example.org/council/2022", line: 18 },
		]);
	});

	it("reports invalid JSON with its line", () => {
		const parsed = parseBibliography("x.json", '[\n  {"id": "a"},\n  {"id": }\n]', parseYaml);
		expect(parsed.entries).toEqual([]);
		expect(parsed.error?.line).toBe(3);
	});
});

describe("CSL-YAML", () => {
	it("reads Pandoc's `references:` layout between --- and ...", () => {
		const parsed = load("library.yaml");
		expect(parsed.error).toBeUndefined();
		expect(parsed.entries).toEqual([
			{ key: "haddadSaltRoads2015", title: "Salt Roads: A History Told by Its Carters", authors: ["Leila Haddad"], year: "2015", doi: "10.5555/salt.2015", line: 3 },
			{ key: "nakamuraQuietFields2021", title: "Quiet Fields", authors: ["Aiko Nakamura"], year: "2021", url: "https://example.org/quiet", line: 13 },
		]);
	});

	it("reports invalid YAML with its line", () => {
		const parsed = parseBibliography("x.yaml", "- id: a\n  title: [unclosed\n- id: b\n", parseYaml);
		expect(parsed.error).toBeDefined();
		expect(parsed.error!.line).toBeGreaterThan(1);
	});
});

describe("BibliographyCache", () => {
	it("parses a file once per version and again when the version changes", () => {
		const cache = new BibliographyCache(parseYaml);
		let reads = 0;
		const read = () => {
			reads++;
			return "@misc{k, title = {T}}";
		};
		const first = cache.get("a.bib", 1, read);
		expect(cache.get("a.bib", 1, read)).toBe(first);
		expect(reads).toBe(1);
		cache.get("a.bib", 2, read);
		expect(reads).toBe(2);
		expect(cache.parses).toBe(2);
	});
});
