// App and its registries. `app.commands`, `app.setting`, `app.plugins` and `app.viewRegistry`
// are not in obsidian.d.ts but exist in the Obsidian app; the double implements the parts
// that plugins and tests use. Command execution follows the app: an editor command needs an
// active editor; a check callback is asked with `true` first and run with `false` only when
// it returns true.
import "./dom-env";
import type * as O from "obsidian";
import { InMemoryAdapter } from "./adapter";
import { Events } from "./events";
import { FileManager } from "./file-manager";
import { MetadataCache } from "./metadata-cache";
import { MarkdownView } from "./markdown-view";
import { Keymap, Scope } from "./platform";
import { Vault } from "./vault";
import { DeferredView, EmptyView, viewImpl } from "./views";
import { Workspace } from "./workspace";
import type { WorkspaceLeaf } from "./leaf";
import type { EditorSuggest } from "./suggest";

export class CommandRegistry {
	commands: Record<string, O.Command> = {};
	/** Ids of the commands run through `executeCommandById`/`executeCommand`, in order. */
	executed: string[] = [];
	constructor(private readonly app: App) {}

	addCommand(command: O.Command): void { this.commands[command.id] = command; }
	removeCommand(id: string): void { delete this.commands[id]; }
	findCommand(id: string): O.Command | undefined { return this.commands[id]; }
	listCommands(): O.Command[] { return Object.values(this.commands); }

	/** Whether the command palette would offer the command now (check callbacks asked with `true`). */
	isAvailable(command: O.Command): boolean {
		const info = this.app.workspace.activeEditor;
		if (command.editorCheckCallback) return !!info?.editor && !!command.editorCheckCallback(true, info.editor, info);
		if (command.editorCallback) return !!info?.editor;
		if (command.checkCallback) return !!command.checkCallback(true);
		return !!command.callback;
	}

	executeCommand(command: O.Command): boolean {
		if (!this.isAvailable(command)) return false;
		this.executed.push(command.id);
		const info = this.app.workspace.activeEditor;
		if (command.editorCheckCallback && info?.editor) command.editorCheckCallback(false, info.editor, info);
		else if (command.editorCallback && info?.editor) void command.editorCallback(info.editor, info);
		else if (command.checkCallback) command.checkCallback(false);
		else if (command.callback) void command.callback();
		return true;
	}

	executeCommandById(id: string): boolean {
		const command = this.commands[id];
		return command ? this.executeCommand(command) : false;
	}
}

export class ViewRegistry extends Events {
	viewByType: Record<string, O.ViewCreator> = {};
	typeByExtension: Record<string, string> = { md: "markdown" };
	constructor(private readonly app: App) {
		super();
		this.viewByType.markdown = (leaf) => new MarkdownView(leaf) as unknown as O.View;
		this.viewByType.empty = (leaf) => new EmptyView(leaf) as unknown as O.View;
	}
	registerView(type: string, creator: O.ViewCreator): void {
		if (Object.prototype.hasOwnProperty.call(this.viewByType, type)) throw new Error(`Attempting to register an existing view type "${type}"`);
		this.viewByType[type] = creator;
		this.trigger("view-registered", type);
	}
	/**
	 * Leaves showing the type keep their place (plugins must not detach them on unload): their
	 * view is closed and replaced by a DeferredView holding its state, so that re-registering
	 * the type and revealing the leaf restores it.
	 */
	unregisterView(type: string): void {
		delete this.viewByType[type];
		for (const leaf of this.app.workspace.getLeavesOfType(type)) {
			if (leaf.view instanceof DeferredView) continue;
			const old = viewImpl(leaf.view);
			const placeholder = new DeferredView(leaf, type, old.getState(), old.getDisplayText());
			leaf.view = placeholder as unknown as O.View;
			leaf.closing = old.close().then(() => { leaf.containerEl.appendChild(placeholder.containerEl); });
		}
		this.trigger("view-unregistered", type);
	}
	getViewCreatorByType(type: string): O.ViewCreator | undefined { return this.viewByType[type]; }
	getTypeByExtension(extension: string): string | undefined { return this.typeByExtension[extension]; }
	registerExtensions(extensions: string[], type: string): void {
		for (const ext of extensions) {
			if (this.typeByExtension[ext]) throw new Error(`Attempting to register an existing file extension "${ext}"`);
			this.typeByExtension[ext] = type;
		}
	}
	unregisterExtensions(extensions: string[]): void { for (const ext of extensions) delete this.typeByExtension[ext]; }
}

