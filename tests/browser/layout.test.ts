/**
 * What the panel does with hostile or unwieldy note text in Chromium: a long note title and a 300-character
 * target wrap inside a narrow sidebar instead of overflowing it, and markup in titles, targets, labels and
 * messages is shown as text, never parsed.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/types";
import type { PanelState } from "../../src/plugin/panel/citation-panel";
import { launchChromium, openHarness } from "./support/page";

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
afterEach(() => {
	expect(problems).toEqual([]);
});

function finding(overrides: Partial<Finding> & Pick<Finding, "kind" | "severity" | "message">): Finding {
	return { line: 12, column: 3, offset: 400, length: 20, ...overrides };
}

// No spaces or hyphens: nothing a browser would break a line at on its own.
const LONG_WORD = "ProvenanceAndCustodyOfBornDigitalRecordsInCommunityArchivesAfterPlatformShutdowns";
const LONG_TITLE = `On the fragility of digital archives ${LONG_WORD}`;
const LONG_TARGET = `Sources/${"PreservationOfTheRecord".repeat(14)}`.slice(0, 300);
const MANY_LABELS = Array.from({ length: 24 }, (_, i) => `source-${i + 1}`);

const LONG_STATE: PanelState = {
	kind: "note",
	noteName: LONG_TITLE,
	notePath: `Essays/${LONG_TITLE}.md`,
	stats: { definitions: 24, references: 24, citedNotes: 1, citekeys: 0, citedWorks: 0 },
	findings: [
		finding({ kind: "unresolved-target", severity: "error", labels: ["1"], target: LONG_TARGET, message: `[^1] cites "${LONG_TARGET}", which matches no file in the vault` }),
		finding({ kind: "duplicate-source", severity: "warning", labels: MANY_LABELS, target: LONG_TARGET, resolved: `${LONG_TARGET}.md`, offset: 900, message: `${MANY_LABELS.length} footnotes cite the same source` }),
		finding({ kind: "no-vault-link", severity: "info", labels: [LONG_WORD], target: `https://example.org/${LONG_WORD}/${LONG_WORD}`, offset: 1200, message: `[^${LONG_WORD}] cites only an external URL` }),
	],
};

interface Overflow {
	leaf: { scrollWidth: number; clientWidth: number };
	/** Elements whose box sticks out to the right of the leaf's content box. */
	outside: string[];
	titleLines: number;
	targetLines: number;
}

function measure(p: Page): Promise<Overflow> {
	return p.evaluate(() => {
		const leaf = document.querySelector<HTMLElement>(".harness-leaf")!;
		const right = leaf.getBoundingClientRect().left + leaf.clientLeft + leaf.clientWidth;
		const outside = Array.from(leaf.querySelectorAll<HTMLElement>("*"))
			.filter((el) => el.getBoundingClientRect().right > right + 0.5)
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
		const lines = (el: Element | null) => {
			if (!el) return 0;
			const range = document.createRange();
			range.selectNodeContents(el);
			return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
		};
		return {
			leaf: { scrollWidth: leaf.scrollWidth, clientWidth: leaf.clientWidth },
			outside,
			titleLines: lines(document.querySelector(".citation-auditor-title")),
			targetLines: lines(document.querySelector(".citation-auditor-target")),
		};
	});
}

describe("long text", () => {
	for (const width of [300, 220]) {
		it(`a long title wraps and a 300-character target is cut to one line inside a ${width}px sidebar`, async () => {
			expect(LONG_TARGET).toHaveLength(300);
			await page.evaluate(({ state, width }) => window.__harness.mount(state, { width, actions: "sample" }), { state: LONG_STATE, width });
			const result = await measure(page);
			expect(result.leaf.clientWidth).toBe(width);
			expect(result.leaf.scrollWidth).toBeLessThanOrEqual(result.leaf.clientWidth);
			expect(result.outside).toEqual([]);
			// The title wraps; a compact row keeps the target on its one line, cut with an ellipsis, the whole
			// target in its title attribute.
			expect(result.titleLines).toBeGreaterThan(1);
			expect(result.targetLines).toBe(1);
			expect(await page.locator(".citation-auditor-target").first().evaluate((el) => [getComputedStyle(el).textOverflow, el.scrollWidth > el.clientWidth])).toEqual(["ellipsis", true]);
			expect(await page.locator(".citation-auditor-target").first().getAttribute("title")).toBe(LONG_TARGET);
			expect(await page.locator(".citation-auditor-title").textContent()).toBe(LONG_TITLE);
			expect(await page.locator(".citation-auditor-target").first().textContent()).toBe(LONG_TARGET);
		});
	}

	it("an error about a long note wraps too", async () => {
		await page.evaluate((name) => window.__harness.mount({ kind: "error", noteName: name, message: `cannot read ${name}` }), LONG_TITLE);
		const result = await measure(page);
		expect(result.leaf.scrollWidth).toBeLessThanOrEqual(result.leaf.clientWidth);
		expect(result.outside).toEqual([]);
		expect(result.titleLines).toBeGreaterThan(1);
	});
});

