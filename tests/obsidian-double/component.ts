// `Component`: the load/unload lifecycle shared by plugins, views, menus and render children.
// Same semantics as the Obsidian app (deobfuscated bundle): `load()` runs `onload()` then loads
// the children; `unload()` unloads the children (last added first), then runs the registered
// cleanups in reverse order (removing DOM listeners, `offref`-ing events, clearing intervals),
// then `onunload()`. `registerEvent(ref)` calls `ref.e.offref(ref)` on unload.
// Test hooks: `activeDomListenerCount()` and `activeIntervalCount()` count what registered
// Components still hold, so a test can assert that unloading left nothing behind.
import type * as O from "obsidian";
import type { EventRefImpl } from "./events";

let liveDomListeners = 0;
let liveIntervals = 0;
const loadResults = new WeakMap<object, unknown>();

/** DOM listeners added with `registerDomEvent` and not yet removed by an unload. */
export function activeDomListenerCount(): number {
	return liveDomListeners;
}

/** Intervals registered with `registerInterval` and not yet cleared by an unload. */
export function activeIntervalCount(): number {
	return liveIntervals;
}

/** What the last `onload()` of this component returned (a Promise for async plugins). */
export function getLoadResult(component: object): unknown {
	return loadResults.get(component);
}

/** `onload` may return a Promise (plugins do), hence it is checked separately from O.Component. */
export class Component implements Omit<O.Component, "onload"> {
	_loaded = false;
	_events: (() => unknown)[] = [];
	_children: Component[] = [];

	load(): void {
		if (this._loaded) return;
		this._loaded = true;
		const onload: () => unknown = this.onload.bind(this);
		loadResults.set(this, onload());
		for (const child of this._children.slice()) child.load();
	}

	/** Override to load your component (plugins may return a Promise, which `load()` does not await). */
	onload(): void | Promise<void> {
		// Override to load your component.
	}

	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		while (this._children.length > 0) this._children.pop()?.unload();
		while (this._events.length > 0) this._events.pop()?.();
		this.onunload();
	}

	onunload(): void {
		// Override to unload your component.
	}

	addChild<T extends O.Component>(component: T): T {
		this._children.push(component as unknown as Component);
		if (this._loaded) component.load();
		return component;
	}

	removeChild<T extends O.Component>(component: T): T {
		const index = this._children.indexOf(component as unknown as Component);
		if (index !== -1) {
			this._children.splice(index, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this._events.push(cb);
	}

	registerEvent(eventRef: O.EventRef): void {
		const ref = eventRef as EventRefImpl;
		this.register(() => ref.e.offref(ref));
	}

	registerDomEvent<K extends keyof WindowEventMap>(el: Window, type: K, callback: (this: HTMLElement, ev: WindowEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent<K extends keyof DocumentEventMap>(el: Document, type: K, callback: (this: HTMLElement, ev: DocumentEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, callback: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent(el: EventTarget, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		const listener = callback;
		el.addEventListener(type, listener, options);
		liveDomListeners++;
		this.register(() => {
			el.removeEventListener(type, listener, options);
			liveDomListeners--;
		});
	}

	registerInterval(id: number): number {
		liveIntervals++;
		this.register(() => {
			window.clearInterval(id);
			liveIntervals--;
		});
		return id;
	}
}
