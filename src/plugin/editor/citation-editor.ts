/**
 * The editor extension and its one link to the plugin. The plugin audits (once per change, in the
 * AuditController); this only publishes that audit into every open editor showing the audited note, as a
 * `setCitationFindings` effect, when the editor's text is exactly the text audited. No audit runs here.
 *
 * A ViewPlugin registers each EditorView with its CitationEditor, so nothing needs Obsidian's private
 * `editor.cm`: the commands find the view whose state names the command's editor (`ownerOf`).
 */
import { Compartment, type EditorState, type Extension } from "@codemirror/state";
import { ViewPlugin, type EditorView, type PluginValue, type ViewUpdate } from "@codemirror/view";
import type { Finding } from "../../core/types";
import { citationEditorOptions, citationMarksField, setCitationFindings, type CitationEditorOptions } from "./citation-marks";
import { problemGutter } from "./problem-gutter";
import { problemTooltips, type ProblemActions } from "./problem-tooltip";
import { DocTextMatch } from "./doc-text-match";

/** An audit as the editor needs it; `findings: null` means "no audit for this note" (marks cleared). */
export interface EditorAudit {
	path: string;
	text: string;
	findings: readonly Finding[] | null;
}

export interface CitationEditorHost extends ProblemActions {
	/** Vault path of the note an editor shows (Obsidian: `editorInfoField`), or null. */
	notePath(state: EditorState): string | null;
}

export class CitationEditor {
	readonly extension: Extension;
	/** Every open editor, with what tells whether its document is the text audited (see doc-text-match.ts). */
	private readonly views = new Map<EditorView, DocTextMatch>();
	private readonly compartment = new Compartment();
	private audit: EditorAudit | null = null;

	constructor(
		private readonly host: CitationEditorHost,
		private options: CitationEditorOptions,
	) {
		const sync = ViewPlugin.define((view) => this.attach(view));
		this.extension = [citationMarksField, this.compartment.of(this.optionsExtension(options)), problemTooltips(host), sync];
	}

	/** The latest audit: into every editor of that note whose text is the text audited. */
	publish(audit: EditorAudit | null): void {
		const previous = this.audit;
		this.audit = audit;
		for (const view of this.views.keys()) {
			const path = this.host.notePath(view.state);
			if (audit && path === audit.path) this.deliver(view, audit);
			else if (!audit && previous && path === previous.path) this.deliver(view, { ...previous, findings: null });
		}
	}

	/** New settings: every open editor is reconfigured (new editors pick them up when they start). */
	setOptions(options: CitationEditorOptions): void {
		this.options = options;
		for (const view of this.views.keys()) dispatchSafely(view, { effects: this.compartment.reconfigure(this.optionsExtension(options)) });
	}

	/** The open editor `test` picks (the commands' editor), or null. */
	find(test: (state: EditorState) => boolean): EditorView | null {
		for (const view of this.views.keys()) if (test(view.state)) return view;
		return null;
	}

	/** The ViewPlugin of one editor: registered while it lives, caught up when it starts or changes note. */
	private attach(view: EditorView): PluginValue {
		const match = new DocTextMatch();
		this.views.set(view, match);
		let path = this.host.notePath(view.state);
		// A view cannot be updated while it is being built: catch up right after.
		queueMicrotask(() => this.catchUp(view));
		return {
			update: (update: ViewUpdate) => {
				if (update.docChanged) match.noteChange(update.startState.doc, update.changes, update.state.doc);
				const now = this.host.notePath(update.state);
				if (now === path) return;
				path = now;
				queueMicrotask(() => this.catchUp(update.view));
			},
			destroy: () => {
				this.views.delete(view);
			},
		};
	}

	private optionsExtension(options: CitationEditorOptions): Extension {
		return [citationEditorOptions.of(options), options.gutter ? problemGutter() : []];
	}

	private catchUp(view: EditorView): void {
		if (!this.views.has(view)) return;
		if (view.state.facet(citationEditorOptions) !== this.options) {
			dispatchSafely(view, { effects: this.compartment.reconfigure(this.optionsExtension(this.options)) });
		}
		const audit = this.audit;
		if (audit && this.host.notePath(view.state) === audit.path) this.deliver(view, audit);
	}

	private deliver(view: EditorView, audit: EditorAudit): void {
		if (audit.findings === null) {
			dispatchSafely(view, { effects: setCitationFindings.of([]) });
			return;
		}
		// An audit of older text would put marks on the wrong characters: keep the mapped ones until the next.
		if (!this.views.get(view)?.matches(view.state.doc, audit.text)) return;
		dispatchSafely(view, { effects: setCitationFindings.of(audit.findings) });
	}
}

/** Dispatches now, or right after the update in progress (an audit triggered from inside one). */
function dispatchSafely(view: EditorView, spec: Parameters<EditorView["dispatch"]>[0]): void {
	try {
		view.dispatch(spec);
	} catch (error) {
		if (!(error instanceof Error) || !/update is in progress/i.test(error.message)) throw error;
		queueMicrotask(() => view.dispatch(spec));
	}
}
