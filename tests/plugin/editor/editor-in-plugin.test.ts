/**
 * The editor extension inside the plugin, through the test double (whose MarkdownView mirrors its editor into
 * a real CodeMirror EditorView with the registered extensions): the same audit as the panel marks the note,
 * typing maps the marks until the live audit replaces them, the settings switch underlines and the gutter,
 * and the three commands work from the command palette.
 */
import { StateEffect } from "@codemirror/state";
import { EditorView, type ViewUpdate } from "@codemirror/view";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarkdownView } from "obsidian";
import manifestJson from "../../../manifest.json";
import * as core from "../../../src/core/index";
import CitationAuditorPlugin from "../../../src/plugin/main";
import { getLoadResult } from "../../obsidian-double/component";
import { meetsMinSeverity } from "../../../src/core/types";
import { allMarks, citationMarksField, setCitationFindings } from "../../../src/plugin/editor/citation-marks";
import { click, createTestApp, editorOf, noticeMessages, resetDouble, type TestApp } from "../../obsidian-double/testing";
import type { MarkdownView as DoubleMarkdownView } from "../../obsidian-double/markdown-view";
import { ESSAY, ESSAY_TEXT, PLUGIN_ID, idle, loadCitationAuditor, openNote, panelOf, runCommand, seedVault } from "../harness";

afterEach(() => {
	vi.restoreAllMocks();
	resetDouble();
});

const cmOf = (view: MarkdownView) => (view as unknown as DoubleMarkdownView).cm.view;

async function essayOpen(data?: unknown) {
	const loaded = await loadCitationAuditor(data === undefined ? {} : { data });
	const view = await openNote(loaded.app, ESSAY);
	await runCommand(loaded.app, "audit-citations");
	// The audit command reveals the panel; the editor commands need the note's editor active again.
	loaded.app.workspace.setActiveLeaf(view.leaf, { focus: true });
	await idle(loaded.app);
	return { ...loaded, view, cm: cmOf(view) };
}

function auditedFindings(plugin: Awaited<ReturnType<typeof loadCitationAuditor>>["plugin"]) {
	const state = plugin.controller.current;
	if (state.kind !== "note") throw new Error("no audit");
	return state.audit.findings;
}

const run = (app: TestApp, id: string) => app.commands.executeCommandById(`${PLUGIN_ID}:${id}`);

