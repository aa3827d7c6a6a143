/**
 * `.citation-audit.json` in the plugin: read through the vault adapter (a dot-file: no TFile, no vault events,
 * as in the app), its keys over the settings tab's, re-read before a vault audit and a command-line command,
 * a notice naming the key of each problem, and "Export settings to .citation-audit.json". The plugin and
 * citation-audit must agree on the same vault with the same file: the command line runs on a copy on disk.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run";
import { readAuditConfig } from "../../../src/core/config/audit-config";
import { buildAuditReport, type AuditReport } from "../../../src/core/report/json-report";
import { noticeMessages, resetDouble, runCliCommand } from "../../obsidian-double/testing";
import { EXAMPLE_VAULT, idle, loadAuditor, PLUGIN_ID, readVaultFolder } from "../vault/helpers";

afterEach(() => resetDouble());

const CONFIG = ".citation-audit.json";

function cliOn(config: string | null, ...args: string[]): { status: number; stdout: string; stderr: string } {
	const vault = mkdtempSync(join(tmpdir(), "citation-config-"));
	try {
		cpSync(EXAMPLE_VAULT, vault, { recursive: true });
		if (config !== null) writeFileSync(join(vault, CONFIG), config);
		let stdout = "";
		let stderr = "";
		const status = runCli([vault, ...args], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: vault, version: "test" });
		return { status, stdout, stderr };
	} finally {
		rmSync(vault, { recursive: true, force: true });
	}
}

async function pluginReport(plugin: Awaited<ReturnType<typeof loadAuditor>>["plugin"]): Promise<AuditReport> {
	const outcome = await plugin.vault.auditVault();
	return buildAuditReport(outcome?.notes ?? []);
}

const SETTINGS = JSON.stringify({ kinds: { "unused-definition": false, "duplicate-label": false }, severities: { "no-vault-link": "error", "missing-subpath": "info" }, checkBodyLinks: false });

describe(".citation-audit.json in the plugin", () => {
	it("gives the same vault report as citation-audit with the same file", async () => {
		const { app, plugin } = await loadAuditor({ ...readVaultFolder(EXAMPLE_VAULT), [CONFIG]: SETTINGS });
		await idle(app);
		const report = await pluginReport(plugin);
		expect(report).toEqual(JSON.parse(cliOn(SETTINGS, "--format", "json").stdout));
		// And the file did change it (against the command line without the file).
		expect(report).not.toEqual(JSON.parse(cliOn(null, "--format", "json").stdout));
		const kinds = report.notes.flatMap((note) => note.findings.map((finding) => finding.kind));
		expect(kinds).not.toContain("unused-definition");
		expect(kinds).not.toContain("unresolved-link");
	});

	it("is read again before a vault audit and a command of Obsidian's command line (the app sends no event for it)", async () => {
		const { app, plugin } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		await idle(app);
		expect(await pluginReport(plugin)).toEqual(JSON.parse(cliOn(null, "--format", "json").stdout));
		await app.vault.adapter.write(CONFIG, SETTINGS);
		expect(await pluginReport(plugin)).toEqual(JSON.parse(cliOn(SETTINGS, "--format", "json").stdout));
		await app.vault.adapter.write(CONFIG, '{"minSeverity": "error"}');
		expect(await runCliCommand(app, `${PLUGIN_ID}:vault`)).toBe(cliOn('{"minSeverity": "error"}').stdout);
	});

	it("a problem: one notice naming each key, the rest still applies", async () => {
		const { app, plugin } = await loadAuditor({ ...readVaultFolder(EXAMPLE_VAULT), [CONFIG]: '{"kinds": {"unused-definition": false}, "severities": {"no-vault-link": "loud"}, "colour": true}' });
		await idle(app);
		const notices = noticeMessages().filter((message) => message.includes(CONFIG));
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain('severities.no-vault-link: takes error, warning or info (got "loud")');
		expect(notices[0]).toContain("colour: unknown key");
		const report = await pluginReport(plugin);
		expect(report).toEqual(JSON.parse(cliOn('{"kinds": {"unused-definition": false}}', "--format", "json").stdout));
		// The same file again: no second notice.
		await plugin.vault.auditVault();
		expect(noticeMessages().filter((message) => message.includes(CONFIG))).toHaveLength(1);
	});

	it("Export settings to .citation-audit.json writes a valid file that citation-audit reads to the same report", async () => {
		const { app, plugin } = await loadAuditor({ ...readVaultFolder(EXAMPLE_VAULT), [CONFIG]: '{"bibliography": ["refs.bib"], "minSeverity": "warning"}' });
		await idle(app);
		plugin.settings.enabledKinds["ambiguous-target"] = false;
		plugin.settings.ignoredFolders = ["Archives"];
		plugin.settings.requireProperties = "author, year|date";
		await plugin.exportConfig();
		const text = await app.vault.adapter.read(CONFIG);
		const { config, problems } = readAuditConfig(text);
		expect(problems).toEqual([]);
		expect(config).toMatchObject({ kinds: { "ambiguous-target": false }, ignoredFolders: ["Archives"], requireProperties: ["author", "year|date"], bibliography: ["refs.bib"], minSeverity: "warning" });
		expect(noticeMessages()).toContain(`Settings exported to ${CONFIG}.`);
		expect(await pluginReport(plugin)).toEqual(JSON.parse(cliOn(text, "--format", "json", "--min-severity", "info").stdout));
	});

	it("bibliography and literatureNotes: the plugin's key sources come from the file, as citation-audit's do", async () => {
		const keys = JSON.stringify({ bibliography: ["Bibliography/conference.yaml"], literatureNotes: { folder: "Literature", property: "citekey" } });
		const { app, plugin } = await loadAuditor({ ...readVaultFolder(EXAMPLE_VAULT), [CONFIG]: keys });
		await idle(app);
		const report = await pluginReport(plugin);
		const cli = JSON.parse(cliOn(keys, "--format", "json").stdout) as AuditReport;
		expect(report).toEqual(cli);
		// The same as the options npm start passes, and not the same as no key sources at all.
		const byOptions = JSON.parse(
			cliOn(null, "--format", "json", "--bibliography", join(EXAMPLE_VAULT, "Bibliography/conference.yaml"), "--literature-folder", "Literature", "--citekey-property", "citekey").stdout,
		) as AuditReport;
		expect(cli).toEqual(byOptions);
		expect(report).not.toEqual(JSON.parse(cliOn(null, "--format", "json").stdout));
		expect(report.notes.flatMap((note) => note.findings.map((finding) => finding.kind))).toContain("citekey-without-note");
		// The file's key sources replace the tab's while it stands.
		expect(plugin.auditSettings()).toMatchObject({ bibliographyFiles: ["Bibliography/conference.yaml"], literatureFolder: "Literature", citekeyProperty: "citekey" });
	});
});
