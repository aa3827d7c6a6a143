/**
 * The plugin's life in the app: start-up does no audit work, the manifest is valid for the community
 * directory, commands, ribbon icon and status bar exist and act, the panel reveals on a restored (deferred)
 * leaf, and unloading leaves nothing behind.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarkdownView, Platform } from "obsidian";
import manifestJson from "../../manifest.json";
import * as core from "../../src/core/index";
import CitationAuditorPlugin from "../../src/plugin/main";
import { CitationView, VIEW_TYPE_CITATIONS } from "../../src/plugin/citation-view";
import { getLoadResult } from "../obsidian-double/component";
import {
	activeDomListenerCount, activeIntervalCount, appHandlerCount, click, createTestApp, finishStartup, flushMetadata, handlerCount,
	noticeMessages, openFile, resetDouble, ribbonIcons, statusBarItems, unloadPlugin,
} from "../obsidian-double/testing";
import {
	ESSAY, PLUGIN_ID, idle, loadCitationAuditor, openNote, panelLeaves, panelOf, runCommand, sectionsOf, seedVault, statusText,
} from "./harness";

afterEach(() => {
	vi.restoreAllMocks();
	resetDouble();
});

const ESSAY_SECTIONS = [
	{ title: "Unresolved", count: "4" },
	{ title: "Duplicate sources", count: "2" },
	{ title: "Malformed", count: "1" },
	{ title: "Body links", count: "3" },
	{ title: "Non-vault sources", count: "1" },
];

const CLEAN = "Clean.md";
const PLAIN = "Plain.md";
const EXTRA_NOTES = {
	[CLEAN]: "A claim.[^1] Another.[^2]\n\n[^1]: [[Seed Banks and the Memory of Crops]]\n[^2]: [[Why Blight Spreads Fast]]\n",
	[PLAIN]: "No footnotes in this note, only [[Why Blight Spreads Fast]].\n",
};

describe("start-up", () => {
	it("onload audits nothing; the first audit runs once the layout is ready, on the note already open", async () => {
		const app = createTestApp({ files: seedVault(), layout: { main: [{ type: "markdown", state: { file: ESSAY } }] }, layoutReady: false });
		await idle(app);
		expect(app.workspace.getActiveViewOfType(MarkdownView)?.file?.path).toBe(ESSAY);
		const audits = vi.spyOn(core, "auditNote");

		const plugin = new CitationAuditorPlugin(app, manifestJson);
		plugin.load();
		await getLoadResult(plugin);
		await Promise.resolve();
		expect(audits).not.toHaveBeenCalled();
		expect(plugin.controller.current.kind).toBe("empty");
		expect(panelLeaves(app)).toHaveLength(0);
		expect(statusText(app)).toBe("");

		finishStartup(app);
		expect(audits).toHaveBeenCalledTimes(1);
		expect(audits.mock.calls[0]?.[1]).toBe(ESSAY);
		expect(plugin.controller.file?.path).toBe(ESSAY);
		// The panel is opened lazily: start-up never creates its leaf.
		await idle(app);
		expect(panelLeaves(app)).toHaveLength(0);
		plugin.unload();
	});

	it("with no note open, start-up (layout ready, metadata resolved) parses nothing; opening a note audits it", async () => {
		const audits = vi.spyOn(core, "auditNote");
		const { app, plugin } = await loadCitationAuditor();
		await idle(app);
		expect(audits).not.toHaveBeenCalled();
		expect(plugin.controller.current.kind).toBe("empty");

		await openNote(app, ESSAY);
		expect(audits).toHaveBeenCalled();
		expect(audits.mock.calls.every((call) => call[1] === ESSAY)).toBe(true);
		expect(plugin.controller.file?.path).toBe(ESSAY);
		await unloadPlugin(plugin);
	});
});

describe("manifest.json", () => {
	const manifest: Record<string, unknown> = manifestJson;

	it("has the id, name and platform support the community directory expects", () => {
		expect(manifest.id).toBe("citation-auditor");
		expect(manifest.name).toBe("Citation Auditor");
		expect(manifest.isDesktopOnly).toBe(false);
		expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(typeof manifest.author).toBe("string");
		// footnoteRefs in the metadata cache exist since 1.8.7, and resolveSubpath returns footnotes since 1.7.2.
		expect(manifest.minAppVersion).toBe("1.8.7");
	});

	it("the description is a capitalised sentence of 10-250 characters with neither 'Obsidian' nor 'plugin'", () => {
		const description = String(manifest.description);
		expect(description.length).toBeGreaterThanOrEqual(10);
		expect(description.length).toBeLessThan(250);
		expect(description).toMatch(/^[A-Z]/);
		expect(description.endsWith(".")).toBe(true);
		for (const field of [manifest.id, manifest.name, manifest.description]) expect(String(field)).not.toMatch(/obsidian|plugin/i);
	});

	it("has only the keys the directory allows", () => {
		const allowed = ["id", "name", "version", "minAppVersion", "description", "author", "isDesktopOnly", "authorUrl", "fundingUrl"];
		for (const key of Object.keys(manifest)) expect(allowed).toContain(key);
		for (const key of ["id", "name", "version", "minAppVersion", "description", "author", "isDesktopOnly"]) expect(manifest).toHaveProperty(key);
	});
});

describe("commands", () => {
	it("registers the six commands under the plugin's id, in sentence case, without default hotkeys", async () => {
		const { app, plugin } = await loadCitationAuditor();
		const ours = Object.values(app.commands.commands).filter((command) => command.id.startsWith(`${PLUGIN_ID}:`));
		// (The vault mode adds commands of its own; these six are the note's.)
		expect(ours.map((command) => [command.id, command.name])).toEqual(
			expect.arrayContaining([
				["citation-auditor:audit-citations", "Citation Auditor: Audit citations"],
				["citation-auditor:open-citation-panel", "Citation Auditor: Open citation panel"],
				["citation-auditor:merge-duplicate-citations", "Citation Auditor: Merge duplicate citations"],
				["citation-auditor:remove-unused-footnotes", "Citation Auditor: Remove unused footnotes"],
				["citation-auditor:renumber-footnotes", "Citation Auditor: Renumber footnotes"],
				["citation-auditor:fix-all-citation-problems", "Citation Auditor: Fix all citation problems"],
			]),
		);
		for (const command of ours) expect(command.hotkeys).toBeUndefined();
		await unloadPlugin(plugin);
	});

	it('"Audit citations" with no Markdown note active shows a notice and opens nothing', async () => {
		const { app, plugin } = await loadCitationAuditor();
		await runCommand(app, "audit-citations");
		expect(noticeMessages()).toEqual(["Open a Markdown note to audit its citations."]);
		expect(panelLeaves(app)).toHaveLength(0);
		expect(plugin.controller.current.kind).toBe("empty");
		await unloadPlugin(plugin);
	});

	it('"Audit citations" audits the active note and reveals the panel in the right sidebar', async () => {
		const { app, plugin } = await loadCitationAuditor();
		await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		const [leaf] = panelLeaves(app);
		expect(leaf?.getRoot()).toBe(app.workspace.rightSplit);
		expect(sectionsOf(panelOf(app))).toEqual(ESSAY_SECTIONS);
		expect(noticeMessages()).toEqual([]);
		// Running it again reuses the panel's leaf.
		await runCommand(app, "audit-citations");
		expect(panelLeaves(app)).toHaveLength(1);
		await unloadPlugin(plugin);
	});

	it('"Open citation panel" with no note shows the empty state', async () => {
		const { app, plugin } = await loadCitationAuditor();
		await runCommand(app, "open-citation-panel");
		const panel = panelOf(app);
		expect(panel.rootEl.querySelector(".citation-auditor-empty")?.textContent).toBe("Open a note to audit its citations.");
		expect(sectionsOf(panel)).toEqual([]);
		await unloadPlugin(plugin);
	});
});

describe("ribbon icon", () => {
	it('has the tooltip "Audit citations" and a quote icon; clicking it reveals the panel and audits the note', async () => {
		const { app, plugin } = await loadCitationAuditor();
		const icons = ribbonIcons(app);
		expect(icons).toHaveLength(1);
		const icon = icons[0];
		expect(icon.getAttribute("aria-label")).toBe("Audit citations");
		expect(icon.querySelector("svg")?.getAttribute("data-icon")).toBe("quote");

		await openNote(app, ESSAY);
		expect(panelLeaves(app)).toHaveLength(0);
		click(icon);
		await idle(app);
		expect(panelLeaves(app)).toHaveLength(1);
		expect(panelOf(app).rootEl.querySelector(".citation-auditor-title")?.textContent).toBe("On the Risks of Crop Monoculture");
		expect(sectionsOf(panelOf(app))).toEqual(ESSAY_SECTIONS);
		await unloadPlugin(plugin);
	});

	it("with no note open reveals the panel in its empty state, without a notice", async () => {
		const { app, plugin } = await loadCitationAuditor();
		click(ribbonIcons(app)[0]);
		await idle(app);
		expect(panelLeaves(app)).toHaveLength(1);
		expect(panelOf(app).rootEl.querySelector(".citation-auditor-empty")?.textContent).toBe("Open a note to audit its citations.");
		expect(noticeMessages()).toEqual([]);
		await unloadPlugin(plugin);
	});
});

describe("status bar", () => {
	it("counts the open note's problems, says Citations OK for a clean note and is empty without footnotes", async () => {
		const { app, plugin } = await loadCitationAuditor({ files: { ...seedVault(), ...EXTRA_NOTES } });
		const items = statusBarItems(app);
		expect(items).toHaveLength(1);
		const item = items[0];
		expect(item.textContent).toBe("");
		expect(item.style.display).toBe("none");

		await openNote(app, ESSAY);
		expect(item.textContent).toBe("4 unresolved · 2 duplicate · 1 malformed · 3 other");
		expect(item.style.display).toBe("");

		await openNote(app, CLEAN);
		expect(item.textContent).toBe("Citations OK (2)");

		await openNote(app, PLAIN);
		expect(item.textContent).toBe("");
		expect(item.style.display).toBe("none");
		await unloadPlugin(plugin);
	});

	it("on mobile, where Obsidian has no status bar, nothing is shown and the rest works", async () => {
		Platform.isMobile = true;
		const { app, plugin } = await loadCitationAuditor();
		expect(statusBarItems(app)).toHaveLength(0);
		await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		expect(sectionsOf(panelOf(app))).toEqual(ESSAY_SECTIONS);
		await unloadPlugin(plugin);
	});

	it("clicking it reveals the panel", async () => {
		const { app, plugin } = await loadCitationAuditor();
		await openNote(app, ESSAY);
		click(statusBarItems(app)[0]);
		await idle(app);
		expect(panelLeaves(app)).toHaveLength(1);
		expect(sectionsOf(panelOf(app))).toEqual(ESSAY_SECTIONS);
		await unloadPlugin(plugin);
	});
});

describe("a restored (deferred) panel leaf", () => {
	it("stays deferred through start-up and is loaded in place when revealed", async () => {
		const app = createTestApp({
			files: seedVault(),
			layout: { main: [{ type: "markdown", state: { file: ESSAY } }], right: [{ type: VIEW_TYPE_CITATIONS, state: {} }] },
			layoutReady: false,
		});
		await idle(app);
		const { plugin } = await loadCitationAuditorIn(app);
		const [leaf] = panelLeaves(app);
		expect(leaf).toBeDefined();
		expect(leaf?.view).not.toBeInstanceOf(CitationView);

		await runCommand(app, "open-citation-panel");
		expect(panelLeaves(app)).toEqual([leaf]);
		expect(leaf?.view).toBeInstanceOf(CitationView);
		const panel = panelOf(app);
		expect(panel.rootEl.querySelector(".citation-auditor-title")?.textContent).toBe("On the Risks of Crop Monoculture");
		expect(sectionsOf(panel)).toEqual(ESSAY_SECTIONS);
		await unloadPlugin(plugin);
	});
});

describe("unload", () => {
	it("removes every handler, DOM listener, interval, ribbon icon, status bar item, command and view type, and keeps the panel's leaf", async () => {
		const app = createTestApp({ files: seedVault() });
		await openFile(app, ESSAY);
		await flushMetadata(app);
		const before = {
			app: appHandlerCount(app),
			workspace: handlerCount(app.workspace),
			vault: handlerCount(app.vault),
			metadata: handlerCount(app.metadataCache),
			dom: activeDomListenerCount(),
			intervals: activeIntervalCount(),
		};
		const { plugin } = await loadCitationAuditorIn(app);
		await runCommand(app, "audit-citations");
		expect(appHandlerCount(app)).toBeGreaterThan(before.app);
		expect(activeDomListenerCount()).toBeGreaterThan(before.dom);
		const panelRoot = panelOf(app).rootEl;
		expect(panelRoot.isConnected).toBe(true);
		const [leaf] = panelLeaves(app);

		await unloadPlugin(plugin);
		expect({
			app: appHandlerCount(app),
			workspace: handlerCount(app.workspace),
			vault: handlerCount(app.vault),
			metadata: handlerCount(app.metadataCache),
			dom: activeDomListenerCount(),
			intervals: activeIntervalCount(),
		}).toEqual(before);
		expect(ribbonIcons(app)).toHaveLength(0);
		expect(statusBarItems(app)).toHaveLength(0);
		expect(Object.keys(app.commands.commands).filter((id) => id.startsWith(`${PLUGIN_ID}:`))).toEqual([]);
		expect(app.setting.pluginTabs).toHaveLength(0);
		expect(app.hoverLinkSources.has(VIEW_TYPE_CITATIONS)).toBe(false);
		expect(app.viewRegistry.getViewCreatorByType(VIEW_TYPE_CITATIONS)).toBeUndefined();
		// The leaf stays where the writer put it (Obsidian restores it when the plugin comes back); its view is closed.
		expect(panelLeaves(app)).toEqual([leaf]);
		expect(leaf?.view).not.toBeInstanceOf(CitationView);
		expect(panelRoot.isConnected).toBe(false);
	});

	it("a pending live audit does not run after unload", async () => {
		const { app, plugin } = await loadCitationAuditor();
		const view = await openNote(app, ESSAY);
		const audits = vi.spyOn(core, "auditNote");
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		try {
			view.editor.replaceRange("x", { line: 0, ch: 0 });
			await vi.advanceTimersByTimeAsync(1000);
			expect(audits).toHaveBeenCalledTimes(1);
			audits.mockClear();
			view.editor.replaceRange("y", { line: 0, ch: 0 });
			await unloadPlugin(plugin);
			await vi.advanceTimersByTimeAsync(5000);
			expect(audits).not.toHaveBeenCalled();
		} finally {
			vi.useRealTimers();
		}
	});
});

async function loadCitationAuditorIn(app: ReturnType<typeof createTestApp>) {
	return loadCitationAuditor({ app });
}
