/**
 * Accessibility of the editor's problem tooltip in Chromium, light and dark: an axe-core scan (WCAG 2.x A/AA
 * and best practices) of the open tooltip, on hover and opened from the keyboard (focused), finds no
 * violation at all, and its contrast rule really looked at the tooltip's text.
 */
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Theme } from "./harness/api";
import { NOTE, NOTE_PATH } from "./support/editor-fixture";
import { launchChromium, openEditorHarness } from "./support/page";

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));

interface AxeResult {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; failureSummary?: string }[];
}
interface AxeApi {
	run(context: Element, options: object): Promise<{ violations: AxeResult[]; passes: AxeResult[] }>;
}

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
	browser = await launchChromium();
	({ page, problems } = await openEditorHarness(browser));
	await page.addScriptTag({ path: AXE });
});
afterAll(async () => {
	await browser?.close();
});

async function open(theme: Theme): Promise<void> {
	await page.evaluate((opts) => window.__editor.open(opts), { text: NOTE, path: NOTE_PATH, theme, liveAuditDelay: null });
	await page.waitForFunction(() => window.__editor.audits() > 0);
}

/** axe on the open tooltip (its outermost `.cm-tooltip`): every violation, and how many nodes the contrast rule checked. */
async function axeOnTooltip(): Promise<{ violations: string[]; contrastChecked: number }> {
	// CodeMirror draws a tooltip first and places it in its next measure cycle (off screen until then, where axe
	// cannot compute contrast): wait until it stands inside the window.
	await page.waitForFunction(() => {
		const el = document.querySelector(".citation-auditor-tooltip");
		const rect = el?.getBoundingClientRect();
		return rect !== undefined && rect.width > 0 && rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
	});
	return page.evaluate(async () => {
		const tooltip = document.querySelector(".citation-auditor-tooltip")!.closest(".cm-tooltip-hover") ?? document.querySelector(".citation-auditor-tooltip")!;
		const result = await (window as unknown as { axe: AxeApi }).axe.run(tooltip, {
			runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
		});
		return {
			violations: result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join("; ")}`),
			contrastChecked: result.passes.find((rule) => rule.id === "color-contrast")?.nodes.length ?? 0,
		};
	});
}

for (const theme of ["light", "dark"] as Theme[]) {
	describe(`${theme} theme`, () => {
		it("axe-core finds no violation in the hover tooltip (message, suggestions, three actions)", async () => {
			await open(theme);
			const point = await page.evaluate(() => {
				const mark = Array.from(document.querySelectorAll(".cm-content .citation-auditor-mark")).find((el) => el.textContent === "[[Why Link Rot]]")!;
				const rect = mark.getClientRects()[0];
				return { x: rect.left + 8, y: rect.top + rect.height / 2 };
			});
			await page.mouse.move(1, 1);
			await page.mouse.move(point.x, point.y, { steps: 3 });
			await page.waitForSelector(".cm-tooltip-hover .citation-auditor-tooltip-suggestions");
			const { violations, contrastChecked } = await axeOnTooltip();
			expect(violations).toEqual([]);
			expect(contrastChecked).toBeGreaterThanOrEqual(4);
			expect(problems).toEqual([]);
			await page.mouse.move(1, 1);
		});

		it("axe-core finds no violation in the tooltip opened from the keyboard, its first action focused", async () => {
			await open(theme);
			const text = await page.evaluate(() => window.__editor.text());
			await page.evaluate((offset) => window.__editor.setCursor(offset), text.indexOf("[^unused]") + 2);
			await page.keyboard.press("Control+Alt+p");
			await page.waitForSelector(".citation-auditor-tooltip");
			expect(await page.evaluate(() => document.activeElement?.closest(".citation-auditor-tooltip") !== null)).toBe(true);
			const { violations, contrastChecked } = await axeOnTooltip();
			expect(violations).toEqual([]);
			expect(contrastChecked).toBeGreaterThanOrEqual(3);
			expect(problems).toEqual([]);
			await page.keyboard.press("Escape");
		});
	});
}
