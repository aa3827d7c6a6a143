/**
 * Shared set-up for the plugin's end-to-end tests: the seed-structure vault loaded into the obsidian double,
 * the plugin loaded on it, and small helpers to reach the panel and wait for asynchronous work.
 * Nothing here computes an expected value: the tests write their expectations by hand.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setImmediate as nextMacrotask } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { MarkdownView, type WorkspaceLeaf } from "obsidian";
import CitationAuditorPlugin from "../../src/plugin/main";
import { CitationView, VIEW_TYPE_CITATIONS } from "../../src/plugin/citation-view";
import type { CitationPanel } from "../../src/plugin/panel/citation-panel";
import { lazyRowActionsOf } from "../../src/plugin/panel/lazy-row-actions";
import { flushMetadata, loadPlugin, openFile, type LoadPluginOptions, type TestApp } from "../obsidian-double/testing";

export const PLUGIN_ID = "citation-auditor";
export const ESSAY = "Essays/On the Risks of Crop Monoculture.md";
export const VAULT_DIR = fileURLToPath(new URL("../fixtures/seed-structure/vault", import.meta.url));

/** Every file of the seed-structure vault, path → text. */
export function seedVault(): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const entry of readdirSync(join(VAULT_DIR, folder), { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const path = folder ? `${folder}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(path);
			else files[path] = readFileSync(join(VAULT_DIR, path), "utf8");
		}
	};
	walk("");
	return files;
}

export const ESSAY_TEXT = readFileSync(join(VAULT_DIR, ESSAY), "utf8");

export interface Loaded {
	app: TestApp;
	plugin: CitationAuditorPlugin;
}

export async function loadCitationAuditor(options: LoadPluginOptions = {}): Promise<Loaded> {
	return loadPlugin(CitationAuditorPlugin, { files: seedVault(), ...options });
}

/** Lets promise chains, the metadata cache and zero-delay work finish (real timers only). */
export async function idle(app: TestApp): Promise<void> {
	for (let round = 0; round < 3; round++) {
		await flushMetadata(app);
		for (let tick = 0; tick < 10; tick++) await Promise.resolve();
		// From node:timers, so a test's fake timers never hold it back.
		await nextMacrotask();
	}
	await flushMetadata(app);
}

/** Runs a command by its id without the plugin prefix; fails when it is not available. */
export async function runCommand(app: TestApp, id: string): Promise<void> {
	if (!app.commands.executeCommandById(`${PLUGIN_ID}:${id}`)) throw new Error(`command ${id} is not available`);
	await idle(app);
}

export function panelLeaves(app: TestApp): WorkspaceLeaf[] {
	return app.workspace.getLeavesOfType(VIEW_TYPE_CITATIONS);
}

/** The mounted panel of the (single) citation view; fails when there is none. */
export function panelOf(app: TestApp): CitationPanel {
	const leaves = panelLeaves(app);
	if (leaves.length !== 1) throw new Error(`expected one citation panel leaf, found ${leaves.length}`);
	const view = leaves[0].view;
	if (!(view instanceof CitationView)) throw new Error("the citation leaf holds no loaded CitationView");
	const panel = view.citationPanel;
	if (!panel) throw new Error("the citation view has no panel");
	return panel;
}

export interface SectionSummary {
	title: string;
	count: string;
}

export function sectionsOf(panel: CitationPanel): SectionSummary[] {
	return Array.from(panel.rootEl.querySelectorAll<HTMLElement>(".citation-auditor-section")).map((section) => ({
		title: section.querySelector(".citation-auditor-section-title > span:first-child")?.textContent ?? "",
		count: section.querySelector(".citation-auditor-count")?.textContent ?? "",
	}));
}

export interface RowSummary {
	labels: string;
	target: string;
	line: string;
}

export function rowSummary(row: HTMLElement): RowSummary {
	return {
		labels: row.querySelector(".citation-auditor-labels")?.textContent ?? "",
		target: row.querySelector(".citation-auditor-target")?.textContent ?? "",
		line: row.querySelector(".citation-auditor-line")?.textContent ?? "",
	};
}

/** Rows of one section (by its class suffix, e.g. "duplicate-sources"). */
export function sectionRows(panel: CitationPanel, id: string): HTMLElement[] {
	return Array.from(panel.rootEl.querySelectorAll<HTMLElement>(`.citation-auditor-section-${id} .citation-auditor-row`));
}

export function rowWithLabels(panel: CitationPanel, labels: string): HTMLElement {
	const row = panel.rowElements().find((el) => rowSummary(el).labels === labels);
	if (!row) throw new Error(`no row labelled ${labels}; rows: ${panel.rowElements().map((el) => rowSummary(el).labels).join(" | ")}`);
	return row;
}

export function rowWithTarget(panel: CitationPanel, target: string): HTMLElement {
	const row = panel.rowElements().find((el) => rowSummary(el).target === target);
	if (!row) throw new Error(`no row with target ${target}`);
	return row;
}

/**
 * Moves the pointer over a row and rests it there, as a writer reaching it does: its fix buttons are built
 * then (lazy-row-actions.ts: at once while builds are cheap, else when the rest ends, which this stands for).
 */
export function pointAt(row: HTMLElement): void {
	row.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
	const actions = lazyRowActionsOf(row);
	if (actions?.isResting(row)) actions.build(row);
}

export function buttonIn(row: HTMLElement, title: string): HTMLButtonElement {
	pointAt(row);
	const button = Array.from(row.querySelectorAll<HTMLButtonElement>("button.citation-auditor-action")).find((el) => el.textContent === title);
	if (!button) {
		const titles = Array.from(row.querySelectorAll("button.citation-auditor-action"), (el) => el.textContent).join(", ");
		throw new Error(`no button "${title}" on the row (buttons: ${titles})`);
	}
	return button;
}

export function actionTitles(row: HTMLElement): string[] {
	pointAt(row);
	return Array.from(row.querySelectorAll("button.citation-auditor-action"), (el) => el.textContent ?? "");
}

export function statusText(app: TestApp): string {
	const item = app.statusBarEl.querySelector<HTMLElement>(".citation-auditor-status");
	return item?.textContent ?? "";
}

/** Opens a note in the main area and lets the plugin react (file-open, active-leaf-change). */
export async function openNote(app: TestApp, path: string, options: Parameters<typeof openFile>[2] = {}): Promise<MarkdownView> {
	const view = await openFile(app, path, options);
	await idle(app);
	if (!(view instanceof MarkdownView)) throw new Error(`${path} did not open in a MarkdownView`);
	return view;
}

/** Zero-based editor position of an offset, counted directly from the text. */
export function positionOf(text: string, offset: number): { line: number; ch: number } {
	const before = text.slice(0, offset);
	const line = before.split("\n").length - 1;
	return { line, ch: offset - (before.lastIndexOf("\n") + 1) };
}
