/**
 * Sources as works, in the audit of one essay: notes of one work cited through different notes are a
 * duplicate-source group that says why; a cited note's missing properties and a frontmatter that does not
 * parse are reported once per note, at its first citation. The properties are given directly (the seam),
 * so these tests do not depend on how the CLI or the plugin reads them.
 */
import { describe, expect, it } from "vitest";
import { auditNote } from "../../../src/core/audit/audit-note";
import { parseRequiredProperties } from "../../../src/core/sources/required-properties";
import type { AuditOptions, Finding } from "../../../src/core/types";
import type { NoteProperties } from "../../../src/core/vault/note-properties";
import { brief, expectConsistentPositions, memoryVault, snippet } from "../../fixtures/helpers";

const NOTES: Record<string, Record<string, unknown> | string> = {
	"Sources/yuanInhibitingHistoneDeacetylase2015.md": { citekey: "yuanInhibitingHistoneDeacetylase2015", doi: "10.1234/ABC", author: "Q. Yuan", year: 2015 },
	"Sources/Yuan-2015.md": { doi: "https://doi.org/10.1234/abc" },
	"Sources/Yuan (book).md": { isbn: "0-262-03384-4" },
	"Sources/Yuan book, second copy.md": { isbn: "978-0-262-03384-8", url: "https://example.org/yuan" },
	"Sources/Chapter One.md": { doi: "10.1234/book.1", url: "https://example.org/book" },
	"Sources/Chapter Two.md": { doi: "10.1234/book.2", url: "https://www.example.org/book/" },
	"Sources/Plain.md": {},
	"Sources/Broken.md": "Map keys must be unique (line 3 of the note)",
};

const PROPERTIES: NoteProperties = {
	properties: (path) => {
		const entry = NOTES[path];
		return typeof entry === "object" ? entry : null;
	},
	frontmatterError: (path) => {
		const entry = NOTES[path];
		return typeof entry === "string" ? entry : null;
	},
};

const RESOLVER = memoryVault(Object.fromEntries(Object.keys(NOTES).map((path) => [path, "# Methods\n"])), ["attachments/data.pdf"]);

function auditOf(text: string, options: AuditOptions = {}) {
	return auditNote(text, "Essay.md", RESOLVER, { properties: PROPERTIES, ...options });
}

function findingsOf(text: string, kind: string, options: AuditOptions = {}): Finding[] {
	const found = auditOf(text, options).findings;
	expectConsistentPositions(text, found);
	return found.filter((finding) => finding.kind === kind);
}

const lines = (...parts: string[]): string => parts.join("\n");

