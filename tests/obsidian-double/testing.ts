// Test helpers for the obsidian double. Import them from this file (tests/obsidian-double/
// testing.ts); import Obsidian's API itself from "obsidian" as plugin code does.
//
//   const { app, plugin } = await loadPlugin(MyPlugin, { files: { "a.md": "# A" } });
//   const view = await openFile(app, "a.md");            // MarkdownView in the main area
//   view.editor.replaceRange("x", { line: 0, ch: 0 });   // fires `editor-change`
//   await flushAutosave(app);                             // writes the editor to the vault
//   await flushMetadata(app);                             // cache, `changed`, `resolved`
//   app.commands.executeCommandById("my-plugin:do");
//   await unloadPlugin(plugin);
import "./index";
import type * as O from "obsidian";
import projectManifest from "../../manifest.json";
import { App } from "./app";
import { activeDomListenerCount, activeIntervalCount, getLoadResult } from "./component";
import { collectedHandlerErrors, handlerCount, setHandlerErrorMode } from "./events";
import { MarkdownView } from "./markdown-view";
import type { InMemoryEditor } from "./memory-editor";
import { forgetLastMenu, getLastMenu, type Menu, type MenuItem } from "./menu";
import { noticesShown, openModals } from "./modal";
import { setRequestUrlHandler } from "./misc";
import { DEFAULT_API_VERSION, Platform, setApiVersion } from "./platform";
import { codeBlockProcessors, postProcessors } from "./render";
import { TextFileView, viewImpl } from "./views";
import type { DoubleLayout, Workspace } from "./workspace";
import type { FileManager } from "./file-manager";
import type { MetadataCache } from "./metadata-cache";
import { TFile, TFolder, type Vault } from "./vault";
import type { SuggestModal } from "./modal";
import type { AbstractInputSuggest } from "./suggest";

export { activeDomListenerCount, activeIntervalCount, handlerCount, collectedHandlerErrors, setHandlerErrorMode };
export { getLastMenu, noticesShown, openModals, setRequestUrlHandler, setApiVersion };
export type { DoubleLayout, InMemoryEditor };

/**
 * The app handed to tests: obsidian.d.ts's App (so it can be passed to plugin code) plus the
 * double's extras: `commands`, `setting`, `viewRegistry`, `pluginData`, and the double's
 * vault (`getConfig`, `setConfig`, `adapter.readSync`, `adapter.trashed`), workspace
 * (`openLinkTextCalls`, `allLeaves()`), metadata cache and file manager (`linkUpdatePrompts`).
 */
export type TestApp = O.App & Omit<App, keyof O.App> & {
	vault: O.Vault & Vault;
	metadataCache: O.MetadataCache & MetadataCache;
	workspace: O.Workspace & Workspace;
	fileManager: O.FileManager & FileManager;
};

export interface TestAppOptions {
	/** Vault content: path -> text (or bytes). Folders are created as needed. */
	files?: Record<string, string | ArrayBuffer>;
	/** Empty folders to create. */
	folders?: string[];
	/** Vault configuration (app.json), e.g. `{ newFileLocation: "current" }`. */
	config?: Record<string, unknown>;
	vaultName?: string;
	/** Leaves restored at startup; their views start deferred (Obsidian >= 1.7.2). */
	layout?: DoubleLayout;
	/** Finish startup (layout ready, metadata resolved) right away. Default true. */
	layoutReady?: boolean;
}

function impl(app: O.App): App {
	if (!(app instanceof App)) throw new Error("not an app created by the obsidian double");
	return app;
}

function asTestApp(app: App): TestApp {
	return app;
}

/** Create an app with a seeded vault. The metadata cache is already warm (no `changed` events). */
export function createTestApp(options: TestAppOptions = {}): TestApp {
	const app = new App({ vaultName: options.vaultName });
	Object.assign(app.vault.config, options.config ?? {});
	const adapter = app.vault.adapter;
	app.metadataCache.suspend(true);
	for (const folder of options.folders ?? []) void adapter.mkdir(folder);
	for (const [path, data] of Object.entries(options.files ?? {})) adapter.writeSync(path, typeof data === "string" ? data : new Uint8Array(data));
	app.metadataCache.suspend(false);
	app.metadataCache.indexAllSync();
	if (options.layout) void app.workspace.changeLayout(options.layout);
	if (options.layoutReady !== false) finishStartup(app);
	return asTestApp(app);
}

