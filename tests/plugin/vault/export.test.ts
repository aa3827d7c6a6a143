/**
 * "Export citation report": the command line's markdown report written to the `reportPath` note, overwriting
 * only a report the plugin wrote (its frontmatter marker, read from the file's text), never a writer's note.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run";
import { hasReportMarker, reportNotePath, reportPathCandidates } from "../../../src/plugin/vault/report-export";
import { getFile, noticeMessages, resetDouble } from "../../obsidian-double/testing";
import { EXAMPLE_VAULT, idle, loadAuditor, readVaultFolder, runCommand } from "./helpers";

afterEach(() => resetDouble());

function cliMarkdown(): string {
	let stdout = "";
	runCli([EXAMPLE_VAULT, "--format", "markdown"], { stdout: (text) => void (stdout += text), stderr: () => {}, cwd: EXAMPLE_VAULT, version: "test" });
	return stdout;
}

function reportFiles(app: { vault: { getFiles(): { path: string }[] } }): string[] {
	return app.vault
		.getFiles()
		.map((file) => file.path)
		.filter((path) => /Citation audit report/.test(path))
		.sort();
}

describe("Export citation report", () => {
	it("writes exactly what citation-audit --format markdown prints for examples/vault", async () => {
		const { app } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		runCommand(app, "export-citation-report");
		await idle(app);
		expect(reportFiles(app)).toEqual(["Citation audit report.md"]);
		expect(await app.vault.read(getFile(app, "Citation audit report.md"))).toBe(cliMarkdown());
		expect(noticeMessages()).toContain("Citation report written to Citation audit report.md.");
	});

	it("exporting twice overwrites its own report: one file, and the report note itself is never audited", async () => {
		const { app, plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		const first = await plugin.vault.exportReport();
		await idle(app);
		const second = await plugin.vault.exportReport();
		await idle(app);
		expect(first).toEqual({ path: "Citation audit report.md", action: "created" });
		expect(second).toEqual({ path: "Citation audit report.md", action: "updated" });
		expect(reportFiles(app)).toEqual(["Citation audit report.md"]);
		expect(await app.vault.read(getFile(app, "Citation audit report.md"))).toBe(cliMarkdown());
		const outcome = await plugin.vault.auditVault();
		expect(outcome?.notes.map((note) => note.path)).not.toContain("Citation audit report.md");
	});

	it("never touches a writer's note at reportPath: it picks the next free name, and reuses that report next time", async () => {
		const mine = "# Citation audit report\n\nMy own notes about citing. citation-audit-report: true\n";
		const { app, plugin } = await loadAuditor({ ...readVaultFolder(EXAMPLE_VAULT), "Citation audit report.md": mine });
		const first = await plugin.vault.exportReport();
		await idle(app);
		const second = await plugin.vault.exportReport();
		await idle(app);
		expect(first).toEqual({ path: "Citation audit report 1.md", action: "created" });
		expect(second).toEqual({ path: "Citation audit report 1.md", action: "updated" });
		expect(await app.vault.read(getFile(app, "Citation audit report.md"))).toBe(mine);
		expect(reportFiles(app)).toEqual(["Citation audit report 1.md", "Citation audit report.md"]);
		expect(await app.vault.read(getFile(app, "Citation audit report 1.md"))).toBe(cliMarkdown());
	});

	it("checks the file's text, not the metadata cache: a report the writer rewrote just now is not overwritten", async () => {
		const { app, plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		await plugin.vault.exportReport();
		await idle(app);
		const report = getFile(app, "Citation audit report.md");
		const rewritten = "---\ntitle: Mine now\n---\n\nThe writer took this note over.\n";
		await app.vault.modify(report, rewritten);
		// The cache still shows the marker (indexing happens later) …
		expect(app.metadataCache.getFileCache(report)?.frontmatter?.["citation-audit-report"]).toBe(true);
		const result = await plugin.vault.exportReport();
		// … but the text does not, so the note is left alone.
		expect(result).toEqual({ path: "Citation audit report 1.md", action: "created" });
		expect(await app.vault.read(report)).toBe(rewritten);
		await idle(app);
	});

	it("writes to the reportPath setting, creating its folder and adding .md", async () => {
		const { app, plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT), { data: { reportPath: "Reports/Citations" } });
		expect(await plugin.vault.exportReport()).toEqual({ path: "Reports/Citations.md", action: "created" });
		await idle(app);
		expect(await app.vault.read(getFile(app, "Reports/Citations.md"))).toBe(cliMarkdown());
	});

	it("does not export when the audit is cancelled", async () => {
		const { app, plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		const exported = plugin.vault.exportReport();
		plugin.vault.cancel();
		expect(await exported).toBeNull();
		expect(reportFiles(app)).toEqual([]);
		expect(noticeMessages()).toContain("Citation report not exported: the audit was cancelled.");
	});
});

describe("report marker", () => {
	it("is a frontmatter key set to true, nothing else", () => {
		expect(hasReportMarker("---\ncitation-audit-report: true\n---\n\n# Citation audit\n")).toBe(true);
		expect(hasReportMarker("\uFEFF---\r\ntitle: x\r\ncitation-audit-report: true\r\n---\r\nText")).toBe(true);
		expect(hasReportMarker('---\n"citation-audit-report": True # written by the plugin\n---\n')).toBe(true);
		expect(hasReportMarker("---\ncitation-audit-report: false\n---\n")).toBe(false);
		expect(hasReportMarker("---\ncitation-audit-report: true-ish\n---\n")).toBe(false);
		expect(hasReportMarker("---\nnot-citation-audit-report: true\n---\n")).toBe(false);
		expect(hasReportMarker("# Notes\n\ncitation-audit-report: true\n")).toBe(false);
		expect(hasReportMarker("---\n---\ncitation-audit-report: true\n")).toBe(false);
		expect(hasReportMarker("---\ncitation-audit-report: true\n")).toBe(false);
		expect(hasReportMarker("text\n---\ncitation-audit-report: true\n---\n")).toBe(false);
	});

	it("names: the setting with .md, then numbered", () => {
		expect(reportNotePath("Citation audit report.md")).toBe("Citation audit report.md");
		expect(reportNotePath("/Reports//Audit ")).toBe("Reports/Audit.md");
		expect([...reportPathCandidates("Reports/Audit.md")].slice(0, 3)).toEqual(["Reports/Audit.md", "Reports/Audit 1.md", "Reports/Audit 2.md"]);
	});
});