describe("duplicate-source across notes of one work", () => {
	const essay = lines(
		"Histone work[^1] and again[^2], and a book.[^3]",
		"",
		"[^1]: [[yuanInhibitingHistoneDeacetylase2015]]",
		"[^2]: [[Yuan-2015]]",
		"[^3]: [[Plain]]",
	);

	it("reports the group at its first definition, saying why, with the others related", () => {
		const [finding, ...rest] = findingsOf(essay, "duplicate-source");
		expect(rest).toEqual([]);
		expect(brief(essay, finding)).toEqual({
			kind: "duplicate-source",
			line: 3,
			column: 1,
			snippet: "[^1]",
			labels: ["1", "2"],
			target: "yuanInhibitingHistoneDeacetylase2015",
			resolved: "Sources/yuanInhibitingHistoneDeacetylase2015.md",
			related: ["4:1 2"],
		});
		expect(finding.message).toBe('[^1] and [^2] cite the same work: "yuanInhibitingHistoneDeacetylase2015" and "Yuan-2015" (same DOI 10.1234/abc)');
		expect(finding.severity).toBe("warning");
	});

	it.each([
		["ISBN-10 and ISBN-13", "[[Yuan (book)]]", "[[Yuan book, second copy]]", '"Yuan (book)" and "Yuan book, second copy" (same ISBN 9780262033848)'],
		["a note cited twice and another note of its work", "[[Yuan-2015]]", "[[Yuan-2015]]\n[^3]: [[yuanInhibitingHistoneDeacetylase2015]]", null],
	])("groups %s", (_, first, second, why) => {
		const text = lines("A[^1] b[^2] c[^3].", "", `[^1]: ${first}`, `[^2]: ${second}`, ...(second.includes("[^3]") ? [] : ["[^3]: [[Plain]]"]));
		const found = findingsOf(text, "duplicate-source");
		expect(found).toHaveLength(1);
		if (why) expect(found[0].message).toBe(`[^1] and [^2] cite the same work: ${why}`);
		else {
			expect(found[0].labels).toEqual(["1", "2", "3"]);
			expect(found[0].message).toBe('[^1], [^2] and [^3] cite the same work: "Yuan-2015" and "yuanInhibitingHistoneDeacetylase2015" (same DOI 10.1234/abc)');
		}
	});

	it("does not join two notes with different DOIs even when their URLs match (the DOI veto)", () => {
		const text = lines("A[^1] b[^2].", "", "[^1]: [[Chapter One]]", "[^2]: [[Chapter Two]]");
		expect(findingsOf(text, "duplicate-source")).toEqual([]);
	});

	it("keeps a same-file group a same-file group", () => {
		const text = lines("A[^1] b[^2].", "", "[^1]: [[Yuan-2015]]", "[^2]: [[Yuan-2015]]");
		expect(findingsOf(text, "duplicate-source").map((finding) => finding.message)).toEqual(['[^1] and [^2] cite the same source "Yuan-2015"']);
	});

	it("leaves a link to a heading of the other note alone, and a note cited only in the text", () => {
		const subpath = lines("A[^1] b[^2].", "", "[^1]: [[yuanInhibitingHistoneDeacetylase2015]]", "[^2]: [[Yuan-2015#Methods]]");
		expect(findingsOf(subpath, "duplicate-source")).toEqual([]);
		const body = lines("A[^1], see [[Yuan-2015]].", "", "[^1]: [[yuanInhibitingHistoneDeacetylase2015]]");
		expect(findingsOf(body, "duplicate-source")).toEqual([]);
	});

	it("finds nothing without properties (the engine's default seam)", () => {
		expect(auditNote(essay, "Essay.md", RESOLVER).findings.filter((finding) => finding.kind === "duplicate-source")).toEqual([]);
	});

	it("uses the properties the settings name", () => {
		const withPmid: NoteProperties = { properties: (path) => ({ pmid: "555", path }), frontmatterError: () => null };
		const text = lines("A[^1] b[^2].", "", "[^1]: [[Plain]]", "[^2]: [[Yuan-2015]]");
		const options = { properties: withPmid };
		expect(auditNote(text, "Essay.md", RESOLVER, options).findings.filter((finding) => finding.kind === "duplicate-source")).toEqual([]);
		const found = auditNote(text, "Essay.md", RESOLVER, { ...options, identityProperties: ["pmid"] }).findings.filter((finding) => finding.kind === "duplicate-source");
		expect(found.map((finding) => finding.message)).toEqual(['[^1] and [^2] cite the same work: "Plain" and "Yuan-2015" (same pmid 555)']);
	});
});