/** End of startup: layout ready (`onLayoutReady` callbacks run), then every note is resolved (`resolve`, `resolved`). */
export function finishStartup(app: O.App): void {
	const a = impl(app);
	if (a.workspace.layoutReady) return;
	a.workspace.markLayoutReady();
	a.metadataCache.resolveAllAsync();
}

export interface LoadPluginOptions extends Omit<TestAppOptions, "layoutReady"> {
	/** Load into an existing app (as when a user enables a plugin later). */
	app?: TestApp;
	/** Manifest fields (default: the project's manifest.json). */
	manifest?: Partial<O.PluginManifest>;
	/** Saved plugin data returned by `loadData()`. */
	data?: unknown;
	/** Fire vault `create` for every existing file after `onload`, as Obsidian does while loading the vault. */
	startupCreateEvents?: boolean;
}

/**
 * Construct the plugin, `load()` it (awaiting an async `onload`), finish startup and let the
 * metadata cache settle. Startup order: onload -> (vault `create` events) -> layout ready ->
 * metadata `resolve`/`resolved`.
 */
export async function loadPlugin<T extends O.Plugin>(PluginClass: new (app: O.App, manifest: O.PluginManifest) => T,
	options: LoadPluginOptions = {}): Promise<{ app: TestApp; plugin: T }> {
	const app = options.app ?? createTestApp({ ...options, layoutReady: false });
	const a = impl(app);
	const manifest: O.PluginManifest = { ...projectManifest, ...options.manifest };
	if (options.data !== undefined) a.pluginData.set(manifest.id, JSON.stringify(options.data));
	const plugin = new PluginClass(app, manifest);
	a.plugins.plugins[manifest.id] = plugin;
	a.plugins.manifests[manifest.id] = manifest;
	a.plugins.enabledPlugins.add(manifest.id);
	plugin.load();
	await getLoadResult(plugin);
	if (!a.workspace.layoutReady) {
		if (options.startupCreateEvents) {
			a.metadataCache.suspend(true);
			for (const file of a.vault.getAllLoadedFiles()) if (file !== a.vault.getRoot()) a.vault.trigger("create", file);
			a.metadataCache.suspend(false);
		}
		finishStartup(app);
	}
	await flushMetadata(app);
	return { app, plugin };
}

/** Unload the plugin (Component cleanup) and let closing views finish. */
export async function unloadPlugin(plugin: O.Plugin): Promise<void> {
	const a = impl(plugin.app);
	plugin.unload();
	delete a.plugins.plugins[plugin.manifest.id];
	a.plugins.enabledPlugins.delete(plugin.manifest.id);
	await Promise.all(a.workspace.allLeaves().map((leaf) => leaf.closing));
}

/** Wait until the metadata cache has indexed and resolved everything (`resolved` fired). */
export function flushMetadata(app: O.App): Promise<void> {
	return impl(app).metadataCache.settle();
}

/** Open a vault file in a leaf (the current one by default) and make it active. */
export async function openFile(app: O.App, path: string, options: { newLeaf?: O.PaneType | boolean; active?: boolean; mode?: "source" | "preview" } = {}): Promise<O.MarkdownView> {
	const a = impl(app);
	const file = a.vault.getFileByPath(path);
	if (!file) throw new Error(`no file at ${path}`);
	const leaf = a.workspace.getLeaf(options.newLeaf ?? false);
	await leaf.openFile(file, { active: options.active ?? true, state: options.mode ? { mode: options.mode } : undefined });
	return leaf.view as O.MarkdownView;
}

/** The double's editor behind `view.editor` (undo depth, last scrollIntoView, ...). */
export function editorOf(viewOrEditor: O.MarkdownView | O.Editor): InMemoryEditor {
	const view = viewImpl(viewOrEditor as unknown as O.View);
	return (view instanceof MarkdownView ? view.editor : viewOrEditor) as InMemoryEditor;
}

/** Run Obsidian's autosave now: every text file view writes its unsaved changes. */
export async function flushAutosave(app: O.App): Promise<void> {
	for (const leaf of impl(app).workspace.allLeaves()) {
		const view = viewImpl(leaf.view);
		if (view instanceof TextFileView) await view.save();
	}
}

/** Messages of the notices shown so far. */
export function noticeMessages(): string[] {
	return noticesShown.map((n) => n.message);
}

