/**
 * Keyboard use of the real panel in Chromium: Tab walks the controls and rows in reading order, the arrow
 * keys (and Home/End) move between rows across sections, Enter or Space jumps, Enter on a target opens it,
 * and a re-audit does not steal focus from the row the writer is on.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/types";
import { auditEssay } from "./harness/essay-audit";
import { expectedOpenRowOrder, expectedSections, startsCollapsed } from "./support/expected";
import { launchChromium, openHarness } from "./support/page";

const essay = auditEssay();
/** The rows of the sections that start open (info-only sections start collapsed and are skipped). */
const rowsInOrder = expectedOpenRowOrder(essay.findings);

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
	browser = await launchChromium();
	({ page, problems } = await openHarness(browser));
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	await page.evaluate(() => {
		window.__harness.mount();
		(document.activeElement as HTMLElement | null)?.blur();
	});
});
afterEach(() => {
	expect(problems).toEqual([]);
});

/** What has focus, in words the expectations below use. */
function focused(p: Page): Promise<string> {
	return p.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return "body";
		if (el.classList.contains("citation-auditor-row")) return `row ${el.dataset.kind} @${window.__harness.rowOffset(el)}`;
		if (el.tagName === "SUMMARY") return `section ${el.firstElementChild?.textContent}`;
		if (el.tagName === "A") return `link ${el.dataset.href}`;
		if (el.tagName === "BUTTON") return `button ${el.textContent}`;
		return `${el.tagName.toLowerCase()}.${el.className}`;
	});
}

const rowName = (finding: Finding) => `row ${finding.kind} @${finding.offset}`;
const jumpTo = (finding: Finding) => ({ type: "jump", kind: finding.kind, offset: finding.offset, length: finding.length, line: finding.line });

