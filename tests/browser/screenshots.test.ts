/**
 * The README's pictures of the panel: the example essay's audit in a 300-pixel sidebar, light and dark.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Theme } from "./harness/api";
import { launchChromium, openHarness } from "./support/page";

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
