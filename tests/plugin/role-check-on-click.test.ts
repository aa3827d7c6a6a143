/**
 * The panel lists a row's fixes without the role check (it parses the note again per fix: seconds for a
 * long note's rows) and checks the one the writer clicks: a fix that would change what other text is (here the
 * removal of an unused definition that would change what the line after it is, refused by the engine's
 * check; found by a search over generated notes) is not applied, and a notice says why.
 */
import { afterEach, describe, expect, it } from "vitest";
import { click, editorOf, noticeMessages, resetDouble, unloadPlugin } from "../obsidian-double/testing";
import { actionTitles, buttonIn, idle, loadCitationAuditor, openNote, panelOf, rowWithLabels, runCommand, seedVault } from "./harness";

afterEach(() => resetDouble());

const NOTE = "Essays/Comment cut.md";
const TEXT = "Prose[^1].\n\n[^1]: ```\n[^2]: \n\nMore prose.\n";

describe("the role check runs when a fix is clicked", () => {
	it("a removal that would change a role is offered, then refused with a notice when clicked, changing nothing", async () => {
		const { app, plugin } = await loadCitationAuditor({ files: { ...seedVault(), [NOTE]: TEXT } });
		const view = await openNote(app, NOTE);
		await runCommand(app, "audit-citations");
		const row = rowWithLabels(panelOf(app), "[^2]");
		const merge = actionTitles(row).find((title) => title.startsWith("Remove"));
		expect(merge).toBeDefined();
		const depth = editorOf(view).undoDepth;
		click(buttonIn(row, merge!));
		await idle(app);
		expect(noticeMessages()).toEqual([
			"This fix was not applied: it would change more than the citation (text around it would become or stop being code, a comment or math). Fix it by hand.",
		]);
		expect(view.editor.getValue()).toBe(TEXT);
		expect(editorOf(view).undoDepth).toBe(depth);
		await unloadPlugin(plugin);
	});
});
