import { afterEach, describe, expect, it, vi } from "vitest";
import { ItemView, MarkdownView, TFile, type Editor, type WorkspaceLeaf } from "obsidian";
import { createTestApp, editorOf, flushAutosave, flushMetadata, getFile, openFile, resetDouble } from "../obsidian-double/testing";

afterEach(() => {
	vi.useRealTimers();
	resetDouble();
});

const PANEL = "test-panel";

class Panel extends ItemView {
	opened = 0;
	closed = 0;
	state: Record<string, unknown> = {};
	getViewType(): string { return PANEL; }
	getDisplayText(): string { return "Panel"; }
	override async onOpen(): Promise<void> { this.opened++; }
	override async onClose(): Promise<void> { this.closed++; }
	override getState(): Record<string, unknown> { return this.state; }
	override async setState(state: unknown): Promise<void> { this.state = state as Record<string, unknown>; }
}

describe("Workspace leaves and activity", () => {
	it("opening files: file-open for the active tab, active-leaf-change first for a new tab", async () => {
		const app = createTestApp({ files: { "a.md": "A", "b.md": "B" } });
		const initial = app.workspace.getActiveLeaf();
		expect(initial?.view.getViewType()).toBe("empty");
		const log: string[] = [];
		app.workspace.on("active-leaf-change", (leaf: WorkspaceLeaf | null) => log.push(`leaf ${leaf?.view.getViewType() ?? "none"}`));
		app.workspace.on("file-open", (file: TFile | null) => log.push(`open ${file?.path ?? "null"}`));
		const view = await openFile(app, "a.md");
		expect(view.leaf).toBe(initial);
		expect(log).toEqual(["open a.md"]);
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBe(view);
		expect(app.workspace.activeEditor?.editor).toBe(view.editor);
		expect(app.workspace.getActiveFile()?.path).toBe("a.md");
		await openFile(app, "b.md", { newLeaf: "tab" });
		expect(log).toEqual(["open a.md", "leaf markdown", "open b.md"]);
		expect(app.workspace.getLeavesOfType("markdown")).toHaveLength(2);
		await openFile(app, "a.md");
		expect(log.at(-1)).toBe("open a.md");
		expect(app.workspace.getLastOpenFiles()).toEqual(["a.md", "b.md"]);
	});

	it("a focused sidebar view is the active leaf: no active MarkdownView, but the last file stays active", async () => {
		const app = createTestApp({ files: { "a.md": "A" } });
		app.viewRegistry.registerView(PANEL, (leaf) => new Panel(leaf));
		await openFile(app, "a.md");
		const side = app.workspace.getRightLeaf(false) as WorkspaceLeaf;
		await side.setViewState({ type: PANEL, active: true });
		expect(side.getRoot()).toBe(app.workspace.rightSplit);
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBeNull();
		expect(app.workspace.activeEditor).toBeNull();
		expect(app.workspace.getActiveFile()?.path).toBe("a.md");
	});

	it("getLeaf(false) reuses the current leaf, getLeaf('tab') adds one; detach closes the view", async () => {
		const app = createTestApp({ files: { "a.md": "A" } });
		app.viewRegistry.registerView(PANEL, (leaf) => new Panel(leaf));
		const first = app.workspace.getLeaf(false);
		expect(app.workspace.getLeaf(false)).toBe(first);
		const second = app.workspace.getLeaf("tab");
		expect(second).not.toBe(first);
		await second.setViewState({ type: PANEL, state: { n: 1 }, active: true });
		const panel = second.view as Panel;
		expect(panel.opened).toBe(1);
		expect(panel.state).toEqual({ n: 1 });
		expect(second.getViewState()).toMatchObject({ type: PANEL, state: { n: 1 }, active: true });
		let count = 0;
		app.workspace.iterateAllLeaves(() => count++);
		expect(count).toBe(2);
		app.workspace.detachLeavesOfType(PANEL);
		await new Promise((r) => window.setTimeout(r, 0));
		expect(panel.closed).toBe(1);
		expect(app.workspace.getLeavesOfType(PANEL)).toHaveLength(0);
	});

	it("an ItemView has the header as children[0] and the content as children[1]", () => {
		const app = createTestApp();
		const leaf = app.workspace.getLeaf(false);
		const view = new Panel(leaf);
		expect(view.containerEl.children[0].hasClass("view-header")).toBe(true);
		expect(view.containerEl.children[1]).toBe(view.contentEl);
		const action = view.addAction("trash", "Delete all", vi.fn());
		expect(action.getAttribute("aria-label")).toBe("Delete all");
	});
});

