/**
 * Issue 12's rules through the plugin's row buttons and commands, on the test double (the Obsidian resolver is
 * the one answering: getFirstLinkpathDest over the double's vault): a lossy merge asks and shows the text that
 * goes, and does nothing when declined; a malformed link is closed only where the closed link resolves; an
 * unused definition carrying a multi-line comment goes with the whole comment; "Fix all citation problems"
 * reaches the fixpoint in one command and one undo step. Every expected text is written out by hand.
 */
import { afterEach, describe, expect, it } from "vitest";
import { click, editorOf, noticeMessages, openModals, resetDouble, unloadPlugin } from "../obsidian-double/testing";
import { actionTitles, buttonIn, idle, loadCitationAuditor, openNote, panelOf, rowWithLabels, runCommand, sectionRows, seedVault } from "./harness";

afterEach(() => resetDouble());

const NOTE = "Draft notes.md";

async function noteInPanel(text: string) {
	const loaded = await loadCitationAuditor({ files: { ...seedVault(), [NOTE]: text } });
	const view = await openNote(loaded.app, NOTE);
	await runCommand(loaded.app, "audit-citations");
	return { ...loaded, view, panel: panelOf(loaded.app) };
}

function modalButton(title: string): HTMLButtonElement {
	const button = Array.from(openModals[0]?.contentEl.querySelectorAll("button") ?? []).find((el) => el.textContent === title);
	if (!button) throw new Error(`no "${title}" button in a modal`);
	return button;
}

describe("a merge that loses display text asks first", () => {
	const CASES = [
		{ what: "an alias with a page number", second: "[^2]: [[Why Blight Spreads Fast|Why Blight Spreads Fast, p. 12]]" },
		{ what: "a markdown link text with a page number", second: "[^2]: [Smith 2020, p. 9](Sources/Why%20Blight%20Spreads%20Fast.md)" },
	];
	for (const { what, second } of CASES) {
		it(`${what}: the dialog shows the text that goes; Cancel changes nothing; confirming merges in one undo step`, async () => {
			const text = `One.[^1] Two.[^2]\n\n[^1]: [[Why Blight Spreads Fast]]\n${second}\n`;
			const { app, plugin, view, panel } = await noteInPanel(text);
			const row = rowWithLabels(panel, "[^1] [^2]");
			expect(actionTitles(row)).toEqual(["Merge [^2] into [^1]", "Ignore"]);
			click(buttonIn(row, "Merge [^2] into [^1]"));
			await idle(app);
			expect(Array.from(openModals[0]?.contentEl.querySelectorAll("pre") ?? [], (el) => el.textContent)).toEqual([second]);
			click(modalButton("Cancel"));
			await idle(app);
			expect(view.editor.getValue()).toBe(text);
			expect(editorOf(view).undoDepth).toBe(0);

			click(buttonIn(rowWithLabels(panelOf(app), "[^1] [^2]"), "Merge [^2] into [^1]"));
			await idle(app);
			click(modalButton("Merge and delete"));
			await idle(app);
			expect(view.editor.getValue()).toBe("One.[^1] Two.[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n");
			expect(editorOf(view).undoDepth).toBe(1);
			view.editor.undo();
			expect(view.editor.getValue()).toBe(text);
			await unloadPlugin(plugin);
		});
	}

	it('"Fix all citation problems" leaves the lossy group alone and asks nothing', async () => {
		const text = "One.[^1] Two.[^2]\n\n[^1]: [[Why Blight Spreads Fast]]\n[^2]: [[Why Blight Spreads Fast|Why Blight Spreads Fast, p. 12]]\n";
		const { app, plugin, view } = await noteInPanel(text);
		await runCommand(app, "fix-all-citation-problems");
		expect(openModals).toHaveLength(0);
		expect(view.editor.getValue()).toBe(text);
		expect(noticeMessages()).toEqual(["Nothing to fix safely in this note."]);
		await unloadPlugin(plugin);
	});
});

describe("closing a malformed link, only where the closed link resolves", () => {
	const TEXT = [
		"A.[^1] B.[^2] C.[^3] D.[^4]",
		"",
		"[^1]: [[Why Blight Spreads Fast, p. 12",
		"[^2]: [[No Such Note Anywhere",
		"[^3]: [[Seed Banks and the Memory of Crops %% check the page %%",
		"[^4]: [[The Commons",
		"    Seed Institute]]",
		"",
	].join("\n");

	it("closes before the page and before the comment; offers nothing for a missing note or a wrapped link", async () => {
		const { app, plugin, view, panel } = await noteInPanel(TEXT);
		expect(actionTitles(rowWithLabels(panel, "[^2]"))).not.toContain("Close the link in [^2]");
		expect(actionTitles(rowWithLabels(panel, "[^4]"))).not.toContain("Close the link in [^4]");
		click(buttonIn(rowWithLabels(panel, "[^1]"), "Close the link in [^1]"));
		await idle(app);
		click(buttonIn(rowWithLabels(panelOf(app), "[^3]"), "Close the link in [^3]"));
		await idle(app);
		expect(view.editor.getValue()).toBe(
			TEXT.replace("[[Why Blight Spreads Fast, p. 12", "[[Why Blight Spreads Fast]], p. 12").replace(
				"[[Seed Banks and the Memory of Crops %%",
				"[[Seed Banks and the Memory of Crops]] %%",
			),
		);
		expect(editorOf(view).undoDepth).toBe(2);
		await unloadPlugin(plugin);
	});
});

describe("removing an unused definition that carries a multi-line comment", () => {
	it("takes the whole comment, and the rest of the note stays visible to the audit", async () => {
		const text = [
			"Prose.[^1]",
			"",
			"[^1]: [[Why Blight Spreads Fast]]",
			"[^2]: [[Seed Banks and the Memory of Crops]] %% to check: the",
			"",
			"edition we quote %%",
			"",
			"More prose with an undefined [^ghost].",
			"",
		].join("\n");
		const { app, plugin, view, panel } = await noteInPanel(text);
		click(buttonIn(rowWithLabels(panel, "[^2]"), "Remove unused footnote [^2]"));
		await idle(app);
		expect(view.editor.getValue()).toBe("Prose.[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n\nMore prose with an undefined [^ghost].\n");
		// The undefined reference is still found: nothing after the deletion turned into a comment.
		expect(panelOf(app).rowElements().map((row) => row.querySelector(".citation-auditor-labels")?.textContent)).toContain("[^ghost]");
		await unloadPlugin(plugin);
	});
});

describe('"Fix all citation problems" reaches the fixpoint', () => {
	it("closes a link and merges the duplicate that closing made, in one command and one undo step", async () => {
		const text = "a[^1] b[^2]\n\n[^1]: [[Why Blight Spreads Fast]]\n[^2]: [[Why Blight Spreads Fast\n";
		const { app, plugin, view } = await noteInPanel(text);
		await runCommand(app, "fix-all-citation-problems");
		expect(view.editor.getValue()).toBe("a[^1] b[^1]\n\n[^1]: [[Why Blight Spreads Fast]]\n");
		expect(editorOf(view).undoDepth).toBe(1);
		expect(sectionRows(panelOf(app), "duplicate-sources")).toHaveLength(0);
		// A second run finds nothing.
		await runCommand(app, "fix-all-citation-problems");
		expect(noticeMessages().at(-1)).toBe("Nothing to fix safely in this note.");
		view.editor.undo();
		expect(view.editor.getValue()).toBe(text);
		await unloadPlugin(plugin);
	});
});
