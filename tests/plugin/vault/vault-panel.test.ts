/**
 * The vault mode of the citation panel through the obsidian double: the mode switch, totals, notes ordered by
 * severity and expandable to their findings, the filter by kind, keyboard use, jumping into a note, rows kept
 * across audits, and the vault mode following the writer's fixes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MarkdownView } from "obsidian";
import { getFile, noticeMessages, openFile, resetDouble } from "../../obsidian-double/testing";
import { citationView, idle, loadAuditor, noteRow, noteRowTexts, runCommand, vaultUi } from "./helpers";

afterEach(() => resetDouble());

const VAULT: Record<string, string> = {
	"Essays/Many errors.md": "A.[^1] B.[^2] C.[^3]\n\n[^1]: [[Nowhere one]]\n[^2]: [[Nowhere two]]\n[^3]: [[Nowhere three]]\n",
	"Essays/Drafts/One error.md": "A.[^1] B.[^2] C.[^3]\n\n[^1]: [[Missing note]]\n[^2]: [[Source]]\n[^3]: [[Source]]\n[^4]: [[Source#Methods]]\n",
	"Essays/Warnings only.md": "A.[^1]\n\n[^1]: [[Source]]\n[^2]: [[Other source]]\n[^3]: [[Source#Nope]]\n",
	"Essays/Info only.md": "A.[^1]\n\n[^1]: [A website](https://example.org)\n",
	"Essays/Clean.md": "A.[^1]\n\n[^1]: [[Source]]\n",
	"Source.md": "# Source\n\n## Methods\n",
	"Other source.md": "# Other source\n",
	"Unrelated.md": "No footnotes.\n",
};

async function auditedVault() {
	const loaded = await loadAuditor(VAULT);
	runCommand(loaded.app, "audit-all-notes");
	await idle(loaded.app);
	return { ...loaded, ui: vaultUi(loaded.app) };
}

describe("vault mode", () => {
	it("opens the panel in vault mode with totals, and lists the notes with problems, most errors first", async () => {
		const { app, ui } = await auditedVault();
		const view = citationView(app);
		expect(view.citationPanel?.rootEl.isShown()).toBe(false);
		expect(ui.vaultPanel.rootEl.isShown()).toBe(true);
		expect(ui.modeSwitch.rootEl.querySelector('[aria-pressed="true"]')?.textContent).toBe("All notes");
		const totals = ui.vaultPanel.rootEl.querySelector(".citation-auditor-totals")?.textContent;
		expect(totals).toBe("5 notes audited · 4 errors · 5 warnings · 1 info");
		expect(noteRowTexts(ui)).toEqual([
			"Many errors|Essays|3 errors",
			"One error|Essays/Drafts|1 error · 2 warnings",
			"Warnings only|Essays|3 warnings",
			"Info only|Essays|1 info",
		]);
		expect(ui.vaultPanel.rootEl.querySelector(".citation-auditor-message-box")?.textContent).toBe("4 notes with problems.");
		// Nothing expanded yet: findings are built when a note is first opened.
		expect(ui.vaultPanel.rootEl.querySelectorAll(".citation-auditor-row").length).toBe(0);
	});

	it("expands a note to its findings and collapses it again", async () => {
		const { ui } = await auditedVault();
		const row = noteRow(ui, "Essays/Drafts/One error.md");
		const toggle = row.querySelector<HTMLButtonElement>(".citation-auditor-vault-note-toggle");
		expect(toggle?.getAttribute("aria-expanded")).toBe("false");
		expect(toggle?.getAttribute("aria-label")).toBe("Essays/Drafts/One error.md: 1 error · 2 warnings");
		toggle?.click();
		expect(toggle?.getAttribute("aria-expanded")).toBe("true");
		const findings = Array.from(row.querySelectorAll<HTMLElement>(".citation-auditor-row"));
		expect(findings.map((el) => el.dataset.kind)).toEqual(["unresolved-target", "duplicate-source", "unused-definition"]);
		expect(findings[0].querySelector(".citation-auditor-labels")?.textContent).toBe("[^1]");
		expect(findings[0].querySelector(".citation-auditor-target")?.textContent).toBe("Missing note");
		expect(findings[0].getAttribute("tabindex")).toBe("0");
		toggle?.click();
		expect(toggle?.getAttribute("aria-expanded")).toBe("false");
		expect(row.querySelector<HTMLElement>(".citation-auditor-rows")?.isShown()).toBe(false);
	});

	it("filters by finding kind with a dropdown of the kinds present", async () => {
		const { ui } = await auditedVault();
		const select = ui.vaultPanel.rootEl.querySelector<HTMLSelectElement>(".citation-auditor-vault-filter select");
		if (!select) throw new Error("no filter");
		expect(Array.from(select.options).map((option) => option.textContent)).toEqual([
			"All kinds (10)",
			"Unresolved citation targets (4)",
			"Missing headings and blocks (1)",
			"Duplicate sources (1)",
			"Unused footnote definitions (3)",
			"Footnotes citing no note in the vault (1)",
		]);
		select.value = "unused-definition";
		select.dispatchEvent(new Event("change"));
		expect(noteRowTexts(ui)).toEqual(["Warnings only|Essays|2 warnings", "One error|Essays/Drafts|1 warning"]);
		noteRow(ui, "Essays/Drafts/One error.md").querySelector<HTMLButtonElement>(".citation-auditor-vault-note-toggle")?.click();
		const kinds = Array.from(noteRow(ui, "Essays/Drafts/One error.md").querySelectorAll<HTMLElement>(".citation-auditor-row")).map((el) => el.dataset.kind);
		expect(kinds).toEqual(["unused-definition"]);
		// The totals stay those of the whole vault.
		expect(ui.vaultPanel.rootEl.querySelector(".citation-auditor-totals")?.textContent).toBe("5 notes audited · 4 errors · 5 warnings · 1 info");
		select.value = "all";
		select.dispatchEvent(new Event("change"));
		expect(noteRowTexts(ui)).toHaveLength(4);
	});

	it("jumps from a finding row into its note and selects the exact range", async () => {
		const { app, ui } = await auditedVault();
		const row = noteRow(ui, "Essays/Drafts/One error.md");
		row.querySelector<HTMLButtonElement>(".citation-auditor-vault-note-toggle")?.click();
		const unresolved = row.querySelector<HTMLElement>('.citation-auditor-row[data-kind="unresolved-target"]');
		unresolved?.click();
		await idle(app);
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe("Essays/Drafts/One error.md");
		expect(view?.editor.getSelection()).toBe("[[Missing note]]");
		const offset = Number(unresolved?.dataset.offset);
		expect(view?.editor.posToOffset(view.editor.getCursor("from"))).toBe(offset);
		// The panel stays in vault mode, so the writer can go on down the list.
		expect(ui.vaultPanel.rootEl.isShown()).toBe(true);
	});

	it("jumps to the finding as it stands now when the note changed since the audit, and says when it is gone", async () => {
		const { app, ui } = await auditedVault();
		const view = await openFile(app, "Essays/Drafts/One error.md");
		// Typed above the finding after the vault audit (the live audit has not run yet).
		view.editor.replaceRange("A new first line.\n\n", { line: 0, ch: 0 });
		const row = noteRow(ui, "Essays/Drafts/One error.md");
		row.querySelector<HTMLButtonElement>(".citation-auditor-vault-note-toggle")?.click();
		row.querySelector<HTMLElement>('.citation-auditor-row[data-kind="unresolved-target"]')?.click();
		await idle(app);
		expect(view.editor.getSelection()).toBe("[[Missing note]]");
		expect(view.editor.getCursor("from")).toEqual({ line: 4, ch: 6 });
		// The writer fixes the link; the stale row no longer jumps anywhere.
		const duplicate = noteRow(ui, "Essays/Drafts/One error.md").querySelector<HTMLElement>('.citation-auditor-row[data-kind="duplicate-source"]');
		view.editor.setValue("A.[^1] B.[^2]\n\n[^1]: [[Source]]\n[^2]: [[Other source]]\n");
		view.editor.setSelection({ line: 0, ch: 0 });
		duplicate?.click();
		await idle(app);
		expect(noticeMessages()).toContain("This problem is no longer in the note.");
		expect(view.editor.getSelection()).toBe("");
		// And the vault row followed the note: it has no problem left.
		expect(noteRowTexts(ui).map((text) => text.split("|")[0])).not.toContain("One error");
	});

	it("is keyboard reachable: arrows move between note rows and findings, Enter jumps", async () => {
		const { app, ui } = await auditedVault();
		const toggles = Array.from(ui.vaultPanel.rootEl.querySelectorAll<HTMLButtonElement>(".citation-auditor-vault-note-toggle"));
		toggles[0].focus();
		toggles[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		expect(document.activeElement).toBe(toggles[1]);
		toggles[1].click();
		toggles[1].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		const first = noteRow(ui, "Essays/Drafts/One error.md").querySelector<HTMLElement>(".citation-auditor-row");
		expect(document.activeElement).toBe(first);
		first?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await idle(app);
		expect(app.workspace.getActiveViewOfType(MarkdownView)?.editor.getSelection()).toBe("[[Missing note]]");
	});

	it("switches back to the note mode with its control, and the Audit citations command does too", async () => {
		const { app, ui } = await auditedVault();
		const view = citationView(app);
		ui.modeSwitch.rootEl.querySelector<HTMLButtonElement>('[data-mode="note"]')?.click();
		expect(view.citationPanel?.rootEl.isShown()).toBe(true);
		expect(ui.vaultPanel.rootEl.isShown()).toBe(false);
		ui.modeSwitch.rootEl.querySelector<HTMLButtonElement>('[data-mode="vault"]')?.click();
		expect(ui.vaultPanel.rootEl.isShown()).toBe(true);
		await openFile(app, "Essays/Clean.md");
		runCommand(app, "audit-citations");
		await idle(app);
		expect(view.citationPanel?.rootEl.isShown()).toBe(true);
		expect(ui.vaultPanel.rootEl.isShown()).toBe(false);
	});

	it("keeps unchanged note rows (and what is expanded) when the vault is audited again", async () => {
		const { app, plugin, ui } = await auditedVault();
		noteRow(ui, "Essays/Many errors.md").querySelector<HTMLButtonElement>(".citation-auditor-vault-note-toggle")?.click();
		const before = ui.vaultPanel.noteBuilds;
		const elements = ui.vaultPanel.noteElements();
		await app.vault.modify(getFile(app, "Essays/Info only.md"), "A.[^1]\n\n[^1]: [[Nowhere four]]\n");
		await idle(app);
		await plugin.vault.auditVault();
		expect(ui.vaultPanel.noteBuilds).toBe(before + 1);
		expect(noteRowTexts(ui)[0]).toBe("Many errors|Essays|3 errors");
		expect(ui.vaultPanel.noteElements()[0]).toBe(elements[0]);
		expect(noteRow(ui, "Essays/Many errors.md").querySelector(".citation-auditor-vault-note-toggle")?.getAttribute("aria-expanded")).toBe("true");
		expect(noteRowTexts(ui)).toContain("Info only|Essays|1 error");
	});

	it("follows the writer's fixes: a note re-audited in the panel updates its vault row", async () => {
		const { app, plugin, ui } = await auditedVault();
		const view = await openFile(app, "Essays/Warnings only.md");
		view.editor.setValue("A.[^1]\n\n[^1]: [[Source]]\n");
		plugin.controller.auditText(getFile(app, "Essays/Warnings only.md"), view.editor.getValue());
		expect(noteRowTexts(ui).map((text) => text.split("|")[0])).toEqual(["Many errors", "One error", "Info only"]);
		expect(ui.vaultPanel.rootEl.querySelector(".citation-auditor-totals")?.textContent).toBe("5 notes audited · 4 errors · 2 warnings · 1 info");
	});

	it("shows a clean state when no note has problems, and an empty state before the first audit", async () => {
		const { app, plugin } = await loadAuditor({ "A.md": "A.[^1]\n\n[^1]: [[B]]\n", "B.md": "# B\n" });
		await openFile(app, "A.md");
		runCommand(app, "open-citation-panel");
		await idle(app);
		const ui = vaultUi(app);
		plugin.vault.setMode("vault");
		expect(ui.vaultPanel.rootEl.querySelector(".citation-auditor-message-box")?.textContent).toBe(
			"Audit all notes to see the citation problems of every note.",
		);
		ui.vaultPanel.rootEl.querySelector<HTMLButtonElement>(".citation-auditor-reaudit")?.click();
		await idle(app);
		expect(ui.vaultPanel.rootEl.querySelector(".citation-auditor-message-box")?.textContent).toBe("All citations in 1 note resolve.");
		expect(noteRowTexts(ui)).toEqual([]);
		expect(ui.vaultPanel.rootEl.querySelector<HTMLElement>(".citation-auditor-vault-filter")?.isShown()).toBe(false);
	});

	it("renders note names and findings as text, never as markup", async () => {
		const name = "Essays/<img src=x onerror=alert(1)>.md";
		const { app } = await loadAuditor({ [name]: "A.[^1]\n\n[^1]: [[<b>bold</b>]]\n" });
		runCommand(app, "audit-all-notes");
		await idle(app);
		const ui = vaultUi(app);
		const row = noteRow(ui, name);
		row.querySelector<HTMLButtonElement>(".citation-auditor-vault-note-toggle")?.click();
		expect(row.querySelector("img, b")).toBeNull();
		expect(row.querySelector(".citation-auditor-vault-note-title")?.textContent).toBe("<img src=x onerror=alert(1)>");
		expect(row.querySelector(".citation-auditor-target")?.textContent).toBe("<b>bold</b>");
	});

	it("closing the view leaves no subscription on the vault state", async () => {
		const { app, plugin } = await auditedVault();
		const counts = () => [plugin.vault.mode.listenerCount, plugin.vault.audit.listenerCount, plugin.vault.citedBy.listenerCount];
		expect(counts()).toEqual([1, 1, 1]);
		app.workspace.detachLeavesOfType("citation-auditor-panel");
		await idle(app);
		expect(counts()).toEqual([0, 0, 0]);
	});
});