describe("openLinkText", () => {
	it("opens the resolved file, scrolls to the subpath and records the call", async () => {
		const app = createTestApp({ files: { "src.md": "[[Target#Two]]", "Target.md": "# One\ntext\n# Two\nmore" } });
		await app.workspace.openLinkText("Target#Two", "src.md", false);
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe("Target.md");
		expect(view?.editor.getCursor()).toEqual({ line: 2, ch: 0 });
		expect(editorOf(view as MarkdownView).lastScrollIntoView?.range.from).toEqual({ line: 2, ch: 0 });
		expect(app.workspace.openLinkTextCalls).toEqual([{ linktext: "Target#Two", sourcePath: "src.md", newLeaf: false, openViewState: undefined }]);
	});

	it("creates a missing note in the folder chosen by newFileLocation", async () => {
		const app = createTestApp({ files: { "dir/src.md": "" }, config: { newFileLocation: "current" } });
		await app.workspace.openLinkText("Fresh", "dir/src.md", "tab");
		expect(app.vault.getFileByPath("dir/Fresh.md")).toBeInstanceOf(TFile);
		expect(app.workspace.getActiveFile()?.path).toBe("dir/Fresh.md");
	});
});

describe("Deferred views (Obsidian >= 1.7.2)", () => {
	it("restored leaves hold a DeferredView until revealed", async () => {
		const app = createTestApp({ layout: { main: [{ type: "empty" }], right: [{ type: PANEL, state: { restored: true } }] } });
		app.viewRegistry.registerView(PANEL, (leaf) => new Panel(leaf));
		const [leaf] = app.workspace.getLeavesOfType(PANEL);
		expect(leaf.isDeferred).toBe(true);
		expect(leaf.view).not.toBeInstanceOf(Panel);
		expect(leaf.view.getViewType()).toBe(PANEL);
		await app.workspace.revealLeaf(leaf);
		expect(leaf.isDeferred).toBe(false);
		expect(leaf.view).toBeInstanceOf(Panel);
		expect((leaf.view as Panel).state).toEqual({ restored: true });
		expect((leaf.view as Panel).opened).toBe(1);
		expect(app.workspace.getActiveViewOfType(Panel)).toBeNull();
	});

	it("loadIfDeferred loads a restored markdown leaf", async () => {
		const app = createTestApp({ files: { "a.md": "text" }, layout: { main: [{ type: "empty" }, { type: "markdown", state: { file: "a.md" } }] } });
		const leaf = app.workspace.getLeavesOfType("markdown")[0];
		expect(leaf.view).not.toBeInstanceOf(MarkdownView);
		await leaf.loadIfDeferred();
		expect(leaf.view).toBeInstanceOf(MarkdownView);
		expect((leaf.view as MarkdownView).editor.getValue()).toBe("text");
	});
});

describe("MarkdownView editing", () => {
	it("editor edits fire editor-change; the vault changes only on (auto)save", async () => {
		vi.useFakeTimers();
		const app = createTestApp({ files: { "a.md": "one" } });
		const view = await openFile(app, "a.md");
		const file = getFile(app, "a.md");
		const changes: [Editor, unknown][] = [];
		app.workspace.on("editor-change", (editor: Editor, info: unknown) => changes.push([editor, info]));
		view.editor.replaceRange(" two", { line: 0, ch: 3 });
		expect(changes).toEqual([[view.editor, view]]);
		expect(await app.vault.read(file)).toBe("one");
		await vi.advanceTimersByTimeAsync(1999);
		expect(await app.vault.read(file)).toBe("one");
		await vi.advanceTimersByTimeAsync(1);
		expect(await app.vault.read(file)).toBe("one two");
		view.editor.replaceRange("!", { line: 0, ch: 7 });
		await flushAutosave(app);
		expect(await app.vault.read(file)).toBe("one two!");
	});

	it("an external change to the file reloads the view", async () => {
		const app = createTestApp({ files: { "a.md": "one" } });
		const view = await openFile(app, "a.md");
		view.editor.setCursor({ line: 0, ch: 3 });
		await app.vault.modify(getFile(app, "a.md"), "zero one");
		await flushMetadata(app);
		expect(view.editor.getValue()).toBe("zero one");
		expect(view.editor.getCursor()).toEqual({ line: 0, ch: 8 });
	});

	it("switching the view to another file saves pending edits first", async () => {
		const app = createTestApp({ files: { "a.md": "a", "b.md": "b" } });
		const view = await openFile(app, "a.md");
		view.editor.setValue("edited");
		await openFile(app, "b.md");
		expect(await app.vault.read(getFile(app, "a.md"))).toBe("edited");
		expect(view.editor.getValue()).toBe("b");
	});
});

describe("Main area", () => {
	it("closing the last tab opens an empty one, which becomes active", async () => {
		const app = createTestApp({ files: { "a.md": "" } });
		const view = await openFile(app, "a.md");
		view.leaf.detach();
		const leaves = app.workspace.getLeavesOfType("empty");
		expect(leaves).toHaveLength(1);
		expect(app.workspace.getActiveLeaf()).toBe(leaves[0]);
		expect(app.workspace.getActiveFile()?.path).toBe("a.md");
	});
});
