/**
 * Pandoc citation keys through the command line: the four options, which notes a vault audit reports, and the
 * disk library's cache (a bibliography is parsed again only when its modification time or size changes).
 */
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskCitekeyLibrary } from "../../src/cli/disk-citekey-library";
import { listVault } from "../../src/cli/vault-files";
import { makeTree, run } from "./cli-harness";

interface JsonReport {
	notes: { path: string; stats: { citekeys: number; citedWorks: number }; findings: { kind: string; line: number; message: string; citekey?: string }[] }[];
}

const BIB = "@book{known2020, title = {Known}, year = 2020}\n";

function keyVault(): string {
	return makeTree({
		"Essay.md": "Cites [@known2020] and [@Known2020] and [@other2001].\n",
		"Mentions.md": "Ping @someone about it; no bibliography anywhere.\n",
		"Footnoted.md": "Claim.[^1]\n\n[^1]: [[Essay]]\n",
		"Literature/@known2020.md": "# Known\n",
		"Props/Other.md": "---\nkey: other2001\n---\n# Other\n",
		"refs/library.bib": BIB,
	});
}

function json(argv: string[], cwd: string): { status: number; report: JsonReport; stderr: string } {
	const result = run([...argv, "--format", "json"], { cwd });
	return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

describe("citation-key options", () => {
	it("--bibliography (relative to the working folder) makes keys known; the vault audit reports notes that cite keys", () => {
		const vault = keyVault();
		const { status, report, stderr } = json([vault, "--bibliography", "refs/library.bib"], vault);
		expect(stderr).toBe("");
		expect(status).toBe(1);
		// With a bibliography set up, `@someone` is a citation to Pandoc too, so Mentions.md takes part.
		expect(report.notes.map((note) => note.path)).toEqual(["Essay.md", "Footnoted.md", "Mentions.md"]);
		expect(report.notes[0].stats).toMatchObject({ citekeys: 3, citedWorks: 3 });
		expect(report.notes[0].findings.map((finding) => [finding.kind, finding.citekey])).toEqual([
			["unknown-citekey", "Known2020"],
			["unknown-citekey", "other2001"],
		]);
		expect(report.notes[0].findings[0].message).toBe("@Known2020 is in no bibliography and has no literature note; did you mean @known2020?");
		expect(report.notes[2].findings.map((finding) => [finding.kind, finding.citekey])).toEqual([["unknown-citekey", "someone"]]);
	});

	it("with no source configured, a note whose only citations are keys is left out of the vault report", () => {
		const vault = keyVault();
		const { report } = json([vault], vault);
		expect(report.notes.map((note) => note.path)).toEqual(["Footnoted.md"]);
		// Named on the command line it is audited, with the one finding that says how to configure a source.
		const named = json([vault, "Essay.md"], vault).report.notes[0];
		expect(named.findings.map((finding) => finding.kind)).toEqual(["no-bibliography"]);
	});

	it("--literature-folder, --literature-template and --citekey-property find literature notes", () => {
		const vault = keyVault();
		const withFolder = json([vault, "--bibliography", "refs/library.bib", "--literature-folder", "Literature", "--citekey-property", "key"], vault);
		expect(withFolder.report.notes[0].findings.map((finding) => [finding.kind, finding.citekey])).toEqual([["unknown-citekey", "Known2020"]]);
		// A template that does not fit `@known2020.md`: the key is known, but has no note.
		const otherTemplate = json([vault, "--bibliography", "refs/library.bib", "--literature-folder", "Literature", "--literature-template", "{{citekey}}"], vault);
		expect(otherTemplate.report.notes[0].findings.map((finding) => [finding.kind, finding.citekey])).toEqual([
			["citekey-without-note", "known2020"],
			["unknown-citekey", "Known2020"],
			["unknown-citekey", "other2001"],
		]);
	});

	it("the streamed vault report and the named-note report agree", () => {
		const vault = keyVault();
		const whole = json([vault, "--bibliography", "refs/library.bib"], vault).report.notes[0];
		const named = json([vault, "Essay.md", "--bibliography", "refs/library.bib"], vault).report.notes[0];
		expect(named).toEqual(whole);
	});

	it("a --bibliography that does not exist is a usage error on one line, with nothing audited", () => {
		const vault = keyVault();
		const result = run([vault, "--bibliography", "nope.bib"], { cwd: vault });
		expect(result.status).toBe(2);
		expect(result.stdout).toBe("");
		expect(result.stderr).toBe("citation-audit: --bibliography nope.bib: no such file or folder\n");
	});

	it("a malformed bibliography is one finding with the file and the line, and the run goes on", () => {
		const vault = makeTree({
			"Essay.md": "---\nbibliography: broken.bib\n---\n[@fine2000] [@lost2001]\n",
			"broken.bib": "@book{fine2000, title = {Fine}}\n\n@book{lost2001, title = {Open {brace}\n",
		});
		const { status, report } = json([vault], vault);
		expect(status).toBe(1);
		const invalid = report.notes[0].findings.filter((finding) => finding.kind === "invalid-bibliography");
		expect(invalid.map((finding) => [finding.line, finding.message.replace(/: .*$/, "")])).toEqual([[2, "Bibliography broken.bib does not parse at line 3"]]);
	});
});

describe("the disk library's cache", () => {
	it("parses a bibliography once, and again only after its modification time changes", () => {
		const vault = makeTree({ "refs.bib": BIB });
		const listing = listVault(vault);
		const library = createDiskCitekeyLibrary({ bibliographies: [] }, listing, vault, () => null);
		const first = library.loadBibliography("refs.bib");
		expect(first?.entries.map((entry) => entry.key)).toEqual(["known2020"]);
		expect(library.loadBibliography("refs.bib")).toBe(first);
		writeFileSync(join(vault, "refs.bib"), "@book{other2001, title = {Other}}\n");
		const later = new Date(Date.now() + 60_000);
		utimesSync(join(vault, "refs.bib"), later, later);
		expect(library.loadBibliography("refs.bib")?.entries.map((entry) => entry.key)).toEqual(["other2001"]);
		expect(library.loadBibliography("missing.bib")).toBeNull();
		// A note can only name files of the vault listing; nothing outside is read for it.
		expect(library.loadBibliography("../refs.bib")).toBeNull();
	});
});
