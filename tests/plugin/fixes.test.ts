/**
 * Quick fixes inside Obsidian: row buttons and whole-note commands. On an open note a fix is one editor
 * transaction (one undo step restores the exact text); on a closed note it is one vault.process; a fix
 * computed on text that changed since is refused; a merge that deletes text asks first; "Create note"
 * follows the vault's "Default location for new notes".
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarkdownView } from "obsidian";
import { auditNote } from "../../src/core/index";
import { applyEdits, fixAllSafe } from "../../src/core/fixes/index";
import { diskVault } from "../fixtures/helpers";
import { click, editorOf, getFile, noticeMessages, openModals, resetDouble, unloadPlugin, type TestApp } from "../obsidian-double/testing";
import {
	ESSAY, ESSAY_TEXT, VAULT_DIR, actionTitles, buttonIn, idle, loadCitationAuditor, openNote, panelOf, positionOf, rowSummary, rowWithLabels,
	rowWithTarget, runCommand, sectionRows, seedVault,
} from "./harness";

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	resetDouble();
});

const GROWERS_DEFINITION = (label: string) => `[^${label}]: [[What Growers Should Really Fear|What Growers Should Really Fear]]\n`;
const FINAL_LINK = "[[This Is Too Important to Leave to Three Seed Companies|This Is Too Important to Leave to Three Seed Companies]";

/** The essay after merging [^11], [^12] and [^14] into [^10], written out by hand. */
const MERGED_GROWERS = ESSAY_TEXT.replace("[^7] [^8] [^9] [^10] [^11] [^12] [^13] .[^14]", "[^7] [^8] [^9] [^10] [^13] .[^10]")
	.replace("questions[^42] .[^11]", "questions[^42] .[^10]")
	.replace(GROWERS_DEFINITION("11"), "")
	.replace(GROWERS_DEFINITION("12"), "")
	.replace(GROWERS_DEFINITION("14"), "");
/** The essay after merging [^43] into [^34]. */
const MERGED_TRANSCRIPT = ESSAY_TEXT.replace("the press?[^43]", "the press?[^34]").replace("[^43]: [[Transcript- A Botanist Interviews a Trader]]\n", "");

async function essayInPanel() {
	const loaded = await loadCitationAuditor();
	const view = await openNote(loaded.app, ESSAY);
	await runCommand(loaded.app, "audit-citations");
	return { ...loaded, view, panel: panelOf(loaded.app) };
}

