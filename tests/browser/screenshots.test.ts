/**
 * The README's pictures: the example essay's audit in a 300-pixel sidebar (the panel), and the essay in the
 * editor with its problems underlined and the tooltip of one open (the editor extension), light and dark.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Theme } from "./harness/api";
import { ESSAY_PATH, readExampleVault } from "./harness/essay-audit";
import { launchChromium, openEditorHarness, openHarness } from "./support/page";

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
	const data = readFileSync(file);
	expect(data.subarray(1, 4).toString("latin1")).toBe("PNG");
	return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe("screenshots for the README", () => {
	for (const theme of ["light", "dark"] as Theme[]) {
		it(`docs/panel-${theme}.png shows the essay's panel in the ${theme} theme`, async () => {
			const { page, problems } = await openHarness(browser, { theme }, 2);
			const file = fileURLToPath(new URL(`../../docs/panel-${theme}.png`, import.meta.url));
			const leaf = page.locator(".harness-leaf");
			await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
			await leaf.screenshot({ path: file, animations: "disabled" });
			const box = (await leaf.boundingBox())!;
			const size = pngSize(file);
			expect(size.width).toBe(Math.round(box.width * 2));
			expect(Math.abs(size.height - box.height * 2)).toBeLessThanOrEqual(2);
			expect(problems).toEqual([]);
			await page.context().close();
		});
	}
});

/** The definition whose tooltip the editor pictures show: a citation of a misspelt note, with a did-you-mean. */
const HOVERED = "[[Teh Printing Press and Its Discontents|The Printing Press and Its Discontents]]";

describe("editor screenshots for the README", () => {
	for (const theme of ["light", "dark"] as Theme[]) {
		it(`docs/editor-${theme}.png shows the essay underlined in the editor, a tooltip open, in the ${theme} theme`, async () => {
			const { page, problems } = await openEditorHarness(browser, 2);
			await page.setViewportSize({ width: 760, height: 1800 });
			const text = readExampleVault().notes[ESSAY_PATH];
			await page.evaluate((opts) => window.__editor.open(opts), { text, path: ESSAY_PATH, theme, width: 720, liveAuditDelay: null });
			await page.waitForFunction(() => window.__editor.audits() > 0);
			const point = await page.evaluate((wanted) => {
				const mark = Array.from(document.querySelectorAll(".cm-content .citation-auditor-mark")).find((el) => el.textContent === wanted)!;
				const rect = mark.getClientRects()[0];
				return { x: rect.left + rect.width / 3, y: rect.top + rect.height / 2 };
			}, HOVERED);
			await page.mouse.move(point.x, point.y, { steps: 3 });
			await page.waitForSelector(".cm-tooltip-hover .citation-auditor-tooltip-suggestions");
			// The essay from its first heading down to a few definitions after the hovered one.
			const region = await page.evaluate(() => {
				const host = document.querySelector(".harness-editor")!.getBoundingClientRect();
				const tooltip = document.querySelector(".cm-tooltip-hover")!.getBoundingClientRect();
				const line = (start: string) => Array.from(document.querySelectorAll(".cm-line")).find((el) => el.textContent?.startsWith(start))!.getBoundingClientRect();
				const top = Math.min(line("# ").top, tooltip.top) - 12;
				const bottom = Math.max(tooltip.bottom, line("[^12]:").bottom) + 4;
				return { x: host.left, y: top, width: host.width, height: bottom - top, tooltip: { top: tooltip.top, bottom: tooltip.bottom, left: tooltip.left, right: tooltip.right } };
			});
			// The tooltip is whole inside the picture.
			expect(region.tooltip.top).toBeGreaterThanOrEqual(region.y);
			expect(region.tooltip.bottom).toBeLessThanOrEqual(region.y + region.height);
			expect(region.tooltip.left).toBeGreaterThanOrEqual(region.x);
			expect(region.tooltip.right).toBeLessThanOrEqual(region.x + region.width);
			const file = fileURLToPath(new URL(`../../docs/editor-${theme}.png`, import.meta.url));
			await page.screenshot({ path: file, clip: { x: region.x, y: region.y, width: region.width, height: region.height }, animations: "disabled" });
			const size = pngSize(file);
			expect(size.width).toBe(Math.round(region.width * 2));
			expect(problems).toEqual([]);
			await page.context().close();
		});
	}
});
