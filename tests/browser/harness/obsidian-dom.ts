/**
 * Stand-ins for the element helpers Obsidian adds to the DOM (`declare global` in
 * node_modules/obsidian/obsidian.d.ts), installed on the prototypes of the browser the harness runs in.
 * Only what a plugin's view code reaches for; semantics follow the declarations and the app:
 * `createEl(tag, "a b")` is shorthand for `{ cls: "a b" }`, `setAttr(name, null)` removes the attribute,
 * `setText` takes a string or a fragment, `toggleClass` one class or a list, `hide()` is `display: none`.
 * Dev-only: bundled into the browser harness, never into main.js.
 */
import type {} from "obsidian"; // the global declarations these functions implement

type AttrValue = string | number | boolean | null;

function infoOf(o: DomElementInfo | string | undefined): DomElementInfo {
	return typeof o === "string" ? { cls: o } : (o ?? {});
}

function setAttrOn(el: Element, name: string, value: AttrValue | undefined): void {
	if (value === null || value === undefined) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

function setTextOn(el: Node, value: string | DocumentFragment): void {
	if (typeof value === "string") {
		el.textContent = value;
		return;
	}
	while (el.firstChild) el.removeChild(el.firstChild);
	el.appendChild(value);
}

function attach(el: Node, parent: Node | undefined, prepend: boolean | undefined): void {
	if (!parent) return;
	if (prepend) parent.insertBefore(el, parent.firstChild);
	else parent.appendChild(el);
}

const HTML_NS = "http://www.w3.org/1999/xhtml";
const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The one place elements are made. These functions ARE createEl/createSvg, so they cannot call them (the
 * lint rule that prefers the helpers does not apply here); createElementNS with the XHTML namespace is
 * the same as createElement in an HTML document.
 */
function makeElement(namespace: string, tag: string): Element {
	return document.createElementNS(namespace, tag);
}

function classesOf(cls: string | string[]): string[] {
	return (Array.isArray(cls) ? cls : [cls]).flatMap((entry) => entry.split(/\s+/)).filter(Boolean);
}

/** The global `createEl`: every other creation helper goes through it. */
function createElImpl<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	o?: DomElementInfo | string,
	callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
	const info = infoOf(o);
	const el = makeElement(HTML_NS, tag) as HTMLElementTagNameMap[K];
	if (info.cls !== undefined) el.classList.add(...classesOf(info.cls));
	if (info.text !== undefined) setTextOn(el, info.text);
	for (const [name, value] of Object.entries(info.attr ?? {})) setAttrOn(el, name, value);
	if (info.title !== undefined) el.title = info.title;
	if (info.value !== undefined) setAttrOn(el, "value", info.value);
	if (info.type !== undefined) setAttrOn(el, "type", info.type);
	if (info.placeholder !== undefined) setAttrOn(el, "placeholder", info.placeholder);
	if (info.href !== undefined) setAttrOn(el, "href", info.href);
	attach(el, info.parent, info.prepend);
	callback?.(el);
	return el;
}

function createSvgImpl<K extends keyof SVGElementTagNameMap>(
	tag: K,
	o?: SvgElementInfo | string,
	callback?: (el: SVGElementTagNameMap[K]) => void,
): SVGElementTagNameMap[K] {
	const info: SvgElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
	const el = makeElement(SVG_NS, tag) as SVGElementTagNameMap[K];
	if (info.cls !== undefined) el.classList.add(...classesOf(info.cls));
	for (const [name, value] of Object.entries(info.attr ?? {})) setAttrOn(el, name, value);
	attach(el, info.parent, info.prepend);
	callback?.(el);
	return el;
}

function define(target: object, members: Record<string, unknown>): void {
	for (const [name, value] of Object.entries(members)) {
		Object.defineProperty(target, name, { value, configurable: true, writable: true });
	}
}

function defineGetter(target: object, name: string, get: (this: Node) => unknown): void {
	Object.defineProperty(target, name, { get, configurable: true });
}

type DelegatedListener = (this: HTMLElement, ev: Event, delegateTarget: HTMLElement) => unknown;
const delegated = new WeakMap<Node, { type: string; selector: string; listener: DelegatedListener; wrapper: EventListener }[]>();

