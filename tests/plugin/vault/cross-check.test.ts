/**
 * The command line's vault mode and the plugin's vault audit agree on the same vault. The command line runs
 * `auditVault` on examples/vault from disk (its file-system resolver); the plugin runs through the obsidian
 * double with the same files loaded (Obsidian's resolver: getFirstLinkpathDest, resolveSubpath on the
 * metadata cache). The JSON reports (buildAuditReport) are compared note by note.
 *
 * Where the two resolvers could legitimately differ, the example vault either does not depend on it or the
 * difference is pinned here:
 * - `[[Reading Notes]]` matches two notes. Both resolvers prefer the source's folder, then the shortest
 *   path; between two paths of the same length the engine takes the first in code unit order, while
 *   Obsidian's lookup keeps the order in which it listed the files (the double reproduces the app's reverse
 *   depth-first listing and picks `Sources/…` over `Archive/…`, the engine `Archive/…`). That order is not
 *   something a file-system resolver can know, so the example vault no longer depends on it: the archive
 *   copy lives in `Archives/` (a longer path), and the shortest path, `Sources/Reading Notes.md`, wins in
 *   both. The finding (`ambiguous-target`) is the same either way; only the file it names as opened differs.
 * - The plugin skips a note whose metadata cache lists no footnote definition or reference. The double
 *   does not index inline footnotes `^[…]` (nor footnotes inside lists and quotes), and whether Obsidian's
 *   `footnotes`/`footnoteRefs` include inline footnotes is not documented, so a note whose only footnotes
 *   are inline may be skipped by the plugin and audited by the command line. The example vault has none.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseArgs } from "../../../src/cli/args";
import { auditVault, auditVaultSession, runCli } from "../../../src/cli/run";
import { buildAuditReport, type AuditReport } from "../../../src/core/report/json-report";
import { formatMarkdownReport } from "../../../src/core/report/markdown-report";
import { resetDouble } from "../../obsidian-double/testing";
import { EXAMPLE_VAULT, loadAuditor, readVaultFolder } from "./helpers";

afterEach(() => resetDouble());

/**
 * The example vault's citation-key sources, as `npm start` passes them (scripts/start.mjs) and as the plugin's
 * settings hold them: one bibliography for every note, the literature folder, the key property.
 */
const KEY_ARGS = ["--bibliography", "Bibliography/conference.yaml", "--literature-folder", "Literature", "--citekey-property", "citekey"];
const KEY_SETTINGS = { bibliographyFiles: ["Bibliography/conference.yaml"], literatureFolder: "Literature", citekeyProperty: "citekey" };

function cliReport(extra: string[] = []): AuditReport {
	const parsed = parseArgs([EXAMPLE_VAULT, ...extra]);
	if (parsed.kind !== "run") throw new Error("unexpected arguments");
	let stderr = "";
	const report = auditVault(parsed.options, { cwd: EXAMPLE_VAULT, stderr: (text) => void (stderr += text) });
	expect(stderr).toBe("");
	return report;
}

async function pluginReport(data: Record<string, unknown> = {}): Promise<AuditReport> {
	const { plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT), { data });
	const outcome = await plugin.vault.auditVault();
	if (!outcome) throw new Error("the vault audit did not run");
	expect(outcome.failed).toEqual([]);
	expect(outcome.cancelled).toBe(false);
	return buildAuditReport(outcome.notes);
}

