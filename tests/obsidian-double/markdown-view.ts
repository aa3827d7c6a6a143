// MarkdownView with a concrete in-memory editor, plus the Markdown rendering classes.
// Editing through `view.editor` fires workspace `editor-change(editor, view)` (as typing
// does) and schedules Obsidian's autosave (`requestSave`, 2 s debounce); the vault file only
// changes when the view saves (`view.save()`, the debounce firing, closing the view or
// switching its file). Reading mode ("preview") is a state flag plus a simplified renderer.
import "./dom-env";
import type * as O from "obsidian";
import { resolveSubpath } from "./cache-utils";
import { Component } from "./component";
import { CodeMirrorMirror } from "./cm-mirror";
import { InMemoryEditor } from "./memory-editor";
import { renderMarkdownInto } from "./render";
import { TextFileView, type Public } from "./views";
import type { App } from "./app";
import type { TFile } from "./vault";

/** The view's file (obsidian.d.ts types the sub-views' `file` as always present). */
function fileOf(view: MarkdownView): TFile {
	if (!view.file) throw new Error("the view has no file");
	return view.file;
}

export class MarkdownRenderChild extends Component implements O.MarkdownRenderChild {
	constructor(public containerEl: HTMLElement) {
		super();
	}
}

export abstract class MarkdownRenderer extends MarkdownRenderChild implements O.MarkdownRenderer {
	app: App;
	hoverPopover: O.HoverPopover | null = null;
	abstract get file(): TFile;

	constructor(app: App, containerEl: HTMLElement) {
		super(containerEl);
		this.app = app;
	}

	/** Simplified rendering (headings, paragraphs, list items, internal links); see render.ts. */
	static render(app: O.App, markdown: string, el: HTMLElement, sourcePath: string, component: O.Component): Promise<void> {
		renderMarkdownInto(app as unknown as App, markdown, el, sourcePath, component);
		return Promise.resolve();
	}

	/** @deprecated in obsidian.d.ts; kept for plugins that still call it. */
	static renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: O.Component): Promise<void> {
		renderMarkdownInto(null, markdown, el, sourcePath, component);
		return Promise.resolve();
	}
}

export class MarkdownPreviewView extends MarkdownRenderer implements O.MarkdownPreviewView {
	constructor(private readonly view: MarkdownView) {
		super(view.app, createDiv("markdown-preview-view"));
	}
	get file(): TFile { return fileOf(this.view); }
	get(): string { return this.view.getViewData(); }
	set(data: string, _clear: boolean): void { this.view.setViewData(data, false); }
	clear(): void { this.containerEl.empty(); }
	rerender(_full?: boolean): void {
		this.containerEl.empty();
		renderMarkdownInto(this.app, this.get(), this.containerEl, this.view.file?.path ?? "", this);
	}
	getScroll(): number { return 0; }
	applyScroll(_scroll: number): void { /* no layout */ }
}

export class MarkdownEditView implements O.MarkdownEditView {
	app: App;
	hoverPopover: O.HoverPopover = null as unknown as O.HoverPopover;
	constructor(private readonly view: MarkdownView) {
		this.app = view.app;
	}
	clear(): void { this.view.clear(); }
	get(): string { return this.view.getViewData(); }
	set(data: string, clear: boolean): void { this.view.setViewData(data, clear); }
	get file(): TFile { return fileOf(this.view); }
	getSelection(): string { return this.view.editor.getSelection(); }
	getScroll(): number { return this.view.editor.getScrollInfo().top; }
	applyScroll(scroll: number): void { this.view.editor.scrollTo(null, scroll); }
}

export class MarkdownView extends TextFileView implements Public<O.MarkdownView> {
	editor: InMemoryEditor;
	previewMode: MarkdownPreviewView;
	currentMode: O.MarkdownSubView;
	hoverPopover: O.HoverPopover | null = null;
	private mode: O.MarkdownViewModeType = "source";
	private readonly editMode: MarkdownEditView;
	/** Set while the view itself loads text into the editor (no `editor-change` then). */
	private loading = false;

