// Workspace double: a main area (rootSplit) and two side docks, each holding tab groups of
// leaves. Behaviour modelled on Obsidian:
// - the main area starts with one empty leaf, which is active;
// - the active leaf may be a sidebar leaf; `getActiveViewOfType(MarkdownView)` is then null
//   and `activeEditor` too (only the active leaf's view counts);
// - `getActiveFile()` is the active FileView's file, else the most recently active file;
// - `active-leaf-change(leaf)` fires when the active leaf changes, `file-open(file)` when the
//   active leaf shows another file, `layout-change` when leaves open, change view or close;
// - `revealLeaf` (async) expands the side dock, selects the tab and loads a deferred view; it
//   does not change the active leaf (simplification);
// - `openLinkText` resolves the link like Obsidian and creates the note when it does not
//   exist (in the folder chosen by `fileManager.getNewFileParent`); calls are recorded.
import type { CodeMirrorMirror } from "./cm-mirror";
import "./dom-env";
import type * as O from "obsidian";
import { Events } from "./events";
import { getLinkpath, getExtension, parseLinktext, normalizePath } from "./paths";
import { debounce } from "./platform";
import { DeferredView, FileView, type View } from "./views";
import { MarkdownView } from "./markdown-view";
import {
	WorkspaceLeaf, WorkspaceRibbon, WorkspaceRoot, WorkspaceSidedock, WorkspaceSplit, WorkspaceTabs, WorkspaceWindow,
	type WorkspaceItem, type WorkspaceParent,
} from "./leaf";
import type { App } from "./app";
import type { TFile } from "./vault";

/** One leaf of a layout given to `changeLayout` / returned by `getLayout` (the double's own format). */
export interface LeafLayout { type: string; state?: Record<string, unknown>; title?: string }
export interface DoubleLayout { main?: LeafLayout[]; left?: LeafLayout[]; right?: LeafLayout[]; active?: number }

export class Workspace extends Events implements O.Workspace {
	leftSplit = new WorkspaceSidedock();
	rightSplit = new WorkspaceSidedock();
	leftRibbon = new WorkspaceRibbon("left");
	private readonly rightRibbonItem = new WorkspaceRibbon("right");
	rootSplit = new WorkspaceRoot();
	private active: WorkspaceLeaf | null = null;
	containerEl: HTMLElement;
	layoutReady = false;
	requestSaveLayout: O.Debouncer<[], Promise<void>> = debounce(() => Promise.resolve(), 1000, true);
	/** Editor extensions registered by plugins. */
	editorExtensions: unknown[] = [];
	/** The CodeMirror views of the open Markdown editors (reconfigured by `updateOptions`). */
	readonly markdownMirrors = new Set<CodeMirrorMirror>();
	/** Every `openLinkText` call, in order. */
	openLinkTextCalls: { linktext: string; sourcePath: string; newLeaf?: O.PaneType | boolean; openViewState?: O.OpenViewState }[] = [];
	private recent: WorkspaceLeaf[] = [];
	private lastFiles: string[] = [];
	private lastActiveFile: TFile | null = null;
	private readyCallbacks: (() => unknown)[] = [];
	private restoring = false;

	constructor(private readonly app: App) {
		super();
		this.containerEl = document.body.createDiv("workspace");
		this.containerEl.append(this.leftRibbon.containerEl, this.leftSplit.containerEl, this.rootSplit.containerEl, this.rightSplit.containerEl, this.rightRibbonItem.containerEl);
		this.leftSplit.containerEl.addClass("mod-left-split");
		this.rightSplit.containerEl.addClass("mod-right-split");
		this.rootSplit.containerEl.addClass("mod-root");
		// Like Obsidian, the main area always starts with one (empty, active) tab.
		const first = new WorkspaceLeaf(app);
		this.tabsOf(this.rootSplit).insertChild(-1, first);
		this.active = first;
		this.recent = [first];
	}

