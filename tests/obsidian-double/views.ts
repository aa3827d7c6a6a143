// Views. DOM layout as in Obsidian: `view.containerEl` (.workspace-leaf-content) holds the
// header (`children[0]`, .view-header) and the content (`children[1]`, .view-content =
// `contentEl`) for ItemViews. A leaf opens a view with `load()` then `await onOpen()` and
// closes it with `await onClose()` then `unload()`.
// `DeferredView` models Obsidian >= 1.7.2: a restored leaf that was never shown holds a
// placeholder whose `getViewType()` is the real view type (docs.obsidian.md "Defer views":
// checking `getViewType()` is not enough, use `instanceof`), until revealed or
// `loadIfDeferred()`.
import "./dom-env";
import type * as O from "obsidian";
import { Component } from "./component";
import { setIcon } from "./icons";
import { debounce } from "./platform";
import type { App } from "./app";
import type { WorkspaceLeaf } from "./leaf";
import { TFile, type TAbstractFile } from "./vault";

/** The public members of a class type (obsidian.d.ts views have protected `onOpen`/`onClose`, which only subclasses of the real class could satisfy). */
export type Public<T> = Pick<T, keyof T>;

/** The double's view behind a `leaf.view` typed with obsidian.d.ts. */
export function viewImpl(view: O.View): View {
	return view as unknown as View;
}

export abstract class View extends Component implements Public<O.View> {
	app: App;
	icon: O.IconName = "";
	navigation = false;
	leaf: WorkspaceLeaf;
	containerEl: HTMLElement;
	scope: O.Scope | null = null;

	constructor(leaf: O.WorkspaceLeaf) {
		super();
		this.leaf = leaf as unknown as WorkspaceLeaf;
		this.app = this.leaf.app;
		this.containerEl = createDiv("workspace-leaf-content");
	}

	/** Called by the leaf (Obsidian: View.open): attach, load, then onOpen. */
	async open(parentEl: HTMLElement): Promise<void> {
		this.containerEl.setAttr("data-type", this.getViewType());
		parentEl.appendChild(this.containerEl);
		this.load();
		await this.onOpen();
	}

	/** Called by the leaf (Obsidian: View.close): onClose, then unload, then detach. */
	async close(): Promise<void> {
		await this.onClose();
		this.unload();
		this.containerEl.detach();
	}

	async onOpen(): Promise<void> { /* override */ }
	async onClose(): Promise<void> { /* override */ }
	abstract getViewType(): string;
	getState(): Record<string, unknown> { return {}; }
	async setState(_state: unknown, _result: O.ViewStateResult): Promise<void> { /* override */ }
	getEphemeralState(): Record<string, unknown> { return {}; }
	setEphemeralState(_state: unknown): void { /* override */ }
	getIcon(): O.IconName { return this.icon; }
	onResize(): void { /* override */ }
	abstract getDisplayText(): string;
	onPaneMenu(_menu: O.Menu, _source: string): void { /* override */ }
}

export abstract class ItemView extends View implements Public<O.ItemView> {
	headerEl: HTMLElement;
	titleEl: HTMLElement;
	actionsEl: HTMLElement;
	contentEl: HTMLElement;

	constructor(leaf: O.WorkspaceLeaf) {
		super(leaf);
		this.headerEl = this.containerEl.createDiv("view-header");
		this.titleEl = this.headerEl.createDiv("view-header-title");
		this.actionsEl = this.headerEl.createDiv("view-actions");
		this.contentEl = this.containerEl.createDiv("view-content");
	}

	addAction(icon: O.IconName, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = createEl("a", { cls: "clickable-icon view-action", attr: { "aria-label": title } });
		setIcon(el, icon);
		el.addEventListener("click", (evt) => { callback(evt); });
		this.actionsEl.prepend(el);
		return el;
	}
}

/** Placeholder held by a restored leaf until it is shown (Obsidian >= 1.7.2). */
export class DeferredView extends View {
	constructor(leaf: O.WorkspaceLeaf, readonly type: string, readonly state: Record<string, unknown>, readonly title = "") {
		super(leaf);
	}
	getViewType(): string { return this.type; }
	getDisplayText(): string { return this.title; }
	override getState(): Record<string, unknown> { return { ...this.state }; }
}