describe("incomplete-source", () => {
	const required = parseRequiredProperties("author,year|date,url|doi");
	const essay = lines(
		"First[^1], second[^2], third[^3], fourth[^4].",
		"",
		"[^1]: [[Yuan-2015#Methods]], p. 3",
		"[^2]: [[yuanInhibitingHistoneDeacetylase2015]]",
		"[^3]: [[Yuan-2015]]",
		"[^4]: ![[attachments/data.pdf]]",
	);

	it("requires nothing by default", () => {
		expect(findingsOf(essay, "incomplete-source")).toEqual([]);
	});

	it("reports a note once, at its first citation, naming what is missing, as info", () => {
		const found = findingsOf(essay, "incomplete-source", { requireProperties: required });
		expect(found).toHaveLength(1);
		expect(snippet(essay, found[0])).toBe("[[Yuan-2015#Methods]]");
		expect(found[0]).toMatchObject({ line: 3, severity: "info", labels: ["1"], resolved: "Sources/Yuan-2015.md" });
		expect(found[0].message).toBe('Source note "Yuan-2015" lacks properties: author; year or date');
	});

	it("takes its severity from the options, and can be turned off", () => {
		const options: AuditOptions = { requireProperties: required, severities: { "incomplete-source": "warning" } };
		expect(findingsOf(essay, "incomplete-source", options).map((finding) => finding.severity)).toEqual(["warning"]);
		expect(findingsOf(essay, "incomplete-source", { requireProperties: required, disabledKinds: ["incomplete-source"] })).toEqual([]);
	});

	it("reports a note without any properties as lacking everything", () => {
		const text = lines("A[^1].", "", "[^1]: [[Plain]]");
		expect(findingsOf(text, "incomplete-source", { requireProperties: required }).map((finding) => finding.message)).toEqual([
			'Source note "Plain" lacks properties: author; year or date; url or doi',
		]);
	});

	it("does not report unresolved links, links in the text, or a link into the essay itself", () => {
		const text = lines("A[^1] b[^2], see [[Plain]].", "", "[^1]: [[Nowhere]]", "[^2]: [[#Heading]]", "", "# Heading");
		expect(findingsOf(text, "incomplete-source", { requireProperties: required })).toEqual([]);
	});

	it("is once per essay: each essay reports its own first citation", () => {
		const other = lines("Elsewhere[^a].", "", "[^a]: [[Yuan-2015]]");
		expect(findingsOf(other, "incomplete-source", { requireProperties: required }).map((finding) => snippet(other, finding))).toEqual(["[[Yuan-2015]]"]);
	});
});

describe("invalid-frontmatter", () => {
	it("is a warning at the note's first citation, with the reason, and stops the completeness check for that note", () => {
		const text = lines("A[^1] b[^2].", "", "[^1]: [[Broken]]", "[^2]: [[Broken]], again");
		const all = auditOf(text, { requireProperties: [["author"]] }).findings;
		const invalid = all.filter((finding) => finding.kind === "invalid-frontmatter");
		expect(invalid).toHaveLength(1);
		expect(snippet(text, invalid[0])).toBe("[[Broken]]");
		expect(invalid[0]).toMatchObject({ line: 3, severity: "warning" });
		expect(invalid[0].message).toBe('The properties of "Broken" do not parse: Map keys must be unique (line 3 of the note)');
		expect(all.filter((finding) => finding.kind === "incomplete-source")).toEqual([]);
	});
});

describe("audits sharing one SourceNotes (options.sourceNotes, the command line's run)", () => {
	const ESSAYS = [
		"Claim.[^a] Again.[^b]\n\n[^a]: [[yuanInhibitingHistoneDeacetylase2015]]\n[^b]: [[Yuan-2015]]\n",
		"Book.[^1] Copy.[^2] Broken.[^3]\n\n[^1]: [[Yuan (book)]]\n[^2]: [[Yuan book, second copy]]\n[^3]: [[Broken]]\n",
		"Both.[^x] [^y] [^z]\n\n[^x]: [[Yuan-2015]]\n[^y]: [[Chapter One]]\n[^z]: [[Yuan (book)]]\n",
	];

	it("read each cited note's properties once for all the audits, and find what separate audits find", async () => {
		const { SourceNotes } = await import("../../../src/core/sources/source-notes");
		const asked = new Map<string, number>();
		const counting: NoteProperties = {
			properties: (path) => {
				asked.set(path, (asked.get(path) ?? 0) + 1);
				return PROPERTIES.properties(path);
			},
			frontmatterError: (path) => PROPERTIES.frontmatterError(path),
		};
		const require = parseRequiredProperties("author");
		const shared: AuditOptions = { properties: counting, requireProperties: require, sourceNotes: new SourceNotes(counting) };
		for (const text of ESSAYS) {
			const separate = auditOf(text, { requireProperties: require }).findings;
			expect(auditNote(text, "Essay.md", RESOLVER, shared).findings).toEqual(separate);
		}
		expect([...asked.keys()].sort()).toEqual(["Sources/Broken.md", "Sources/Chapter One.md", "Sources/Yuan (book).md", "Sources/Yuan book, second copy.md", "Sources/Yuan-2015.md", "Sources/yuanInhibitingHistoneDeacetylase2015.md"]);
		expect([...asked.values()].every((times) => times === 1)).toBe(true);
	});
});
