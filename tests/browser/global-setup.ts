/**
 * Runs once before the browser suite: fails at once when Chromium is missing, then bundles the harness
 * page into tests/browser/.artifacts/.
 */
import { buildHarness } from "./harness/build";
import { requireChromium } from "./support/chromium";

export default async function setup(): Promise<void> {
	requireChromium();
	await buildHarness();
}
