import { afterEach, describe, expect, it } from "vitest";
import {
	EditorSuggest, ItemView, MarkdownView, Plugin, type CachedMetadata, type Editor, type EditorPosition,
	type EditorSuggestContext, type EditorSuggestTriggerInfo, type TFile, type WorkspaceLeaf,
} from "obsidian";
import { createTestApp, flushMetadata, getFile, loadPlugin, openFile, resetDouble, unloadPlugin } from "../obsidian-double/testing";

afterEach(() => resetDouble());

const TYPE = "reloadable";

class Reloadable extends ItemView {
	state: Record<string, unknown> = {};
	getViewType(): string { return TYPE; }
	getDisplayText(): string { return "Reloadable"; }
	override getState(): Record<string, unknown> { return this.state; }
	override async setState(state: unknown): Promise<void> { this.state = state as Record<string, unknown>; }
}

class ViewPlugin extends Plugin {
	override onload(): void {
		this.registerView(TYPE, (leaf) => new Reloadable(leaf));
	}
}

class FootnoteSuggest extends EditorSuggest<string> {
	onTrigger(cursor: EditorPosition, editor: Editor): EditorSuggestTriggerInfo | null {
		const before = editor.getLine(cursor.line).substring(0, cursor.ch);
		const match = /\[\^(\w*)$/.exec(before);
		return match ? { start: { line: cursor.line, ch: cursor.ch - match[1].length }, end: cursor, query: match[1] } : null;
	}
	getSuggestions(context: EditorSuggestContext): string[] {
		return ["smith2020", "jones1999"].filter((id) => id.startsWith(context.query));
	}
	renderSuggestion(value: string, el: HTMLElement): void { el.setText(value); }
	selectSuggestion(value: string): void {
		const ctx = this.context;
		if (ctx) ctx.editor.replaceRange(`${value}]`, ctx.start, ctx.end);
		this.close();
	}
}

class SuggestPlugin extends Plugin {
	suggest: FootnoteSuggest | null = null;
	override onload(): void {
		this.suggest = new FootnoteSuggest(this.app);
		this.registerEditorSuggest(this.suggest);
	}
}

describe("plugin reload", () => {
	it("a view's leaf survives unload and comes back, with its state, when the plugin loads again", async () => {
		const app = createTestApp();
		const first = await loadPlugin(ViewPlugin, { app });
		const leaf = app.workspace.getRightLeaf(false) as WorkspaceLeaf;
		await leaf.setViewState({ type: TYPE, state: { scroll: 7 } });
		await unloadPlugin(first.plugin);
		expect(leaf.view).not.toBeInstanceOf(Reloadable);
		expect(leaf.getViewState()).toMatchObject({ type: TYPE, state: { scroll: 7 } });
		await loadPlugin(ViewPlugin, { app });
		await app.workspace.revealLeaf(leaf);
		expect(leaf.view).toBeInstanceOf(Reloadable);
		expect((leaf.view as Reloadable).state).toEqual({ scroll: 7 });
	});
});

describe("EditorSuggest", () => {
	it("is asked on editor changes and can replace the query", async () => {
		const { app, plugin } = await loadPlugin(SuggestPlugin, { files: { "a.md": "Claim" } });
		const view = await openFile(app, "a.md");
		view.editor.setCursor({ line: 0, ch: 5 });
		view.editor.replaceSelection("[^s");
		await flushMetadata(app);
		const suggest = plugin.suggest as FootnoteSuggest;
		expect(suggest.context?.query).toBe("s");
		const items = document.querySelectorAll<HTMLElement>(".suggestion-container .suggestion-item");
		expect(Array.from(items, (el) => el.textContent)).toEqual(["smith2020"]);
		items[0].click();
		expect(view.editor.getValue()).toBe("Claim[^smith2020]");
		await unloadPlugin(plugin);
		expect(app.editorSuggests).toHaveLength(0);
	});
});

describe("metadata settling", () => {
	it("settle() also waits for work queued by `changed` handlers", async () => {
		const app = createTestApp({ files: { "a.md": "# A" } });
		app.metadataCache.on("changed", (file: TFile, data: string) => {
			if (file.path === "a.md" && !data.includes("[[b]]")) void app.vault.process(file, (t) => `${t}\n[[b]]`);
		});
		app.metadataCache.on("changed", (_file: TFile, _data: string, cache: CachedMetadata) => { void cache; });
		await app.vault.modify(getFile(app, "a.md"), "# A2");
		await flushMetadata(app);
		expect(app.metadataCache.getCache("a.md")?.links?.[0].link).toBe("b");
		expect(app.metadataCache.unresolvedLinks["a.md"]).toEqual({ b: 1 });
	});

	it("the workspace relays hover-link triggers to listeners (page preview)", async () => {
		const app = createTestApp({ files: { "a.md": "" } });
		const seen: unknown[] = [];
		app.workspace.on("hover-link", (info: unknown) => seen.push(info));
		const view = await openFile(app, "a.md");
		const targetEl = createDiv();
		app.workspace.trigger("hover-link", { event: new MouseEvent("mouseover"), source: "my-view", hoverParent: view, targetEl, linktext: "a", sourcePath: "a.md" });
		expect(seen).toHaveLength(1);
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBe(view);
	});
});
