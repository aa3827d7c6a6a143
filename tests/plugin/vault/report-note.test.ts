/**
 * The exported report is a note of the vault it audits (issue 16): written there by the plugin's "Export
 * citation report" or by `citation-audit --format markdown > vault/…`, it must audit clean itself, change no
 * finding of the vault audit, and add no unresolved link to Obsidian's metadata cache (the double indexes it
 * as the app does: links inside code spans are not links). Its note links must resolve.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run";
import { buildAuditReport } from "../../../src/core/report/json-report";
import { flushMetadata, getFile, resetDouble } from "../../obsidian-double/testing";
import { EXAMPLE_VAULT, idle, loadAuditor, readVaultFolder } from "./helpers";

afterEach(() => resetDouble());

const REPORT = "Citation audit report.md";

function cli(args: string[]): { stdout: string; status: number } {
	let stdout = "";
	let stderr = "";
	const status = runCli(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: EXAMPLE_VAULT, version: "test" });
	expect(stderr).toBe("");
	return { stdout, status };
}

describe("the report note in the example vault", () => {
	it("exported by the plugin: the vault audit is unchanged, the report audits clean, and no unresolved link appears", async () => {
		const { app, plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		const before = await plugin.vault.auditVault();
		const unresolvedBefore = structuredClone(app.metadataCache.unresolvedLinks);
		expect(await plugin.vault.exportReport()).toEqual({ path: REPORT, action: "created" });
		await idle(app);
		await flushMetadata(app);

		const after = await plugin.vault.auditVault();
		expect(buildAuditReport(after?.notes ?? [])).toEqual(buildAuditReport(before?.notes ?? []));
		expect(app.metadataCache.unresolvedLinks[REPORT]).toEqual({});
		expect({ ...app.metadataCache.unresolvedLinks, [REPORT]: undefined }).toEqual({ ...unresolvedBefore, [REPORT]: undefined });
		// Its headings link to the audited essays, which Obsidian resolves; nothing else is a link.
		expect(Object.keys(app.metadataCache.resolvedLinks[REPORT] ?? {}).sort()).toEqual((before?.notes ?? []).map((note) => note.path).sort());
		expect(before?.notes.length).toBe(2);
		const cache = app.metadataCache.getFileCache(getFile(app, REPORT));
		expect(cache?.footnotes ?? []).toEqual([]);
		expect(cache?.footnoteRefs ?? []).toEqual([]);

		// Audited as a note of its own (the panel's audit), it has nothing to report.
		const state = await plugin.controller.auditFile(getFile(app, REPORT));
		expect(state.kind === "note" ? state.audit.findings : state).toEqual([]);
	});

	it("written by citation-audit into the vault: the vault audit is unchanged and the report, named, audits clean", () => {
		const vault = mkdtempSync(join(tmpdir(), "citation-report-"));
		try {
			cpSync(EXAMPLE_VAULT, vault, { recursive: true });
			const before = cli([vault, "--format", "json"]);
			writeFileSync(join(vault, REPORT), cli([vault, "--format", "markdown"]).stdout);
			const after = cli([vault, "--format", "json"]);
			expect(after).toEqual(before);
			const named = cli([vault, REPORT, "--format", "json"]);
			expect(named.status).toBe(0);
			const report = JSON.parse(named.stdout) as { notes: { path: string; findings: unknown[] }[] };
			expect(report.notes).toEqual([expect.objectContaining({ path: REPORT, findings: [] })]);
		} finally {
			rmSync(vault, { recursive: true, force: true });
		}
	});
});
