/**
 * "Cited by" in the note mode: which essays cite the panel's note and under which labels. Candidates come
 * from the metadata cache's resolvedLinks, so only notes linking to the source are read.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarkdownView, TFile } from "obsidian";
import { openFile, resetDouble } from "../../obsidian-double/testing";
import { idle, loadAuditor, runCommand, vaultUi } from "./helpers";

afterEach(() => {
	vi.restoreAllMocks();
	resetDouble();
});

const VAULT: Record<string, string> = {
	"Sources/Source A.md": "# Source A\n\n## Methods\n",
	"Sources/Source B.md": "# Source B\n",
	"Essays/One.md": "See [[Source A]] in passing.[^1] More.[^2] Other.[^3]\n\n[^1]: [[Source A]], p. 4.\n[^2]: [[Sources/Source A#Methods|the methods]]\n[^3]: [[Source B]]\n",
	"Essays/Two.md": "Claim.[^a] Claim.[^b]\n\n[^a]: [[source a|Source A, lower case]]\n[^b]: [[Source B]]\n",
	"Essays/Unrelated.md": "Claim.[^1]\n\n[^1]: [[Source B]]\n",
	"Notes/Mentions.md": "Only a body link to [[Source A]], no citation.\n",
	"Templates/Essay.md": "Claim.[^1]\n\n[^1]: [[Source A]]\n",
};

function labelTexts(root: HTMLElement): string[] {
	return Array.from(root.querySelectorAll<HTMLElement>(".citation-auditor-cited-by-note")).map((item) => {
		const labels = Array.from(item.querySelectorAll(".citation-auditor-cited-by-label")).map((el) => el.textContent);
		return `${item.dataset.path} ${labels.join(" ")}`;
	});
}

async function openSourceWithCitedBy(data?: unknown) {
	const loaded = await loadAuditor(VAULT, { data });
	await openFile(loaded.app, "Sources/Source A.md");
	runCommand(loaded.app, "audit-citations");
	await idle(loaded.app);
	const ui = vaultUi(loaded.app);
	return { ...loaded, ui };
}

describe("Cited by", () => {
	it("lists the essays citing the active note and their labels, reading only the notes that link to it", async () => {
		const { app, ui } = await openSourceWithCitedBy({ ignoredFolders: ["Templates"] });
		const root = ui.citedByPanel.rootEl;
		expect(root.isShown()).toBe(true);
		const toggle = root.querySelector<HTMLButtonElement>(".citation-auditor-cited-by-toggle");
		expect(toggle?.getAttribute("aria-expanded")).toBe("false");
		const cachedRead = vi.spyOn(app.vault, "cachedRead");
		toggle?.click();
		await idle(app);
		expect(toggle?.getAttribute("aria-expanded")).toBe("true");
		expect(labelTexts(root)).toEqual(["Essays/One.md [^1] [^2]", "Essays/Two.md [^a]"]);
		expect(root.querySelector(".citation-auditor-count")?.textContent).toBe("2");
		// Only notes whose links resolve to Source A were read (the template folder is ignored).
		const read = cachedRead.mock.calls.map(([file]) => (file instanceof TFile ? file.path : "?")).sort();
		expect(read).toEqual(["Essays/One.md", "Essays/Two.md", "Notes/Mentions.md"]);
	});

	it("jumps to the citing footnote's label in the essay", async () => {
		const { app, ui } = await openSourceWithCitedBy();
		ui.citedByPanel.rootEl.querySelector<HTMLButtonElement>(".citation-auditor-cited-by-toggle")?.click();
		await idle(app);
		const label = Array.from(ui.citedByPanel.rootEl.querySelectorAll<HTMLButtonElement>(".citation-auditor-cited-by-label")).find(
			(el) => el.closest<HTMLElement>(".citation-auditor-cited-by-note")?.dataset.path === "Essays/One.md" && el.textContent === "[^2]",
		);
		expect(label?.getAttribute("aria-label")).toBe("[^2] in One, line 4");
		label?.click();
		await idle(app);
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe("Essays/One.md");
		expect(view?.editor.getSelection()).toBe("[^2]");
		expect(view?.editor.getCursor("from")).toEqual({ line: 3, ch: 0 });
	});

	it("includes folders that are not ignored, follows the panel to another note, and says when nothing cites it", async () => {
		const { app, ui } = await openSourceWithCitedBy();
		ui.citedByPanel.rootEl.querySelector<HTMLButtonElement>(".citation-auditor-cited-by-toggle")?.click();
		await idle(app);
		expect(labelTexts(ui.citedByPanel.rootEl)).toEqual(["Essays/One.md [^1] [^2]", "Essays/Two.md [^a]", "Templates/Essay.md [^1]"]);
		await openFile(app, "Sources/Source B.md");
		await idle(app);
		expect(labelTexts(ui.citedByPanel.rootEl)).toEqual(["Essays/One.md [^3]", "Essays/Two.md [^b]", "Essays/Unrelated.md [^1]"]);
		await openFile(app, "Notes/Mentions.md");
		await idle(app);
		expect(ui.citedByPanel.rootEl.querySelector(".citation-auditor-cited-by-body")?.textContent).toBe("No note cites this note in a footnote.");
	});

	it("opens a citing note from its name", async () => {
		const { app, ui } = await openSourceWithCitedBy();
		ui.citedByPanel.rootEl.querySelector<HTMLButtonElement>(".citation-auditor-cited-by-toggle")?.click();
		await idle(app);
		ui.citedByPanel.rootEl.querySelector<HTMLElement>(".citation-auditor-cited-by-name")?.click();
		expect(app.workspace.openLinkTextCalls.at(-1)).toMatchObject({ linktext: "Essays/One.md", newLeaf: false });
	});

	it("is hidden in vault mode", async () => {
		const { app, ui } = await openSourceWithCitedBy();
		runCommand(app, "audit-all-notes");
		await idle(app);
		expect(ui.citedByPanel.rootEl.isShown()).toBe(false);
	});
});
