// @vitest-environment happy-dom
/**
 * The editor extension in a real CodeMirror EditorView (the pinned @codemirror packages), with a host
 * standing in for the plugin: marks at the findings' exact ranges, mapped through edits between audits,
 * replaced by each audit of the current text only, filtered by the options.
 */
import "../../obsidian-double/dom-env";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it } from "vitest";
import { auditNote, createVaultResolver, type Finding } from "../../../src/core/index";
import { CitationEditor, type CitationEditorHost } from "../../../src/plugin/editor/citation-editor";
import { allMarks, citationMarksField, DEFAULT_EDITOR_OPTIONS } from "../../../src/plugin/editor/citation-marks";
import { goToProblem } from "../../../src/plugin/editor/navigation";

const resolver = createVaultResolver({ paths: ["Sources/Known.md"], readNote: () => "" });
const audit = (text: string) => auditNote(text, "Essay.md", resolver);

const views: EditorView[] = [];
afterEach(() => {
	for (const view of views.splice(0)) view.destroy();
});

const host: CitationEditorHost = { notePath: () => "Essay.md", actionsFor: () => [], run: () => undefined };

async function editorWith(text: string, options = DEFAULT_EDITOR_OPTIONS): Promise<{ view: EditorView; editor: CitationEditor }> {
	const editor = new CitationEditor(host, options);
	const view = new EditorView({ state: EditorState.create({ doc: text, extensions: editor.extension }), parent: document.body });
	views.push(view);
	await Promise.resolve();
	return { view, editor };
}

function publish(editor: CitationEditor, view: EditorView, findings?: readonly Finding[]): readonly Finding[] {
	const text = view.state.doc.toString();
	const shown = findings ?? audit(text).findings;
	editor.publish({ path: "Essay.md", text, findings: shown });
	return shown;
}

/** The marked text of each mark, in order. */
const markedText = (view: EditorView) => allMarks(view.state).map((mark) => view.state.doc.sliceString(mark.from, mark.to));
const rendered = (view: EditorView) => Array.from(view.contentDOM.querySelectorAll(".citation-auditor-mark"), (el) => el.textContent);

const ESSAY = [
	"Claim[^ghost] and 𝒜𝒷 astral[^gone], 漢字の注[^漢].",
	"",
	"[^漢]: [[Nowhere 漢字]]",
	"[^unused]: [[Sources/Known]]",
	"[^plain]: no link at all",
	"",
].join("\n");

describe("marks", () => {
	it("sit at each shown finding's exact range (astral, CJK), info hidden by default", async () => {
		const { view, editor } = await editorWith(ESSAY);
		const findings = publish(editor, view);
		const expected = findings.filter((finding) => finding.severity !== "info").map((finding) => ESSAY.slice(finding.offset, finding.offset + finding.length));
		expect(expected.length).toBeGreaterThan(3);
		expect(markedText(view)).toEqual(expected);
		expect(rendered(view)).toEqual(expected);
		expect(findings.some((finding) => finding.severity === "info")).toBe(true);
	});

	it("a CRLF note: the editor holds \\n text (CodeMirror normalises), and marks cover the same characters as the file's findings", async () => {
		const file = ESSAY.replace(/\n/g, "\r\n");
		const { view, editor } = await editorWith(file);
		expect(view.state.doc.toString()).toBe(ESSAY);
		publish(editor, view);
		const fileFindings = audit(file).findings.filter((finding) => finding.severity !== "info");
		expect(markedText(view)).toEqual(fileFindings.map((finding) => file.slice(finding.offset, finding.offset + finding.length)));
	});

	it("severity classes, and minSeverity info shows everything", async () => {
		const { view, editor } = await editorWith(ESSAY, { ...DEFAULT_EDITOR_OPTIONS, minSeverity: "info" });
		const findings = publish(editor, view);
		expect(allMarks(view.state)).toHaveLength(findings.length);
		const classes = Array.from(view.contentDOM.querySelectorAll(".citation-auditor-mark"), (el) => el.className.match(/citation-auditor-mark-(\w+)/)?.[1]);
		// Overlapping marks nest in the DOM, so compare as multisets.
		expect(classes.sort()).toEqual(findings.map((finding) => finding.severity).sort());
	});

	it("an audit of other text than the editor's is not applied", async () => {
		const { view, editor } = await editorWith(ESSAY);
		editor.publish({ path: "Essay.md", text: `${ESSAY}x`, findings: audit(`${ESSAY}x`).findings });
		expect(allMarks(view.state)).toEqual([]);
		editor.publish({ path: "Other.md", text: ESSAY, findings: audit(ESSAY).findings });
		expect(allMarks(view.state)).toEqual([]);
	});
});

