// Obsidian's DOM augmentations (obsidian.d.ts `declare global`: Node.createEl, Element.setText,
// HTMLElement.onClickEvent, ...), installed on the prototypes of the current DOM implementation.
// Behaviour follows the Obsidian app: `createEl(tag, "a b")` is shorthand for `{cls: "a b"}`,
// `setAttr(name, null)` removes the attribute, `toggleClass` takes one class or a list,
// `onClickEvent` listens to both `click` and `auxclick` (middle click).
import type {} from "obsidian";

const PROTO_FLAG = Symbol.for("obsidian-double.proto-installed");
const SVG_NS = "http://www.w3.org/2000/svg";
const HTML_NS = "http://www.w3.org/1999/xhtml";

type AttrValue = string | number | boolean | null;

function normalizeInfo<T extends { cls?: string | string[] }>(o: T | string | undefined): T {
	if (typeof o === "string") return { cls: o } as T;
	return o ?? ({} as T);
}

function applyClasses(el: Element, cls: string | string[] | undefined): void {
	if (cls === undefined) return;
	const list = Array.isArray(cls) ? cls : [cls];
	const joined = list.join(" ").trim();
	if (joined) el.setAttribute("class", joined);
}

function applyAttrs(el: Element, attr: Record<string, AttrValue> | undefined): void {
	if (!attr) return;
	for (const [key, value] of Object.entries(attr)) setAttr(el, key, value);
}

function attach(el: Node, parent: Node | undefined, prepend: boolean | undefined): void {
	if (!parent) return;
	if (prepend) parent.insertBefore(el, parent.firstChild);
	else parent.appendChild(el);
}

