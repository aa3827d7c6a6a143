/**
 * The real panel in Chromium, fed the example essay's audit: the page shows the engine's findings, every
 * section and row is there with the right counts and text, and clicks report the right targets.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/types";
import type { Theme } from "./harness/api";
import { fixesForFinding } from "../../src/core/fixes/index";
import { auditEssay, ESSAY_PATH, readExampleVault } from "./harness/essay-audit";
import { auditVaultNote, vaultResolver } from "./harness/vault-audit";
import { expectedRowOrder, expectedSections, startsCollapsed } from "./support/expected";
import { HARNESS_ORIGIN, launchChromium, openHarness } from "./support/page";

const STYLES_CSS = fileURLToPath(new URL("../../styles.css", import.meta.url));
const essay = auditEssay();
const rowsInOrder = expectedRowOrder(essay.findings);

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
	await page.evaluate(() => window.__harness.mount());
});
afterEach(() => {
	expect(problems).toEqual([]);
});

const events = (p: Page) => p.evaluate(() => window.__events);
const row = (index: number) => page.locator(".citation-auditor-row").nth(index);
/** Opens the sections that start collapsed, so every row can be clicked. */
const openAllSections = (p: Page) => p.evaluate(() => document.querySelectorAll("details").forEach((el) => (el.open = true)));

