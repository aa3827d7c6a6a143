/**
 * Settings: defaults, persistence through loadData/saveData, and what each one changes in the panel, the
 * status bar and the live audit. Controls are driven like a writer would, through the settings tab.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import * as core from "../../src/core/index";
import { DEFAULT_SETTINGS } from "../../src/plugin/settings";
import { getFile, openSettingTab, resetDouble, statusBarItems, unloadPlugin, type TestApp } from "../obsidian-double/testing";
import { ESSAY, PLUGIN_ID, idle, loadCitationAuditor, openNote, panelOf, positionOf, runCommand, sectionsOf, statusText } from "./harness";

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	resetDouble();
});

function settingItem(app: TestApp, name: string): HTMLElement {
	const tab = openSettingTab(app, PLUGIN_ID);
	const item = Array.from(tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")).find(
		(el) => el.querySelector(".setting-item-name")?.textContent === name,
	);
	if (!item) throw new Error(`no setting named "${name}"`);
	return item;
}

function toggle(app: TestApp, name: string): void {
	const el = settingItem(app, name).querySelector<HTMLElement>(".checkbox-container");
	if (!el) throw new Error(`"${name}" has no toggle`);
	el.click();
}

function isOn(app: TestApp, name: string): boolean {
	return settingItem(app, name).querySelector(".checkbox-container")?.classList.contains("is-enabled") ?? false;
}

function slide(app: TestApp, name: string, value: number): void {
	const slider = settingItem(app, name).querySelector<HTMLInputElement>("input.slider");
	if (!slider) throw new Error(`"${name}" has no slider`);
	slider.value = String(value);
	slider.dispatchEvent(new Event("change"));
}

const saved = (app: TestApp): Record<string, unknown> => JSON.parse(app.pluginData.get(PLUGIN_ID) ?? "null") as Record<string, unknown>;
const titles = (app: TestApp) => sectionsOf(panelOf(app)).map((section) => section.title);

async function essayInPanel(data?: unknown) {
	const loaded = await loadCitationAuditor(data === undefined ? {} : { data });
	const view = await openNote(loaded.app, ESSAY);
	await runCommand(loaded.app, "audit-citations");
	return { ...loaded, view };
}

describe("defaults and persistence", () => {
	it("defaults to every check on, body links checked, live audit after 300 ms and the status bar shown", async () => {
		const { app, plugin } = await loadCitationAuditor();
		expect(plugin.settings).toEqual(DEFAULT_SETTINGS);
		expect(Object.values(plugin.settings.enabledKinds).every(Boolean)).toBe(true);
		expect(Object.keys(plugin.settings.enabledKinds).sort()).toEqual([...core.ALL_FINDING_KINDS].sort());
		expect(plugin.settings).toMatchObject({ checkBodyLinks: true, liveAudit: true, liveAuditDelay: 300, showStatusBar: true });
		expect(isOn(app, "Live audit")).toBe(true);
		expect(isOn(app, "Duplicate sources")).toBe(true);
		await unloadPlugin(plugin);
	});

	it("reads saved data over the defaults, and a change is saved and survives a reload", async () => {
		const { app, plugin } = await loadCitationAuditor({ data: { liveAuditDelay: 800, enabledKinds: { "no-vault-link": false }, checkBodyLinks: "yes" } });
		expect(plugin.settings.liveAuditDelay).toBe(800);
		expect(plugin.settings.enabledKinds["no-vault-link"]).toBe(false);
		expect(plugin.settings.enabledKinds["duplicate-source"]).toBe(true);
		// A value of the wrong type (a hand-edited data.json) falls back to the default.
		expect(plugin.settings.checkBodyLinks).toBe(true);
		expect(isOn(app, "Footnotes citing no note in the vault")).toBe(false);

		toggle(app, "Show in status bar");
		await idle(app);
		expect(saved(app)).toMatchObject({ showStatusBar: false, liveAuditDelay: 800, enabledKinds: { "no-vault-link": false } });

		await unloadPlugin(plugin);
		const again = await loadCitationAuditor({ app });
		expect(again.plugin.settings.showStatusBar).toBe(false);
		expect(again.plugin.settings.liveAuditDelay).toBe(800);
		await unloadPlugin(again.plugin);
	});
});

describe("what each setting changes", () => {
	it("turning a kind off hides its section and its count in the status bar; on brings it back", async () => {
		const { app, plugin } = await essayInPanel();
		toggle(app, "Duplicate sources");
		await idle(app);
		expect(titles(app)).toEqual(["Unresolved", "Malformed", "Body links", "Non-vault sources"]);
		expect(statusText(app)).toBe("4 unresolved · 1 malformed · 3 other");
		expect(saved(app)).toMatchObject({ enabledKinds: { "duplicate-source": false } });
		toggle(app, "Duplicate sources");
		await idle(app);
		expect(titles(app)).toContain("Duplicate sources");
		await unloadPlugin(plugin);
	});

	it('"Check body links" off hides the "Body links" section', async () => {
		const { app, plugin } = await essayInPanel();
		toggle(app, "Check body links");
		await idle(app);
		expect(titles(app)).toEqual(["Unresolved", "Duplicate sources", "Malformed", "Non-vault sources"]);
		expect(statusText(app)).toBe("4 unresolved · 2 duplicate · 1 malformed");
		await unloadPlugin(plugin);
	});

	it('"Show in status bar" off empties and hides the item; on shows it again', async () => {
		const { app, plugin } = await essayInPanel();
		const [item] = statusBarItems(app);
		toggle(app, "Show in status bar");
		await idle(app);
		expect(item?.textContent).toBe("");
		expect(item?.style.display).toBe("none");
		toggle(app, "Show in status bar");
		await idle(app);
		expect(item?.textContent).toBe("4 unresolved · 2 duplicate · 1 malformed · 3 other");
		expect(item?.style.display).toBe("");
		await unloadPlugin(plugin);
	});

	it('"Live audit" off: typing no longer re-audits', async () => {
		const { app, plugin, view } = await essayInPanel();
		toggle(app, "Live audit");
		await idle(app);
		const audits = vi.spyOn(core, "auditNote");
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		const text = view.editor.getValue();
		view.editor.replaceRange("[^77]", positionOf(text, text.indexOf("Jobs lost to machines")));
		// Past the debounce and past Obsidian's 2-second autosave: the saved note is not re-audited either.
		await vi.advanceTimersByTimeAsync(5000);
		vi.useRealTimers();
		await idle(app);
		expect(await app.vault.read(getFile(app, ESSAY))).toContain("[^77]Jobs lost");
		expect(audits).not.toHaveBeenCalled();
		expect(titles(app)).not.toContain("Undefined");

		// Other notes still count: creating a missing source updates the panel (from the editor's text).
		await app.vault.create("Sources/Hobby forums embrace cloning tool to copy rare cultivars.md", "");
		await idle(app);
		expect(sectionsOf(panelOf(app))).toContainEqual({ title: "Unresolved", count: "3" });
		expect(titles(app)).toContain("Undefined");
		await unloadPlugin(plugin);
	});

	it('the "Live audit delay" is respected', async () => {
		const { app, plugin, view } = await essayInPanel();
		slide(app, "Live audit delay", 1000);
		await idle(app);
		expect(plugin.settings.liveAuditDelay).toBe(1000);
		expect(saved(app)).toMatchObject({ liveAuditDelay: 1000 });
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		const text = view.editor.getValue();
		view.editor.replaceRange("[^77]", positionOf(text, text.indexOf("Jobs lost to machines")));
		await vi.advanceTimersByTimeAsync(999);
		expect(titles(app)).not.toContain("Undefined");
		await vi.advanceTimersByTimeAsync(1);
		expect(titles(app)).toContain("Undefined");
		await unloadPlugin(plugin);
	});
});

describe("source properties settings", () => {
	function type(app: TestApp, name: string, value: string): void {
		const input = settingItem(app, name).querySelector<HTMLInputElement>("input[type=text]");
		if (!input) throw new Error(`"${name}" has no text field`);
		input.value = value;
		input.dispatchEvent(new Event("input"));
	}

	it("require nothing and name no extra identity property by default; typed values are saved as typed and as a list", async () => {
		const { app, plugin } = await essayInPanel();
		expect([plugin.settings.requireProperties, plugin.settings.identityProperties]).toEqual(["", []]);
		type(app, "Required source properties", "author, year|date");
		type(app, "Identity properties", " pmid, , arxiv ");
		await idle(app);
		expect([saved(app).requireProperties, saved(app).identityProperties]).toEqual(["author, year|date", ["pmid", "arxiv"]]);
		await unloadPlugin(plugin);
	});

	it("ignores saved values of the wrong type", async () => {
		const { plugin } = await essayInPanel({ requireProperties: 3, identityProperties: ["pmid", 4, " "] });
		expect([plugin.settings.requireProperties, plugin.settings.identityProperties]).toEqual(["", ["pmid"]]);
		await unloadPlugin(plugin);
	});
});