describe("keyboard", () => {
	it("Tab moves through the Re-audit button, each section heading, each row, its target link and its fix buttons in order", async () => {
		// A row's buttons are built when it is first reached (lazy-row-actions.ts): focus in each row first, as
		// Tab will, to know them.
		const buttons = await page.locator(".citation-auditor-row").evaluateAll((rows) =>
			rows.map((el) => {
				el.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
				return Array.from(el.querySelectorAll("button"), (button) => `button ${button.textContent}`);
			}),
		);
		expect(buttons.flat().length).toBeGreaterThan(0);
		const expected = ["button Re-audit"];
		let rowIndex = 0;
		for (const section of expectedSections(essay.findings)) {
			expected.push(`section ${section.title}`);
			for (const finding of section.findings) {
				const rowButtons = buttons[rowIndex++];
				if (startsCollapsed(section)) continue;
				// A focused compact row shows its actions, so Tab goes from the row into them.
				expected.push(rowName(finding));
				if (finding.resolved) expected.push(`link ${finding.resolved}`);
				expected.push(...rowButtons);
			}
		}
		const visited: string[] = [];
		for (let i = 0; i < expected.length; i++) {
			await page.keyboard.press("Tab");
			visited.push(await focused(page));
		}
		expect(visited).toEqual(expected);
		// Shift+Tab walks back: from the last (collapsed) section heading to the last open row, whose actions
		// show again once it has focus.
		expect(expected.at(-1)).toMatch(/^section /);
		await page.keyboard.press("Shift+Tab");
		expect(await focused(page)).toBe(rowName(rowsInOrder.at(-1)!));
		await page.keyboard.press("Tab");
		expect(await focused(page)).toBe(expected[expected.indexOf(rowName(rowsInOrder.at(-1)!)) + 1]);
	});

	it("ArrowDown and ArrowUp move focus row by row across sections; Home and End go to the ends", async () => {
		await page.locator(".citation-auditor-row").first().focus();
		const down: string[] = [await focused(page)];
		for (let i = 1; i < rowsInOrder.length; i++) {
			await page.keyboard.press("ArrowDown");
			down.push(await focused(page));
		}
		expect(down).toEqual(rowsInOrder.map(rowName));
		await page.keyboard.press("ArrowDown");
		expect(await focused(page)).toBe(rowName(rowsInOrder.at(-1)!));
		const up: string[] = [];
		for (let i = 1; i < rowsInOrder.length; i++) {
			await page.keyboard.press("ArrowUp");
			up.push(await focused(page));
		}
		expect(up).toEqual(rowsInOrder.slice(0, -1).map(rowName).reverse());
		await page.keyboard.press("ArrowUp");
		expect(await focused(page)).toBe(rowName(rowsInOrder[0]));
		await page.keyboard.press("End");
		expect(await focused(page)).toBe(rowName(rowsInOrder.at(-1)!));
		await page.keyboard.press("Home");
		expect(await focused(page)).toBe(rowName(rowsInOrder[0]));
		// Moving is not choosing: nothing jumped.
		expect(await page.evaluate(() => window.__events)).toEqual([]);
	});

	it("Enter on a row jumps to its finding; so does Space", async () => {
		await page.locator(".citation-auditor-row").first().focus();
		for (const [index, finding] of rowsInOrder.entries()) {
			await page.keyboard.press(index % 2 === 0 ? "Enter" : " ");
			expect((await page.evaluate(() => window.__events)).at(-1)).toEqual(jumpTo(finding));
			await page.keyboard.press("ArrowDown");
		}
		expect(await page.evaluate(() => window.__events.length)).toBe(rowsInOrder.length);
	});

	it("Tab then Enter from the top reaches and jumps to the first row", async () => {
		await page.keyboard.press("Tab"); // Re-audit
		await page.keyboard.press("Tab"); // first section heading
		await page.keyboard.press("Tab"); // first row
		await page.keyboard.press("Enter");
		expect(await page.evaluate(() => window.__events)).toEqual([jumpTo(rowsInOrder[0])]);
	});

	it("Enter on a focused target link opens the target without jumping", async () => {
		const index = rowsInOrder.findIndex((finding) => finding.resolved);
		await page.locator(".citation-auditor-row").nth(index).locator("a").focus();
		await page.keyboard.press("Enter");
		expect(await page.evaluate(() => window.__events)).toEqual([{ type: "open-target", path: rowsInOrder[index].resolved, newTab: false, keyboard: true }]);
	});

	it("keyboard focus shows a focus ring on the row", async () => {
		await page.locator(".citation-auditor-row").first().focus();
		await page.keyboard.press("ArrowDown");
		const ring = await page.evaluate(() => {
			const style = getComputedStyle(document.activeElement!);
			return { style: style.outlineStyle, width: style.outlineWidth, focusVisible: document.activeElement!.matches(":focus-visible") };
		});
		expect(ring).toEqual({ style: "solid", width: "2px", focusVisible: true });
	});

	it("a re-audit that only moves findings keeps focus on the same row without rebuilding rows", async () => {
		const index = 3;
		await page.locator(".citation-auditor-row").nth(index).focus();
		const before = await page.evaluate(() => {
			(document.activeElement as HTMLElement & { __marker?: boolean }).__marker = true;
			return window.__harness.rowBuilds();
		});
		// The writer typed ten characters above every finding.
		const moved = essay.findings.map((finding) => ({ ...finding, offset: finding.offset + 10 }));
		await page.evaluate((findings) => {
			const { noteName, notePath, stats } = window.__harness.essay;
			window.__harness.setState({ kind: "note", noteName, notePath, stats, findings });
		}, moved);
		expect(await page.evaluate(() => (document.activeElement as HTMLElement & { __marker?: boolean }).__marker)).toBe(true);
		expect(await page.evaluate(() => window.__harness.rowBuilds())).toBe(before);
		await page.keyboard.press("Enter");
		expect(await page.evaluate(() => window.__events)).toEqual([{ ...jumpTo(rowsInOrder[index]), offset: rowsInOrder[index].offset + 10 }]);
	});
});
