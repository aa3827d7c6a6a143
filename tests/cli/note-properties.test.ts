/**
 * The command line reads cited notes' properties with the `yaml` library. A frontmatter that does not parse
 * is a reason (for an `invalid-frontmatter` finding), never an exception. Which texts are errors follows
 * YAML 1.2 as the library reads it; each case below says why it is one.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createNoteProperties, parseFrontmatter } from "../../src/cli/note-properties";

afterEach(() => vi.restoreAllMocks());

const note = (yaml: string): string => `---\n${yaml}---\n# Body\n`;

describe("parseFrontmatter", () => {
	it("reads properties: text, numbers, lists", () => {
		expect(parseFrontmatter(note("doi: 10.1234/abc\nyear: 2015\nauthor:\n  - A. Writer\n  - B. Writer\n"))).toEqual({
			properties: { doi: "10.1234/abc", year: 2015, author: ["A. Writer", "B. Writer"] },
			error: null,
		});
	});

	it("reads a tab after the colon (a separator, not indentation)", () => {
		expect(parseFrontmatter(note("year:\t2015\n"))).toEqual({ properties: { year: 2015 }, error: null });
	});

	it("reads an unknown tag as plain text, printing no warning", () => {
		const warning = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
		const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
		expect(parseFrontmatter(note("year: !custom 2015\n"))).toEqual({ properties: { year: "2015" }, error: null });
		expect(warning).not.toHaveBeenCalled();
		expect(warn).not.toHaveBeenCalled();
	});

	it("has no properties and no error without a frontmatter, with an empty one, or one of comments only", () => {
		for (const text of ["# Only a body\n", "---\n---\n# Body\n", note("# a comment\n"), "---\nunclosed: yes\n"]) {
			expect(parseFrontmatter(text)).toEqual({ properties: null, error: null });
		}
	});

	it.each([
		["duplicate keys", "year: 2015\nyear: 2016\n", "Map keys must be unique (line 3 of the note)"],
		["a tab as indentation", "author:\n\t- A. Writer\n", "Tabs are not allowed as indentation (line 3 of the note)"],
		["an unclosed quote", 'title: "Half a title\nyear: 2015\n', "Missing closing \"quote"],
		["a colon in an unquoted value", "title: Sources: a survey\n", "Nested mappings are not allowed in compact mappings (line 2 of the note)"],
		["an unclosed flow list", "tags: [a, b\n", "Flow sequence in block collection must be sufficiently indented and end with a ]"],
		["an alias to no anchor", "author: *someone\n", "Unresolved alias"],
	])("reports %s as an error, with the note's line where the library gives one", (_, yaml, reason) => {
		const parsed = parseFrontmatter(note(yaml));
		expect(parsed.properties).toBeNull();
		expect(parsed.error).toContain(reason);
		expect(parsed.error).not.toContain("\n");
	});

	it("reports a frontmatter that is a list or a bare text, not properties", () => {
		for (const yaml of ["- a\n- b\n", "just some words\n"]) {
			expect(parseFrontmatter(note(yaml))).toEqual({ properties: null, error: "the frontmatter is not a list of properties (name: value)" });
		}
	});

	it("counts lines in the note after a byte order mark and with CRLF line ends", () => {
		expect(parseFrontmatter("\uFEFF---\r\nyear: 1\r\nyear: 2\r\n---\r\n").error).toBe("Map keys must be unique (line 3 of the note)");
	});
});

describe("createNoteProperties", () => {
	it("reads each markdown note once, and never a file that is not markdown", () => {
		const reads: string[] = [];
		const texts: Record<string, string> = { "A.md": note("doi: 10.1234/a\n"), "B.md": note("a: 1\na: 2\n"), "paper.pdf": note("doi: x\n") };
		const seam = createNoteProperties((path) => {
			reads.push(path);
			return texts[path] ?? null;
		});
		expect(seam.properties("A.md")).toEqual({ doi: "10.1234/a" });
		expect(seam.frontmatterError("A.md")).toBeNull();
		expect(seam.properties("B.md")).toBeNull();
		expect(seam.frontmatterError("B.md")).toBe("Map keys must be unique (line 3 of the note)");
		expect(seam.properties("paper.pdf")).toBeNull();
		expect(seam.frontmatterError("Missing.md")).toBeNull();
		seam.properties("A.md");
		seam.frontmatterError("B.md");
		expect(reads).toEqual(["A.md", "B.md", "Missing.md"]);
	});
});
