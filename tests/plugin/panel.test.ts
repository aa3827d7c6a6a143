/**
 * The panel on a note with the seed essay's structure: sections, rows, jumping to a finding, opening and
 * previewing targets, the keyboard, and untrusted text rendered as text.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MarkdownView, Platform, type EventRef } from "obsidian";
import { CitationView, VIEW_TYPE_CITATIONS } from "../../src/plugin/citation-view";
import { click, editorOf, resetDouble, unloadPlugin } from "../obsidian-double/testing";
import {
	ESSAY, ESSAY_TEXT, idle, loadCitationAuditor, openNote, panelLeaves, panelOf, positionOf, rowSummary, rowWithLabels, rowWithTarget, runCommand, sectionRows,
	sectionsOf, seedVault, type RowSummary,
} from "./harness";

afterEach(() => resetDouble());

const GROWERS = "What Growers Should Really Fear";

async function essayInPanel() {
	const loaded = await loadCitationAuditor();
	const view = await openNote(loaded.app, ESSAY);
	await runCommand(loaded.app, "audit-citations");
	return { ...loaded, view, panel: panelOf(loaded.app) };
}

describe("the seed-structure essay in the panel", () => {
	it("header: the note's name, totals and a re-audit button", async () => {
		const { app, plugin, panel } = await essayInPanel();
		expect(panel.rootEl.querySelector(".citation-auditor-title")?.textContent).toBe("On the Risks of Crop Monoculture");
		expect(panel.rootEl.querySelector(".citation-auditor-totals")?.textContent).toBe("49 footnotes · 39 cited notes · 5 errors · 5 warnings");
		const reaudit = panel.rootEl.querySelector<HTMLButtonElement>("button.citation-auditor-reaudit");
		expect(reaudit?.textContent).toBe("Re-audit");
		expect(reaudit?.getAttribute("aria-label")).toBe("Re-audit citations");
		await unloadPlugin(plugin);
		void app;
	});

	it("shows one section per group with its count, empty groups hidden", async () => {
		const { plugin, panel } = await essayInPanel();
		expect(sectionsOf(panel)).toEqual([
			{ title: "Unresolved", count: "4" },
			{ title: "Duplicate sources", count: "2" },
			{ title: "Malformed", count: "1" },
			{ title: "Body links", count: "3" },
			{ title: "Non-vault sources", count: "1" },
		]);
		await unloadPlugin(plugin);
	});

	it("rows show labels, the target as written and the line", async () => {
		const { plugin, panel } = await essayInPanel();
		const rows = (id: string): RowSummary[] => sectionRows(panel, id).map(rowSummary);
		expect(rows("unresolved")).toEqual([
			{ labels: "[^5]", target: "Grain Traders Admit Extensive Price Fixing", line: "Line 112" },
			{ labels: "[^17]", target: "Hobby forums embrace cloning tool to copy rare cultivars", line: "Line 124" },
			{ labels: "[^27]", target: "okafor_2021", line: "Line 134" },
			{ labels: "[^36]", target: "The question of how these crops handle frost a...", line: "Line 143" },
		]);
		expect(rows("duplicate-sources")).toEqual([
			{ labels: "[^10] [^11] [^12] [^14]", target: GROWERS, line: "Line 117" },
			{ labels: "[^34] [^43]", target: "Transcript- A Botanist Interviews a Trader", line: "Line 141" },
		]);
		expect(rows("malformed")).toEqual([{ labels: "[^49]", target: "This Is Too Important to Leave to Three Seed Companies", line: "Line 156" }]);
		expect(rows("body-links")).toEqual([
			{ labels: "", target: "Rosa Lind on Seeds, Labour, and the Future of Farming", line: "Line 56" },
			{ labels: "", target: "20240228190625", line: "Line 57" },
			{ labels: "", target: "The ministry’s seed bank is going off the rails", line: "Line 102" },
		]);
		expect(rows("non-vault")).toEqual([
			{ labels: "[^6]", target: "https://videos.example.org/w/p/Xq7rT2?playlistPosition=6&resume=true", line: "Line 113" },
		]);
		// The duplicate row reads as one line: labels → target.
		expect(rowWithLabels(panel, "[^10] [^11] [^12] [^14]").querySelector(".citation-auditor-row-summary")?.textContent).toBe(
			`[^10] [^11] [^12] [^14] → ${GROWERS}Line 117`,
		);
		await unloadPlugin(plugin);
	});

	it('unresolved rows carry their "did you mean" suggestions; rows without a near miss carry none', async () => {
		const { plugin, panel } = await essayInPanel();
		const message = (row: HTMLElement) => row.querySelector(".citation-auditor-message")?.textContent ?? "";
		expect(message(rowWithLabels(panel, "[^5]"))).toContain('did you mean "Sources/Grain Traders Admit to Extensive Price Fixing.md"?');
		expect(message(rowWithLabels(panel, "[^36]"))).toContain('did you mean "Sources/The question of how these crops handle frost.md"?');
		expect(message(rowWithLabels(panel, "[^17]"))).not.toContain("did you mean");
		expect(message(rowWithTarget(panel, "The ministry’s seed bank is going off the rails"))).toContain(
			`did you mean "Sources/The ministry's seed bank is going off the rails.md"?`,
		);
		await unloadPlugin(plugin);
	});

	it("the re-audit button audits the editor's current text", async () => {
		const { app, plugin } = await loadCitationAuditor({ data: { liveAudit: false } });
		const view = await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		view.editor.replaceRange("[^new]", positionOf(ESSAY_TEXT, ESSAY_TEXT.indexOf("Jobs lost")));
		await idle(app);
		expect(sectionsOf(panel).map((section) => section.title)).not.toContain("Undefined");
		click(panel.rootEl.querySelector("button.citation-auditor-reaudit") as HTMLElement);
		await idle(app);
		expect(sectionsOf(panel)).toContainEqual({ title: "Undefined", count: "1" });
		await unloadPlugin(plugin);
	});

	it("rows are focusable and have accessible names", async () => {
		const { plugin, panel } = await essayInPanel();
		const row = rowWithLabels(panel, "[^34] [^43]");
		expect(row.getAttribute("tabindex")).toBe("0");
		expect(row.getAttribute("aria-label")).toBe(
			'warning: [^34] and [^43] cite the same source "Transcript- A Botanist Interviews a Trader" ([^34] [^43] → Transcript- A Botanist Interviews a Trader), line 141',
		);
		await unloadPlugin(plugin);
	});

	it("a restored note that has no footnotes says so; a clean note says all citations resolve", async () => {
		const files = { ...seedVault(), "Plain.md": "Nothing cited.\n", "Clean.md": "A.[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n" };
		const { app, plugin } = await loadCitationAuditor({ files });
		await openNote(app, "Plain.md");
		await runCommand(app, "open-citation-panel");
		const panel = panelOf(app);
		expect(panel.rootEl.querySelector(".citation-auditor-clean")?.textContent).toBe("This note has no footnotes.");
		await openNote(app, "Clean.md");
		expect(panel.rootEl.querySelector(".citation-auditor-clean")?.textContent).toBe("All 1 citations resolve.");
		expect(sectionsOf(panel)).toEqual([]);
		await unloadPlugin(plugin);
	});
});

describe("clicking a row", () => {
	it("selects the finding's exact text in the editor and scrolls it into view", async () => {
		const { app, plugin, panel, view } = await essayInPanel();
		click(rowWithLabels(panel, "[^10] [^11] [^12] [^14]"));
		await idle(app);
		expect(view.editor.getCursor("from")).toEqual({ line: 116, ch: 0 });
		expect(view.editor.getCursor("to")).toEqual({ line: 116, ch: 5 });
		expect(view.editor.getSelection()).toBe("[^10]");
		expect(editorOf(view).lastScrollIntoView).toEqual({ range: { from: { line: 116, ch: 0 }, to: { line: 116, ch: 5 } }, center: true });
		expect(view.editor.hasFocus()).toBe(true);
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBe(view);

		click(rowWithLabels(panel, "[^5]"));
		await idle(app);
		expect(view.editor.getCursor("from")).toEqual({ line: 111, ch: 6 });
		expect(view.editor.getSelection()).toBe("[[Grain Traders Admit Extensive Price Fixing]]");

		click(rowWithTarget(panel, "20240228190625"));
		await idle(app);
		expect(view.editor.getCursor("from")).toEqual({ line: 56, ch: 0 });
		expect(view.editor.getSelection()).toBe("[[20240228190625|Fake Field Guides Flood Bookshops]]");
		await unloadPlugin(plugin);
	});

	it("Enter on a focused row jumps too, and arrow keys move between rows", async () => {
		const { app, plugin, panel, view } = await essayInPanel();
		const rows = panel.rowElements();
		rows[0].focus();
		expect(document.activeElement).toBe(rows[0]);
		rows[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, cancelable: true }));
		expect(document.activeElement).toBe(rows[1]);
		rows[1].dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true, cancelable: true }));
		// End goes to the last row of the open sections (info-only sections start collapsed and are skipped).
		const open = rows.filter((row) => row.closest("details")?.open);
		expect(open.length).toBeLessThan(rows.length);
		expect(document.activeElement).toBe(open[open.length - 1]);
		rows[1].focus();
		rows[1].dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
		await idle(app);
		expect(rowSummary(rows[1]).labels).toBe("[^17]");
		expect(view.editor.getSelection()).toBe("[[Hobby forums embrace cloning tool to copy rare cultivars]]");
		await unloadPlugin(plugin);
	});

	it("opens the note first when it is no longer open, and jumps there", async () => {
		const { app, plugin, panel, view } = await essayInPanel();
		view.leaf.detach();
		await idle(app);
		expect(app.workspace.getLeavesOfType("markdown")).toHaveLength(0);
		click(rowWithLabels(panel, "[^49]"));
		await idle(app);
		const opened = app.workspace.getActiveViewOfType(MarkdownView);
		expect(opened?.file?.path).toBe(ESSAY);
		expect(opened?.editor.getCursor("from")).toEqual({ line: 155, ch: 7 });
		expect(opened?.editor.getSelection()).toBe(
			"[[This Is Too Important to Leave to Three Seed Companies|This Is Too Important to Leave to Three Seed Companies]",
		);
		await unloadPlugin(plugin);
	});

	it("after typing the audit has not seen yet (live audit off), still selects the finding where it now is", async () => {
		const { app, plugin } = await loadCitationAuditor({ data: { liveAudit: false } });
		const view = await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		view.editor.replaceRange("New opening words.\n\n", positionOf(ESSAY_TEXT, ESSAY_TEXT.indexOf("Readers who")));
		await idle(app);
		expect(rowSummary(rowWithLabels(panel, "[^5]")).line).toBe("Line 112");
		click(rowWithLabels(panel, "[^5]"));
		await idle(app);
		expect(view.editor.getSelection()).toBe("[[Grain Traders Admit Extensive Price Fixing]]");
		expect(view.editor.getCursor("from")).toEqual({ line: 113, ch: 6 });
		// The click audited the current text: the panel caught up.
		expect(rowSummary(rowWithLabels(panel, "[^5]")).line).toBe("Line 114");

		// A finding the typing removed: the click selects nothing stale, and its row goes.
		const text = view.editor.getValue();
		const at = text.indexOf("[[Hobby forums embrace cloning tool to copy rare cultivars]]");
		view.editor.replaceRange("[[Why Blight Spreads Fast]]", positionOf(text, at), positionOf(text, at + "[[Hobby forums embrace cloning tool to copy rare cultivars]]".length));
		view.editor.setSelection({ line: 0, ch: 0 });
		click(rowWithLabels(panel, "[^17]"));
		await idle(app);
		expect(view.editor.getCursor("to")).toEqual({ line: 0, ch: 0 });
		expect(panel.rowElements().map((row) => rowSummary(row).labels)).not.toContain("[^17]");
		await unloadPlugin(plugin);
	});

	it("switches a note in reading view to editing so the selection shows", async () => {
		const { app, plugin } = await loadCitationAuditor();
		const view = await openNote(app, ESSAY, { mode: "preview" });
		await runCommand(app, "audit-citations");
		click(rowWithLabels(panelOf(app), "[^27]"));
		await idle(app);
		expect(view.getMode()).toBe("source");
		expect(view.editor.getSelection()).toBe("[[okafor_2021|Seed Patents or Seed Piracy? Tracing Germplasm in Commercial Lines]]");
		await unloadPlugin(plugin);
	});
});

describe("targets", () => {
	function targetLink(row: HTMLElement): HTMLAnchorElement {
		const link = row.querySelector<HTMLAnchorElement>("a.citation-auditor-target-link");
		if (!link) throw new Error("the row's target is not a link");
		return link;
	}

	it("a resolved target is a link; an unresolved one is plain text", async () => {
		const { plugin, panel } = await essayInPanel();
		expect(targetLink(rowWithLabels(panel, "[^34] [^43]")).getAttribute("data-href")).toBe("Sources/Transcript- A Botanist Interviews a Trader.md");
		expect(rowWithLabels(panel, "[^5]").querySelector("a")).toBeNull();
		await unloadPlugin(plugin);
	});

	it("clicking a resolved target opens it like a link (same tab), Ctrl-click in a new tab, and does not jump", async () => {
		const { app, plugin, panel, view } = await essayInPanel();
		view.editor.setSelection({ line: 0, ch: 0 });
		const link = targetLink(rowWithLabels(panel, "[^10] [^11] [^12] [^14]"));
		click(link, { ctrlKey: true });
		await idle(app);
		expect(app.workspace.openLinkTextCalls).toEqual([
			{ linktext: `Sources/${GROWERS}.md`, sourcePath: ESSAY, newLeaf: "tab", openViewState: undefined },
		]);
		expect(view.editor.getCursor("to")).toEqual({ line: 0, ch: 0 });
		const tabs = app.workspace.getLeavesOfType("markdown").map((leaf) => (leaf.view as MarkdownView).file?.path);
		expect(tabs).toEqual([ESSAY, `Sources/${GROWERS}.md`]);

		// The new tab became active and the panel followed it; back to the essay for a plain click.
		expect(panel.rootEl.querySelector(".citation-auditor-title")?.textContent).toBe(GROWERS);
		app.workspace.setActiveLeaf(view.leaf, { focus: true });
		await idle(app);
		click(targetLink(rowWithLabels(panel, "[^34] [^43]")));
		await idle(app);
		expect(app.workspace.openLinkTextCalls[1]).toMatchObject({ linktext: "Sources/Transcript- A Botanist Interviews a Trader.md", newLeaf: false });
		await unloadPlugin(plugin);
	});

	it("on macOS Cmd-click (not Ctrl-click) opens a new tab, as Keymap.isModEvent says", async () => {
		const { app, plugin, panel } = await essayInPanel();
		Platform.isMacOS = true;
		click(targetLink(rowWithLabels(panel, "[^10] [^11] [^12] [^14]")), { ctrlKey: true });
		click(targetLink(rowWithLabels(panel, "[^10] [^11] [^12] [^14]")), { metaKey: true });
		await idle(app);
		expect(app.workspace.openLinkTextCalls.map((call) => call.newLeaf)).toEqual([false, "tab"]);
		await unloadPlugin(plugin);
	});

	it("hovering a resolved target asks for Obsidian's page preview ('hover-link') from the panel's source", async () => {
		const { app, plugin, panel } = await essayInPanel();
		expect(app.hoverLinkSources.get(VIEW_TYPE_CITATIONS)).toEqual({ display: "Citation Auditor", defaultMod: true });
		const seen: unknown[] = [];
		const ref: EventRef = app.workspace.on("hover-link", (info: unknown) => seen.push(info));
		const link = targetLink(rowWithLabels(panel, "[^34] [^43]"));
		const event = new MouseEvent("mouseover", { bubbles: true });
		link.dispatchEvent(event);
		app.workspace.offref(ref);
		const view = panelLeaves(app)[0]?.view;
		expect(view).toBeInstanceOf(CitationView);
		expect(seen).toEqual([
			{
				event,
				source: VIEW_TYPE_CITATIONS,
				hoverParent: view,
				targetEl: link,
				linktext: "Sources/Transcript- A Botanist Interviews a Trader.md",
				sourcePath: ESSAY,
			},
		]);
		await unloadPlugin(plugin);
	});
});

describe("untrusted text", () => {
	const HOSTILE = "<img src=x onerror=alert(1)>";
	const SCRIPT = "<script>alert(2)</script>";

	it("a hostile note title and targets render as text, never as elements", async () => {
		const files = {
			...seedVault(),
			[`Clippings/${HOSTILE}.md`]: `Clipped.[^1] More.[^2] And [[${HOSTILE} too]].\n\n[^1]: [[${SCRIPT}]]\n[^2]: [[${HOSTILE} elsewhere|<b>bold</b>]]\n`,
		};
		const { app, plugin } = await loadCitationAuditor({ files });
		await openNote(app, `Clippings/${HOSTILE}.md`);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		expect(panel.rootEl.querySelector(".citation-auditor-title")?.textContent).toBe(HOSTILE);
		expect(panel.rowElements().map((row) => rowSummary(row).target)).toEqual([SCRIPT, `${HOSTILE} elsewhere`, `${HOSTILE} too`]);
		expect(panel.rootEl.querySelectorAll("img, script, b")).toHaveLength(0);
		expect(document.querySelectorAll("img, script")).toHaveLength(0);
		const message = panel.rowElements()[0].querySelector(".citation-auditor-message");
		expect(message?.textContent).toContain(SCRIPT);
		expect(message?.children).toHaveLength(0);
		await unloadPlugin(plugin);
	});
});
