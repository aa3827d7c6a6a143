// Workspace items: splits, tab groups, side docks and leaves. `leaf.getRoot()` returns the
// top item (rootSplit, leftSplit or rightSplit), as plugins use it to tell sidebars apart.
import "./dom-env";
import type * as O from "obsidian";
import { Events } from "./events";
import { DeferredView, EmptyView, FileView, viewImpl, type View } from "./views";
import type { App } from "./app";

export abstract class WorkspaceItem extends Events implements O.WorkspaceItem {
	abstract parent: WorkspaceParent;
	containerEl: HTMLElement = createDiv();

	getRoot(): WorkspaceItem {
		const parent = this.parent as WorkspaceItem | undefined;
		return parent ? parent.getRoot() : this;
	}
	getContainer(): WorkspaceContainer {
		return this.getRoot() as WorkspaceContainer;
	}
}

export abstract class WorkspaceParent extends WorkspaceItem implements O.WorkspaceParent {
	children: WorkspaceItem[] = [];

	insertChild(index: number, child: WorkspaceItem): void {
		const at = index < 0 || index > this.children.length ? this.children.length : index;
		this.children.splice(at, 0, child);
		(child as { parent: WorkspaceParent }).parent = this;
		this.containerEl.insertBefore(child.containerEl, this.containerEl.children[at] ?? null);
	}
	removeChild(child: WorkspaceItem): void {
		this.children.remove(child);
		child.containerEl.detach();
	}
}

export class WorkspaceSplit extends WorkspaceParent implements O.WorkspaceSplit {
	parent!: WorkspaceParent;
	constructor(readonly direction: O.SplitDirection = "vertical") {
		super();
		this.containerEl.addClass("workspace-split", `mod-${direction}`);
	}
}

export class WorkspaceTabs extends WorkspaceParent implements O.WorkspaceTabs {
	parent!: WorkspaceSplit;
	currentTab = 0;
	constructor() {
		super();
		this.containerEl.addClass("workspace-tabs");
	}
	selectTab(leaf: WorkspaceLeaf): void {
		const index = this.children.indexOf(leaf);
		if (index !== -1) this.currentTab = index;
	}
}

export abstract class WorkspaceContainer extends WorkspaceSplit implements O.WorkspaceContainer {
	abstract win: Window;
	abstract doc: Document;
}

export class WorkspaceRoot extends WorkspaceContainer implements O.WorkspaceRoot {
	get win(): Window { return window; }
	get doc(): Document { return document; }
}

export class WorkspaceWindow extends WorkspaceContainer implements O.WorkspaceWindow {
	get win(): Window { return window; }
	get doc(): Document { return document; }
}

export class WorkspaceSidedock extends WorkspaceSplit implements O.WorkspaceSidedock {
	collapsed = false;
	toggle(): void { this.collapsed = !this.collapsed; }
	collapse(): void { this.collapsed = true; }
	expand(): void { this.collapsed = false; }
}

export class WorkspaceMobileDrawer extends WorkspaceParent implements O.WorkspaceMobileDrawer {
	parent!: WorkspaceParent;
	collapsed = false;
	expand(): void { this.collapsed = false; }
	collapse(): void { this.collapsed = true; }
	toggle(): void { this.collapsed = !this.collapsed; }
}

export class WorkspaceFloating extends WorkspaceParent implements O.WorkspaceFloating {
	parent!: WorkspaceParent;
}

export class WorkspaceRibbon implements O.WorkspaceRibbon {
	containerEl: HTMLElement;
	constructor(side: "left" | "right") {
		this.containerEl = createDiv(`workspace-ribbon side-dock-ribbon mod-${side}`);
	}
}

let nextLeafId = 1;

export class WorkspaceLeaf extends WorkspaceItem implements O.WorkspaceLeaf {
	parent!: WorkspaceTabs;
	/** Typed as in obsidian.d.ts; `viewImpl(leaf.view)` gives the double's View. */
	view: O.View;
	hoverPopover: O.HoverPopover | null = null;
	readonly id = `leaf-${nextLeafId++}`;
	pinned = false;
	group: string | null = null;
	/** Resolves when the last view closed by this leaf finished closing (detach is synchronous). */
	closing: Promise<void> = Promise.resolve();

