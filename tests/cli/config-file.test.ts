/**
 * `.citation-audit.json` on the command line: read from the vault root, command-line options win over it, a
 * problem in it is a usage error (exit 2, one line per problem naming the key, nothing on stdout). Expected
 * reports are the command line's own runs without the file, filtered by hand.
 */
import { describe, expect, it } from "vitest";
import { makeTree, run } from "./cli-harness";

interface Report {
	notes: { path: string; findings: { kind: string; severity: string }[] }[];
	summary: { error: number; warning: number; info: number };
}

const NOTES = {
	"Essay.md": "Text[^1] and[^ghost] and [[Nowhere]].\n\n[^1]: [[Source]]\n[^2]: [[Source]]\n[^3]: https://example.org\n",
	"Source.md": "# Source\n",
	"Drafts/Old.md": "Old[^x]\n",
};

function report(files: Record<string, string>, ...args: string[]): { status: number; report: Report; stderr: string } {
	const result = run([makeTree(files), "--format", "json", ...args]);
	return { status: result.status, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

const kindsOf = (value: Report) => value.notes.flatMap((note) => note.findings.map((finding) => `${note.path} ${finding.kind} ${finding.severity}`)).sort();

describe(".citation-audit.json on the command line", () => {
	const plain = report(NOTES).report;

	it("the plain run has what the file then changes", () => {
		expect(kindsOf(plain)).toEqual(expect.arrayContaining(["Essay.md unused-definition warning", "Drafts/Old.md undefined-reference error", "Essay.md unresolved-link warning"]));
	});

	it("kinds off, severities, ignored folders, body links", () => {
		const config = { kinds: { "unused-definition": false }, severities: { "no-vault-link": "error" }, ignoredFolders: ["drafts/"], checkBodyLinks: false };
		const { report: configured, status } = report({ ...NOTES, ".citation-audit.json": JSON.stringify(config) });
		const expected = kindsOf(plain)
			.filter((line) => !line.includes("unused-definition") && !line.startsWith("Drafts/") && !line.includes("unresolved-link"))
			.map((line) => line.replace("no-vault-link info", "no-vault-link error"));
		expect(kindsOf(configured)).toEqual(expected);
		expect(status).toBe(1);
	});

	it("minSeverity, and --min-severity over it", () => {
		const files = { ...NOTES, ".citation-audit.json": '{"minSeverity": "error"}' };
		expect(kindsOf(report(files).report)).toEqual(kindsOf(plain).filter((line) => line.endsWith(" error")));
		expect(kindsOf(report(files, "--min-severity", "info").report)).toEqual(kindsOf(plain));
	});

	it("--no-body-links and --require-properties win over the file", () => {
		const files = { ...NOTES, ".citation-audit.json": '{"checkBodyLinks": true, "requireProperties": ["author"]}' };
		const withFile = kindsOf(report(files).report);
		expect(withFile).toContain("Essay.md incomplete-source info");
		const overridden = kindsOf(report(files, "--no-body-links", "--require-properties", "title").report);
		expect(overridden.some((line) => line.includes("unresolved-link"))).toBe(false);
		expect(overridden).toContain("Essay.md incomplete-source info");
	});

	it("a problem in the file: exit 2, one line per problem naming the key, no report", () => {
		const vault = makeTree({ ...NOTES, ".citation-audit.json": '{"minSeverty": "error", "severities": {"unused-definition": "high"}}' });
		const result = run([vault]);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe("");
		const lines = result.stderr.trimEnd().split("\n");
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^citation-audit: \.citation-audit\.json: minSeverty: unknown key/);
		expect(lines[1]).toBe('citation-audit: .citation-audit.json: severities.unused-definition: takes error, warning or info (got "high")');
		expect(run([makeTree({ ...NOTES, ".citation-audit.json": "{" })]).stderr).toMatch(/^citation-audit: \.citation-audit\.json: the file: not valid JSON|^citation-audit: \.citation-audit\.json: not valid JSON/);
	});
});

describe(".citation-audit.json's citation-key sources on the command line", () => {
	const BIB = "@book{known2020, title = {A Known Book}, year = {2020}}\n";
	const OTHER = "@book{other2021, title = {Another Book}, year = {2021}}\n";
	const KEYS = {
		"Essay.md": "As argued [@known2020], and [@other2021] too.\n",
		"Refs/library.bib": BIB,
		"Refs/other.bib": OTHER,
	};
	const keyFindings = (value: Report) =>
		value.notes.flatMap((note) => note.findings.map((finding) => `${finding.kind} ${(finding as { citekey?: string }).citekey ?? ""}`.trim()));

	it("bibliography: the file's vault paths are read for every note, as the plugin's setting", () => {
		const config = { bibliography: ["Refs/library.bib"] };
		expect(keyFindings(report({ ...KEYS, ".citation-audit.json": JSON.stringify(config) }).report)).toEqual(["unknown-citekey other2021"]);
		// Without the file the keys have no bibliography at all (named, since a vault audit skips such a note).
		expect(keyFindings(report(KEYS, "Essay.md").report)).toEqual(["no-bibliography known2020"]);
	});

	it("a bibliography the file names that does not exist is a finding, not a usage error", () => {
		const config = { bibliography: ["Refs/library.bib", "Refs/gone.bib"] };
		const result = report({ ...KEYS, ".citation-audit.json": JSON.stringify(config) });
		expect(result.status).toBe(1);
		expect(keyFindings(result.report)).toEqual(["missing-bibliography", "unknown-citekey other2021"]);
	});

	it("--bibliography replaces the file's list", () => {
		const files = { ...KEYS, ".citation-audit.json": JSON.stringify({ bibliography: ["Refs/library.bib"] }) };
		const root = makeTree(files);
		const result = run([root, "--format", "json", "--bibliography", `${root}/Refs/other.bib`]);
		expect(keyFindings(JSON.parse(result.stdout) as Report)).toEqual(["unknown-citekey known2020"]);
	});

	it("literatureNotes: the folder turns on citekey-without-note; the template and property name the notes; the options win", () => {
		const files = {
			...KEYS,
			"Lit/known2020.md": "# A Known Book\n",
			"Elsewhere/Other.md": "---\nkey: other2021\n---\n",
			".citation-audit.json": JSON.stringify({
				bibliography: ["Refs/library.bib", "Refs/other.bib"],
				literatureNotes: { folder: "Lit/", template: "{{citekey}}", property: "key" },
			}),
		};
		expect(keyFindings(report(files).report)).toEqual([]);
		// The default template (`@{{citekey}}`) from the command line finds no note for known2020.
		expect(keyFindings(report(files, "--literature-template", "@{{citekey}}").report)).toEqual(["citekey-without-note known2020"]);
		// Another key property from the command line: other2021's note is no longer found.
		expect(keyFindings(report(files, "--citekey-property", "citekey").report)).toEqual(["citekey-without-note other2021"]);
	});
});
