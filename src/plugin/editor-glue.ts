/**
 * Where the panel touches the writer's text: moving the cursor to a finding and applying a fix.
 * A fix on an open note is one `editor.transaction` (one Undo restores the note exactly; CodeMirror applies
 * all changes of a transaction against the document as it was before it); on a closed note it is one
 * `vault.process` (an atomic read-modify-write). Either way it is refused when the text is no longer the
 * text the fix was computed from.
 */
import { MarkdownView, type App, type TFile, type WorkspaceLeaf } from "obsidian";
import { applyEdits, type TextEdit } from "../core/fixes/edits";
import { findMarkdownView } from "./audit-controller";

/** Opens `file` if needed, selects `[from, to)` and scrolls it into the middle of the editor. */
export async function revealRange(app: App, file: TFile, from: number, to: number): Promise<void> {
	let view = findMarkdownView(app, file);
	let leaf: WorkspaceLeaf;
	if (view) {
		leaf = view.leaf;
	} else {
		leaf = app.workspace.getLeaf(false);
		await leaf.openFile(file);
		if (!(leaf.view instanceof MarkdownView)) return;
		view = leaf.view;
	}
	if (view.getMode() === "preview") {
		// A selection is invisible in reading view: switch that leaf to editing, as "Edit" would.
		const state = leaf.getViewState();
		await leaf.setViewState({ ...state, state: { ...state.state, mode: "source" } });
	}
	app.workspace.setActiveLeaf(leaf, { focus: true });
	const editor = view.editor;
	const length = editor.getValue().length;
	const range = { from: editor.offsetToPos(Math.min(from, length)), to: editor.offsetToPos(Math.min(to, length)) };
	editor.setSelection(range.from, range.to);
	editor.scrollIntoView(range, true);
	editor.focus();
}

export type ApplyOutcome = "applied" | "stale";

/**
 * Applies `edits` (offsets into `expectedText`) to `file`. Returns "stale" and changes nothing when the
 * note's current text differs from `expectedText`.
 */
export async function applyEditsToNote(app: App, file: TFile, expectedText: string, edits: readonly TextEdit[]): Promise<ApplyOutcome> {
	const view = findMarkdownView(app, file);
	if (view) {
		const editor = view.editor;
		if (editor.getValue() !== expectedText) return "stale";
		editor.transaction({
			changes: edits.map((edit) => ({ from: editor.offsetToPos(edit.from), to: editor.offsetToPos(edit.to), text: edit.insert })),
		});
		return "applied";
	}
	let outcome: ApplyOutcome = "applied";
	await app.vault.process(file, (data) => {
		if (data !== expectedText) {
			outcome = "stale";
			return data;
		}
		return applyEdits(data, edits);
	});
	return outcome;
}
