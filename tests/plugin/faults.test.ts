/**
 * Plugin faults: an exception while auditing one note becomes an error state in the panel (not a broken
 * plugin), and the next note audits normally; a failing write during a fix is reported, not lost.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MetadataCache } from "obsidian";
import * as core from "../../src/core/index";
import { click, getFile, noticeMessages, resetDouble, statusBarItems, unloadPlugin } from "../obsidian-double/testing";
import { ESSAY, ESSAY_TEXT, buttonIn, idle, loadCitationAuditor, openNote, panelOf, positionOf, rowWithLabels, runCommand, sectionsOf, seedVault } from "./harness";

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	resetDouble();
});

const BROKEN = "Drafts/Broken.md";
const files = () => ({ ...seedVault(), [BROKEN]: "A claim.[^1]\n\n[^1]: [[Poisoned Source]]\n" });

/** The panel's error message (not a row of severity "error"). */
const errorText = () => document.querySelector(".citation-auditor-panel .citation-auditor-message-box.citation-auditor-error")?.textContent;

describe("an exception inside one note's audit", () => {
	it("from the engine: the panel shows an error for that note, and the next note audits fine", async () => {
		const real = core.auditNote;
		vi.spyOn(core, "auditNote").mockImplementation((text, path, resolver, options) => {
			if (path === BROKEN) throw new Error("the parser fell over");
			return real(text, path, resolver, options);
		});
		const { app, plugin } = await loadCitationAuditor({ files: files() });
		await openNote(app, BROKEN);
		await runCommand(app, "audit-citations");
		const panel = panelOf(app);
		expect(plugin.controller.current.kind).toBe("error");
		expect(panel.rootEl.querySelector(".citation-auditor-title")?.textContent).toBe("Broken");
		expect(errorText()).toBe("This note could not be audited: the parser fell over");
		expect(sectionsOf(panel)).toEqual([]);
		expect(statusBarItems(app)[0]?.textContent).toBe("");

		await openNote(app, ESSAY);
		expect(plugin.controller.current.kind).toBe("note");
		expect(errorText()).toBeUndefined();
		expect(panel.rootEl.querySelector(".citation-auditor-title")?.textContent).toBe("On the Risks of Crop Monoculture");
		expect(sectionsOf(panel).map((section) => section.count)).toEqual(["4", "2", "1", "3", "1"]);
		await unloadPlugin(plugin);
	});

	it("from Obsidian's link resolver, for one link only: same error state, and the other notes still audit", async () => {
		const { app, plugin } = await loadCitationAuditor({ files: files() });
		const cache: MetadataCache = app.metadataCache;
		const resolve = cache.getFirstLinkpathDest.bind(cache);
		vi.spyOn(cache, "getFirstLinkpathDest").mockImplementation((linkpath, sourcePath) => {
			if (linkpath === "Poisoned Source") throw new TypeError("Cannot read properties of undefined (reading 'path')");
			return resolve(linkpath, sourcePath);
		});
		await openNote(app, BROKEN);
		await runCommand(app, "audit-citations");
		expect(errorText()).toBe("This note could not be audited: Cannot read properties of undefined (reading 'path')");
		await openNote(app, ESSAY);
		expect(errorText()).toBeUndefined();
		expect(sectionsOf(panelOf(app)).length).toBe(5);
		await unloadPlugin(plugin);
	});

	it("during live typing: the error shows, and the next keystrokes that audit fine clear it", async () => {
		const { app, plugin } = await loadCitationAuditor({ files: files() });
		const view = await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		const real = core.auditNote;
		vi.spyOn(core, "auditNote").mockImplementation((text, path, resolver, options) => {
			if (text.includes("[^boom]")) throw new RangeError("Maximum call stack size exceeded");
			return real(text, path, resolver, options);
		});
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		const at = positionOf(ESSAY_TEXT, ESSAY_TEXT.indexOf("Jobs lost"));
		view.editor.replaceRange("[^boom]", at);
		await vi.advanceTimersByTimeAsync(300);
		expect(errorText()).toBe("This note could not be audited: Maximum call stack size exceeded");
		view.editor.undo();
		await vi.advanceTimersByTimeAsync(300);
		expect(errorText()).toBeUndefined();
		expect(sectionsOf(panelOf(app)).length).toBe(5);
		await unloadPlugin(plugin);
	});
});

describe("a write that fails during a fix", () => {
	it("is reported in a notice, the note is unchanged, and the plugin keeps working", async () => {
		const { app, plugin } = await loadCitationAuditor();
		const view = await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		view.leaf.detach();
		await idle(app);
		const process = vi.spyOn(app.vault, "process").mockRejectedValueOnce(new Error("EACCES: permission denied"));
		click(buttonIn(rowWithLabels(panelOf(app), "[^49]"), "Close the link in [^49]"));
		await idle(app);
		expect(process).toHaveBeenCalledTimes(1);
		expect(noticeMessages()).toEqual(["Could not change the note: EACCES: permission denied"]);
		expect(await app.vault.read(getFile(app, ESSAY))).toBe(ESSAY_TEXT);

		await runCommand(app, "fix-all-citation-problems");
		expect(await app.vault.read(getFile(app, ESSAY))).not.toBe(ESSAY_TEXT);
		await unloadPlugin(plugin);
	});

	it("from a whole-note command is reported too", async () => {
		const { app, plugin } = await loadCitationAuditor();
		const view = await openNote(app, ESSAY);
		await runCommand(app, "audit-citations");
		view.leaf.detach();
		await idle(app);
		vi.spyOn(app.vault, "process").mockRejectedValueOnce(new Error("EIO: i/o error"));
		await runCommand(app, "fix-all-citation-problems");
		expect(noticeMessages()).toEqual(["Could not change the note: EIO: i/o error"]);
		expect(await app.vault.read(getFile(app, ESSAY))).toBe(ESSAY_TEXT);
		await unloadPlugin(plugin);
	});
});
