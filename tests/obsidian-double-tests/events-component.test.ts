import { afterEach, describe, expect, it, vi } from "vitest";
import { Component, Events } from "obsidian";
import {
	activeDomListenerCount, activeIntervalCount, collectedHandlerErrors, handlerCount, resetDouble, setHandlerErrorMode,
} from "../obsidian-double/testing";

afterEach(() => {
	vi.useRealTimers();
	resetDouble();
});

describe("Events", () => {
	it("trigger iterates over a copy: handlers added or removed meanwhile wait for the next round", () => {
		const events = new Events();
		const calls: string[] = [];
		const late = () => calls.push("late");
		const second = () => calls.push("second");
		events.on("x", () => {
			calls.push("first");
			events.on("x", late);
			events.off("x", second);
		});
		events.on("x", second);
		events.trigger("x");
		expect(calls).toEqual(["first", "second"]);
		calls.length = 0;
		events.trigger("x");
		expect(calls).toEqual(["first", "late"]);
		expect(handlerCount(events, "x")).toBe(3);
	});

	it("passes the data and the ctx, offref removes one registration only", () => {
		const events = new Events();
		const ctx = { name: "ctx" };
		const seen: unknown[] = [];
		function handler(this: unknown, a: unknown, b: unknown) { seen.push(this, a, b); }
		const ref1 = events.on("x", handler, ctx);
		events.on("x", handler);
		events.trigger("x", 1, 2);
		expect(seen).toEqual([ctx, 1, 2, undefined, 1, 2]);
		events.offref(ref1);
		expect(handlerCount(events, "x")).toBe(1);
		events.off("x", handler);
		expect(handlerCount(events)).toBe(0);
	});

	it("a throwing handler does not stop the others (its error surfaces separately)", () => {
		setHandlerErrorMode("collect");
		const events = new Events();
		const after = vi.fn();
		events.on("x", () => { throw new Error("boom"); });
		events.on("x", after);
		events.trigger("x");
		expect(after).toHaveBeenCalled();
		expect(collectedHandlerErrors).toHaveLength(1);
	});
});

class Recorder extends Component {
	constructor(private readonly name: string, private readonly log: string[]) { super(); }
	override onload(): void { this.log.push(`load ${this.name}`); }
	override onunload(): void { this.log.push(`unload ${this.name}`); }
}

describe("Component", () => {
	it("loads itself then its children; unloads children, then cleanups in reverse, then itself", () => {
		const log: string[] = [];
		const parent = new Recorder("parent", log);
		parent.addChild(new Recorder("a", log));
		parent.addChild(new Recorder("b", log));
		parent.register(() => log.push("cleanup 1"));
		parent.register(() => log.push("cleanup 2"));
		parent.load();
		parent.load();
		parent.unload();
		parent.unload();
		expect(log).toEqual(["load parent", "load a", "load b", "unload b", "unload a", "cleanup 2", "cleanup 1", "unload parent"]);
	});

	it("addChild loads at once when the parent is loaded; removeChild unloads", () => {
		const log: string[] = [];
		const parent = new Recorder("parent", log);
		parent.load();
		const child = parent.addChild(new Recorder("child", log));
		parent.removeChild(child);
		expect(log).toEqual(["load parent", "load child", "unload child"]);
	});

	it("unload detaches DOM listeners on window, document and elements", () => {
		const component = new Component();
		component.load();
		const el = document.body.createDiv();
		const onWindow = vi.fn();
		const onDocument = vi.fn();
		const onElement = vi.fn();
		const before = activeDomListenerCount();
		component.registerDomEvent(window, "resize", onWindow);
		component.registerDomEvent(document, "keydown", onDocument);
		component.registerDomEvent(el, "click", onElement);
		expect(activeDomListenerCount()).toBe(before + 3);
		window.dispatchEvent(new Event("resize"));
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
		el.click();
		component.unload();
		window.dispatchEvent(new Event("resize"));
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
		el.click();
		expect([onWindow, onDocument, onElement].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
		expect(activeDomListenerCount()).toBe(before);
	});

	it("unload offrefs registered events and clears registered intervals", () => {
		vi.useFakeTimers();
		const events = new Events();
		const component = new Component();
		component.load();
		const tick = vi.fn();
		component.registerEvent(events.on("x", tick));
		component.registerInterval(window.setInterval(tick, 100));
		expect(activeIntervalCount()).toBe(1);
		vi.advanceTimersByTime(250);
		events.trigger("x");
		expect(tick).toHaveBeenCalledTimes(3);
		component.unload();
		vi.advanceTimersByTime(1000);
		events.trigger("x");
		expect(tick).toHaveBeenCalledTimes(3);
		expect(handlerCount(events)).toBe(0);
		expect(activeIntervalCount()).toBe(0);
	});
});
