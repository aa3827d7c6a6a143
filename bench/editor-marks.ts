/**
 * Issue 13's editor targets, on the 300 KB generated essay (the same essay and vault as the audit table):
 * - building the marks after an audit: the transaction that carries the audit's findings into an
 *   EditorState holding the editor extension's StateField (`setCitationFindings`: one mark per finding, then
 *   the ones the options show), as the plugin dispatches it into each editor of the note;
 * - mapping the marks through one keystroke: a one-character insertion in the middle of the note, the whole
 *   CodeMirror transaction with the field (the marks and the shown marks mapped through it), per keystroke
 *   while typing a run of characters, so each keystroke starts from the state the previous one left.
 * The editor's text is the essay with `\n` line breaks (what CodeMirror holds). Drawing is not included:
 * CodeMirror draws only the decorations in the viewport, and that is CodeMirror's work, not ours.
 */
import { EditorState } from "@codemirror/state";
import type { Finding } from "../src/core/types";
import { citationEditorOptions, citationMarksField, DEFAULT_EDITOR_OPTIONS, setCitationFindings } from "../src/plugin/editor/citation-marks";
import { measure, type Timing } from "./measure";

export const BUILD_TARGET_MS = 4;
export const KEYSTROKE_TARGET_MS = 0.2;

export interface EditorMarksResult {
	findings: number;
	marks: number;
	build: Timing;
	/** Per keystroke (the median run of `KEYSTROKES` keystrokes, divided by their number). */
	keystroke: Timing;
	/** The same keystroke in an EditorState without the extension: what CodeMirror costs by itself. */
	bareKeystroke: Timing;
}

const KEYSTROKES = 100;

export function measureEditorMarks(text: string, findings: readonly Finding[]): EditorMarksResult {
	const extensions = [citationMarksField, citationEditorOptions.of({ ...DEFAULT_EDITOR_OPTIONS, minSeverity: "info" })];
	const empty = EditorState.create({ doc: text, extensions });
	const build = measure(() => empty.update({ effects: setCitationFindings.of(findings) }).state, { warmup: 20, runs: 101, budgetMs: 3000 });
	const marked = empty.update({ effects: setCitationFindings.of(findings) }).state;
	const marks = marked.field(citationMarksField).all.size;
	if (marks !== findings.length) throw new Error(`editor marks: ${marks} marks for ${findings.length} findings`);

	const typeRun = (start: EditorState) => () => {
		let state = start;
		const at = state.doc.length >> 1;
		for (let i = 0; i < KEYSTROKES; i++) state = state.update({ changes: { from: at + i, insert: "x" }, userEvent: "input.type" }).state;
		return state;
	};
	const perKeystroke = (timing: Timing): Timing => ({
		median: timing.median / KEYSTROKES,
		runs: timing.runs,
		min: timing.min / KEYSTROKES,
		max: timing.max / KEYSTROKES,
	});
	const plan = { warmup: 20, runs: 101, budgetMs: 3000 };
	const keystroke = perKeystroke(measure(typeRun(marked), plan));
	const bareKeystroke = perKeystroke(measure(typeRun(EditorState.create({ doc: text })), plan));
	// The marks really moved: after typing in the middle, every mark after it is KEYSTROKES further on.
	const typed = typeRun(marked)();
	const after = typed.field(citationMarksField).all;
	if (after.size !== marks) throw new Error(`editor marks: ${after.size} marks after typing, expected ${marks}`);
	return { findings: findings.length, marks, build, keystroke, bareKeystroke };
}
