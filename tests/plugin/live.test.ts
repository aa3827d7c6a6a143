/**
 * Live updates: typing re-audits the editor's text after the debounce; rows are keyed, so an edit that only
 * moves findings rebuilds none and a fix removes only its row; creating, renaming or deleting a source note
 * updates the panel once the metadata cache has resolved, with no action from the writer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MarkdownView } from "obsidian";
import { click, getFile, resetDouble, unloadPlugin, type TestApp } from "../obsidian-double/testing";
import type CitationAuditorPlugin from "../../src/plugin/main";
import type { CitationPanel } from "../../src/plugin/panel/citation-panel";
import {
	ESSAY, ESSAY_TEXT, idle, loadCitationAuditor, openNote, panelOf, positionOf, rowSummary, rowWithLabels, runCommand, sectionRows,
	sectionsOf, statusText,
} from "./harness";

let app: TestApp;
let plugin: CitationAuditorPlugin;
let view: MarkdownView;
let panel: CitationPanel;

beforeEach(async () => {
	({ app, plugin } = await loadCitationAuditor());
	view = await openNote(app, ESSAY);
	await runCommand(app, "audit-citations");
	panel = panelOf(app);
});

afterEach(async () => {
	vi.useRealTimers();
	await unloadPlugin(plugin);
	resetDouble();
});

/** Replaces the first occurrence of `find` in the editor with `replacement`, as typing would. */
function edit(find: string, replacement: string): void {
	const text = view.editor.getValue();
	const at = text.indexOf(find);
	if (at < 0) throw new Error(`"${find}" is not in the note`);
	view.editor.replaceRange(replacement, positionOf(text, at), positionOf(text, at + find.length));
}

const unresolvedLabels = () => sectionRows(panel, "unresolved").map((row) => rowSummary(row).labels);

describe("typing", () => {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
	});

	it("re-audits the editor's text 300 ms after the last keystroke, before anything is saved", async () => {
		edit("depended on.[^1]", "depended on.[^1][^99]");
		await vi.advanceTimersByTimeAsync(200);
		edit("Jobs lost to machines", "Jobs lost to machines[^98]");
		await vi.advanceTimersByTimeAsync(299);
		expect(sectionsOf(panel).map((section) => section.title)).not.toContain("Undefined");
		await vi.advanceTimersByTimeAsync(1);
		expect(sectionsOf(panel)).toContainEqual({ title: "Undefined", count: "2" });
		expect(sectionRows(panel, "undefined").map(rowSummary)).toEqual([
			{ labels: "[^99]", target: "", line: "Line 41" },
			{ labels: "[^98]", target: "", line: "Line 53" },
		]);
		expect(statusText(app)).toBe("4 unresolved · 2 duplicate · 2 undefined · 1 malformed · 3 other");
		// The vault still holds the old text: the audit read the editor.
		expect(await app.vault.read(getFile(app, ESSAY))).toBe(ESSAY_TEXT);
	});

	it("an edit that only moves findings rebuilds no row, and the rows then jump to the new positions", async () => {
		const rowsBefore = panel.rowElements();
		const builds = panel.rowBuilds;
		edit("Readers who neither", "Writers and readers who neither");
		await vi.advanceTimersByTimeAsync(300);
		expect(plugin.controller.current.kind === "note" && plugin.controller.current.text).toBe(view.editor.getValue());
		expect(panel.rowBuilds).toBe(builds);
		expect(panel.rowElements()).toEqual(rowsBefore);
		const row = rowWithLabels(panel, "[^5]");
		expect(panel.findingOf(row)?.offset).toBe(ESSAY_TEXT.indexOf("[[Grain Traders") + "Writers and r".length - 1);

		vi.useRealTimers();
		click(row);
		await idle(app);
		expect(view.editor.getSelection()).toBe("[[Grain Traders Admit Extensive Price Fixing]]");
		expect(view.editor.getCursor("from")).toEqual({ line: 111, ch: 6 });
	});

	it("an edit that fixes one problem removes only that row", async () => {
		const others = panel.rowElements().filter((row) => rowSummary(row).labels !== "[^5]");
		const builds = panel.rowBuilds;
		edit("[[Grain Traders Admit Extensive", "[[Grain Traders Admit to Extensive");
		await vi.advanceTimersByTimeAsync(300);
		expect(unresolvedLabels()).toEqual(["[^17]", "[^27]", "[^36]"]);
		expect(sectionsOf(panel)[0]).toEqual({ title: "Unresolved", count: "3" });
		expect(panel.rowElements()).toEqual(others);
		expect(panel.rowBuilds).toBe(builds);
		expect(statusText(app)).toBe("3 unresolved · 2 duplicate · 1 malformed · 3 other");
	});

	it("an edit that changes rows' lines updates their line in place and rebuilds none", async () => {
		const rowsBefore = panel.rowElements();
		const builds = panel.rowBuilds;
		edit("### 6. Smuggling", "### 6. Smuggling\n");
		await vi.advanceTimersByTimeAsync(300);
		// Lines 56 and 57 (body links) are above the edit; the other nine rows moved down one line, same elements.
		expect(panel.rowBuilds).toBe(builds);
		expect(panel.rowElements()).toEqual(rowsBefore);
		const row = rowWithLabels(panel, "[^5]");
		expect(rowSummary(row).line).toBe("Line 113");
		expect(row.getAttribute("aria-label")).toMatch(/, line 113$/);
	});
});