describe("note text is text", () => {
	const IMG = "<img src=x onerror=alert(1)>";
	const SCRIPT = "<script>alert(2)</script>";
	const BOLD = "<b>bold</b><iframe src=x></iframe>";

	it("titles, targets, labels and messages that look like HTML render as text", async () => {
		const state: PanelState = {
			kind: "note",
			noteName: IMG,
			notePath: `${IMG}.md`,
			stats: { definitions: 2, references: 2, citedNotes: 1, citekeys: 0, citedWorks: 0 },
			findings: [
				finding({ kind: "unresolved-target", severity: "error", labels: [BOLD], target: IMG, message: `${SCRIPT} ${IMG}` }),
				finding({ kind: "duplicate-source", severity: "warning", labels: ["1", "2"], target: SCRIPT, resolved: `${IMG}.md`, offset: 800, message: BOLD }),
			],
		};
		await page.evaluate((s) => window.__harness.mount(s, { actions: "sample" }), state);
		await page.waitForTimeout(100); // give an injected onerror handler the chance to fire
		const rendered = await page.evaluate(() => {
			const leaf = document.querySelector(".harness-leaf")!;
			const text = (selector: string) => Array.from(leaf.querySelectorAll(selector), (el) => el.textContent);
			return {
				injected: leaf.querySelectorAll("img, script, b, iframe").length,
				title: text(".citation-auditor-title"),
				targets: text(".citation-auditor-target"),
				labels: text(".citation-auditor-labels"),
				messages: text(".citation-auditor-message"),
				linkHref: leaf.querySelector("a")?.getAttribute("data-href"),
			};
		});
		expect(rendered).toEqual({
			injected: 0,
			title: [IMG],
			targets: [IMG, SCRIPT],
			labels: [`[^${BOLD}]`, "[^1] [^2]"],
			messages: [`${SCRIPT} ${IMG}`, BOLD],
			linkHref: `${IMG}.md`,
		});
		await page.locator("a.citation-auditor-target-link").click();
		expect(await page.evaluate(() => window.__events.filter((event) => event.type === "open-target"))).toEqual([
			{ type: "open-target", path: `${IMG}.md`, newTab: false, keyboard: false },
		]);
	});

	it("an error message and an empty-state message that look like HTML render as text", async () => {
		await page.evaluate((html) => window.__harness.mount({ kind: "error", noteName: html, message: html }), IMG);
		expect(await page.locator(".harness-leaf img").count()).toBe(0);
		expect(await page.locator(".citation-auditor-message-box").textContent()).toBe(`This note could not be audited: ${IMG}`);
		await page.evaluate((html) => window.__harness.setState({ kind: "empty", message: html }), SCRIPT);
		expect(await page.locator(".harness-leaf script").count()).toBe(0);
		expect(await page.locator(".citation-auditor-message-box").textContent()).toBe(SCRIPT);
	});
});

describe("density", () => {
	// Issue 13 measured the first panel at about 125 CSS px per finding in a 300 px sidebar (13 findings in
	// about 1,680 px). Compact rows must fit at least twice as many findings in the same height.
	const BEFORE_PX_PER_FINDING = 125;

	it("the essay's findings take at most half the height per finding they took, every section open", async () => {
		await page.evaluate(() => window.__harness.mount(undefined, { width: 300 }));
		const measured = await page.evaluate(() => {
			document.querySelectorAll("details").forEach((el) => (el.open = true));
			(document.activeElement as HTMLElement | null)?.blur();
			const body = document.querySelector<HTMLElement>(".citation-auditor-body")!;
			const rows = Array.from(document.querySelectorAll<HTMLElement>(".citation-auditor-row"));
			return { height: body.getBoundingClientRect().height, findings: rows.length, tallestRow: Math.max(...rows.map((row) => row.getBoundingClientRect().height)) };
		});
		const perFinding = measured.height / measured.findings;
		console.log(`panel density: ${measured.findings} findings in ${Math.round(measured.height)} px = ${perFinding.toFixed(1)} px per finding (was about ${BEFORE_PX_PER_FINDING})`);
		expect(measured.findings).toBeGreaterThan(10);
		expect(perFinding).toBeLessThanOrEqual(BEFORE_PX_PER_FINDING / 2);
		// Collapsed, every row is one line.
		expect(measured.tallestRow).toBeLessThan(32);
	});

	it("keyboard focus or a click on a row shows its message and actions; hovering shows the message as its title", async () => {
		await page.evaluate(() => {
			window.__harness.mount(undefined, { width: 300 });
			(document.activeElement as HTMLElement | null)?.blur();
		});
		const row = page.locator(".citation-auditor-row").first();
		const details = row.locator(".citation-auditor-row-details");
		expect(await details.isVisible()).toBe(false);
		expect(await row.getAttribute("title")).toBe(await details.locator(".citation-auditor-message").textContent());
		for (let i = 0; i < 3; i++) await page.keyboard.press("Tab"); // Re-audit, the first section, its first row
		expect(await details.isVisible()).toBe(true);
		expect(await row.locator("button").first().isVisible()).toBe(true);
		await page.evaluate(() => (document.activeElement as HTMLElement).blur());
		expect(await details.isVisible()).toBe(false);
		await row.locator(".citation-auditor-line").click();
		await page.evaluate(() => (document.activeElement as HTMLElement).blur());
		expect(await details.isVisible()).toBe(true);
		await page.locator(".citation-auditor-row").nth(1).locator(".citation-auditor-line").click();
		expect(await details.isVisible()).toBe(false);
	});
});