describe("command line and plugin on examples/vault", () => {
	it("audit the same notes and find the same problems, note by note", async () => {
		const cli = cliReport();
		const plugin = await pluginReport();
		expect(plugin.notes.map((note) => note.path)).toEqual(cli.notes.map((note) => note.path));
		expect(cli.notes.length).toBeGreaterThan(0);
		for (const [index, note] of cli.notes.entries()) {
			expect({ path: plugin.notes[index].path, stats: plugin.notes[index].stats }).toEqual({ path: note.path, stats: note.stats });
			expect(plugin.notes[index].findings).toEqual(note.findings);
		}
		expect(plugin.summary).toEqual(cli.summary);
		expect(plugin).toEqual(cli);
	});

	it("agree with the citation-key sources configured (npm start's options, the plugin's settings)", async () => {
		const cli = cliReport(KEY_ARGS);
		const plugin = await pluginReport(KEY_SETTINGS);
		expect(plugin).toEqual(cli);
		// Written by hand from the essay: what each source makes of its keys.
		const essay = cli.notes.find((note) => note.path === "Essays/Seed Banks as Archives.md");
		expect(essay?.findings.map((finding) => [finding.kind, finding.citekey ?? finding.target])).toEqual([
			["missing-bibliography", "Bibliography/old-library.bib"],
			// `[^3]: [[@okaforSeedVaultsCold2019]]` cites the key's literature note: one work, cited twice.
			["duplicate-source", "okaforSeedVaultsCold2019"],
			["citekey-without-note", "lindqvistGeneticErosion2015"],
			["citekey-without-note", "moreauBanquesGraines2018"],
			["citekey-without-note", "abebeSeedSovereignty2023"],
			["unknown-citekey", "haugen2021"],
			["duplicate-citekey", "reyes2020"],
			["citekey-without-note", "reyes2020"],
		]);
		// Eight keys in prose; the e-mail address, the URL and the code span hold none. `@haugen2021` and `@Haugen2021` are two keys.
		expect(essay?.stats).toMatchObject({ definitions: 3, references: 3, citekeys: 8, citedWorks: 8 });
	});

	it("without the settings, the essay's keys are checked against its own bibliography only", async () => {
		const essay = (await pluginReport()).notes.find((note) => note.path === "Essays/Seed Banks as Archives.md");
		expect(essay?.findings.map((finding) => [finding.kind, finding.citekey ?? finding.target])).toEqual([
			["missing-bibliography", "Bibliography/old-library.bib"],
			// Found through the literature note's own `citekey` property, with no literature setting.
			["duplicate-source", "okaforSeedVaultsCold2019"],
			["unknown-citekey", "abebeSeedSovereignty2023"],
			["unknown-citekey", "haugen2021"],
			["duplicate-citekey", "reyes2020"],
		]);
	});

	it("exercise every resolver-dependent kind the example vault was written for", () => {
		const kinds = new Set(cliReport().notes.flatMap((note) => note.findings.map((finding) => finding.kind)));
		for (const kind of ["unresolved-target", "missing-subpath", "ambiguous-target", "duplicate-source", "unresolved-link"]) expect(kinds).toContain(kind);
		const required = new Set(cliReport(["--require-properties", "year"]).notes.flatMap((note) => note.findings.map((finding) => finding.kind)));
		expect(required).toContain("incomplete-source");
	});

	it("agree on one work cited through two notes (their properties: the CLI parses them, the plugin reads the cache)", async () => {
		const works = (report: AuditReport) =>
			report.notes.flatMap((note) => note.findings.filter((finding) => finding.kind === "duplicate-source" && finding.message.includes("same work")));
		const cli = works(cliReport());
		expect(cli.map((finding) => finding.message)).toEqual([
			'[^19] and [^20] cite the same work: "lindqvistVanishingReferences2019" and "Lindqvist-2019" (same DOI 10.5555/linkrot.2019.17)',
			// The other essay cites a key and, in a footnote, that key's literature note (found by its `citekey`).
			'@okaforSeedVaultsCold2019 and [^3] cite the same work: "@okaforSeedVaultsCold2019" is the note whose citekey is okaforSeedVaultsCold2019',
		]);
		expect(works(await pluginReport())).toEqual(cli);
	});

	it("agree on incomplete sources when properties are required (--require-properties, the plugin's setting)", async () => {
		const required = "author, year|date";
		const cli = cliReport(["--require-properties", required]);
		const incomplete = cli.notes.flatMap((note) => note.findings.filter((finding) => finding.kind === "incomplete-source"));
		expect(incomplete.find((finding) => finding.resolved === "Sources/Lindqvist-2019.md")?.message).toBe('Source note "Lindqvist-2019" lacks properties: year or date');
		// The complete literature note and the note that has both author and year are not reported.
		expect(incomplete.map((finding) => finding.resolved)).not.toContain("Sources/lindqvistVanishingReferences2019.md");
		expect(await pluginReport({ requireProperties: required })).toEqual(cli);
	});

	it("agree with each other's paths: the streamed vault audit and the whole report give the same findings", () => {
		for (const args of [[], ["--require-properties", "author,year|date"], ["--identity-properties", "author"]]) {
			const streamed = cliReport(args);
			const parsed = parseArgs([EXAMPLE_VAULT, ...args]);
			if (parsed.kind !== "run") throw new Error("unexpected arguments");
			const whole = buildAuditReport(auditVaultSession(parsed.options, { cwd: EXAMPLE_VAULT, stderr: () => {} }).audits);
			expect(whole).toEqual(streamed);
		}
	});

	it("give the same markdown report (the one Export citation report writes)", async () => {
		let stdout = "";
		runCli([EXAMPLE_VAULT, "--format", "markdown"], { stdout: (text) => void (stdout += text), stderr: () => {}, cwd: EXAMPLE_VAULT, version: "test" });
		expect(formatMarkdownReport(await pluginReport())).toBe(stdout);
	});
});

describe("command line and plugin on frontmatters that do not parse", () => {
	const files: Record<string, string> = {
		"Essay.md": "A[^1] b[^2] c[^3] d[^4].\n\n[^1]: [[Duplicate keys]]\n[^2]: [[Tab indent]]\n[^3]: [[Open quote]]\n[^4]: [[Fine]]\n",
		"Duplicate keys.md": "---\nyear: 2019\nyear: 2020\n---\n",
		"Tab indent.md": "---\nauthor:\n\t- A. Writer\n---\n",
		"Open quote.md": '---\ntitle: "Half a title\n---\n',
		"Fine.md": "---\nauthor:\ttabbed after the colon\n---\n",
	};

	it("report the same notes at the same places; the command line adds the reason, which Obsidian does not give", async () => {
		const root = mkdtempSync(join(tmpdir(), "citation-audit-frontmatter-"));
		try {
			for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
			const parsed = parseArgs([root]);
			if (parsed.kind !== "run") throw new Error("unexpected arguments");
			const cli = auditVault(parsed.options, { cwd: root, stderr: () => {} });
			const { plugin } = await loadAuditor(files);
			const outcome = await plugin.vault.auditVault();
			if (!outcome) throw new Error("the vault audit did not run");
			const pluginFindings = buildAuditReport(outcome.notes).notes.flatMap((note) => note.findings);
			const cliFindings = cli.notes.flatMap((note) => note.findings);
			const where = (finding: { kind: string; offset: number; length: number; resolved?: string }) => [finding.kind, finding.offset, finding.length, finding.resolved];
			expect(cliFindings.map(where)).toEqual(pluginFindings.map(where));
			expect(cliFindings.map((finding) => finding.resolved)).toEqual(["Duplicate keys.md", "Tab indent.md", "Open quote.md"]);
			for (const [index, finding] of pluginFindings.entries()) {
				expect(finding.message).toMatch(/^The properties of "[^"]+" do not parse$/);
				expect(cliFindings[index].message.startsWith(`${finding.message}: `)).toBe(true);
			}
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
