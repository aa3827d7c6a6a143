// Platform flags, API version, debounce, Keymap/Scope and Tasks.
import type * as O from "obsidian";

/**
 * Desktop (Linux) by default. The object is mutable on purpose: a test may set
 * `Platform.isMobile = true` (or `isMacOS`) to exercise other code paths.
 */
export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: "app://local/",
};

/** The API the double models: the `obsidian` type package it is checked against. */
export let apiVersion = "1.13.1";

function compareVersions(a: string, b: string): number {
	const pa = a.split(".").map((n) => parseInt(n, 10) || 0);
	const pb = b.split(".").map((n) => parseInt(n, 10) || 0);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (diff !== 0) return diff;
	}
	return 0;
}

/** Test hook: the app version the double pretends to be (an older app skips newer APIs); reset by resetDouble. */
export function setApiVersion(version: string): void {
	apiVersion = version;
}

export const DEFAULT_API_VERSION = apiVersion;

/** obsidian.d.ts: true when the running app's API version is `version` or newer (compared number by number). */
export function requireApiVersion(version: string): boolean {
	return compareVersions(apiVersion, version) >= 0;
}

/**
 * Obsidian's debounce: calls `cb` with the latest arguments `timeout` ms after the first call
 * (or after the latest call when `resetTimer` is true). `cancel()` drops a pending call,
 * `run()` runs a pending call now and returns its result. Uses the global timers, so vitest
 * fake timers control it.
 */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): O.Debouncer<T, V> {
	let timer: number | null = null;
	let pendingArgs: [...T] | null = null;
	const fire = (): V => {
		const args = pendingArgs as [...T];
		timer = null;
		pendingArgs = null;
		return cb(...args);
	};
	const debounced = ((...args: [...T]) => {
		pendingArgs = args;
		if (timer !== null && resetTimer) {
			window.clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = window.setTimeout(fire, timeout);
		return debounced;
	}) as O.Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) window.clearTimeout(timer);
		timer = null;
		pendingArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer === null) return undefined;
		window.clearTimeout(timer);
		return fire();
	};
	return debounced;
}

export class Scope implements O.Scope {
	parent: Scope | undefined;
	keys: O.KeymapEventHandler[] = [];

	constructor(parent?: Scope) {
		this.parent = parent;
	}

	register(modifiers: O.Modifier[] | null, key: string | null, func: O.KeymapEventListener): O.KeymapEventHandler {
		const handler = { scope: this, modifiers: modifiers ? modifiers.join(",") : null, key, func } as O.KeymapEventHandler;
		this.keys.push(handler);
		return handler;
	}

	unregister(handler: O.KeymapEventHandler): void {
		this.keys.remove(handler);
	}

	/** Run the handlers matching a key event (this scope, then its parents). Returns false when handled. */
	handleKey(evt: KeyboardEvent): boolean {
		const pressed = [
			Keymap.isModifier(evt, "Mod") ? "Mod" : "",
			Platform.isMacOS && evt.ctrlKey ? "Ctrl" : "",
			!Platform.isMacOS && evt.metaKey ? "Meta" : "",
			evt.shiftKey ? "Shift" : "",
			evt.altKey ? "Alt" : "",
		].filter(Boolean).sort().join(",");
		for (const handler of this.keys as (O.KeymapEventHandler & { func: O.KeymapEventListener })[]) {
			if (handler.key !== null && handler.key.toLowerCase() !== evt.key.toLowerCase()) continue;
			const wanted = handler.modifiers === null ? null : handler.modifiers.split(",").filter(Boolean).sort().join(",");
			if (wanted !== null && wanted !== pressed) continue;
			if (handler.func(evt, { modifiers: handler.modifiers, key: handler.key, vkey: evt.key }) === false) return false;
		}
		return this.parent ? this.parent.handleKey(evt) : true;
	}
}

export class Keymap implements O.Keymap {
	/** Active scopes, the last one receives key events first. */
	scopes: Scope[] = [];

	pushScope(scope: Scope): void {
		this.scopes.remove(scope);
		this.scopes.push(scope);
	}

	popScope(scope: Scope): void {
		this.scopes.remove(scope);
	}

	/** "Mod" is Cmd on macOS and Ctrl elsewhere (follows `Platform.isMacOS`). */
	static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: O.Modifier): boolean {
		switch (modifier) {
			case "Mod": return Platform.isMacOS ? evt.metaKey : evt.ctrlKey;
			case "Ctrl": return evt.ctrlKey;
			case "Meta": return evt.metaKey;
			case "Shift": return evt.shiftKey;
			case "Alt": return evt.altKey;
			default: return false;
		}
	}

	/**
	 * Documented behaviour (docs.obsidian.md, Keymap.isModEvent): 'tab' for Mod (Cmd/Ctrl) or a
	 * middle click, 'split' for Mod+Alt, 'window' for Mod+Alt+Shift, false otherwise.
	 */
	static isModEvent(evt?: O.UserEvent | null): O.PaneType | boolean {
		if (!evt) return false;
		const mod = Keymap.isModifier(evt, "Mod");
		if (mod && evt.altKey && evt.shiftKey) return "window";
		if (mod && evt.altKey) return "split";
		if (mod) return "tab";
		if ("button" in evt && evt.button === 1) return "tab";
		return false;
	}
}

export class Tasks implements O.Tasks {
	private promises: Promise<unknown>[] = [];

	add(callback: () => Promise<unknown>): void {
		this.promises.push(callback());
	}

	addPromise(promise: Promise<unknown>): void {
		this.promises.push(promise);
	}

	isEmpty(): boolean {
		return this.promises.length === 0;
	}

	promise(): Promise<unknown> {
		return Promise.all(this.promises);
	}
}