describe("row buttons on the open note", () => {
	const CASES: { row: (panel: ReturnType<typeof panelOf>) => HTMLElement; button: string; after: string }[] = [
		{ row: (panel) => rowWithLabels(panel, "[^10] [^11] [^12] [^14]"), button: "Merge [^11], [^12] and [^14] into [^10]", after: MERGED_GROWERS },
		{ row: (panel) => rowWithLabels(panel, "[^34] [^43]"), button: "Merge [^43] into [^34]", after: MERGED_TRANSCRIPT },
		{ row: (panel) => rowWithLabels(panel, "[^49]"), button: "Close the link in [^49]", after: `${ESSAY_TEXT}]` },
		{
			row: (panel) => rowWithLabels(panel, "[^5]"),
			button: 'Change link to "Grain Traders Admit to Extensive Price Fixing"',
			after: ESSAY_TEXT.replace("[^5]: [[Grain Traders Admit Extensive Price Fixing]]", "[^5]: [[Grain Traders Admit to Extensive Price Fixing]]"),
		},
		{
			row: (panel) => rowWithTarget(panel, "The ministry’s seed bank is going off the rails"),
			button: `Change link to "The ministry's seed bank is going off the rails"`,
			after: ESSAY_TEXT.replace(
				"[[The ministry’s seed bank is going off the rails|The ministry’s seed bank is going off the rails]]",
				"[[The ministry's seed bank is going off the rails|The ministry’s seed bank is going off the rails]]",
			),
		},
	];

	for (const { row, button, after } of CASES) {
		it(`"${button}": one transaction, the row goes, and one undo restores the exact text`, async () => {
			const { app, plugin, panel, view } = await essayInPanel();
			const editor = editorOf(view);
			const [depth, changes] = [editor.undoDepth, editor.changeCount];
			const target = row(panel);
			const title = rowSummary(target);
			click(buttonIn(target, button));
			await idle(app);
			expect(view.editor.getValue()).toBe(after);
			expect(editor.changeCount - changes).toBe(1);
			expect(editor.undoDepth - depth).toBe(1);
			expect(noticeMessages()).toEqual([button]);
			expect(panel.rowElements().map(rowSummary)).not.toContainEqual(title);
			// Nothing was written behind the editor's back.
			expect(await app.vault.read(getFile(app, ESSAY))).toBe(ESSAY_TEXT);

			view.editor.undo();
			expect(view.editor.getValue()).toBe(ESSAY_TEXT);
			await unloadPlugin(plugin);
		});
	}

	it('"Remove unused footnote" and "Add a definition" act on their rows, each one undo step', async () => {
		const NOTE = "Draft.md";
		const text = "Claim.[^1] Other.[^gap]\n\n[^1]: [[Why Blight Spreads Fast]]\n[^old]: [[Seed Banks and the Memory of Crops]]\n";
		const { app, plugin } = await loadCitationAuditor({ files: { ...seedVault(), [NOTE]: text } });
		const view = await openNote(app, NOTE);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		click(buttonIn(rowWithLabels(panel, "[^old]"), "Remove unused footnote [^old]"));
		await idle(app);
		expect(view.editor.getValue()).toBe("Claim.[^1] Other.[^gap]\n\n[^1]: [[Why Blight Spreads Fast]]\n");
		click(buttonIn(rowWithLabels(panel, "[^gap]"), "Add a definition for [^gap]"));
		await idle(app);
		expect(view.editor.getValue()).toBe("Claim.[^1] Other.[^gap]\n\n[^1]: [[Why Blight Spreads Fast]]\n[^gap]: \n");
		// The cursor waits in the new, empty definition.
		expect(view.editor.getCursor()).toEqual({ line: 3, ch: 8 });
		expect(editorOf(view).undoDepth).toBe(2);
		view.editor.undo();
		view.editor.undo();
		expect(view.editor.getValue()).toBe(text);
		await unloadPlugin(plugin);
	});
});

