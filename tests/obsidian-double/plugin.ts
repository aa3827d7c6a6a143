// Plugin double. Every registration is undone when the plugin unloads (Component cleanup),
// as in Obsidian: ribbon icons and status bar items are removed from the DOM, commands,
// setting tabs, views types, extensions, post processors, protocol handlers and editor
// extensions are unregistered. Leaves of the plugin's view types are NOT detached (Obsidian
// keeps them so they reopen in place; plugins must not detach them in `onunload`).
// Like the app, `addCommand` prefixes the command's id with "<manifest.id>:" and its name
// with "<manifest.name>: " (on the object passed in, which is also returned).
// `loadData()` resolves to a JSON copy of the saved data, or null when nothing was saved.
import "./dom-env";
import type { Extension } from "@codemirror/state";
import type * as O from "obsidian";
import { Component } from "./component";
import { setIcon } from "./icons";
import { Platform } from "./platform";
import { MarkdownPreviewRenderer, codeBlockProcessors } from "./render";
import type { App } from "./app";
import type { EditorSuggest } from "./suggest";

export abstract class Plugin extends Component implements O.Plugin {
	app: App;
	manifest: O.PluginManifest;
	settings?: unknown;

	constructor(app: O.App, manifest: O.PluginManifest) {
		super();
		this.app = app as unknown as App;
		this.manifest = manifest;
	}

	override onload(): Promise<void> | void { /* override */ }

	addRibbonIcon(icon: O.IconName, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.app.workspace.leftRibbon.containerEl.createDiv({
			cls: "side-dock-ribbon-action clickable-icon",
			attr: { "aria-label": title, "data-tooltip-position": "right", "data-ribbon-id": `${this.manifest.id}:${title}` },
		});
		setIcon(el, icon);
		el.addEventListener("click", (evt) => { void callback(evt); });
		this.register(() => el.detach());
		return el;
	}

	/** On mobile Obsidian has no status bar: the element is returned but never attached. */
	addStatusBarItem(): HTMLElement {
		const el = createDiv(`status-bar-item plugin-${this.manifest.id.toLowerCase().replace(/[^_a-z0-9-]/g, "-")}`);
		if (!Platform.isMobile) this.app.statusBarEl.appendChild(el);
		this.register(() => el.detach());
		return el;
	}

	addCommand(command: O.Command): O.Command {
		command.id = `${this.manifest.id}:${command.id}`;
		command.name = `${this.manifest.name}: ${command.name}`;
		this.app.commands.addCommand(command);
		const id = command.id;
		this.register(() => this.app.commands.removeCommand(id));
		return command;
	}

	removeCommand(commandId: string): void {
		this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: O.PluginSettingTab): void {
		this.app.setting.addSettingTab(settingTab);
		this.register(() => this.app.setting.removeSettingTab(settingTab));
	}

	registerView(type: string, viewCreator: O.ViewCreator): void {
		this.app.viewRegistry.registerView(type, viewCreator);
		this.register(() => this.app.viewRegistry.unregisterView(type));
	}

	registerHoverLinkSource(id: string, info: O.HoverLinkSource): void {
		this.app.hoverLinkSources.set(id, info);
		this.register(() => this.app.hoverLinkSources.delete(id));
	}

	registerExtensions(extensions: string[], viewType: string): void {
		this.app.viewRegistry.registerExtensions(extensions, viewType);
		this.register(() => this.app.viewRegistry.unregisterExtensions(extensions));
	}

	registerMarkdownPostProcessor(postProcessor: O.MarkdownPostProcessor, sortOrder?: number): O.MarkdownPostProcessor {
		MarkdownPreviewRenderer.registerPostProcessor(postProcessor, sortOrder);
		this.register(() => MarkdownPreviewRenderer.unregisterPostProcessor(postProcessor));
		return postProcessor;
	}

	registerMarkdownCodeBlockProcessor(language: string, handler: (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<unknown> | void, sortOrder?: number): O.MarkdownPostProcessor {
		codeBlockProcessors.set(language, handler);
		const processor: O.MarkdownPostProcessor = MarkdownPreviewRenderer.createCodeBlockPostProcessor(language, handler);
		processor.sortOrder = sortOrder;
		this.register(() => { if (codeBlockProcessors.get(language) === handler) codeBlockProcessors.delete(language); });
		return processor;
	}

	registerBasesView(viewId: string, registration: O.BasesViewRegistration): boolean {
		if (this.app.basesViews.has(viewId)) return false;
		this.app.basesViews.set(viewId, registration);
		this.register(() => this.app.basesViews.delete(viewId));
		return true;
	}

	registerEditorExtension(extension: Extension): void {
		// The app pushes the extension and reconfigures every open editor (Workspace.updateOptions).
		this.app.workspace.editorExtensions.push(extension);
		this.app.workspace.updateOptions();
		this.register(() => {
			this.app.workspace.editorExtensions.remove(extension);
			this.app.workspace.updateOptions();
		});
	}

	registerObsidianProtocolHandler(action: string, handler: O.ObsidianProtocolHandler): void {
		this.app.protocolHandlers.set(action, handler);
		this.register(() => this.app.protocolHandlers.delete(action));
	}

	registerEditorSuggest(editorSuggest: O.EditorSuggest<unknown>): void {
		const suggest = editorSuggest as unknown as EditorSuggest<unknown>;
		this.app.editorSuggests.push(suggest);
		this.register(() => {
			suggest.close();
			this.app.editorSuggests.remove(suggest);
		});
	}

	/**
	 * obsidian.d.ts (1.12.2): "Command IDs must be globally unique. Attempting to register a command that is
	 * already registered will throw an Error." The id is used as given (no "<plugin-id>:" prefix is added: the
	 * docs ask plugins to pass `<plugin-id>` or `<plugin-id>:<action>` themselves). Unloading frees the id.
	 */
	registerCliHandler(command: string, description: string, flags: O.CliFlags | null, handler: O.CliHandler): void {
		if (this.app.cliHandlers.has(command)) throw new Error(`CLI command "${command}" is already registered.`);
		this.app.cliHandlers.set(command, { description, flags, handler });
		this.register(() => this.app.cliHandlers.delete(command));
	}

	async loadData(): Promise<unknown> {
		const raw = this.app.pluginData.get(this.manifest.id);
		return raw === undefined ? null : JSON.parse(raw) as unknown;
	}

	async saveData(data: unknown): Promise<void> {
		this.app.pluginData.set(this.manifest.id, JSON.stringify(data));
	}

	onUserEnable(): void { /* override */ }
	onExternalSettingsChange?(): unknown;
}