describe("between audits", () => {
	it("marks follow typing before them, and a mark whose text is deleted goes", async () => {
		const { view, editor } = await editorWith(ESSAY);
		publish(editor, view);
		const before = markedText(view);
		view.dispatch({ changes: { from: 0, insert: "New words. " } });
		expect(markedText(view)).toEqual(before);
		const first = allMarks(view.state)[0];
		view.dispatch({ changes: { from: first.from, to: first.to } });
		expect(markedText(view)).toEqual(before.slice(1));
		expect(rendered(view)).toEqual(before.slice(1));
	});

	it("typing right at a mark's edge does not stretch it", async () => {
		const { view, editor } = await editorWith(ESSAY);
		publish(editor, view);
		const first = allMarks(view.state)[0];
		view.dispatch({ changes: [{ from: first.from, insert: "<" }, { from: first.to, insert: ">" }] });
		expect(markedText(view)[0]).toBe("[^ghost]");
	});

	it("the next audit replaces the mapped marks", async () => {
		const { view, editor } = await editorWith(ESSAY);
		publish(editor, view);
		view.dispatch({ changes: { from: 0, insert: "[^new] " } });
		expect(markedText(view)).not.toContain("[^new]");
		publish(editor, view);
		expect(markedText(view)[0]).toBe("[^new]");
	});

	it("an audit with no findings (null) clears the marks", async () => {
		const { view, editor } = await editorWith(ESSAY);
		publish(editor, view);
		editor.publish({ path: "Essay.md", text: "", findings: null });
		expect(allMarks(view.state)).toEqual([]);
	});
});

describe("options", () => {
	it("underlines off: nothing drawn, the marks kept (navigation still works); back on, drawn again", async () => {
		const { view, editor } = await editorWith(ESSAY);
		publish(editor, view);
		const count = allMarks(view.state).length;
		editor.setOptions({ ...DEFAULT_EDITOR_OPTIONS, underlines: false });
		expect(rendered(view)).toEqual([]);
		expect(allMarks(view.state)).toHaveLength(count);
		editor.setOptions(DEFAULT_EDITOR_OPTIONS);
		expect(rendered(view)).toHaveLength(count);
	});

	it("the gutter appears only when asked for, one marker per line with a problem", async () => {
		const { view, editor } = await editorWith(ESSAY);
		publish(editor, view);
		expect(view.dom.querySelector(".citation-auditor-gutter")).toBeNull();
		editor.setOptions({ ...DEFAULT_EDITOR_OPTIONS, gutter: true });
		const lines = new Set(allMarks(view.state).map((mark) => view.state.doc.lineAt(mark.from).number));
		expect(view.dom.querySelectorAll(".citation-auditor-gutter .citation-auditor-gutter-marker")).toHaveLength(lines.size);
	});

	it("minimum severity error leaves warnings out", async () => {
		const { view, editor } = await editorWith(ESSAY);
		const findings = publish(editor, view);
		editor.setOptions({ ...DEFAULT_EDITOR_OPTIONS, minSeverity: "error" });
		expect(allMarks(view.state).map((mark) => mark.finding)).toEqual(findings.filter((finding) => finding.severity === "error"));
	});
});

describe("navigation", () => {
	it("next and previous move the cursor to mark starts, wrapping around", async () => {
		const { view, editor } = await editorWith(ESSAY);
		publish(editor, view);
		const starts = allMarks(view.state).map((mark) => mark.from);
		const visited: number[] = [];
		for (let step = 0; step <= starts.length; step++) visited.push(goToProblem(view, 1)!.from);
		expect(visited).toEqual([...starts, starts[0]]);
		expect(view.state.selection.main.head).toBe(starts[0]);
		expect(goToProblem(view, -1)!.from).toBe(starts[starts.length - 1]);
	});

	it("no marks: nothing moves", async () => {
		const { view } = await editorWith(ESSAY);
		expect(goToProblem(view, 1)).toBeNull();
		expect(view.state.field(citationMarksField).all.size).toBe(0);
	});
});
