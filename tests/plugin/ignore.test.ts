/**
 * "Ignore" on a panel row writes the line marker in one transaction (one undo), the row goes, and the command
 * line, given the same note, reports exactly the findings the plugin still shows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { click, editorOf, resetDouble } from "../obsidian-double/testing";
import { ESSAY, ESSAY_TEXT, buttonIn, idle, loadCitationAuditor, openNote, panelOf, rowSummary, rowWithLabels, runCommand, seedVault } from "./harness";

const created: string[] = [];
afterEach(() => resetDouble());
afterAll(() => {
	for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function cliFindings(files: Record<string, string>, note: string): { kind: string; line: number; offset: number; length: number }[] {
	const root = mkdtempSync(join(tmpdir(), "citation-audit-ignore-"));
	created.push(root);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	let stdout = "";
	runCli([root, note, "--format", "json"], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: root, version: "0" });
	const report = JSON.parse(stdout) as { notes: { findings: { kind: string; line: number; offset: number; length: number }[] }[] };
	return report.notes[0].findings.map(({ kind, line, offset, length }) => ({ kind, line, offset, length }));
}

describe("Ignore on a panel row", () => {
	it("writes the marker in one undoable transaction; the plugin and the command line then agree", async () => {
		const { app, plugin } = await loadCitationAuditor();
		const view = await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		const row = rowWithLabels(panel, "[^5]");
		const summary = rowSummary(row);
		const editor = editorOf(view);
		const depth = editor.undoDepth;
		click(buttonIn(row, "Ignore"));
		await idle(app);

		const text = view.editor.getValue();
		const lineOf5 = ESSAY_TEXT.slice(0, ESSAY_TEXT.indexOf("[^5]: ")).split("\n").length;
		expect(text.split("\n")[lineOf5 - 1]).toBe("%% citation-audit-ignore-next-line unresolved-target %%");
		expect(text.replace("%% citation-audit-ignore-next-line unresolved-target %%\n", "")).toBe(ESSAY_TEXT);
		expect(editor.undoDepth - depth).toBe(1);
		expect(panel.rowElements().map(rowSummary)).not.toContainEqual(summary);

		const state = plugin.controller.current;
		if (state.kind !== "note") throw new Error("no audit");
		const pluginFindings = state.audit.findings.map(({ kind, line, offset, length }) => ({ kind, line, offset, length }));
		expect(pluginFindings.some((finding) => finding.kind === "unresolved-target" && finding.line === lineOf5 + 1)).toBe(false);
		expect(cliFindings({ ...seedVault(), [ESSAY]: text }, ESSAY)).toEqual(pluginFindings);

		view.editor.undo();
		await idle(app);
		expect(view.editor.getValue()).toBe(ESSAY_TEXT);
	});
});
