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

function cliReport(): AuditReport {
	const parsed = parseArgs([EXAMPLE_VAULT]);
	if (parsed.kind !== "run") throw new Error("unexpected arguments");
	let stderr = "";
	const report = auditVault(parsed.options, { cwd: EXAMPLE_VAULT, stderr: (text) => void (stderr += text) });
	expect(stderr).toBe("");
	return report;
}

async function pluginReport(): Promise<AuditReport> {
	const { plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
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
