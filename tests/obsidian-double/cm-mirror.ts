// Obsidian's editor is CodeMirror 6: a MarkdownView's `editor` wraps an EditorView (`editor.cm`, not in
// obsidian.d.ts) whose state carries the public fields `editorInfoField` (the MarkdownFileInfo, i.e. the
// view), `editorEditorField` (the EditorView) and `editorLivePreviewField`, and whose extensions include
// every `registerEditorExtension` (reconfigured by `workspace.updateOptions()`, which the app calls when a
// plugin registers or unregisters one). Sources: obsidian.d.ts's doc comments on these fields and on
// registerEditorExtension; public plugins reading `view.editor.cm` and `state.field(editorInfoField)`.
//
// The double keeps its InMemoryEditor as the Editor API and mirrors it into a real EditorView, both ways,
// synchronously (as the app's editor is one object): an Editor change is dispatched to the view, a view
// transaction (a plugin's dispatch, a test typing into `cm`) is applied to the Editor, selections included.
// Simplification: an Editor change reaches the view as the smallest replacement turning the old text into
// the new (prefix/suffix), not as the Editor's own change list.
import "./dom-env";
import { ChangeSet, Compartment, EditorSelection, EditorState, StateField, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type * as O from "obsidian";
import type { InMemoryEditor } from "./memory-editor";

const constant = <T>(value: T) => StateField.define<T>({ create: () => value, update: (current) => current });

export const editorInfoField: StateField<O.MarkdownFileInfo> = constant<O.MarkdownFileInfo>(null as unknown as O.MarkdownFileInfo);
export const editorEditorField: StateField<EditorView> = constant<EditorView>(null as unknown as EditorView);
export const editorLivePreviewField: StateField<boolean> = constant(true);

export class CodeMirrorMirror {
	readonly view: EditorView;
	private readonly plugins = new Compartment();
	private syncing = false;

	constructor(
		private readonly editor: InMemoryEditor,
		info: O.MarkdownFileInfo,
		parent: HTMLElement,
		private readonly extensions: () => readonly unknown[],
	) {
		this.view = new EditorView({ parent });
		const view = this.view;
		this.view.setState(
			EditorState.create({
				doc: editor.getValue(),
				extensions: [
					editorInfoField.init(() => info),
					editorEditorField.init(() => view),
					EditorView.updateListener.of((update) => {
						if (this.syncing || (!update.docChanged && !update.selectionSet)) return;
						this.pushToEditor(update.startState.doc.length, update.changes, update.state.selection);
					}),
					this.plugins.of(this.extensions() as Extension[]),
				],
			}),
		);
	}

	/** `workspace.updateOptions()`: the registered editor extensions, as they are now. */
	reconfigure(): void {
		this.view.dispatch({ effects: this.plugins.reconfigure(this.extensions() as Extension[]) });
	}

	/** Brings the view to the Editor's text and selection (after an Editor change). */
	pull(): void {
		if (this.syncing) {
			// The view's own transaction reaching the Editor: the view has these changes already.
			this.editor.takeChanges(-1);
			return;
		}
		const changes = this.replayedChanges() ?? this.differingRange();
		const ranges = this.editor.selectionOffsets.map((sel) => EditorSelection.range(sel.anchor, sel.head));
		this.syncing = true;
		try {
			this.view.dispatch({ changes, selection: EditorSelection.create(ranges, this.editor.mainSelection) });
		} finally {
			this.syncing = false;
		}
	}

	/** The Editor's last edit as one change set over the view's text, as CodeMirror composes a transaction's changes. */
	private replayedChanges(): ChangeSet | null {
		const length = this.view.state.doc.length;
		const steps = this.editor.takeChanges(length);
		if (!steps) return null;
		let set = ChangeSet.empty(length);
		for (const change of steps) set = set.compose(ChangeSet.of({ from: change.from, to: change.to, insert: change.insert }, set.newLength));
		return set;
	}

	/** After a load, undo or redo: the one range where the view's text and the Editor's differ. */
	private differingRange(): { from: number; to: number; insert: string } | undefined {
		const old = this.view.state.doc.toString();
		const text = this.editor.getValue();
		if (old === text) return undefined;
		let start = 0;
		while (start < old.length && start < text.length && old.charCodeAt(start) === text.charCodeAt(start)) start++;
		let end = 0;
		while (end < old.length - start && end < text.length - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
		return { from: start, to: old.length - end, insert: text.slice(start, text.length - end) };
	}

	/** A transaction of the view (its changes in original-document offsets, as Editor.transaction takes them). */
	private pushToEditor(_oldLength: number, changes: import("@codemirror/state").ChangeSet, selection: EditorSelection): void {
		this.syncing = true;
		try {
			const list: O.EditorChange[] = [];
			changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
				list.push({ from: this.editor.offsetToPos(fromA), to: this.editor.offsetToPos(toA), text: inserted.toString() });
			});
			if (list.length > 0) this.editor.transaction({ changes: list });
			this.editor.setSelections(
				selection.ranges.map((range) => ({ anchor: this.editor.offsetToPos(range.anchor), head: this.editor.offsetToPos(range.head) })),
				selection.mainIndex,
			);
		} finally {
			this.syncing = false;
		}
	}

	destroy(): void {
		this.view.destroy();
	}
}
