/**
 * The harness itself: its stand-ins for Obsidian's element helpers behave as obsidian.d.ts describes (so
 * the panel is tested against the API it is written for), and a missing Chromium fails the suite with
 * instructions instead of skipping it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireChromium } from "./support/chromium";
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

describe("Obsidian element helper stand-ins", () => {
	it("create, fill, class and attribute helpers follow obsidian.d.ts", async () => {
		const result = await page.evaluate(() => {
			const root = createDiv({ cls: "root" });
			const a = root.createDiv("one two");
			const b = root.createEl("button", { cls: ["x", "y z"], text: "Go", attr: { "aria-label": "Go now", hidden: null, tabindex: 0 }, title: "Tip" });
			const first = root.createSpan({ text: "first", prepend: true });
			const fragment = createFragment((f) => f.createEl("strong", { text: "Bold" }));
			a.setText(fragment);
			a.setAttr("data-x", 1);
			a.setAttrs({ "data-y": "y", "data-x": null });
			a.toggleClass(["two", "three"], true);
			a.removeClass("one");
			a.addClass("four");
			const inner = a.createEl("em", { text: "Deep" });
			const svg = root.createSvg("svg", { cls: "icon", attr: { viewBox: "0 0 1 1" } });
			const hidden = root.createDiv();
			document.body.appendChild(root);
			hidden.hide();
			const shownAfterHide = hidden.isShown();
			hidden.toggle(true);
			const shownAfterToggle = hidden.isShown();
			const summary = {
				order: Array.from(root.children, (el) => el.tagName.toLowerCase()),
				aClass: a.className,
				aText: a.getText(),
				aAttrs: [a.getAttr("data-x"), a.getAttr("data-y")],
				bClass: b.className,
				bAttrs: [b.getAttribute("aria-label"), b.hasAttribute("hidden"), b.getAttribute("tabindex"), b.title, b.textContent],
				hasFour: a.hasClass("four"),
				matchParent: inner.matchParent(".root") === root,
				findAllSelf: a.findAllSelf("div, em").length,
				svg: [svg.namespaceURI, svg.getAttribute("class"), svg.getAttribute("viewBox")],
				firstIsSpan: root.firstElementChild === first,
				shownAfterHide,
				shownAfterToggle,
				indexOfB: root.indexOf(b),
			};
			root.insertAfter(createSpan({ text: "after-first" }), first);
			root.insertAfter(createSpan({ text: "very-first" }), null);
			const afterInsert = Array.from(root.childNodes, (n) => n.textContent).slice(0, 3);
			b.detach();
			a.empty();
			root.setChildrenInPlace([hidden, a]);
			const final = Array.from(root.children, (el) => el.className || el.tagName.toLowerCase());
			root.detach();
			return { ...summary, afterInsert, bDetached: b.parentNode === null, aEmpty: a.childNodes.length, final, rootDetached: !root.isConnected };
		});
		expect(result).toEqual({
			order: ["span", "div", "button", "svg", "div"],
			aClass: "two three four",
			aText: "BoldDeep",
			aAttrs: [null, "y"],
			bClass: "x y z",
			bAttrs: ["Go now", false, "0", "Tip", "Go"],
			hasFour: true,
			matchParent: true,
			findAllSelf: 2,
			svg: ["http://www.w3.org/2000/svg", "icon", "0 0 1 1"],
			firstIsSpan: true,
			shownAfterHide: false,
			shownAfterToggle: true,
			indexOfB: 2,
			afterInsert: ["very-first", "first", "after-first"],
			bDetached: true,
			aEmpty: 0,
			final: ["div", "two three four"],
			rootDetached: true,
		});
		expect(problems).toEqual([]);
	});
});

describe("Chromium", () => {
	it("a missing Chromium fails with a message that says how to install it", () => {
		expect(() => requireChromium("/nonexistent/chromium")).toThrow(/Chromium is missing: no executable at \/nonexistent\/chromium/);
		expect(() => requireChromium("/nonexistent/chromium")).toThrow(/apt-get install -y chromium/);
	});

	it("the suite drives Debian's Chromium, not a downloaded browser", () => {
		expect(browser.version()).toMatch(/^\d+\./);
		expect(requireChromium()).toBe(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
	});
});
