/**
 * A long note's panel: each section shows its first ROWS_SHOWN rows and a "Show N more" button, so a keystroke
 * in a book-length note updates a bounded number of rows; the count still says how many the section holds,
 * the button shows them all, and another note starts with its sections cut again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { click, resetDouble, unloadPlugin } from "../obsidian-double/testing";
import { ROWS_SHOWN } from "../../src/plugin/panel/citation-panel";
import { idle, loadCitationAuditor, openNote, panelOf, rowSummary, runCommand, sectionRows, sectionsOf } from "./harness";

afterEach(() => resetDouble());

/** A note whose `count` footnotes each cite a different missing note (one unresolved row each). */
function longNote(count: number, name: string): string {
	const body = Array.from({ length: count }, (_, index) => `Claim ${index}.[^${index + 1}]`).join("\n\n");
	const definitions = Array.from({ length: count }, (_, index) => `[^${index + 1}]: [[${name} ${index + 1}]]`).join("\n");
	return `${body}\n\n${definitions}\n`;
}

const moreButton = (root: HTMLElement, id: string) => root.querySelector<HTMLButtonElement>(`.citation-auditor-section-${id} .citation-auditor-show-more`);

describe("a section longer than the panel shows", () => {
	it("shows its first rows, the whole count, and a button that shows the rest; another note is cut again", async () => {
		const total = ROWS_SHOWN + 37;
		const { app, plugin } = await loadCitationAuditor({ files: { "Long.md": longNote(total, "Missing"), "Other.md": longNote(total, "Absent") } });
		try {
			await openNote(app, "Long.md");
			await runCommand(app, "audit-citations");
			const panel = panelOf(app);
			expect(sectionsOf(panel)).toContainEqual({ title: "Unresolved", count: String(total) });
			const shown = sectionRows(panel, "unresolved");
			expect(shown).toHaveLength(ROWS_SHOWN);
			// The first rows, in order: [^1] … [^100].
			expect(shown.map((row) => rowSummary(row).labels)).toEqual(Array.from({ length: ROWS_SHOWN }, (_, index) => `[^${index + 1}]`));
			const more = moreButton(panel.rootEl, "unresolved");
			expect(more?.textContent).toBe("Show 37 more");
			click(more!);
			expect(sectionRows(panel, "unresolved").map((row) => rowSummary(row).labels)).toEqual(Array.from({ length: total }, (_, index) => `[^${index + 1}]`));
			expect(moreButton(panel.rootEl, "unresolved")).toBeNull();

			await openNote(app, "Other.md");
			await runCommand(app, "audit-citations");
			await idle(app);
			expect(sectionRows(panel, "unresolved")).toHaveLength(ROWS_SHOWN);
			expect(moreButton(panel.rootEl, "unresolved")?.textContent).toBe("Show 37 more");
		} finally {
			await unloadPlugin(plugin);
		}
	});

	it("a short section shows every row and no button", async () => {
		const { app, plugin } = await loadCitationAuditor({ files: { "Short.md": longNote(3, "Missing") } });
		try {
			await openNote(app, "Short.md");
			await runCommand(app, "audit-citations");
			const panel = panelOf(app);
			expect(sectionRows(panel, "unresolved")).toHaveLength(3);
			expect(moreButton(panel.rootEl, "unresolved")).toBeNull();
		} finally {
			await unloadPlugin(plugin);
		}
	});
});