	/** The CodeMirror view behind the editor (Obsidian: `editor.cm`, not in obsidian.d.ts); see cm-mirror.ts. */
	readonly cm: CodeMirrorMirror;

	constructor(leaf: O.WorkspaceLeaf) {
		super(leaf);
		this.editor = new InMemoryEditor("", () => this.onEditorChange(), () => this.cm?.pull());
		this.previewMode = new MarkdownPreviewView(this);
		this.editMode = new MarkdownEditView(this);
		this.currentMode = this.editMode;
		this.contentEl.addClass("markdown-source-view");
		this.cm = new CodeMirrorMirror(this.editor, this, this.contentEl, () => this.app.workspace.editorExtensions);
		this.app.workspace.markdownMirrors.add(this.cm);
		this.register(() => {
			this.app.workspace.markdownMirrors.delete(this.cm);
			this.cm.destroy();
		});
	}

	private onEditorChange(): void {
		this.cm.pull();
		if (this.loading) return;
		this.data = this.editor.getValue();
		this.requestSave();
		this.app.workspace.trigger("editor-change", this.editor, this);
	}

	getViewType(): string { return "markdown"; }
	getMode(): O.MarkdownViewModeType { return this.mode; }
	getViewData(): string { return this.editor.getValue(); }
	override canAcceptExtension(extension: string): boolean { return extension === "md"; }

	/** `clear` = a new file is loaded: no history, no `editor-change`. Otherwise the editor gets the smallest edit turning its text into `data`. */
	setViewData(data: string, clear: boolean): void {
		if (clear) {
			this.loading = true;
			this.editor.load(data);
			this.cm.pull();
			this.loading = false;
		} else {
			const old = this.editor.getValue();
			const text = data.replace(/\r\n?/g, "\n");
			let start = 0;
			while (start < old.length && start < text.length && old[start] === text[start]) start++;
			let end = 0;
			while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
			this.editor.transaction({ changes: [{ from: this.editor.offsetToPos(start), to: this.editor.offsetToPos(old.length - end), text: text.substring(start, text.length - end) }] });
		}
		this.data = data;
		if (this.mode === "preview") this.previewMode.rerender();
	}
	clear(): void {
		this.loading = true;
		this.editor.load("");
		this.cm.pull();
		this.loading = false;
	}
	showSearch(_replace?: boolean): void { /* no search UI */ }

	override getState(): Record<string, unknown> {
		return { ...super.getState(), mode: this.mode, source: false };
	}
	override async setState(state: unknown, result: O.ViewStateResult): Promise<void> {
		const mode = (state as { mode?: unknown } | null)?.mode;
		if (mode === "source" || mode === "preview") {
			this.mode = mode;
			this.currentMode = mode === "preview" ? this.previewMode : this.editMode;
		}
		await super.setState(state, result);
		if (this.mode === "preview") this.previewMode.rerender();
	}
	override getEphemeralState(): Record<string, unknown> {
		return { cursor: { from: this.editor.getCursor("from"), to: this.editor.getCursor("to") } };
	}
	/** Supports `{subpath}` (heading/block/footnote), `{line}`, `{cursor}` and `{focus}`, like opening a link. */
	override setEphemeralState(state: unknown): void {
		const s = (state ?? {}) as { subpath?: string; line?: number; cursor?: O.EditorRange; focus?: boolean };
		let target: O.EditorRange | null = s.cursor ?? null;
		if (s.subpath && this.file) {
			const cache = this.app.metadataCache.getFileCache(this.file);
			const hit = cache ? resolveSubpath(cache, s.subpath) : null;
			if (hit) target = { from: this.editor.offsetToPos(hit.start.offset), to: this.editor.offsetToPos(hit.start.offset) };
		}
		if (typeof s.line === "number") target = { from: { line: s.line, ch: 0 }, to: { line: s.line, ch: 0 } };
		if (target) {
			this.editor.setSelection(target.from, target.to);
			this.editor.scrollIntoView(target, true);
		}
		if (s.focus) this.editor.focus();
	}
}