/** Ribbon buttons added with `addRibbonIcon` (left ribbon), in order. */
export function ribbonIcons(app: O.App): HTMLElement[] {
	return Array.from(impl(app).workspace.leftRibbon.containerEl.querySelectorAll<HTMLElement>(".side-dock-ribbon-action"));
}

/** Items added with `addStatusBarItem`, in order. */
export function statusBarItems(app: O.App): HTMLElement[] {
	return Array.from(impl(app).statusBarEl.querySelectorAll<HTMLElement>(":scope > .status-bar-item"));
}

/** Dispatch a click (MouseEvent, bubbling) on an element. */
export function click(el: Element, init: MouseEventInit = {}): void {
	el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init }));
}

/** Titles of a menu's items, in display order. */
export function menuItemTitles(menu: O.Menu | null = getLastMenu()): string[] {
	return menu ? (menu as Menu).menuItems.map((item) => item.titleEl.getText()) : [];
}

/** Click the item titled `title` in `menu` (default: the last shown menu). */
export function clickMenuItem(title: string, menu: O.Menu | null = getLastMenu()): MenuItem {
	const item = (menu as Menu | null)?.menuItems.find((i) => i.titleEl.getText() === title);
	if (!item) throw new Error(`no menu item "${title}" (items: ${menuItemTitles(menu).join(", ")})`);
	click(item.dom);
	return item;
}

/** Whether a menu is on screen. */
export function isMenuShown(menu: O.Menu): boolean {
	return (menu as Menu).shown;
}

/** The vault file at `path` (throws when there is none). */
export function getFile(app: O.App, path: string): O.TFile {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) throw new Error(`no file at ${path}`);
	return file;
}

/** The vault folder at `path` (throws when there is none). */
export function getFolder(app: O.App, path: string): O.TFolder {
	const folder = app.vault.getAbstractFileByPath(path);
	if (!(folder instanceof TFolder)) throw new Error(`no folder at ${path}`);
	return folder;
}

/** Resolves when a SuggestModal / AbstractInputSuggest has rendered the suggestions for its current input. */
export function waitForSuggestions(suggest: O.SuggestModal<unknown> | O.AbstractInputSuggest<unknown>): Promise<void> {
	return (suggest as unknown as SuggestModal<unknown> | AbstractInputSuggest<unknown>).suggestionsReady;
}

/** Open a plugin's setting tab (calls `display()`), as the settings window does. */
export function openSettingTab(app: O.App, pluginId: string): O.PluginSettingTab {
	const tab = impl(app).setting.openTabById(pluginId);
	if (!tab) throw new Error(`no setting tab for ${pluginId}`);
	return tab;
}

/** Change the saved data behind the plugin's back (sync), then call `onExternalSettingsChange`. */
export async function setPluginDataExternally(plugin: O.Plugin, data: unknown): Promise<void> {
	impl(plugin.app).pluginData.set(plugin.manifest.id, JSON.stringify(data));
	await plugin.onExternalSettingsChange?.();
}

/** Handlers registered on the app's vault, metadata cache and workspace. */
export function appHandlerCount(app: O.App): number {
	return handlerCount(app.vault) + handlerCount(app.metadataCache) + handlerCount(app.workspace);
}

const PLATFORM_DEFAULTS = { ...Platform };

/** Clear global state between tests: notices, modals, menus, processors, DOM, platform flags, request handler. */
export function resetDouble(): void {
	for (const modal of openModals.slice()) modal.close();
	noticesShown.length = 0;
	forgetLastMenu();
	postProcessors.length = 0;
	codeBlockProcessors.clear();
	collectedHandlerErrors.length = 0;
	setHandlerErrorMode("async");
	setRequestUrlHandler(null);
	Object.assign(Platform, PLATFORM_DEFAULTS);
	setApiVersion(DEFAULT_API_VERSION);
	document.body.empty();
}

/**
 * Runs a command of Obsidian's command line (`obsidian <command> key=value flag`) as the app hands it to the
 * registered handler: a CliData object whose values are strings, `"true"` for a flag given without a value
 * (obsidian.d.ts, CliData). Throws when no handler is registered under `command`.
 */
export async function runCliCommand(app: O.App, command: string, params: O.CliData = {}): Promise<string> {
	const entry = (app as unknown as App).cliHandlers.get(command);
	if (!entry) throw new Error(`No CLI handler registered for "${command}".`);
	return entry.handler({ ...params });
}