	/** Deprecated in obsidian.d.ts ("no longer used"), still present. */
	get rightRibbon(): WorkspaceRibbon { return this.rightRibbonItem; }
	/** The active leaf (deprecated in obsidian.d.ts but still the app's source of truth). */
	get activeLeaf(): WorkspaceLeaf | null { return this.active; }
	set activeLeaf(leaf: WorkspaceLeaf | null) { this.active = leaf; }
	/** Same as `activeLeaf`, for the double's own code. */
	getActiveLeaf(): WorkspaceLeaf | null { return this.active; }

	get activeEditor(): O.MarkdownFileInfo | null {
		const view = this.active?.view;
		return view instanceof MarkdownView ? view : null;
	}

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}
	/** Startup finished: run `onLayoutReady` callbacks (the test helpers call this). */
	markLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
		this.trigger("layout-change");
	}

	private tabsOf(split: WorkspaceParent, fresh = false): WorkspaceTabs {
		const existing = split.children.find((c): c is WorkspaceTabs => c instanceof WorkspaceTabs);
		if (existing && !fresh) return existing;
		const tabs = new WorkspaceTabs();
		split.insertChild(-1, tabs);
		return tabs;
	}
	private newLeafIn(tabs: WorkspaceTabs, index = -1): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app);
		tabs.insertChild(index, leaf);
		this.trigger("layout-change");
		return leaf;
	}

	getLayout(): Record<string, unknown> {
		const describe = (root: WorkspaceItem) => this.allLeaves().filter((l) => l.getRoot() === root).map((l) => ({ type: l.view.getViewType(), state: l.view.getState() }));
		return { main: describe(this.rootSplit), left: describe(this.leftSplit), right: describe(this.rightSplit) };
	}
	/** Replace all leaves by restored ones: every view starts deferred, as in Obsidian >= 1.7.2. */
	async changeLayout(workspace: unknown): Promise<void> {
		const layout = workspace as DoubleLayout;
		this.restoring = true;
		for (const leaf of this.allLeaves()) leaf.detach();
		this.restoring = false;
		const restore = (root: WorkspaceSplit, items: LeafLayout[] = []) => items.map((item) => {
			const leaf = this.newLeafIn(this.tabsOf(root));
			leaf.view = new DeferredView(leaf, item.type, item.state ?? {}, item.title) as unknown as O.View;
			return leaf;
		});
		const main = restore(this.rootSplit, layout.main?.length ? layout.main : [{ type: "empty" }]);
		restore(this.leftSplit, layout.left);
		restore(this.rightSplit, layout.right);
		const active = main[layout.active ?? 0];
		if (active) {
			this.setActiveLeaf(active);
			await active.loadIfDeferred();
		}
	}

	createLeafInParent(parent: O.WorkspaceSplit, index: number): WorkspaceLeaf {
		const target = parent as unknown as WorkspaceParent;
		return this.newLeafIn(target instanceof WorkspaceTabs ? target : this.tabsOf(target, true), index);
	}
	createLeafBySplit(leaf: O.WorkspaceLeaf, direction: O.SplitDirection = "vertical", before = false): WorkspaceLeaf {
		const tabs = (leaf as WorkspaceLeaf).parent;
		const split = tabs.parent ?? this.rootSplit;
		const group = new WorkspaceTabs();
		split.insertChild(split.children.indexOf(tabs) + (before ? 0 : 1), group);
		void direction;
		return this.newLeafIn(group);
	}
	splitActiveLeaf(direction?: O.SplitDirection): WorkspaceLeaf {
		return this.createLeafBySplit(this.getLeaf(false), direction);
	}
	async duplicateLeaf(leaf: O.WorkspaceLeaf, leafType?: O.PaneType | boolean | O.SplitDirection, direction?: O.SplitDirection): Promise<WorkspaceLeaf> {
		const copy = leafType === "vertical" || leafType === "horizontal" ? this.createLeafBySplit(leaf, leafType) : this.getLeaf(leafType ?? "tab", direction);
		await copy.setViewState(leaf.getViewState());
		return copy;
	}
	getUnpinnedLeaf(): WorkspaceLeaf { return this.unpinnedLeaf(); }
	private unpinnedLeaf(): WorkspaceLeaf {
		const leaf = this.getMostRecentLeaf();
		return leaf && !leaf.pinned ? leaf : this.newLeafIn(this.tabsOf(this.rootSplit));
	}
	getLeaf(newLeaf?: O.PaneType | boolean, direction?: O.SplitDirection): WorkspaceLeaf {
		if (!newLeaf) return this.unpinnedLeaf();
		if (newLeaf === "split") return this.createLeafBySplit(this.unpinnedLeaf(), direction);
		if (newLeaf === "window") return this.openPopoutLeaf();
		const current = this.getMostRecentLeaf();
		return this.newLeafIn(current ? current.parent : this.tabsOf(this.rootSplit));
	}
	moveLeafToPopout(leaf: O.WorkspaceLeaf, _data?: O.WorkspaceWindowInitData): WorkspaceWindow {
		const popout = new WorkspaceWindow();
		const target = leaf as WorkspaceLeaf;
		target.parent.removeChild(target);
		this.tabsOf(popout).insertChild(-1, target);
		return popout;
	}
	openPopoutLeaf(_data?: O.WorkspaceWindowInitData): WorkspaceLeaf {
		return this.newLeafIn(this.tabsOf(new WorkspaceWindow()));
	}

	async openLinkText(linktext: string, sourcePath: string, newLeaf?: O.PaneType | boolean, openViewState?: O.OpenViewState): Promise<void> {
		this.openLinkTextCalls.push({ linktext, sourcePath, newLeaf, openViewState });
		const { path, subpath } = parseLinktext(linktext);
		let file = this.app.metadataCache.getFirstLinkpathDest(getLinkpath(path), sourcePath);
		if (!file) {
			if (!path) return;
			const name = getExtension(path) ? path : `${path}.md`;
			const parent = this.app.fileManager.getNewFileParent(sourcePath);
			file = await this.app.vault.create(normalizePath(name.includes("/") || parent.isRoot() ? name : `${parent.path}/${name}`), "");
		}
		const eState = subpath ? { ...openViewState?.eState, subpath } : openViewState?.eState;
		await this.getLeaf(newLeaf).openFile(file, { ...openViewState, eState });
	}

	setActiveLeaf(leaf: O.WorkspaceLeaf, params?: { focus?: boolean } | boolean, _focus?: boolean): void {
		const target = leaf as WorkspaceLeaf;
		this.recent = [target, ...this.recent.filter((l) => l !== target)];
		if (this.active === target) return;
		this.active = target;
		void params;
		this.trigger("active-leaf-change", target);
		this.noteActiveFile(target, true);
	}

	/** Called by leaves after `setViewState`. */
	onLeafViewChanged(leaf: WorkspaceLeaf, fileChanged: boolean): void {
		if (leaf === this.active && fileChanged) this.noteActiveFile(leaf, true);
		this.trigger("layout-change");
	}
	/** Called by leaves after `detach`. */
	onLeafDetached(leaf: WorkspaceLeaf): void {
		this.recent = this.recent.filter((l) => l !== leaf);
		// The main area never stays without a tab: closing the last one opens an empty one.
		if (!this.restoring && !this.allLeaves().some((l) => l.getRoot() === this.rootSplit)) this.newLeafIn(this.tabsOf(this.rootSplit));
		if (this.active === leaf) {
			const next = this.recent.find((l) => l.getRoot() === this.rootSplit) ?? this.getMostRecentLeaf();
			this.active = next;
			this.trigger("active-leaf-change", next);
			if (next) this.noteActiveFile(next, true);
		}
		this.trigger("layout-change");
	}
	private noteActiveFile(leaf: WorkspaceLeaf, fire: boolean): void {
		if (!(leaf.view instanceof FileView)) return;
		const file = leaf.view.file;
		if (file) {
			this.lastActiveFile = file;
			this.lastFiles = [file.path, ...this.lastFiles.filter((p) => p !== file.path)].slice(0, 10);
		}
		if (fire) this.trigger("file-open", file);
	}

	getLeafById(id: string): WorkspaceLeaf | null { return this.allLeaves().find((l) => l.id === id) ?? null; }
	getGroupLeaves(group: string): WorkspaceLeaf[] { return this.allLeaves().filter((l) => l.group === group); }
	getMostRecentLeaf(root: O.WorkspaceParent = this.rootSplit): WorkspaceLeaf | null {
		const inRoot = (l: WorkspaceLeaf) => l.getRoot() === (root as unknown as WorkspaceItem);
		return this.recent.find(inRoot) ?? this.allLeaves().find(inRoot) ?? null;
	}
	getLeftLeaf(split: boolean): WorkspaceLeaf | null { return this.newLeafIn(this.tabsOf(this.leftSplit, split)); }
	getRightLeaf(split: boolean): WorkspaceLeaf | null { return this.newLeafIn(this.tabsOf(this.rightSplit, split)); }
	async ensureSideLeaf(type: string, side: O.Side, options: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown } = {}): Promise<WorkspaceLeaf> {
		const dock = side === "left" ? this.leftSplit : this.rightSplit;
		const leaf = this.getLeavesOfType(type).find((l) => l.getRoot() === dock) ?? (side === "left" ? this.getLeftLeaf(!!options.split) : this.getRightLeaf(!!options.split)) as WorkspaceLeaf;
		await leaf.setViewState({ type, state: options.state as Record<string, unknown> | undefined, active: options.active });
		if (options.reveal) await this.revealLeaf(leaf);
		return leaf;
	}
	getActiveViewOfType<T extends O.View>(type: O.Constructor<T>): T | null {
		const view = this.active?.view as View | undefined;
		return view instanceof type ? view : null;
	}
	getActiveFile(): TFile | null {
		const view = this.active?.view;
		return view instanceof FileView ? view.file : this.lastActiveFile;
	}
	/** Every leaf, main area first. */
	allLeaves(): WorkspaceLeaf[] {
		const out: WorkspaceLeaf[] = [];
		const walk = (item: WorkspaceItem) => {
			if (item instanceof WorkspaceLeaf) out.push(item);
			else for (const child of (item as WorkspaceParent).children) walk(child);
		};
		for (const root of [this.rootSplit, this.leftSplit, this.rightSplit]) walk(root);
		return out;
	}
	iterateRootLeaves(callback: (leaf: O.WorkspaceLeaf) => unknown): void {
		for (const leaf of this.allLeaves()) if (leaf.getRoot() === this.rootSplit) callback(leaf);
	}
	iterateAllLeaves(callback: (leaf: O.WorkspaceLeaf) => unknown): void {
		for (const leaf of this.allLeaves()) callback(leaf);
	}
	getLeavesOfType(viewType: string): WorkspaceLeaf[] { return this.allLeaves().filter((l) => l.view.getViewType() === viewType); }
	detachLeavesOfType(viewType: string): void { for (const leaf of this.getLeavesOfType(viewType)) leaf.detach(); }
	async revealLeaf(leaf: O.WorkspaceLeaf): Promise<void> {
		const target = leaf as WorkspaceLeaf;
		const root = target.getRoot();
		if (root instanceof WorkspaceSidedock) root.expand();
		target.parent.selectTab(target);
		await target.loadIfDeferred();
	}
	getLastOpenFiles(): string[] { return this.lastFiles.slice(); }
	/** Reconfigures every Markdown editor with the registered editor extensions (as the app does). */
	updateOptions(): void { for (const mirror of this.markdownMirrors) mirror.reconfigure(); }
	handleLinkContextMenu(menu: O.Menu, linktext: string, sourcePath: string, _leaf?: O.WorkspaceLeaf): boolean {
		const file = this.app.metadataCache.getFirstLinkpathDest(getLinkpath(linktext), sourcePath);
		menu.addItem((item) => item.setTitle("Open in new tab").setIcon("lucide-file-plus").onClick(() => { void this.openLinkText(linktext, sourcePath, "tab"); }));
		if (file) this.trigger("file-menu", menu, file, "link-context-menu");
		return true;
	}
}
