import { afterEach, describe, expect, it, vi } from "vitest";
import { setIcon } from "obsidian";
import { installDom } from "../obsidian-double/index";
import { click, resetDouble } from "../obsidian-double/testing";

afterEach(() => resetDouble());

describe("DOM augmentations", () => {
	it("createEl applies every DomElementInfo option", () => {
		const parent = createDiv();
		parent.createSpan({ text: "first" });
		const input = createEl("input", {
			cls: ["a", "b"], attr: { "data-x": 1, "aria-hidden": true }, title: "Tip", parent, prepend: true,
			type: "text", placeholder: "Type here", value: "v",
		});
		expect(parent.firstChild).toBe(input);
		expect(input.className).toBe("a b");
		expect(input.getAttribute("data-x")).toBe("1");
		expect(input.getAttribute("aria-hidden")).toBe("true");
		expect(input.title).toBe("Tip");
		expect(input.getAttribute("type")).toBe("text");
		expect(input.getAttribute("placeholder")).toBe("Type here");
		expect(input.value).toBe("v");
		const link = parent.createEl("a", { href: "https://example.com/x", text: "Example" });
		expect(link.getAttribute("href")).toBe("https://example.com/x");
		expect(parent.lastChild).toBe(link);
	});

	it("a string option is the class list and the callback receives the element", () => {
		const seen: HTMLElement[] = [];
		const div = createDiv("one two", (el) => seen.push(el));
		expect(div.hasClass("one") && div.hasClass("two")).toBe(true);
		expect(seen).toEqual([div]);
	});

	it("text accepts a DocumentFragment and setText replaces children", () => {
		const frag = createFragment((f) => { f.createEl("b", { text: "Bold" }); f.appendText(" tail"); });
		const div = createDiv({ text: frag });
		expect(div.innerHTML).toBe("<b>Bold</b> tail");
		div.setText("Plain");
		expect(div.childNodes).toHaveLength(1);
		expect(div.getText()).toBe("Plain");
	});

	it("class and attribute helpers follow Obsidian (setAttr null removes)", () => {
		const el = createDiv();
		el.addClass("a", "b");
		el.removeClass("a");
		el.toggleClass(["c", "d"], true);
		el.toggleClass("b", false);
		expect(el.className).toBe("c d");
		el.setAttrs({ role: "button", tabindex: 0 });
		el.setAttr("role", null);
		expect(el.hasAttribute("role")).toBe(false);
		expect(el.getAttr("tabindex")).toBe("0");
	});

	it("empty and detach remove nodes; hide/show/isShown use display", () => {
		const parent = document.body.createDiv();
		const child = parent.createDiv();
		expect(child.isShown()).toBe(true);
		parent.hide();
		expect(child.isShown()).toBe(false);
		parent.show();
		child.detach();
		expect(child.parentNode).toBeNull();
		parent.createSpan();
		parent.empty();
		expect(parent.childNodes).toHaveLength(0);
	});

	it("onClickEvent listens to click and middle click (auxclick)", () => {
		const el = createDiv();
		const listener = vi.fn();
		el.onClickEvent(listener);
		click(el);
		el.dispatchEvent(new MouseEvent("auxclick", { button: 1 }));
		expect(listener).toHaveBeenCalledTimes(2);
	});

	it("delegated on/off match descendants by selector", () => {
		const list = document.body.createDiv();
		const item = list.createDiv("item").createSpan();
		const listener = vi.fn();
		list.on("click", ".item", listener);
		click(item);
		click(list);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(listener.mock.calls[0][1]).toBe(item.parentElement);
		list.off("click", ".item", listener);
		click(item);
		expect(listener).toHaveBeenCalledTimes(1);
	});

	it("setIcon replaces the content with one marked svg", () => {
		const el = createDiv({ text: "old" });
		setIcon(el, "trash");
		setIcon(el, "lucide-check");
		const svgs = el.querySelectorAll("svg");
		expect(svgs).toHaveLength(1);
		expect(svgs[0].getAttribute("data-icon")).toBe("lucide-check");
		expect(svgs[0].classList.contains("svg-icon")).toBe(true);
		expect(el.textContent).toBe("");
	});

	it("installs Obsidian's built-in extensions once", () => {
		installDom();
		installDom();
		const list = [1, 2, 2, 3];
		list.remove(2);
		expect(list).toEqual([1, 3]);
		expect([4, 5].first()).toBe(4);
		expect([4, 5].last()).toBe(5);
		expect([1, 1, 2].unique()).toEqual([1, 2]);
		expect("abc".contains("b")).toBe(true);
		expect(Math.clamp(12, 0, 10)).toBe(10);
		expect(activeDocument).toBe(document);
		expect(createDiv().win).toBe(window);
	});
});
