/**
 * Set-up for the vault mode's tests: vaults (the example vault read from disk, small hand-written ones, a
 * generated one of any size), the plugin loaded on them through the obsidian double, and ways to wait for
 * sliced work and to reach the vault mode's DOM.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CitationView, VIEW_TYPE_CITATIONS } from "../../../src/plugin/citation-view";
import CitationAuditorPlugin from "../../../src/plugin/main";
import type { MountedVaultMode } from "../../../src/plugin/vault/view-hook";
import { flushMetadata, loadPlugin, type LoadPluginOptions, type TestApp } from "../../obsidian-double/testing";

export const PLUGIN_ID = "citation-auditor";
export const EXAMPLE_VAULT = fileURLToPath(new URL("../../../examples/vault", import.meta.url));

/**
 * Every file of a vault folder, path → text (binary files as bytes), in sorted path order (the order the
 * command line lists them in); dot-folders are skipped as Obsidian and the command line skip them.
 */
export function readVaultFolder(root: string): Record<string, string | ArrayBuffer> {
	const paths: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const path = folder ? `${folder}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(path);
			else paths.push(path);
		}
	};
	walk("");
	paths.sort();
	const files: Record<string, string | ArrayBuffer> = {};
	for (const path of paths) {
		const bytes = readFileSync(join(root, path));
		files[path] = path.endsWith(".md") ? bytes.toString("utf8") : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
	}
	return files;
}

export interface Loaded {
	app: TestApp;
	plugin: CitationAuditorPlugin;
}

export async function loadAuditor(files: Record<string, string | ArrayBuffer>, options: Omit<LoadPluginOptions, "files"> = {}): Promise<Loaded> {
	return loadPlugin(CitationAuditorPlugin, { files, ...options });
}

/** One macrotask (what the audit's slices wait for). */
export function macrotask(): Promise<void> {
	return new Promise<void>((resolve) => window.setTimeout(resolve, 0));
}

/**
 * Waits (macrotask by macrotask, so sliced work can go on) until `done()` holds; fails after `limit` tries.
 * Tests wait for states, never for a number of slices: on a busy machine a slice does less.
 */
export async function waitUntil(done: () => boolean, what: string, limit = 20_000): Promise<void> {
	for (let tries = 0; !done(); tries++) {
		if (tries >= limit) throw new Error(`timed out waiting until ${what}`);
		await macrotask();
	}
}

/**
 * Lets promise chains, the metadata cache, the vault audit and "Cited by" finish (the plugin is found on the
 * app, so tests need only the app).
 */
export async function idle(app: TestApp): Promise<void> {
	const settled = async () => {
		for (let round = 0; round < 3; round++) {
			await flushMetadata(app);
			await macrotask();
		}
		await flushMetadata(app);
	};
	await settled();
	const plugin = app.plugins.plugins[PLUGIN_ID] as CitationAuditorPlugin | undefined;
	if (!plugin?.vault) return;
	await waitUntil(() => !plugin.vault.running && plugin.vault.citedBy.value.status !== "loading", "the vault work is done");
	await settled();
}

export function runCommand(app: TestApp, id: string): void {
	if (!app.commands.executeCommandById(`${PLUGIN_ID}:${id}`)) throw new Error(`command ${id} is not available`);
}

/** The vault mode mounted in the (single) citation view. */
export function vaultUi(app: TestApp): MountedVaultMode {
	const leaves = app.workspace.getLeavesOfType(VIEW_TYPE_CITATIONS);
	if (leaves.length !== 1) throw new Error(`expected one citation panel, found ${leaves.length}`);
	const view = leaves[0].view;
	if (!(view instanceof CitationView)) throw new Error("the citation leaf holds no loaded CitationView");
	const ui = view.vaultModeUi;
	if (!ui) throw new Error("the citation view has no vault mode");
	return ui;
}

export function citationView(app: TestApp): CitationView {
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_CITATIONS)[0]?.view;
	if (!(view instanceof CitationView)) throw new Error("no loaded citation view");
	return view;
}

/** Visible text of the vault panel's note rows: "name|folder|counts". */
export function noteRowTexts(ui: MountedVaultMode): string[] {
	return ui.vaultPanel.noteElements().map((el) => {
		const part = (cls: string) => el.querySelector(`.${cls}`)?.textContent ?? "";
		return [part("citation-auditor-vault-note-title"), part("citation-auditor-vault-note-folder"), part("citation-auditor-vault-note-counts")].join("|");
	});
}

export function noteRow(ui: MountedVaultMode, path: string): HTMLElement {
	const row = ui.vaultPanel.noteElements().find((el) => el.dataset.path === path);
	if (!row) throw new Error(`no vault row for ${path}`);
	return row;
}
