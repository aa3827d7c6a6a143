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
import { afterEach, describe, expect, it } from "vitest";
import { parseArgs } from "../../../src/cli/args";
import { auditVault, runCli } from "../../../src/cli/run";
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

async function pluginReport(data?: Record<string, unknown>): Promise<AuditReport> {
	const { plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT), data ? { data } : {});
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
	});

	it("give the same markdown report (the one Export citation report writes)", async () => {
		let stdout = "";
		runCli([EXAMPLE_VAULT, "--format", "markdown"], { stdout: (text) => void (stdout += text), stderr: () => {}, cwd: EXAMPLE_VAULT, version: "test" });
		expect(formatMarkdownReport(await pluginReport())).toBe(stdout);
	});
});