export function installObsidianDom(): void {
	define(Node.prototype, {
		detach(this: Node): void {
			this.parentNode?.removeChild(this);
		},
		empty(this: Node): void {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
		insertAfter<T extends Node>(this: Node, node: T, child: Node | null): T {
			this.insertBefore(node, child ? child.nextSibling : this.firstChild);
			return node;
		},
		indexOf(this: Node, other: Node): number {
			return Array.prototype.indexOf.call(this.childNodes, other);
		},
		setChildrenInPlace(this: Node, children: Node[]): void {
			const wanted = new Set(children);
			for (const child of Array.from(this.childNodes)) if (!wanted.has(child)) this.removeChild(child);
			let expected = this.firstChild;
			for (const child of children) {
				if (child === expected) expected = expected.nextSibling;
				else this.insertBefore(child, expected);
			}
		},
		appendText(this: Node, value: string): void {
			this.appendChild(document.createTextNode(value));
		},
		instanceOf(this: Node, type: new () => unknown): boolean {
			// The harness has one window, so the cross-window check is the prototype chain check.
			return Object.prototype.isPrototypeOf.call(type.prototype, this);
		},
		createEl<K extends keyof HTMLElementTagNameMap>(
			this: Node,
			tag: K,
			o?: DomElementInfo | string,
			callback?: (el: HTMLElementTagNameMap[K]) => void,
		): HTMLElementTagNameMap[K] {
			return createElImpl(tag, { ...infoOf(o), parent: this }, callback);
		},
		createDiv(this: Node, o?: DomElementInfo | string, callback?: (el: HTMLDivElement) => void): HTMLDivElement {
			return createElImpl("div", { ...infoOf(o), parent: this }, callback);
		},
		createSpan(this: Node, o?: DomElementInfo | string, callback?: (el: HTMLSpanElement) => void): HTMLSpanElement {
			return createElImpl("span", { ...infoOf(o), parent: this }, callback);
		},
		createSvg<K extends keyof SVGElementTagNameMap>(
			this: Node,
			tag: K,
			o?: SvgElementInfo | string,
			callback?: (el: SVGElementTagNameMap[K]) => void,
		): SVGElementTagNameMap[K] {
			const info: SvgElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
			return createSvgImpl(tag, { ...info, parent: this }, callback);
		},
	});
	defineGetter(Node.prototype, "doc", function (this: Node) {
		return this.ownerDocument ?? document;
	});
	defineGetter(Node.prototype, "win", function (this: Node) {
		return (this.ownerDocument ?? document).defaultView ?? window;
	});
	defineGetter(Node.prototype, "constructorWin", function (this: Node) {
		return (this.ownerDocument ?? document).defaultView ?? window;
	});

	define(Element.prototype, {
		getText(this: Element): string {
			return this.textContent ?? "";
		},
		setText(this: Element, value: string | DocumentFragment): void {
			setTextOn(this, value);
		},
		addClass(this: Element, ...classes: string[]): void {
			this.classList.add(...classes);
		},
		addClasses(this: Element, classes: string[]): void {
			this.classList.add(...classes);
		},
		removeClass(this: Element, ...classes: string[]): void {
			this.classList.remove(...classes);
		},
		removeClasses(this: Element, classes: string[]): void {
			this.classList.remove(...classes);
		},
		toggleClass(this: Element, classes: string | string[], value: boolean): void {
			for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
		},
		hasClass(this: Element, cls: string): boolean {
			return this.classList.contains(cls);
		},
		setAttr(this: Element, name: string, value: AttrValue): void {
			setAttrOn(this, name, value);
		},
		setAttrs(this: Element, attrs: Record<string, AttrValue>): void {
			for (const [name, value] of Object.entries(attrs)) setAttrOn(this, name, value);
		},
		getAttr(this: Element, name: string): string | null {
			return this.getAttribute(name);
		},
		matchParent(this: Element, selector: string, lastParent?: Element): Element | null {
			if (this.matches(selector)) return this;
			if (this === lastParent) return null;
			return this.parentElement?.matchParent(selector, lastParent) ?? null;
		},
		getCssPropertyValue(this: Element, property: string, pseudoElement?: string): string {
			return getComputedStyle(this, pseudoElement).getPropertyValue(property);
		},
		isActiveElement(this: Element): boolean {
			return (this.ownerDocument ?? document).activeElement === this;
		},
		find(this: Element, selector: string): Element | null {
			return this.querySelector(selector);
		},
		findAll(this: Element, selector: string): HTMLElement[] {
			return Array.from(this.querySelectorAll<HTMLElement>(selector));
		},
		findAllSelf(this: Element, selector: string): HTMLElement[] {
			const found = Array.from(this.querySelectorAll<HTMLElement>(selector));
			return this.matches(selector) ? [this as HTMLElement, ...found] : found;
		},
	});

	define(HTMLElement.prototype, {
		show(this: HTMLElement): void {
			this.style.removeProperty("display");
		},
		hide(this: HTMLElement): void {
			this.setCssProps({ display: "none" });
		},
		toggle(this: HTMLElement, show: boolean): void {
			if (show) this.show();
			else this.hide();
		},
		toggleVisibility(this: HTMLElement, visible: boolean): void {
			if (visible) this.style.removeProperty("visibility");
			else this.setCssProps({ visibility: "hidden" });
		},
		isShown(this: HTMLElement): boolean {
			return this.offsetParent !== null;
		},
		setCssStyles(this: HTMLElement, styles: Partial<CSSStyleDeclaration>): void {
			Object.assign(this.style, styles);
		},
		setCssProps(this: HTMLElement, props: Record<string, string>): void {
			for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
		},
		onClickEvent(this: HTMLElement, listener: (this: HTMLElement, ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions): void {
			this.addEventListener("click", listener, options);
			this.addEventListener(
				"auxclick",
				function (this: HTMLElement, ev: MouseEvent) {
					if (ev.button === 1) listener.call(this, ev);
				},
				options,
			);
		},
		on(this: HTMLElement, type: string, selector: string, listener: DelegatedListener, options?: boolean | AddEventListenerOptions): void {
			const wrapper: EventListener = (ev) => {
				const origin = ev.target instanceof Element ? ev.target.closest<HTMLElement>(selector) : null;
				if (origin && this.contains(origin)) listener.call(this, ev, origin);
			};
			const list = delegated.get(this) ?? [];
			list.push({ type, selector, listener, wrapper });
			delegated.set(this, list);
			this.addEventListener(type, wrapper, options);
		},
		off(this: HTMLElement, type: string, selector: string, listener: DelegatedListener, options?: boolean | AddEventListenerOptions): void {
			const list = delegated.get(this) ?? [];
			const index = list.findIndex((entry) => entry.type === type && entry.selector === selector && entry.listener === listener);
			if (index < 0) return;
			this.removeEventListener(type, list[index].wrapper, options);
			list.splice(index, 1);
		},
		trigger(this: HTMLElement, eventType: string): void {
			this.dispatchEvent(new Event(eventType, { bubbles: true, cancelable: true }));
		},
	});
	defineGetter(HTMLElement.prototype, "innerWidth", function (this: Node) {
		const el = this as HTMLElement;
		const style = getComputedStyle(el);
		return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
	});
	defineGetter(HTMLElement.prototype, "innerHeight", function (this: Node) {
		const el = this as HTMLElement;
		const style = getComputedStyle(el);
		return el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
	});

	define(window, {
		createEl: createElImpl,
		createDiv: (o?: DomElementInfo | string, callback?: (el: HTMLDivElement) => void) => createElImpl("div", o, callback),
		createSpan: (o?: DomElementInfo | string, callback?: (el: HTMLSpanElement) => void) => createElImpl("span", o, callback),
		createSvg: createSvgImpl,
		createFragment: (callback?: (el: DocumentFragment) => void) => {
			const fragment = new DocumentFragment();
			callback?.(fragment);
			return fragment;
		},
		fish: (selector: string) => document.querySelector<HTMLElement>(selector),
		fishAll: (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)),
		isBoolean: (obj: unknown) => typeof obj === "boolean",
		sleep: (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms)),
		nextFrame: () => new Promise<void>((resolve) => window.requestAnimationFrame(() => resolve())),
		activeWindow: window,
		activeDocument: document,
	});
}