describe("other notes change", () => {
	it("creating a missing source note resolves its row without any action", async () => {
		const executed = app.commands.executed.length;
		await app.vault.create("Sources/Hobby forums embrace cloning tool to copy rare cultivars.md", "# Notes\n");
		await idle(app);
		expect(unresolvedLabels()).toEqual(["[^5]", "[^27]", "[^36]"]);
		expect(app.commands.executed).toHaveLength(executed);
	});

	it("renaming a near miss to the cited name resolves the row; renaming a cited note away adds one", async () => {
		await app.vault.rename(getFile(app, "Sources/Grain Traders Admit to Extensive Price Fixing.md"), "Sources/Grain Traders Admit Extensive Price Fixing.md");
		await idle(app);
		expect(unresolvedLabels()).toEqual(["[^17]", "[^27]", "[^36]"]);

		await app.vault.rename(getFile(app, "Sources/Why Blight Spreads Fast.md"), "Archive/Why Blight Spreads Fast (old).md");
		await idle(app);
		expect(unresolvedLabels()).toEqual(["[^2]", "[^17]", "[^27]", "[^36]"]);
		expect(rowSummary(rowWithLabels(panel, "[^2]"))).toEqual({ labels: "[^2]", target: "Why Blight Spreads Fast", line: "Line 109" });
	});

	it("renaming the audited note itself renames the panel's title and keeps its rows", async () => {
		await app.vault.rename(getFile(app, ESSAY), "Essays/Monoculture, second draft.md");
		await idle(app);
		expect(panel.rootEl.querySelector(".citation-auditor-title")?.textContent).toBe("Monoculture, second draft");
		expect(unresolvedLabels()).toEqual(["[^5]", "[^17]", "[^27]", "[^36]"]);
	});

	it("deleting a cited note adds its row; deleting the audited note empties the panel", async () => {
		await app.vault.delete(getFile(app, "Sources/Seed Banks and the Memory of Crops.md"));
		await idle(app);
		expect(unresolvedLabels()).toEqual(["[^1]", "[^5]", "[^17]", "[^27]", "[^36]"]);

		await app.vault.delete(getFile(app, ESSAY));
		await idle(app);
		expect(plugin.controller.current.kind).toBe("empty");
		expect(panel.rowElements()).toEqual([]);
		expect(panel.rootEl.querySelector(".citation-auditor-empty")?.textContent).toBe("Open a note to audit its citations.");
		expect(statusText(app)).toBe("");
	});
});