function setAttr(el: Element, name: string, value: AttrValue): void {
	if (value === null) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

function setText(el: Node, val: string | DocumentFragment): void {
	if (typeof val === "string") {
		el.textContent = val;
		return;
	}
	while (el.firstChild) el.removeChild(el.firstChild);
	el.appendChild(val);
}

/** Implementation of the global `createEl` (also used by `Node.createEl` with `parent = this`). */
export function createElement<E extends HTMLElement>(tag: string, o?: DomElementInfo | string, callback?: (el: E) => void): E {
	const info = normalizeInfo<DomElementInfo>(o);
	// createElementNS(XHTML) is equivalent to createElement for HTML documents.
	const el = document.createElementNS(HTML_NS, tag) as E;
	applyClasses(el, info.cls);
	if (info.text !== undefined) setText(el, info.text);
	applyAttrs(el, info.attr);
	if (info.title !== undefined) el.title = info.title;
	const props = el as unknown as Record<string, unknown>;
	if (info.value !== undefined && "value" in el) props.value = info.value;
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	if (info.href !== undefined) el.setAttribute("href", info.href);
	attach(el, info.parent, info.prepend);
	callback?.(el);
	return el;
}

/** Implementation of the global `createSvg`. */
export function createSvgElement<E extends SVGElement>(tag: string, o?: SvgElementInfo | string, callback?: (el: E) => void): E {
	const info = normalizeInfo<SvgElementInfo>(o);
	const el = document.createElementNS(SVG_NS, tag) as E;
	applyClasses(el, info.cls);
	applyAttrs(el, info.attr);
	attach(el, info.parent, info.prepend);
	callback?.(el);
	return el;
}

/** The element and its ancestors, innermost first. */
function ancestors(start: Element): Element[] {
	const list: Element[] = [];
	for (let el = start.parentElement; el; el = el.parentElement) list.push(el);
	return [start, ...list];
}

function define(proto: object, name: string, value: unknown): void {
	Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
}

function defineGetter(proto: object, name: string, get: () => unknown): void {
	Object.defineProperty(proto, name, { get, configurable: true, enumerable: false });
}

interface Delegated { selector: string; listener: (...args: unknown[]) => unknown; options?: boolean | AddEventListenerOptions; callback: EventListener }

function installNode(proto: Node): void {
	define(proto, "detach", function detach(this: Node) { this.parentNode?.removeChild(this); });
	define(proto, "empty", function empty(this: Node) { while (this.firstChild) this.removeChild(this.firstChild); });
	define(proto, "insertAfter", function insertAfter<T extends Node>(this: Node, node: T, child: Node | null): T {
		return this.insertBefore(node, child ? child.nextSibling : this.firstChild);
	});
	define(proto, "indexOf", function indexOf(this: Node, other: Node) { return Array.prototype.indexOf.call(this.childNodes, other); });
	define(proto, "setChildrenInPlace", function setChildrenInPlace(this: Node, children: Node[]) {
		const keep = new Set(children);
		for (const child of Array.from(this.childNodes)) if (!keep.has(child)) this.removeChild(child);
		children.forEach((child, i) => { if (this.childNodes[i] !== child) this.insertBefore(child, this.childNodes[i] ?? null); });
	});
	define(proto, "appendText", function appendText(this: Node, val: string) { this.appendChild(document.createTextNode(val)); });
	define(proto, "instanceOf", function instanceOf(this: Node, type: new () => object) { return Object.prototype.isPrototypeOf.call(type.prototype, this); });
	defineGetter(proto, "doc", function doc(this: Node) { return this.ownerDocument ?? document; });
	defineGetter(proto, "win", function win(this: Node) { return (this.ownerDocument ?? document).defaultView ?? window; });
	defineGetter(proto, "constructorWin", function constructorWin(this: Node) { return (this.ownerDocument ?? document).defaultView ?? window; });
	define(proto, "createEl", function createEl(this: Node, tag: string, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
		const info = { ...normalizeInfo<DomElementInfo>(o), parent: this };
		return createElement(tag, info, cb);
	});
	define(proto, "createDiv", function createDiv(this: Node, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
		return createElement("div", { ...normalizeInfo<DomElementInfo>(o), parent: this }, cb);
	});
	define(proto, "createSpan", function createSpan(this: Node, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
		return createElement("span", { ...normalizeInfo<DomElementInfo>(o), parent: this }, cb);
	});
	define(proto, "createSvg", function createSvg(this: Node, tag: string, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) {
		return createSvgElement(tag, { ...normalizeInfo<SvgElementInfo>(o), parent: this }, cb);
	});
}

function installElement(proto: Element): void {
	define(proto, "getText", function getText(this: Element) { return this.textContent ?? ""; });
	define(proto, "setText", function (this: Element, val: string | DocumentFragment) { setText(this, val); });
	define(proto, "addClass", function addClass(this: Element, ...classes: string[]) { this.classList.add(...classes.filter(Boolean)); });
	define(proto, "addClasses", function addClasses(this: Element, classes: string[]) { this.classList.add(...classes.filter(Boolean)); });
	define(proto, "removeClass", function removeClass(this: Element, ...classes: string[]) { this.classList.remove(...classes); });
	define(proto, "removeClasses", function removeClasses(this: Element, classes: string[]) { this.classList.remove(...classes); });
	define(proto, "toggleClass", function toggleClass(this: Element, classes: string | string[], value: boolean) {
		for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
	});
	define(proto, "hasClass", function hasClass(this: Element, cls: string) { return this.classList.contains(cls); });
	define(proto, "setAttr", function (this: Element, name: string, value: AttrValue) { setAttr(this, name, value); });
	define(proto, "setAttrs", function setAttrs(this: Element, obj: Record<string, AttrValue>) { applyAttrs(this, obj); });
	define(proto, "getAttr", function getAttr(this: Element, name: string) { return this.getAttribute(name); });
	define(proto, "matchParent", function matchParent(this: Element, selector: string, lastParent?: Element) {
		const chain = ancestors(this);
		const stop = lastParent ? chain.indexOf(lastParent) : -1;
		return (stop === -1 ? chain : chain.slice(0, stop)).find((el) => el.matches(selector)) ?? null;
	});
	define(proto, "getCssPropertyValue", function getCssPropertyValue(this: Element, property: string, pseudo?: string) {
		return getComputedStyle(this, pseudo).getPropertyValue(property);
	});
	define(proto, "isActiveElement", function isActiveElement(this: Element) { return (this.ownerDocument ?? document).activeElement === this; });
	define(proto, "find", function find(this: Element, selector: string) { return this.querySelector(selector); });
	define(proto, "findAll", function findAll(this: Element, selector: string) { return Array.from(this.querySelectorAll(selector)); });
	define(proto, "findAllSelf", function findAllSelf(this: Element, selector: string) {
		const found = Array.from(this.querySelectorAll(selector));
		return this.matches(selector) ? [this, ...found] : found;
	});
	define(proto, "setCssStyles", function setCssStyles(this: HTMLElement, styles: Partial<CSSStyleDeclaration>) { Object.assign(this.style, styles); });
	define(proto, "setCssProps", function setCssProps(this: HTMLElement, props: Record<string, string>) {
		for (const [key, value] of Object.entries(props)) this.style.setProperty(key, value);
	});
}

function installHTMLElement(proto: HTMLElement): void {
	define(proto, "show", function show(this: HTMLElement) { this.style.removeProperty("display"); });
	define(proto, "hide", function hide(this: HTMLElement) { this.setCssProps({ display: "none" }); });
	define(proto, "toggle", function toggle(this: HTMLElement, show: boolean) { if (show) this.show(); else this.hide(); });
	define(proto, "toggleVisibility", function toggleVisibility(this: HTMLElement, visible: boolean) {
		this.style.setProperty("visibility", visible ? "" : "hidden");
	});
	// Simplification: no layout engine, so "shown" means attached to the document with no
	// ancestor (or self) styled `display: none`.
	define(proto, "isShown", function isShown(this: HTMLElement) {
		if (!this.isConnected) return false;
		return ancestors(this).every((el) => !el.instanceOf(HTMLElement) || el.style.display !== "none");
	});
	defineGetter(proto, "innerWidth", function innerWidth(this: HTMLElement) { return this.clientWidth; });
	defineGetter(proto, "innerHeight", function innerHeight(this: HTMLElement) { return this.clientHeight; });
	define(proto, "onClickEvent", function onClickEvent(this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
		this.addEventListener("click", listener as EventListener, options);
		this.addEventListener("auxclick", listener as EventListener, options);
	});
	define(proto, "trigger", function trigger(this: HTMLElement, eventType: string) { this.dispatchEvent(new Event(eventType)); });
	define(proto, "onNodeInserted", function onNodeInserted() { return () => undefined; });
	define(proto, "onWindowMigrated", function onWindowMigrated() { return () => undefined; });
}

function installDelegation(proto: EventTarget): void {
	define(proto, "on", function on(this: Element & { _EVENTS?: Record<string, Delegated[]> }, type: string, selector: string,
		listener: (...args: unknown[]) => unknown, options?: boolean | AddEventListenerOptions) {
		const callback: EventListener = (evt) => {
			const node = evt.target as Node | null;
			const target = node?.instanceOf(Element) ? node.closest(selector) : null;
			if (target && (this.contains?.(target) ?? true)) listener.call(this, evt, target);
		};
		this._EVENTS ??= {};
		(this._EVENTS[type] ??= []).push({ selector, listener, options, callback });
		this.addEventListener(type, callback, options);
	});
	define(proto, "off", function off(this: Element & { _EVENTS?: Record<string, Delegated[]> }, type: string, selector: string,
		listener: (...args: unknown[]) => unknown, options?: boolean | AddEventListenerOptions) {
		const list = this._EVENTS?.[type];
		if (!list) return;
		for (const info of list.filter((i) => i.selector === selector && i.listener === listener && i.options === options)) {
			this.removeEventListener(type, info.callback, info.options);
			list.remove(info);
		}
	});
}

/** Install the augmentations on the current global DOM classes (idempotent per prototype). */
export function installElementAugmentations(): void {
	const nodeProto = Node.prototype as unknown as Record<symbol, unknown>;
	if (nodeProto[PROTO_FLAG]) return;
	installNode(Node.prototype);
	installElement(Element.prototype);
	installHTMLElement(HTMLElement.prototype);
	installDelegation(HTMLElement.prototype);
	installDelegation(Document.prototype);
	define(DocumentFragment.prototype, "find", function find(this: DocumentFragment, s: string) { return this.querySelector(s); });
	define(DocumentFragment.prototype, "findAll", function findAll(this: DocumentFragment, s: string) { return Array.from(this.querySelectorAll(s)); });
	nodeProto[PROTO_FLAG] = true;
}
