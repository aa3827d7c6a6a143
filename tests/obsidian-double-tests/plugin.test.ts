import { afterEach, describe, expect, it, vi } from "vitest";
import { ItemView, MarkdownView, Plugin, PluginSettingTab, requireApiVersion, Setting, type CliData, type Editor, type TAbstractFile, type WorkspaceLeaf } from "obsidian";
import {
	activeDomListenerCount, activeIntervalCount, appHandlerCount, click, createTestApp, loadPlugin, openFile, openSettingTab,
	resetDouble, ribbonIcons, runCliCommand, setApiVersion, statusBarItems, unloadPlugin,
} from "../obsidian-double/testing";
import type { Plugin as DoublePlugin } from "../obsidian-double/plugin";

afterEach(() => resetDouble());

const VIEW = "sample-view";

class SampleView extends ItemView {
	getViewType(): string { return VIEW; }
	getDisplayText(): string { return "Sample"; }
}

interface Settings { enabled: boolean; name: string }

class SampleTab extends PluginSettingTab {
	constructor(app: SamplePlugin["app"], private readonly owner: SamplePlugin) { super(app, owner); }
	// Declarative settings (Obsidian >= 1.13) are not used: minAppVersion is 1.8.7.
	override getSettingDefinitions() { return []; }
	override display(): void {
		this.containerEl.empty();
		new Setting(this.containerEl).setName("Enabled").addToggle((t) => t.setValue(this.owner.settings.enabled).onChange(async (v) => {
			this.owner.settings.enabled = v;
			await this.owner.saveData(this.owner.settings);
		}));
	}
}

class SamplePlugin extends Plugin {
	override settings: Settings = { enabled: false, name: "" };
	log: string[] = [];
	ribbonClicks = 0;
	edited: string[] = [];

	override async onload(): Promise<void> {
		this.settings = { ...this.settings, ...(await this.loadData() as Partial<Settings> | null) };
		this.log.push("onload");
		this.app.workspace.onLayoutReady(() => this.log.push("layout ready"));
		this.registerEvent(this.app.metadataCache.on("resolved", () => this.log.push("resolved")));
		this.registerEvent(this.app.vault.on("create", (f: TAbstractFile) => this.log.push(`create ${f.path}`)));
		this.registerEvent(this.app.workspace.on("editor-change", (editor: Editor) => this.edited.push(editor.getValue())));
		this.registerDomEvent(document, "keydown", () => undefined);
		this.registerInterval(window.setInterval(() => undefined, 60000));
		this.addRibbonIcon("dice", "Roll the dice", () => { this.ribbonClicks++; });
		this.addStatusBarItem().setText("Ready");
		this.addCommand({ id: "plain", name: "Plain", callback: () => this.log.push("plain") });
		this.addCommand({ id: "checked", name: "Checked", checkCallback: (checking) => {
			if (!this.settings.enabled) return false;
			if (!checking) this.log.push("checked ran");
			return true;
		} });
		this.addCommand({ id: "edit", name: "Edit", editorCallback: (editor, ctx) => {
			editor.replaceRange("!", editor.getCursor());
			this.log.push(`edit ${ctx instanceof MarkdownView}`);
		} });
		this.registerView(VIEW, (leaf) => new SampleView(leaf));
		this.addSettingTab(new SampleTab(this.app, this));
		this.registerObsidianProtocolHandler("sample", (params) => this.log.push(`protocol ${params.x}`));
	}

	override onunload(): void {
		this.log.push("onunload");
	}
}

describe("loadPlugin / unloadPlugin", () => {
	it("loads like Obsidian starts: onload, then layout ready, then metadata resolved", async () => {
		const { plugin } = await loadPlugin(SamplePlugin, { files: { "a.md": "[[b]]" } });
		expect(plugin.log).toEqual(["onload", "layout ready", "resolved"]);
		expect(plugin.manifest.id).toBe("citation-auditor");
	});

	it("can replay the vault's startup `create` events (plugins should wait for layout ready)", async () => {
		const { plugin } = await loadPlugin(SamplePlugin, { files: { "a.md": "" }, startupCreateEvents: true });
		expect(plugin.log).toContain("create a.md");
	});

	it("passes saved data to loadData and keeps saveData as a JSON copy", async () => {
		const { app, plugin } = await loadPlugin(SamplePlugin, { data: { enabled: true } });
		expect(plugin.settings.enabled).toBe(true);
		const data = { enabled: false, name: "x", when: new Date(0) };
		await plugin.saveData(data);
		data.name = "changed";
		expect(await plugin.loadData()).toEqual({ enabled: false, name: "x", when: "1970-01-01T00:00:00.000Z" });
		expect(app.pluginData.get(plugin.manifest.id)).toContain("\"name\":\"x\"");
	});

	it("unloading removes every registration and leaves no listener behind", async () => {
		const app = createTestApp({ files: { "a.md": "" } });
		const handlersBefore = appHandlerCount(app);
		const domBefore = activeDomListenerCount();
		const intervalsBefore = activeIntervalCount();
		const { plugin } = await loadPlugin(SamplePlugin, { app });
		expect(appHandlerCount(app)).toBe(handlersBefore + 3);
		expect(activeDomListenerCount()).toBe(domBefore + 1);
		expect(activeIntervalCount()).toBe(intervalsBefore + 1);
		expect(ribbonIcons(app)).toHaveLength(1);
		expect(statusBarItems(app)).toHaveLength(1);
		const leaf = app.workspace.getRightLeaf(false) as WorkspaceLeaf;
		await leaf.setViewState({ type: VIEW });
		await unloadPlugin(plugin);
		expect(plugin.log.at(-1)).toBe("onunload");
		expect(appHandlerCount(app)).toBe(handlersBefore);
		expect(activeDomListenerCount()).toBe(domBefore);
		expect(activeIntervalCount()).toBe(intervalsBefore);
		expect(ribbonIcons(app)).toHaveLength(0);
		expect(statusBarItems(app)).toHaveLength(0);
		expect(app.commands.listCommands()).toHaveLength(0);
		expect(app.setting.pluginTabs).toHaveLength(0);
		expect(app.protocolHandlers.size).toBe(0);
		// the leaf of the plugin's view is kept in place (Obsidian restores it on reload)
		expect(app.workspace.getLeavesOfType(VIEW)).toEqual([leaf]);
		expect(leaf.isDeferred).toBe(true);
	});
});

