/**
 * "Audit citations in all notes" through the obsidian double: which notes it reads (the metadata cache rules
 * out notes without footnotes, unread), ignored folders, progress and Cancel, unloading mid-audit, and
 * slices that yield to the event loop.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TFile } from "obsidian";
import { flushMetadata, getFile, resetDouble, unloadPlugin } from "../../obsidian-double/testing";
import type { VaultAuditState } from "../../../src/plugin/vault/vault-features";
import { generateVault } from "./generate-vault";
import { idle, loadAuditor, macrotask, runCommand, vaultUi, waitUntil } from "./helpers";

afterEach(() => {
	vi.restoreAllMocks();
	resetDouble();
});

const SMALL_VAULT: Record<string, string> = {
	"Essays/One.md": "Claim.[^1]\n\n[^1]: [[Source A]]\n",
	"Essays/Two.md": "Claim.[^a] Other.[^b]\n\n[^a]: [[Source A]]\n[^b]: [[Nowhere]]\n",
	"Essays/Only a reference.md": "A reference with no definition.[^x]\n",
	"Templates/Essay template.md": "Text.[^1]\n\n[^1]: [[Template source]]\n",
	"Sources/Source A.md": "# Source A\n\nNo footnotes here.\n",
	"Sources/Source B.md": "# Source B\n\nLinks to [[Source A]] but cites nothing.\n",
	"Daily/2024-01-01.md": "# A day\n\n```\nnotes[^1] in code are not footnotes\n```\n",
};

function readPaths(spy: { mock: { calls: unknown[][] } }): string[] {
	return spy.mock.calls.map(([file]) => (file instanceof TFile ? file.path : "?")).sort();
}

describe("which notes the vault audit reads", () => {
	it("reads only notes whose metadata shows footnotes, and reports those that have them", async () => {
		const { app, plugin } = await loadAuditor(SMALL_VAULT);
		const cachedRead = vi.spyOn(app.vault, "cachedRead");
		const outcome = await plugin.vault.auditAllNotes();
		expect(readPaths(cachedRead)).toEqual(["Essays/One.md", "Essays/Only a reference.md", "Essays/Two.md", "Templates/Essay template.md"]);
		expect(outcome?.notes.map((note) => note.path)).toEqual(["Essays/One.md", "Essays/Only a reference.md", "Essays/Two.md", "Templates/Essay template.md"]);
		expect(outcome?.considered).toBe(7);
		expect(outcome?.total).toBe(4);
		expect(outcome?.cancelled).toBe(false);
	});

	it("skips the folders of the ignoredFolders setting, whatever their case or slashes", async () => {
		const { app, plugin } = await loadAuditor(SMALL_VAULT, { data: { ignoredFolders: ["/templates/", "Daily"] } });
		const cachedRead = vi.spyOn(app.vault, "cachedRead");
		const outcome = await plugin.vault.auditAllNotes();
		expect(readPaths(cachedRead)).toEqual(["Essays/One.md", "Essays/Only a reference.md", "Essays/Two.md"]);
		expect(outcome?.notes.map((note) => note.path)).not.toContain("Templates/Essay template.md");
		expect(outcome?.considered).toBe(5);
	});

	it("reads a note whose cache is missing (not indexed yet), to be safe", async () => {
		const { app, plugin } = await loadAuditor(SMALL_VAULT);
		const fresh = await app.vault.create("Fresh.md", "No footnotes, but nobody knows yet.\n");
		expect(app.metadataCache.getFileCache(fresh)).toBeNull();
		const cachedRead = vi.spyOn(app.vault, "cachedRead");
		const outcome = await plugin.vault.auditVault();
		expect(readPaths(cachedRead)).toContain("Fresh.md");
		// Read, audited, and left out of the report: it has no footnotes.
		expect(outcome?.notes.map((note) => note.path)).not.toContain("Fresh.md");
		await flushMetadata(app);
	});

	it("audits an open note from its editor (what the writer sees, saved or not)", async () => {
		const { app, plugin } = await loadAuditor(SMALL_VAULT);
		const leaf = app.workspace.getLeaf(false);
		await leaf.openFile(getFile(app, "Essays/One.md"));
		const view = leaf.view as unknown as { editor: { setValue(text: string): void } };
		view.editor.setValue("Claim.[^1] New.[^2]\n\n[^1]: [[Source A]]\n");
		const cachedRead = vi.spyOn(app.vault, "cachedRead");
		const outcome = await plugin.vault.auditVault();
		expect(readPaths(cachedRead)).not.toContain("Essays/One.md");
		const one = outcome?.notes.find((note) => note.path === "Essays/One.md");
		expect(one?.findings.map((finding) => finding.kind)).toEqual(["undefined-reference"]);
	});
});

describe("progress, Cancel and unload", () => {
	it("shows notes done / total while running, and a Cancel button that stops the audit", async () => {
		const { files } = generateVault({ notes: 600, essayShare: 0.5 });
		const { app, plugin } = await loadAuditor(files);
		plugin.vault.budgetMs = 1;
		const states: VaultAuditState[] = [];
		plugin.register(plugin.vault.audit.subscribe((state) => states.push(state)));
		runCommand(app, "audit-all-notes");
		// The panel opens in vault mode and shows the progress.
		await waitUntil(() => {
			const state = plugin.vault.audit.value;
			return state.kind === "running" && state.phase === "auditing" && state.done > 0 && app.workspace.getLeavesOfType("citation-auditor-panel").length > 0;
		}, "the audit is under way");
		const ui = vaultUi(app);
		const progress = ui.vaultPanel.rootEl.querySelector<HTMLElement>(".citation-auditor-vault-progress");
		expect(progress?.isShown()).toBe(true);
		expect(progress?.querySelector(".citation-auditor-progress-text")?.textContent).toMatch(/^Auditing notes: \d+ of 300$/);
		const cancel = progress?.querySelector<HTMLButtonElement>(".citation-auditor-cancel");
		expect(cancel?.textContent).toBe("Cancel");
		cancel?.click();
		await idle(app);
		const last = states[states.length - 1];
		expect(last.kind).toBe("finished");
		if (last.kind !== "finished") return;
		expect(last.outcome.cancelled).toBe(true);
		expect(last.outcome.done).toBeLessThan(300);
		expect(progress?.isShown()).toBe(false);
		expect(ui.vaultPanel.rootEl.querySelector(".citation-auditor-message-box")?.textContent).toBe(
			`Audit cancelled after ${last.outcome.done} of 300 notes.`,
		);
		const running = states.filter((state) => state.kind === "running");
		expect(running.length).toBeGreaterThan(1);
		const dones = running.map((state) => (state.kind === "running" ? state.done : -1));
		expect(dones).toEqual([...dones].sort((a, b) => a - b));
	});

	it("stops reading notes when the plugin is unloaded mid-audit", async () => {
		const { files } = generateVault({ notes: 600, essayShare: 0.5 });
		const { app, plugin } = await loadAuditor(files);
		plugin.vault.budgetMs = 1;
		const cachedRead = vi.spyOn(app.vault, "cachedRead");
		const states: string[] = [];
		plugin.vault.audit.subscribe((state) => states.push(state.kind));
		const audit = plugin.vault.auditVault();
		await waitUntil(() => cachedRead.mock.calls.length > 0, "the audit reads notes");
		const readsAtUnload = cachedRead.mock.calls.length;
		expect(readsAtUnload).toBeGreaterThan(0);
		expect(readsAtUnload).toBeLessThan(300);
		await unloadPlugin(plugin);
		// The waiting slice wakes at once (its timer cleared) and the run ends without touching the state.
		expect(await audit).toBeNull();
		const statesAtUnload = states.length;
		for (let i = 0; i < 5; i++) await macrotask();
		expect(cachedRead.mock.calls.length).toBe(readsAtUnload);
		expect(states.length).toBe(statesAtUnload);
		expect(states).not.toContain("finished");
	});

	it("a second run replaces the first", async () => {
		const { files } = generateVault({ notes: 300, essayShare: 0.5 });
		const { plugin } = await loadAuditor(files);
		plugin.vault.budgetMs = 1;
		const cachedRead = vi.spyOn(plugin.app.vault, "cachedRead");
		const first = plugin.vault.auditVault();
		await waitUntil(() => cachedRead.mock.calls.length > 0, "the first audit reads notes");
		const second = plugin.vault.auditVault();
		const [a, b] = await Promise.all([first, second]);
		expect(a?.cancelled).toBe(true);
		expect(b?.cancelled).toBe(false);
		expect(b?.notes.length).toBe(150);
		const state = plugin.vault.audit.value;
		expect(state.kind === "finished" && state.outcome).toBe(b);
	});
});

describe("slices", () => {
	it("spreads the audit of a 2,000-note vault over several macrotasks", async () => {
		const { files, essays } = generateVault({ notes: 2000 });
		const { app, plugin } = await loadAuditor(files);
		// A macrotask "heartbeat" standing in for the UI: it can only run between slices.
		let beats = 0;
		let beating = true;
		const beat = () => {
			beats++;
			if (beating) window.setTimeout(beat, 0);
		};
		window.setTimeout(beat, 0);
		const cachedRead = vi.spyOn(app.vault, "cachedRead");
		const outcome = await plugin.vault.auditVault();
		beating = false;
		expect(outcome?.notes.length).toBe(essays.length);
		expect(cachedRead).toHaveBeenCalledTimes(essays.length);
		expect(outcome?.slices.length).toBeGreaterThanOrEqual(3);
		expect(beats).toBeGreaterThanOrEqual((outcome?.slices.length ?? 0) - 1);
		await idle(app);
	});
});