/** The settings window: plugin tabs and the open one. */
export class SettingRegistry {
	pluginTabs: O.PluginSettingTab[] = [];
	activeTab: O.SettingTab | null = null;
	addSettingTab(tab: O.PluginSettingTab): void { this.pluginTabs.push(tab); }
	removeSettingTab(tab: O.PluginSettingTab): void {
		if (this.activeTab === tab) this.close();
		this.pluginTabs.remove(tab);
	}
	/** Open a plugin's tab (by plugin id) like the settings window does: `display()`. */
	openTabById(id: string): O.PluginSettingTab | null {
		const tab = this.pluginTabs.find((t) => (t as unknown as { plugin?: O.Plugin }).plugin?.manifest.id === id) ?? null;
		if (!tab) return null;
		this.close();
		this.activeTab = tab;
		(tab as { display(): void }).display();
		return tab;
	}
	close(): void {
		this.activeTab?.hide();
		this.activeTab = null;
	}
}

/** Secret storage (Obsidian >= 1.11.4; not checked with `implements`, the lint rules reject newer APIs than minAppVersion). */
export class SecretStorage extends Events {
	private readonly secrets = new Map<string, string>();
	setSecret(id: string, secret: string): void { this.secrets.set(id, secret); this.trigger("changed", id); }
	getSecret(id: string): string | null { return this.secrets.get(id) ?? null; }
	listSecrets(): string[] { return Array.from(this.secrets.keys()); }
}

/** Obsidian >= 1.10.0 (no `implements`: see SecretStorage). */
export class RenderContext {
	hoverPopover: O.HoverPopover | null = null;
}

export interface AppOptions { vaultName?: string }

let nextAppId = 1;

export class App implements O.App {
	readonly appId = `test-app-${nextAppId++}`;
	keymap = new Keymap();
	scope = new Scope();
	vault: Vault;
	metadataCache: MetadataCache;
	workspace: Workspace;
	fileManager: FileManager;
	lastEvent: O.UserEvent | null = null;
	renderContext = new RenderContext();
	secretStorage = new SecretStorage();
	commands = new CommandRegistry(this);
	viewRegistry = new ViewRegistry(this);
	setting = new SettingRegistry();
	plugins = { plugins: {} as Record<string, O.Plugin>, manifests: {} as Record<string, O.PluginManifest>, enabledPlugins: new Set<string>(),
		getPlugin(id: string): O.Plugin | null { return this.plugins[id] ?? null; } };
	/** Status bar (`Plugin.addStatusBarItem` appends here). */
	statusBarEl: HTMLElement;
	/** Obsidian protocol handlers registered by plugins (`obsidian://<action>`). */
	protocolHandlers = new Map<string, O.ObsidianProtocolHandler>();
	/** Plugin data (`loadData`/`saveData`), JSON strings by plugin id. */
	pluginData = new Map<string, string>();
	/** Other plugin registrations, kept for inspection. */
	editorSuggests: EditorSuggest<unknown>[] = [];
	hoverLinkSources = new Map<string, O.HoverLinkSource>();
	cliHandlers = new Map<string, { description: string; flags: O.CliFlags | null; handler: O.CliHandler }>();
	basesViews = new Map<string, O.BasesViewRegistration>();
	private readonly localStorage = new Map<string, string>();
	darkMode = false;

	constructor(options: AppOptions = {}) {
		this.vault = new Vault(new InMemoryAdapter(options.vaultName ?? "Test vault"));
		this.metadataCache = new MetadataCache(this.vault);
		this.workspace = new Workspace(this);
		this.fileManager = new FileManager(this);
		this.statusBarEl = document.body.createDiv("status-bar");
		this.workspace.on("editor-change", (editor: O.Editor, info: O.MarkdownFileInfo) => {
			for (const suggest of this.editorSuggests) void suggest.trigger(editor, info.file);
		});
	}

	isDarkMode(): boolean { return this.darkMode; }
	loadLocalStorage(key: string): unknown {
		const raw = this.localStorage.get(key);
		return raw === undefined ? null : JSON.parse(raw) as unknown;
	}
	saveLocalStorage(key: string, data: unknown): void {
		if (data === null || data === undefined) this.localStorage.delete(key);
		else this.localStorage.set(key, JSON.stringify(data));
	}
	/** Open a vault URI like `obsidian://action?x=1` on the registered handler. Returns false when none matches. */
	openProtocolUrl(url: string): boolean {
		const parsed = new URL(url);
		const action = parsed.hostname || parsed.pathname.replace(/^\/+/, "");
		const handler = this.protocolHandlers.get(action);
		if (!handler) return false;
		const params: O.ObsidianProtocolData = { action };
		parsed.searchParams.forEach((value, key) => { params[key] = value === "" ? "true" : value; });
		void handler(params);
		return true;
	}
	/** Leaves of the workspace, for tests. */
	get leaves(): WorkspaceLeaf[] { return this.workspace.allLeaves(); }
}