/** The "New tab" view of an empty leaf. */
export class EmptyView extends ItemView {
	getViewType(): string { return "empty"; }
	getDisplayText(): string { return "New tab"; }
}

export abstract class FileView extends ItemView implements Public<O.FileView> {
	allowNoFile = false;
	file: TFile | null = null;
	override navigation = true;

	getDisplayText(): string { return this.file ? this.file.basename : "No file"; }
	override onload(): void {
		this.registerEvent(this.app.vault.on("rename", (file: TAbstractFile) => { if (file === this.file) void this.onRename(this.file); }));
		this.registerEvent(this.app.vault.on("delete", (file: TAbstractFile) => { if (file === this.file) this.leaf.detach(); }));
	}
	override getState(): Record<string, unknown> { return this.file ? { file: this.file.path } : {}; }
	override async setState(state: unknown, _result: O.ViewStateResult): Promise<void> {
		const path = (state as { file?: unknown } | null)?.file;
		const file = typeof path === "string" ? this.app.vault.getFileByPath(path) : null;
		if (file && file !== this.file) await this.loadFile(file);
	}
	/** Switch the view to `file` (unloading the previous one). */
	async loadFile(file: TFile): Promise<void> {
		if (this.file) await this.onUnloadFile(this.file);
		this.file = file;
		this.titleEl.setText(this.getDisplayText());
		await this.onLoadFile(file);
	}
	override async close(): Promise<void> {
		if (this.file) await this.onUnloadFile(this.file);
		await super.close();
	}
	async onLoadFile(_file: O.TFile): Promise<void> { /* override */ }
	async onUnloadFile(_file: O.TFile): Promise<void> { /* override */ }
	async onRename(_file: O.TFile): Promise<void> { this.titleEl.setText(this.getDisplayText()); }
	canAcceptExtension(_extension: string): boolean { return false; }
}

export abstract class EditableFileView extends FileView implements Public<O.EditableFileView> {}

/**
 * Text file views keep the file content in memory; changes reach the vault only when saved:
 * `requestSave()` is Obsidian's autosave (debounced, 2 s), `save()` writes now. An external
 * change to the file (vault `modify` with different content) reloads the view; unsaved
 * edits are then lost (Obsidian would merge them).
 */
export abstract class TextFileView extends EditableFileView implements Public<O.TextFileView> {
	data = "";
	/** Content last read from or written to the vault. */
	savedData = "";
	requestSave: () => void = debounce(() => { void this.save(); }, 2000, true);

	override onload(): void {
		super.onload();
		this.registerEvent(this.app.vault.on("modify", (file: TAbstractFile) => {
			if (file === this.file && file instanceof TFile) void this.onExternalModify(file);
		}));
	}
	/** True when the view holds changes not yet written to the vault. */
	get dirty(): boolean { return this.file !== null && this.getViewData() !== this.savedData; }
	private async onExternalModify(file: TFile): Promise<void> {
		const content = await this.app.vault.read(file);
		if (content === this.savedData) return;
		this.savedData = content;
		if (content !== this.getViewData()) this.setViewData(content, false);
		this.data = content;
	}
	async save(_clear?: boolean): Promise<void> {
		if (!this.file) return;
		this.data = this.getViewData();
		if (this.data === this.savedData) return;
		this.savedData = this.data;
		await this.app.vault.modify(this.file, this.data);
	}
	override async onLoadFile(file: O.TFile): Promise<void> {
		this.data = await this.app.vault.read(file);
		this.savedData = this.data;
		this.setViewData(this.data, true);
	}
	override async onUnloadFile(_file: O.TFile): Promise<void> {
		(this.requestSave as ReturnType<typeof debounce>).cancel?.();
		await this.save();
		this.clear();
	}
	abstract getViewData(): string;
	abstract setViewData(data: string, clear: boolean): void;
	abstract clear(): void;
}
