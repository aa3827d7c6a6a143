/**
 * Launching Chromium and opening the harness page, for the browser tests. The page is served from the
 * repository through Playwright's request interception on a reserved host (`.invalid` never resolves), so
 * the page, the stand-in CSS and the real styles.css share one origin and nothing reaches the network.
 */
import { existsSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { EDITOR_HTML, HARNESS_HTML } from "../harness/build";
import type { MountOptions } from "../harness/api";
import { CHROMIUM_ARGS, requireChromium } from "./chromium";

const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const HARNESS_ORIGIN = "http://citation-auditor.invalid";
const urlOf = (file: string) => `${HARNESS_ORIGIN}/${relative(REPO_ROOT, file).split(sep).join("/")}`;
export const HARNESS_URL = urlOf(HARNESS_HTML);
export const EDITOR_URL = urlOf(EDITOR_HTML);

/** The repository file a harness URL names, or null outside the repository. */
function repositoryFile(url: string): string | null {
	const file = resolve(REPO_ROOT, `.${decodeURIComponent(new URL(url).pathname)}`);
	return file.startsWith(REPO_ROOT) && existsSync(file) && statSync(file).isFile() ? file : null;
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
}

export interface HarnessPage {
	page: Page;
	/** Uncaught errors, console errors and dialogs (alert …) the page produced: tests expect none. */
	problems: string[];
}

/** A new page (own context) on the harness, showing the essay with `options`. */
export async function openHarness(browser: Browser, options: MountOptions = {}, deviceScaleFactor = 1): Promise<HarnessPage> {
	const { page, problems } = await newPage(browser, { width: 420, height: 1600 }, deviceScaleFactor);
	const params = new URLSearchParams();
	if (options.theme) params.set("theme", options.theme);
	if (options.surface) params.set("surface", options.surface);
	if (options.width !== undefined) params.set("width", String(options.width));
	if (options.actions) params.set("actions", options.actions);
	await page.goto(`${HARNESS_URL}?${params.toString()}`);
	await page.waitForSelector(".citation-auditor-panel");
	return { page, problems };
}

/** A new page (own context) on the editor harness; `window.__editor.open(…)` shows a note. */
export async function openEditorHarness(browser: Browser, deviceScaleFactor = 1): Promise<HarnessPage> {
	const harness = await newPage(browser, { width: 900, height: 900 }, deviceScaleFactor);
	await harness.page.goto(EDITOR_URL);
	await harness.page.waitForFunction(() => window.__editor !== undefined);
	return harness;
}

async function newPage(browser: Browser, viewport: { width: number; height: number }, deviceScaleFactor: number): Promise<HarnessPage> {
	const context = await browser.newContext({ viewport, deviceScaleFactor });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
	page.on("console", (message) => {
		if (message.type() === "error") problems.push(`console error: ${message.text()}`);
	});
	// Every request but the harness origin's is refused (and reported): the panel must not fetch anything.
	await context.route("**/*", async (route) => {
		problems.push(`network request: ${route.request().url()}`);
		await route.abort();
	});
	await context.route(`${HARNESS_ORIGIN}/**`, async (route) => {
		const file = repositoryFile(route.request().url());
		if (file) await route.fulfill({ path: file });
		else await route.fulfill({ status: 404, body: "not found" });
	});
	page.on("dialog", (dialog) => {
		problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
		void dialog.dismiss();
	});
	return { page, problems };
}