describe("Plugin registrations", () => {
	it("prefixes command ids and names with the manifest", async () => {
		const { app } = await loadPlugin(SamplePlugin, { manifest: { id: "sample", name: "Sample" } });
		expect(app.commands.listCommands().map((c) => [c.id, c.name])).toEqual([
			["sample:plain", "Sample: Plain"], ["sample:checked", "Sample: Checked"], ["sample:edit", "Sample: Edit"],
		]);
	});

	it("executeCommandById runs callbacks, asks check callbacks first and needs an editor for editor commands", async () => {
		const { app, plugin } = await loadPlugin(SamplePlugin, { manifest: { id: "sample" }, files: { "a.md": "text" } });
		expect(app.commands.executeCommandById("sample:plain")).toBe(true);
		expect(app.commands.executeCommandById("sample:checked")).toBe(false);
		plugin.settings.enabled = true;
		expect(app.commands.executeCommandById("sample:checked")).toBe(true);
		expect(app.commands.executeCommandById("sample:edit")).toBe(false);
		const view = await openFile(app, "a.md");
		view.editor.setCursor({ line: 0, ch: 4 });
		expect(app.commands.executeCommandById("sample:edit")).toBe(true);
		expect(view.editor.getValue()).toBe("text!");
		expect(plugin.edited).toEqual(["text!"]);
		expect(plugin.log.slice(-3)).toEqual(["plain", "checked ran", "edit true"]);
		expect(app.commands.executeCommandById("sample:unknown")).toBe(false);
	});

	it("ribbon icons carry the title as aria-label and call back on click", async () => {
		const { app, plugin } = await loadPlugin(SamplePlugin);
		const [icon] = ribbonIcons(app);
		expect(icon.getAttribute("aria-label")).toBe("Roll the dice");
		expect(icon.querySelector("svg")?.getAttribute("data-icon")).toBe("dice");
		click(icon);
		expect(plugin.ribbonClicks).toBe(1);
		expect(statusBarItems(app)[0].getText()).toBe("Ready");
	});

	it("the setting tab displays controls that save through the plugin", async () => {
		const { app, plugin } = await loadPlugin(SamplePlugin);
		const save = vi.spyOn(plugin, "saveData");
		const tab = openSettingTab(app, plugin.manifest.id);
		const toggle = tab.containerEl.querySelector<HTMLElement>(".checkbox-container");
		expect(tab.containerEl.querySelector(".setting-item-name")?.textContent).toBe("Enabled");
		click(toggle as HTMLElement);
		expect(plugin.settings.enabled).toBe(true);
		expect(toggle?.hasClass("is-enabled")).toBe(true);
		expect(save).toHaveBeenCalledWith({ enabled: true, name: "" });
	});

	it("obsidian:// URLs reach the registered protocol handler", async () => {
		const { app, plugin } = await loadPlugin(SamplePlugin);
		expect(app.openProtocolUrl("obsidian://sample?x=42")).toBe(true);
		expect(plugin.log.at(-1)).toBe("protocol 42");
	});
});

describe("registerCliHandler and requireApiVersion (obsidian.d.ts, since 1.12.2)", () => {
	it("hands CliData to the handler and returns its answer; a second registration of an id throws", async () => {
		const { app, plugin: loaded } = await loadPlugin(SamplePlugin);
		// Called on the double's own class: the sample plugin is not bound by the project's minAppVersion.
		const plugin = loaded as unknown as DoublePlugin;
		const seen: CliData[] = [];
		plugin.registerCliHandler("sample", "Say hello", { name: { value: "<name>", description: "Who" } }, (params) => {
			seen.push(params);
			return `hello ${params.name}`;
		});
		expect(await runCliCommand(app, "sample", { name: "Ada", loud: "true" })).toBe("hello Ada");
		expect(seen).toEqual([{ name: "Ada", loud: "true" }]);
		expect(() => plugin.registerCliHandler("sample", "Again", null, () => "")).toThrow(/already registered/);
		expect(await runCliCommand(app, "sample", { name: "Bo" })).toBe("hello Bo");
		await unloadPlugin(loaded);
		await expect(runCliCommand(app, "sample")).rejects.toThrow(/No CLI handler/);
	});

	it("requireApiVersion compares number by number against the app's version", () => {
		expect(requireApiVersion("1.12.2")).toBe(true);
		setApiVersion("1.12.1");
		expect(requireApiVersion("1.12.2")).toBe(false);
		expect(requireApiVersion("1.9.10")).toBe(true);
		setApiVersion("1.12.10");
		expect(requireApiVersion("1.12.2")).toBe(true);
	});
});
