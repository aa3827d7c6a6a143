/**
 * A panel row lists its fixes when the writer first reaches it (pointer, focus or click), not when it is
 * built: listing reads each candidate fix back with a whole-note parse, which made opening the panel on a
 * book-length note take seconds (src/plugin/panel/lazy-row-actions.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import type { MarkdownView } from "obsidian";
import { click, resetDouble, unloadPlugin, type TestApp } from "../../obsidian-double/testing";
import type CitationAuditorPlugin from "../../../src/plugin/main";
import type { CitationPanel, PanelAction } from "../../../src/plugin/panel/citation-panel";
import { actionTitles, ESSAY, loadCitationAuditor, openNote, panelOf, pointAt, positionOf, runCommand, sectionRows } from "../harness";

let app: TestApp;
let plugin: CitationAuditorPlugin;
let view: MarkdownView;
let panel: CitationPanel;
let actionsFor: MockInstance<CitationAuditorPlugin["actionsFor"]>;

const builtButtons = (row: HTMLElement) => row.querySelectorAll("button.citation-auditor-action").length;

beforeEach(async () => {
	({ app, plugin } = await loadCitationAuditor());
	actionsFor = vi.spyOn(plugin, "actionsFor");
	view = await openNote(app, ESSAY);
	await runCommand(app, "audit-citations");
	panel = panelOf(app);
});

afterEach(async () => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	await unloadPlugin(plugin);
	resetDouble();
});

describe("a row's fix buttons", () => {
	it("are not listed when the panel opens", () => {
		expect(panel.rowElements().length).toBeGreaterThan(5);
		expect(actionsFor).not.toHaveBeenCalled();
		for (const row of panel.rowElements()) expect(builtButtons(row)).toBe(0);
	});

	it("are listed for that row alone, once, when the pointer first reaches it", () => {
		const [first, second] = sectionRows(panel, "unresolved");
		pointAt(first);
		expect(actionsFor).toHaveBeenCalledTimes(1);
		expect(actionsFor).toHaveBeenCalledWith(panel.findingOf(first));
		expect(builtButtons(first)).toBeGreaterThan(0);
		expect(builtButtons(second)).toBe(0);
		// Reaching a child of the row counts; a second visit lists nothing again.
		first.querySelector(".citation-auditor-line")!.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		pointAt(first);
		expect(actionsFor).toHaveBeenCalledTimes(1);
		const listed = actionsFor.mock.results[0].value as PanelAction[];
		expect(actionTitles(first)).toEqual(listed.map((action) => action.title));
	});

	it("are listed when focus enters the row, and when the row is clicked", () => {
		const [first, second] = sectionRows(panel, "unresolved");
		first.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
		expect(builtButtons(first)).toBeGreaterThan(0);
		click(second);
		expect(builtButtons(second)).toBeGreaterThan(0);
		expect(actionsFor).toHaveBeenCalledTimes(2);
	});

	it("are not listed for a row that a keystroke creates, until it is reached", async () => {
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		const text = view.editor.getValue();
		const at = text.indexOf("[^1]") + "[^1]".length;
		view.editor.replaceRange("[^99]", positionOf(text, at), positionOf(text, at));
		await vi.advanceTimersByTimeAsync(300);
		const [created] = sectionRows(panel, "undefined");
		expect(panel.findingOf(created)?.labels).toEqual(["99"]);
		expect(actionsFor).not.toHaveBeenCalled();
		pointAt(created);
		expect(actionTitles(created)).toContain("Add a definition for [^99]");
	});
});
