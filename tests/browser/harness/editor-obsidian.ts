/**
 * The `obsidian` module of the editor page (editor-entry.ts): every export of obsidian.d.ts as the inert
 * stand-in build.ts makes (it throws when used), except the few the editor path of the plugin needs at run
 * time, which behave as obsidian.d.ts documents them:
 * - `editorInfoField`: a StateField holding the editor's MarkdownFileInfo (its view);
 * - `MarkdownView` and `TFile`: classes the plugin tests with `instanceof` (the page builds its objects from them);
 * - `Notice`: shows nothing, records its message for the tests;
 * - `normalizePath`: slashes collapsed, no leading or trailing slash (the app's rule for vault paths).
 * Local exports take precedence over the `export *` (ES module rules), so only these names change.
 * Dev-only: bundled into the browser harness, never into main.js.
 */
import { StateField } from "@codemirror/state";
import type * as O from "obsidian";

// build.ts resolves this import (from this file only) to the inert stand-in module.
export * from "obsidian";

export const editorInfoField = StateField.define<O.MarkdownFileInfo>({
	create: () => null as unknown as O.MarkdownFileInfo,
	update: (value) => value,
});

export class TFile {
	readonly name: string;
	readonly basename: string;
	readonly extension: string;

	constructor(readonly path: string) {
		this.name = path.slice(path.lastIndexOf("/") + 1);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

/** What the plugin reads of a MarkdownView: its file, its editor, its leaf and its mode. */
export class MarkdownView {
	leaf: { view: MarkdownView };

	constructor(
		readonly file: TFile,
		readonly editor: O.Editor,
	) {
		this.leaf = { view: this };
	}

	getMode(): "source" | "preview" {
		return "source";
	}
}

/** Every notice the page showed, in order. */
export const notices: string[] = [];

export class Notice {
	constructor(message: string | DocumentFragment) {
		notices.push(typeof message === "string" ? message : (message.textContent ?? ""));
	}

	hide(): void {
		/* nothing is shown */
	}
}

export function normalizePath(path: string): string {
	return path.replace(/[\\/]+/g, "/").replace(/^\/|\/$/g, "");
}
