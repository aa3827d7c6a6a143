/**
 * Obsidian's `Editor` over a CodeMirror EditorView, for the editor page: only what the plugin's fix path
 * calls (FixActions, editor-glue, the AuditController). As in the app, where the Editor of a MarkdownView
 * wraps its EditorView: `transaction` is ONE `view.dispatch` whose changes are all in the coordinates of the
 * text before it (CodeMirror's rule for a transaction's changes), positions are `{line, ch}` counted from 0,
 * and `getValue` is the editor's text (line breaks as `\n`, CodeMirror's document).
 */
import type { EditorView } from "@codemirror/view";
import type * as O from "obsidian";

export function editorOver(view: EditorView): O.Editor {
	const offsetToPos = (offset: number): O.EditorPosition => {
		const line = view.state.doc.lineAt(offset);
		return { line: line.number - 1, ch: offset - line.from };
	};
	const posToOffset = (pos: O.EditorPosition): number => view.state.doc.line(pos.line + 1).from + pos.ch;
	const editor = {
		getValue: () => view.state.doc.toString(),
		offsetToPos,
		posToOffset,
		getCursor: () => offsetToPos(view.state.selection.main.head),
		transaction(tx: O.EditorTransaction): void {
			const changes = (tx.changes ?? []).map((change) => ({
				from: posToOffset(change.from),
				to: change.to ? posToOffset(change.to) : posToOffset(change.from),
				insert: change.text,
			}));
			view.dispatch({ changes, userEvent: "input" });
		},
		setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void {
			view.dispatch({ selection: { anchor: posToOffset(anchor), head: posToOffset(head ?? anchor) } });
		},
		setCursor(pos: O.EditorPosition): void {
			view.dispatch({ selection: { anchor: posToOffset(pos) } });
		},
		scrollIntoView(): void {
			/* the page's editor is short enough to be fully visible */
		},
		focus: () => view.focus(),
	};
	return editor as unknown as O.Editor;
}