describe('"Fix all citation problems"', () => {
	const expected = applyEdits(ESSAY_TEXT, fixAllSafe(auditNote(ESSAY_TEXT, ESSAY, diskVault(VAULT_DIR)), { resolver: diskVault(VAULT_DIR) })?.edits ?? []);

	it("gives the engine's fixAllSafe result: [^10] the only citation of its source, [^49]'s link closed, one undo step", async () => {
		const { app, plugin, view } = await essayInPanel();
		const editor = editorOf(view);
		const depth = editor.undoDepth;
		await runCommand(app, "fix-all-citation-problems");
		const after = view.editor.getValue();
		expect(after).toBe(expected);
		// Spelled out by hand: both merges and the closing bracket, nothing else.
		expect(after).toBe(`${MERGED_GROWERS.replace("the press?[^43]", "the press?[^34]").replace("[^43]: [[Transcript- A Botanist Interviews a Trader]]\n", "")}]`);
		expect(after.match(/\[\[What Growers Should Really Fear\|/g)).toHaveLength(1);
		expect(after).toContain("[^10]: [[What Growers Should Really Fear|");
		expect(after).not.toMatch(/\[\^(11|12|14|43)\]/);
		expect(after.endsWith(`${FINAL_LINK}]`)).toBe(true);
		expect(editor.undoDepth - depth).toBe(1);
		expect(noticeMessages()).toEqual(["Merge 4 duplicate footnotes and close 1 link"]);
		expect(sectionRows(panelOf(app), "duplicate-sources")).toHaveLength(0);
		expect(sectionRows(panelOf(app), "malformed")).toHaveLength(0);

		view.editor.undo();
		expect(view.editor.getValue()).toBe(ESSAY_TEXT);
		await unloadPlugin(plugin);
	});

	it("says so when there is nothing safe to fix", async () => {
		const { app, plugin } = await loadCitationAuditor({ files: { ...seedVault(), "Clean.md": "A.[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n" } });
		const view = await openNote(app, "Clean.md");
		await runCommand(app, "fix-all-citation-problems");
		expect(noticeMessages()).toEqual(["Nothing to fix safely in this note."]);
		expect(view.editor.getValue()).toBe("A.[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n");
		await unloadPlugin(plugin);
	});

	it("with no note audited, asks for one", async () => {
		const { app, plugin } = await loadCitationAuditor();
		await runCommand(app, "fix-all-citation-problems");
		expect(noticeMessages()).toEqual(["Open a Markdown note to fix its citations."]);
		await unloadPlugin(plugin);
	});
});

describe("the other whole-note commands", () => {
	it('"Merge duplicate citations" merges both safe groups and nothing else, in one undo step', async () => {
		const { app, plugin, view } = await essayInPanel();
		await runCommand(app, "merge-duplicate-citations");
		const after = view.editor.getValue();
		expect(after).toBe(MERGED_GROWERS.replace("the press?[^43]", "the press?[^34]").replace("[^43]: [[Transcript- A Botanist Interviews a Trader]]\n", ""));
		// [^49]'s link is not a duplicate: it stays as it was.
		expect(after.endsWith(FINAL_LINK)).toBe(true);
		expect(noticeMessages()).toEqual(["Merge 4 duplicate footnotes"]);
		view.editor.undo();
		expect(view.editor.getValue()).toBe(ESSAY_TEXT);
		await unloadPlugin(plugin);
	});

	it('"Merge duplicate citations" leaves unused footnotes and unclosed links alone', async () => {
		const NOTE = "Draft.md";
		const text = [
			"A.[^1] B.[^2] C.[^3] D.[^4] E.[^6]",
			"",
			"[^1]: [[Why Blight Spreads Fast]]",
			"[^2]: [[Why Blight Spreads Fast]]",
			"[^3]: [[The Commons Seed Institute]]",
			"[^4]: [[The Commons Seed Institute|The Commons Seed Institute]]",
			"[^5]: [[Seed Banks and the Memory of Crops]]",
			"[^6]: [[Inside the Silos of the Grain Belt",
			"",
		].join("\n");
		const { app, plugin } = await loadCitationAuditor({ files: { ...seedVault(), [NOTE]: text } });
		const view = await openNote(app, NOTE);
		await runCommand(app, "merge-duplicate-citations");
		expect(view.editor.getValue()).toBe(
			[
				"A.[^1] B.[^1] C.[^3] D.[^3] E.[^6]",
				"",
				"[^1]: [[Why Blight Spreads Fast]]",
				"[^3]: [[The Commons Seed Institute]]",
				"[^5]: [[Seed Banks and the Memory of Crops]]",
				"[^6]: [[Inside the Silos of the Grain Belt",
				"",
			].join("\n"),
		);
		expect(noticeMessages()).toEqual(["Merge 2 duplicate footnotes"]);
		expect(editorOf(view).undoDepth).toBe(1);
		await unloadPlugin(plugin);
	});

	it('"Remove unused footnotes" and "Renumber footnotes"', async () => {
		const NOTE = "Draft.md";
		const text = "A.[^2] B.[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n[^2]: [[Seed Banks and the Memory of Crops]]\n[^3]: [[The Commons Seed Institute]]\n";
		const { app, plugin } = await loadCitationAuditor({ files: { ...seedVault(), [NOTE]: text } });
		const view = await openNote(app, NOTE);
		await runCommand(app, "remove-unused-footnotes");
		expect(view.editor.getValue()).toBe("A.[^2] B.[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n[^2]: [[Seed Banks and the Memory of Crops]]\n");
		await runCommand(app, "renumber-footnotes");
		expect(view.editor.getValue()).toBe("A.[^1] B.[^2]\n\n[^1]: [[Seed Banks and the Memory of Crops]]\n[^2]: [[Why Blight Spreads Fast]]\n");
		expect(editorOf(view).undoDepth).toBe(2);
		await runCommand(app, "renumber-footnotes");
		await runCommand(app, "remove-unused-footnotes");
		expect(noticeMessages().slice(-2)).toEqual(["The footnotes are already numbered in order.", "This note has no unused footnotes."]);
		view.editor.undo();
		view.editor.undo();
		expect(view.editor.getValue()).toBe(text);
		await unloadPlugin(plugin);
	});
});

describe("stale audits", () => {
	it("a row fix after an edit the audit has not seen yet is refused with a notice and changes nothing", async () => {
		const { app, plugin, panel, view } = await essayInPanel();
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		const text = view.editor.getValue();
		const at = text.indexOf("Fewer students");
		view.editor.replaceRange("Far ", positionOf(text, at));
		const edited = view.editor.getValue();
		const depth = editorOf(view).undoDepth;
		click(buttonIn(rowWithLabels(panel, "[^49]"), "Close the link in [^49]"));
		await idle(app);
		expect(noticeMessages()).toEqual(["The note changed since it was audited; nothing was changed. Audit again and retry."]);
		expect(view.editor.getValue()).toBe(edited);
		expect(editorOf(view).undoDepth).toBe(depth);
		// The panel was brought up to date: the same button now works.
		click(buttonIn(rowWithLabels(panel, "[^49]"), "Close the link in [^49]"));
		await idle(app);
		expect(view.editor.getValue()).toBe(`${edited}]`);
		await unloadPlugin(plugin);
	});

	it("a fix on a closed note changed on disk since its audit is refused", async () => {
		const { app, plugin, panel, view } = await essayInPanel();
		view.leaf.detach();
		await idle(app);
		const changed = ESSAY_TEXT.replace("Fewer students", "Far fewer students");
		const file = getFile(app, ESSAY);
		const write = app.vault.modify(file, changed);
		click(buttonIn(rowWithLabels(panel, "[^49]"), "Close the link in [^49]"));
		await write;
		await idle(app);
		expect(noticeMessages()).toEqual(["The note changed since it was audited; nothing was changed. Audit again and retry."]);
		expect(await app.vault.read(file)).toBe(changed);
		await unloadPlugin(plugin);
	});
});

describe("a note that is not open", () => {
	it("is fixed through vault.process, without opening it", async () => {
		const { app, plugin, panel, view } = await essayInPanel();
		view.leaf.detach();
		await idle(app);
		const process = vi.spyOn(app.vault, "process");
		click(buttonIn(rowWithLabels(panel, "[^49]"), "Close the link in [^49]"));
		await idle(app);
		expect(process).toHaveBeenCalledTimes(1);
		expect(process.mock.calls[0]?.[0].path).toBe(ESSAY);
		expect(await app.vault.read(getFile(app, ESSAY))).toBe(`${ESSAY_TEXT}]`);
		expect(app.workspace.getLeavesOfType("markdown")).toHaveLength(0);
		expect(sectionRows(panel, "malformed")).toHaveLength(0);

		await runCommand(app, "fix-all-citation-problems");
		expect(process).toHaveBeenCalledTimes(2);
		expect(await app.vault.read(getFile(app, ESSAY))).toBe(expectedAfterFixAll());
		await unloadPlugin(plugin);
	});

	function expectedAfterFixAll(): string {
		return `${MERGED_GROWERS.replace("the press?[^43]", "the press?[^34]").replace("[^43]: [[Transcript- A Botanist Interviews a Trader]]\n", "")}]`;
	}
});

describe("a merge that would delete text", () => {
	const NOTE = "Lossy.md";
	const TEXT = "One.[^1] Two.[^2]\n\n[^1]: [[Why Blight Spreads Fast]], p. 4\n[^2]: [[Why Blight Spreads Fast|Blight]], p. 9\n";

	async function lossyInPanel() {
		const loaded = await loadCitationAuditor({ files: { ...seedVault(), [NOTE]: TEXT } });
		const view = await openNote(loaded.app, NOTE);
		await runCommand(loaded.app, "audit-citations");
		const panel = panelOf(loaded.app);
		return { ...loaded, view, panel, row: rowWithLabels(panel, "[^1] [^2]") };
	}

	function modalButton(title: string): HTMLButtonElement {
		const modal = openModals[0];
		if (!modal) throw new Error("no modal is open");
		const button = Array.from(modal.contentEl.querySelectorAll("button")).find((el) => el.textContent === title);
		if (!button) throw new Error(`no "${title}" button in the modal`);
		return button;
	}

	it("asks first, showing the text that would go; Cancel changes nothing", async () => {
		const { app, plugin, view, row } = await lossyInPanel();
		expect(actionTitles(row)).toEqual(["Merge [^2] into [^1]", "Ignore"]);
		click(buttonIn(row, "Merge [^2] into [^1]"));
		await idle(app);
		expect(openModals).toHaveLength(1);
		const modal = openModals[0];
		expect(modal?.titleEl.textContent).toBe("Merge [^2] into [^1]");
		expect(Array.from(modal?.contentEl.querySelectorAll("pre") ?? [], (el) => el.textContent)).toEqual(["[^2]: [[Why Blight Spreads Fast|Blight]], p. 9"]);
		click(modalButton("Cancel"));
		await idle(app);
		expect(openModals).toHaveLength(0);
		expect(view.editor.getValue()).toBe(TEXT);
		expect(editorOf(view).undoDepth).toBe(0);
		expect(noticeMessages()).toEqual([]);

		// Closing the dialog any other way is a cancel too.
		click(buttonIn(row, "Merge [^2] into [^1]"));
		await idle(app);
		openModals[0]?.close();
		await idle(app);
		expect(view.editor.getValue()).toBe(TEXT);
		await unloadPlugin(plugin);
	});

	it('"Merge and delete" applies it in one undo step', async () => {
		const { app, plugin, view, row } = await lossyInPanel();
		click(buttonIn(row, "Merge [^2] into [^1]"));
		await idle(app);
		click(modalButton("Merge and delete"));
		await idle(app);
		expect(openModals).toHaveLength(0);
		expect(view.editor.getValue()).toBe("One.[^1] Two.[^1]\n\n[^1]: [[Why Blight Spreads Fast]], p. 4\n");
		view.editor.undo();
		expect(view.editor.getValue()).toBe(TEXT);
		await unloadPlugin(plugin);
	});

	it('"Fix all" and "Merge duplicate citations" never apply it', async () => {
		const { app, plugin, view } = await lossyInPanel();
		await runCommand(app, "fix-all-citation-problems");
		await runCommand(app, "merge-duplicate-citations");
		expect(openModals).toHaveLength(0);
		expect(view.editor.getValue()).toBe(TEXT);
		expect(noticeMessages()).toEqual(["Nothing to fix safely in this note.", "No duplicate citations can be merged safely in this note."]);
		await unloadPlugin(plugin);
	});
});

describe('"Create note"', () => {
	const MISSING = "Hobby forums embrace cloning tool to copy rare cultivars";

	async function createFromRow(app: TestApp) {
		await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		click(buttonIn(rowWithLabels(panel, "[^17]"), `Create note "${MISSING}"`));
		await idle(app);
		return panel;
	}

	it('creates the note in the folder "Default location for new notes" names, and the row resolves', async () => {
		const { app, plugin } = await loadCitationAuditor({ config: { newFileLocation: "folder", newFileFolderPath: "References" } });
		const panel = await createFromRow(app);
		expect(app.vault.getFileByPath(`References/${MISSING}.md`)).not.toBeNull();
		expect(noticeMessages()).toEqual([`Created "References/${MISSING}.md".`]);
		expect(panel.rowElements().map((row) => rowSummary(row).labels)).not.toContain("[^17]");
		// Created, not opened: the essay is still the only note open.
		expect(app.workspace.getLeavesOfType("markdown").map((leaf) => (leaf.view as MarkdownView).file?.path)).toEqual([ESSAY]);
		await unloadPlugin(plugin);
	});

	it('"Same folder as current file" puts it beside the essay', async () => {
		const { app, plugin } = await loadCitationAuditor({ config: { newFileLocation: "current" } });
		await createFromRow(app);
		expect(app.vault.getFileByPath(`Essays/${MISSING}.md`)).not.toBeNull();
		await unloadPlugin(plugin);
	});

	it("a link that names a folder creates the note there, folders included", async () => {
		const NOTE = "Draft.md";
		const { app, plugin } = await loadCitationAuditor({
			files: { ...seedVault(), [NOTE]: "A.[^1]\n\n[^1]: [[Archive/2024/Missing Paper|the paper]]\n" },
			config: { newFileLocation: "folder", newFileFolderPath: "References" },
		});
		await openNote(app, NOTE);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		click(buttonIn(rowWithLabels(panel, "[^1]"), 'Create note "Archive/2024/Missing Paper"'));
		await idle(app);
		expect(app.vault.getFileByPath("Archive/2024/Missing Paper.md")).not.toBeNull();
		expect(panel.rowElements()).toHaveLength(0);
		await unloadPlugin(plugin);
	});

	it("the default (vault folder) puts it at the root", async () => {
		const { app, plugin } = await loadCitationAuditor();
		await createFromRow(app);
		expect(app.vault.getFileByPath(`${MISSING}.md`)).not.toBeNull();
		await unloadPlugin(plugin);
	});
});