	constructor(readonly app: App) {
		super();
		this.containerEl.addClass("workspace-leaf");
		const empty = new EmptyView(this);
		this.view = empty as unknown as O.View;
		void empty.open(this.containerEl);
	}

	async open(view: O.View): Promise<O.View> {
		const old = viewImpl(this.view);
		this.view = view;
		await old.close();
		await viewImpl(view).open(this.containerEl);
		return view;
	}

	/** Create the view of a registered type (EmptyView for "empty" or unknown types). */
	private createView(type: string): View {
		const creator = this.app.viewRegistry.getViewCreatorByType(type);
		return creator ? viewImpl(creator(this)) : new EmptyView(this);
	}

	async openFile(file: O.TFile, openState: O.OpenViewState = {}): Promise<void> {
		const type = this.app.viewRegistry.getTypeByExtension(file.extension) ?? "empty";
		const active = openState.active ?? this.getRoot() === this.app.workspace.rootSplit;
		await this.setViewState({ type, state: { ...openState.state, file: file.path }, active, group: openState.group }, openState.eState);
	}

	getViewState(): O.ViewState {
		return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned, active: this.app.workspace.getActiveLeaf() === this };
	}

	async setViewState(viewState: O.ViewState, eState?: unknown): Promise<void> {
		const workspace = this.app.workspace;
		const before = this.view instanceof FileView ? this.view.file : null;
		const wasActive = workspace.getActiveLeaf() === this;
		if (this.view.getViewType() !== viewState.type || this.view instanceof DeferredView) await this.open(this.createView(viewState.type) as unknown as O.View);
		await this.view.setState(viewState.state ?? {}, { history: false });
		if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
		if (viewState.group) this.setGroupMember(viewState.group);
		if (eState) this.view.setEphemeralState(eState);
		if (viewState.active) workspace.setActiveLeaf(this, { focus: true });
		const after = this.view instanceof FileView ? this.view.file : null;
		// A leaf activated by this call already announced its file (setActiveLeaf fires file-open).
		workspace.onLeafViewChanged(this, wasActive && before !== after);
	}

	get isDeferred(): boolean { return this.view instanceof DeferredView; }

	async loadIfDeferred(): Promise<void> {
		if (!(this.view instanceof DeferredView)) return;
		const deferred = this.view;
		if (!this.app.viewRegistry.getViewCreatorByType(deferred.type)) return;
		await this.open(this.createView(deferred.type) as unknown as O.View);
		await this.view.setState(deferred.state, { history: false });
		this.app.workspace.trigger("layout-change");
	}

	getEphemeralState(): unknown { return this.view.getEphemeralState(); }
	setEphemeralState(state: unknown): void { this.view.setEphemeralState(state); }
	togglePinned(): void { this.setPinned(!this.pinned); }
	setPinned(pinned: boolean): void {
		if (this.pinned === pinned) return;
		this.pinned = pinned;
		this.trigger("pinned-change", pinned);
	}
	setGroupMember(other: O.WorkspaceLeaf): void {
		const target = other as WorkspaceLeaf;
		target.group ??= `group-${target.id}`;
		this.setGroup(target.group);
	}
	setGroup(group: string): void {
		this.group = group;
		this.trigger("group-change", group);
	}

	/** Close the leaf. Synchronous like Obsidian; the view's async `onClose` finishes later (see `closing`). */
	detach(): void {
		const parent = this.parent as WorkspaceTabs | undefined;
		if (!parent) return;
		parent.removeChild(this);
		(this as { parent: WorkspaceTabs | undefined }).parent = undefined;
		this.closing = viewImpl(this.view).close();
		this.app.workspace.onLeafDetached(this);
	}

	getIcon(): O.IconName { return this.view.getIcon(); }
	getDisplayText(): string { return this.view.getDisplayText(); }
	onResize(): void { this.view.onResize(); }
}
