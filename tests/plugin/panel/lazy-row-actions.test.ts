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
import { LazyRowActions, POINTER_REST_MS, SLOW_BUILD_MS } from "../../../src/plugin/panel/lazy-row-actions";
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

describe("the pointer over a row, once building a row's buttons has been slow", () => {
	/** Rows in a container, each with a build that takes `cost` ms on a clock the test moves; timers fired by hand. */
	function rowsWithClock(count: number) {
		let now = 0;
		let cost = 1;
		const timers = new Map<number, () => void>();
		let nextTimer = 1;
		let started = 0;
		const clock = {
			now: () => now,
			setTimeout: (callback: () => void, ms: number) => {
				expect(ms).toBe(POINTER_REST_MS);
				timers.set(nextTimer, callback);
				started++;
				return nextTimer++;
			},
			clearTimeout: (handle: number) => void timers.delete(handle),
		};
		const container = document.body.createDiv();
		const lazy = new LazyRowActions(container, clock);
		const built: number[] = [];
		const rows = Array.from({ length: count }, (_, index) => {
			const row = container.createDiv({ cls: "citation-auditor-row" });
			row.createSpan({ cls: "citation-auditor-line", text: `line ${index}` });
			lazy.defer(row, () => {
				now += cost;
				built.push(index);
			});
			return row;
		});
		const over = (element: Element) => element.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		const out = (element: Element, to: Element | null) => element.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, relatedTarget: to }));
		const fireTimers = () => {
			const due = [...timers.values()];
			timers.clear();
			for (const callback of due) callback();
		};
		return { container, lazy, rows, built, over, out, fireTimers, setCost: (ms: number) => (cost = ms), pendingTimers: () => timers.size, timersStarted: () => started };
	}

	it("builds at once while builds are cheap", () => {
		const { rows, built, over, pendingTimers } = rowsWithClock(3);
		for (const row of rows) over(row);
		expect(built).toEqual([0, 1, 2]);
		expect(pendingTimers()).toBe(0);
	});

	it("then builds only a row the pointer rests on, and none that it crosses", () => {
		const { rows, built, over, out, fireTimers, setCost, lazy, timersStarted } = rowsWithClock(6);
		setCost(SLOW_BUILD_MS + 1);
		over(rows[0]);
		expect(built).toEqual([0]);
		// Crossing rows 1 to 3: each is left for the next before its rest ends.
		for (const index of [1, 2, 3]) {
			over(rows[index]);
			expect(lazy.isResting(rows[index])).toBe(true);
			out(rows[index], rows[index + 1]);
		}
		over(rows[4]);
		// Onto a child of the row: the same rest goes on (no new wait).
		const waits = timersStarted();
		out(rows[4], rows[4].firstElementChild);
		over(rows[4].firstElementChild!);
		expect(lazy.isResting(rows[4])).toBe(true);
		expect(timersStarted()).toBe(waits);
		fireTimers();
		expect(built).toEqual([0, 4]);
		// Leaving the panel ends the rest without building.
		over(rows[5]);
		out(rows[5], null);
		fireTimers();
		expect(built).toEqual([0, 4]);
	});

	it("builds nothing once disposed (the panel closed during a rest)", () => {
		const { rows, built, over, setCost, lazy, pendingTimers } = rowsWithClock(2);
		setCost(SLOW_BUILD_MS + 1);
		over(rows[0]);
		over(rows[1]);
		expect(pendingTimers()).toBe(1);
		lazy.dispose();
		expect(pendingTimers()).toBe(0);
		expect(built).toEqual([0]);
	});

	it("still builds at once for focus and a click", () => {
		const { rows, built, over, setCost, lazy } = rowsWithClock(3);
		setCost(SLOW_BUILD_MS + 1);
		over(rows[0]);
		rows[1].dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
		over(rows[2]);
		lazy.build(rows[2]);
		expect(built).toEqual([0, 1, 2]);
		expect(lazy.isResting(rows[2])).toBe(false);
	});
});