describe("the harness", () => {
	it("shows the real engine's audit of the example essay and loads the project's styles.css", async () => {
		expect(await page.evaluate(() => window.__harness.essay)).toEqual(essay);
		expect(essay.findings.length).toBeGreaterThan(0);
		const sheets = await page.evaluate(() =>
			Array.from(document.styleSheets, (sheet) => ({ href: sheet.href, selectors: Array.from(sheet.cssRules, (rule) => (rule as CSSStyleRule).selectorText) })),
		);
		const realStyles = sheets.find((sheet) => sheet.href === `${HARNESS_ORIGIN}/styles.css`);
		expect(realStyles?.selectors).toContain(".citation-auditor-panel");
		expect(realStyles?.selectors).toContain(".citation-auditor-row");
		expect(await page.locator(".citation-auditor-panel").evaluate((el) => getComputedStyle(el).display)).toBe("flex");
	});

	for (const theme of ["light", "dark"] as Theme[]) {
		it(`defines every CSS variable styles.css uses in the ${theme} theme`, async () => {
			const names = [...new Set(Array.from(readFileSync(STYLES_CSS, "utf8").matchAll(/var\((--[\w-]+)/g), (match) => match[1]))];
			expect(names.length).toBeGreaterThan(10);
			await page.evaluate((t) => window.__harness.mount(undefined, { theme: t }), theme);
			const values = await page.locator(".citation-auditor-panel").evaluate(
				(el, list) => Object.fromEntries(list.map((name) => [name, getComputedStyle(el).getPropertyValue(name).trim()])),
				names,
			);
			const undefinedNames = Object.entries(values).filter(([, value]) => value === "").map(([name]) => name);
			expect(undefinedNames).toEqual([]);
			expect(await page.evaluate(() => document.body.className)).toBe(`theme-${theme}`);
		});
	}
});

describe("sections and rows", () => {
	it("renders one section per group of findings, in order, with the right titles and counts", async () => {
		const expected = expectedSections(essay.findings).map((section) => ({ title: section.title, count: String(section.findings.length), rows: section.findings.length }));
		const actual = await page.locator(".citation-auditor-section").evaluateAll((sections) =>
			sections.map((section) => ({
				title: section.querySelector("summary > span:first-child")?.textContent ?? "",
				count: section.querySelector(".citation-auditor-count")?.textContent ?? "",
				rows: section.querySelectorAll(".citation-auditor-row").length,
			})),
		);
		expect(actual).toEqual(expected);
		expect(await page.locator(".citation-auditor-row").count()).toBe(essay.findings.length);
		// Info-only sections start collapsed; the others open.
		const open = expectedSections(essay.findings).filter((section) => !startsCollapsed(section)).length;
		expect(open).toBeGreaterThan(0);
		expect(await page.locator("details.citation-auditor-section[open]").count()).toBe(open);
	});

	it("shows the note's name and totals", async () => {
		expect(await page.locator(".citation-auditor-title").textContent()).toBe(essay.noteName);
		const errors = essay.findings.filter((finding) => finding.severity === "error").length;
		const warnings = essay.findings.filter((finding) => finding.severity === "warning").length;
		const totals = await page.locator(".citation-auditor-totals").textContent();
		expect(totals).toContain(`${essay.stats.definitions} footnotes`);
		expect(totals).toContain(`${essay.stats.citedNotes} cited notes`);
		expect(totals).toContain(`${errors} error`);
		expect(totals).toContain(`${warnings} warning`);
	});

	it("gives every row its labels, target, line, message and severity", async () => {
		const actual = await page.locator(".citation-auditor-row").evaluateAll((rows) =>
			rows.map((el) => ({
				kind: el.dataset.kind,
				offset: window.__harness.rowOffset(el),
				severity: ["error", "warning", "info"].find((s) => el.classList.contains(`citation-auditor-${s}`)),
				labels: el.querySelector(".citation-auditor-labels")?.textContent ?? null,
				target: el.querySelector(".citation-auditor-target")?.textContent ?? null,
				link: el.querySelector("a.citation-auditor-target-link")?.getAttribute("data-href") ?? null,
				line: el.querySelector(".citation-auditor-line")?.textContent,
				message: el.querySelector(".citation-auditor-message")?.textContent,
				ariaLabel: el.getAttribute("aria-label") ?? "",
				tabindex: el.getAttribute("tabindex"),
			})),
		);
		expect(actual.map(({ ariaLabel: _, ...rest }) => rest)).toEqual(
			rowsInOrder.map((finding: Finding) => ({
				kind: finding.kind,
				offset: finding.offset,
				severity: finding.severity,
				labels: finding.labels ? finding.labels.map((label) => `[^${label}]`).join(" ") : null,
				target: finding.target ?? null,
				link: finding.resolved ?? null,
				line: `Line ${finding.line}`,
				message: finding.message,
				tabindex: "0",
			})),
		);
		actual.forEach(({ ariaLabel }, index) => {
			const finding = rowsInOrder[index];
			expect(ariaLabel.startsWith(`${finding.severity}: ${finding.message}`)).toBe(true);
			expect(ariaLabel.endsWith(`line ${finding.line}`)).toBe(true);
		});
	});
});

describe("clicks", () => {
	beforeEach(async () => {
		await openAllSections(page);
	});

	it("clicking a row reports a jump to that finding's offset and length", async () => {
		for (const [index, finding] of rowsInOrder.entries()) {
			await row(index).locator(".citation-auditor-line").click();
			expect((await events(page)).at(-1), `row ${index} (${finding.kind}, line ${finding.line})`).toEqual({
				type: "jump",
				kind: finding.kind,
				offset: finding.offset,
				length: finding.length,
				line: finding.line,
			});
		}
		expect(await events(page)).toHaveLength(rowsInOrder.length);
	});

	it("clicking a resolved target opens it (a new tab with Ctrl) and does not jump; hovering previews it", async () => {
		const resolvedRows = rowsInOrder.map((finding, index) => ({ finding, index })).filter(({ finding }) => finding.resolved);
		expect(resolvedRows.length).toBeGreaterThan(0);
		for (const { finding, index } of resolvedRows) {
			await page.evaluate(() => (window.__events = []));
			const link = row(index).locator("a.citation-auditor-target-link");
			await link.click();
			await link.click({ modifiers: ["Control"] });
			const recorded = await events(page);
			expect(recorded.filter((event) => event.type !== "hover-target")).toEqual([
				{ type: "open-target", path: finding.resolved, newTab: false, keyboard: false },
				{ type: "open-target", path: finding.resolved, newTab: true, keyboard: false },
			]);
			expect(recorded).toContainEqual({ type: "hover-target", path: finding.resolved });
		}
		expect(page.url()).not.toContain("#");
	});

	it("an unresolved target is plain text: clicking it jumps to the finding", async () => {
		const index = rowsInOrder.findIndex((finding) => finding.target && !finding.resolved);
		expect(index).toBeGreaterThanOrEqual(0);
		const finding = rowsInOrder[index];
		expect(await row(index).locator("a").count()).toBe(0);
		await row(index).locator(".citation-auditor-target").click();
		expect((await events(page)).filter((event) => event.type !== "hover-target")).toEqual([{ type: "jump", kind: finding.kind, offset: finding.offset, length: finding.length, line: finding.line }]);
	});

	it("the Re-audit button asks for a new audit", async () => {
		await page.getByRole("button", { name: "Re-audit citations" }).click();
		expect(await events(page)).toEqual([{ type: "reaudit" }]);
	});

	it("each row offers the plugin's fix buttons, and clicking one runs it on that finding without jumping", async () => {
		const vault = readExampleVault();
		const resolver = vaultResolver(vault);
		const audit = auditVaultNote(vault, ESSAY_PATH, resolver);
		// No row lists its fixes before it is reached (lazy-row-actions.ts).
		const before = await page.locator(".citation-auditor-row button.citation-auditor-action").count();
		expect(before).toBe(0);
		let clicked = 0;
		for (const [index, finding] of rowsInOrder.entries()) {
			const fixes = fixesForFinding(audit, finding, resolver).map((fix) => fix.title);
			// The pointer over the row builds its buttons (once builds have been slow, after a rest: wait for them).
			await row(index).hover();
			await row(index).locator("button.citation-auditor-action").last().waitFor({ state: "attached" });
			const titles = await row(index).locator("button.citation-auditor-action").allTextContents();
			// The engine's fixes, then (for a missing source note) the plugin's own "Create note" button, then "Ignore".
			expect(titles.slice(0, fixes.length), `row ${index} (${finding.kind})`).toEqual(fixes);
			const extra = titles.slice(fixes.length);
			expect(extra.at(-1), `row ${index} (${finding.kind})`).toBe("Ignore");
			expect(extra.slice(0, -1).every((title) => finding.kind === "unresolved-target" && title === `Create note "${finding.target}"`), extra.join()).toBe(true);
			for (const [buttonIndex, title] of titles.entries()) {
				// The actions show on the compact row last clicked (or while it has keyboard focus).
				await row(index).locator(".citation-auditor-line").click();
				await page.evaluate(() => (window.__events = []));
				await row(index).locator("button.citation-auditor-action").nth(buttonIndex).click();
				expect(await events(page)).toEqual([{ type: "action", title, kind: finding.kind, offset: finding.offset }]);
				clicked++;
			}
		}
		// The essay has fixable findings: the buttons are really there.
		expect(clicked).toBeGreaterThan(3);
	});

	it("collapsing a section hides its rows; expanding shows them again", async () => {
		const first = page.locator(".citation-auditor-section").first();
		const rows = expectedSections(essay.findings)[0].findings.length;
		await first.locator("summary").click();
		expect(await first.locator(".citation-auditor-row:visible").count()).toBe(0);
		await first.locator("summary").click();
		expect(await first.locator(".citation-auditor-row:visible").count()).toBe(rows);
	});
});
