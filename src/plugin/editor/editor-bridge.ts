/**
 * The editor extension inside Obsidian: which note an editor shows (`editorInfoField`, public API), the
 * controller's audit published into the editors on every change (the same audit as the panel and the
 * status bar), the row actions of FixActions, and the three commands' editor lookup.
 */
import { editorInfoField, type MarkdownFileInfo } from "obsidian";
import type { EditorView } from "@codemirror/view";
import type { AuditController, AuditState } from "../audit-controller";
import type { FixActions } from "../fix-actions";
import type { CitationAuditorSettings } from "../settings";
import type { CitationEditorOptions } from "./citation-marks";
import { CitationEditor, type EditorAudit } from "./citation-editor";

export function editorOptions(settings: CitationAuditorSettings): CitationEditorOptions {
	return { underlines: settings.editorUnderlines, gutter: settings.editorGutter, minSeverity: settings.editorMinSeverity };
}

export function createEditorBridge(controller: AuditController, fixes: FixActions, settings: CitationAuditorSettings): CitationEditor {
	return new CitationEditor(
		{
			notePath: (state) => state.field(editorInfoField, false)?.file?.path ?? null,
			actionsFor: (finding) => fixes.actionsFor(finding),
			run(action, finding) {
				// Typed since the audit? The finding is looked up again in the current text (as a panel click does).
				const current = controller.upToDate(finding);
				if (current) action.run(current);
			},
		},
		editorOptions(settings),
	);
}

export function toEditorAudit(state: AuditState): EditorAudit | null {
	switch (state.kind) {
		case "note":
			return { path: state.file.path, text: state.text, findings: state.audit.findings };
		case "error":
			return { path: state.file.path, text: "", findings: null };
		case "empty":
			return null;
	}
}

/** The EditorView of a command's editor: the one whose `editorInfoField` is the command's view. */
export function editorViewOf(editor: CitationEditor, info: MarkdownFileInfo): EditorView | null {
	return (
		editor.find((state) => state.field(editorInfoField, false) === info) ??
		editor.find((state) => state.field(editorInfoField, false)?.file?.path === info.file?.path)
	);
}