describe("the editor extension in the plugin", () => {
	it("onload registers one editor extension and nothing runs before a note is open", async () => {
		const { app } = await loadCitationAuditor();
		expect(app.workspace.editorExtensions).toHaveLength(1);
	});

	it("onload with a note already open (layout not ready) only registers the extension: no audit, no marks, no transaction into the editor but the app's reconfigure", async () => {
		const app = createTestApp({ files: seedVault(), layout: { main: [{ type: "markdown", state: { file: ESSAY } }] }, layoutReady: false });
		await idle(app);
		const view = app.workspace.getActiveViewOfType(MarkdownView)!;
		const cm = cmOf(view);
		const updates: ViewUpdate[] = [];
		cm.dispatch({ effects: StateEffect.appendConfig.of(EditorView.updateListener.of((update) => void updates.push(update))) });
		updates.length = 0;
		const audits = vi.spyOn(core, "auditNote");

		const plugin = new CitationAuditorPlugin(app, manifestJson);
		plugin.load();
		await getLoadResult(plugin);
		for (let i = 0; i < 5; i++) await Promise.resolve();
		await new Promise((resolve) => window.setTimeout(resolve, 0));

		expect(app.workspace.editorExtensions).toHaveLength(1);
		expect(audits).not.toHaveBeenCalled();
		expect(cm.state.field(citationMarksField, false)?.all.size).toBe(0);
		// Workspace.updateOptions reconfigures the open editor once; the extension itself dispatches nothing.
		const transactions = updates.flatMap((update) => update.transactions);
		expect(transactions).toHaveLength(1);
		expect(transactions[0].docChanged || transactions[0].selection !== undefined).toBe(false);
		expect(transactions.some((tr) => tr.effects.some((effect) => effect.is(setCitationFindings)))).toBe(false);
		expect(cm.state.doc.toString()).toBe(ESSAY_TEXT);
		plugin.unload();
	});

	it("marks the controller's findings (warnings and errors by default) at their ranges", async () => {
		const { plugin, cm } = await essayOpen();
		const expected = auditedFindings(plugin).filter((finding) => meetsMinSeverity(finding.severity, "warning"));
		expect(allMarks(cm.state).map((mark) => [mark.from, mark.to])).toEqual(expected.map((finding) => [finding.offset, finding.offset + finding.length]));
		expect(expected.length).toBeGreaterThan(5);
	});

	it("typing: marks move with their text until the live audit, which brings the same audit as the panel", async () => {
		const { app, plugin, view, cm } = await essayOpen();
		const before = allMarks(cm.state).map((mark) => cm.state.doc.sliceString(mark.from, mark.to));
		view.editor.replaceRange("A new opening sentence. ", { line: 0, ch: 0 });
		expect(allMarks(cm.state).map((mark) => cm.state.doc.sliceString(mark.from, mark.to))).toEqual(before);
		await new Promise((resolve) => window.setTimeout(resolve, plugin.settings.liveAuditDelay + 50));
		await idle(app);
		const findings = auditedFindings(plugin).filter((finding) => meetsMinSeverity(finding.severity, "warning"));
		expect(allMarks(cm.state).map((mark) => mark.finding)).toEqual(findings);
		expect(panelOf(app).rowElements().length).toBeGreaterThan(0);
	});

	it("settings: underlines off draws nothing and leaves the panel; the gutter comes on; info can be shown", async () => {
		const { app, plugin, cm } = await essayOpen();
		const rows = panelOf(app).rowElements().length;
		plugin.settings.editorUnderlines = false;
		await plugin.saveSettings();
		await idle(app);
		expect(cm.contentDOM.querySelectorAll(".citation-auditor-mark")).toHaveLength(0);
		expect(panelOf(app).rowElements()).toHaveLength(rows);
		plugin.settings.editorUnderlines = true;
		plugin.settings.editorGutter = true;
		plugin.settings.editorMinSeverity = "info";
		await plugin.saveSettings();
		await idle(app);
		expect(allMarks(cm.state)).toHaveLength(auditedFindings(plugin).length);
		expect(cm.dom.querySelector(".citation-auditor-gutter")).not.toBeNull();
	});

	it("next/previous problem move the editor's cursor; show at cursor opens the tooltip with the row's actions", async () => {
		const { app, view, cm } = await essayOpen();
		view.editor.setCursor({ line: 0, ch: 0 });
		const first = allMarks(cm.state)[0];
		expect(run(app, "next-citation-problem")).toBe(true);
		expect(view.editor.posToOffset(view.editor.getCursor())).toBe(first.from);
		expect(run(app, "show-citation-problem")).toBe(true);
		const tooltip = cm.dom.querySelector<HTMLElement>(".citation-auditor-tooltip");
		expect(tooltip?.querySelector(".citation-auditor-tooltip-message")?.textContent).toBe(first.finding.message);
		expect(Array.from(tooltip!.querySelectorAll("button"), (button) => button.textContent)).toContain("Ignore");

		const editor = editorOf(view);
		const depth = editor.undoDepth;
		click(Array.from(tooltip!.querySelectorAll<HTMLButtonElement>("button")).find((button) => button.textContent === "Ignore")!);
		await idle(app);
		expect(editor.undoDepth - depth).toBe(1);
		expect(view.editor.getValue()).toContain(`%% citation-audit-ignore-next-line ${first.finding.kind} %%`);
		expect(allMarks(cm.state).some((mark) => mark.finding.kind === first.finding.kind && mark.finding.message === first.finding.message)).toBe(false);
		view.editor.undo();
		await idle(app);
		expect(view.editor.getValue()).toBe(ESSAY_TEXT);
	});

	it("previous wraps to the last problem; with no problem under the cursor the command says so", async () => {
		const { app, view, cm } = await essayOpen();
		view.editor.setCursor({ line: 0, ch: 0 });
		expect(run(app, "previous-citation-problem")).toBe(true);
		const marks = allMarks(cm.state);
		expect(view.editor.posToOffset(view.editor.getCursor())).toBe(marks[marks.length - 1].from);
		view.editor.setCursor({ line: 0, ch: 0 });
		run(app, "show-citation-problem");
		if (marks[0].from > 0) expect(noticeMessages()).toContain("No citation problem here.");
	});
});
