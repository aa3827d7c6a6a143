// `Events`: Obsidian's event emitter. Mirrors the app's implementation: handlers live in a
// record `_` keyed by event name (kept public here so tests can count them), `trigger`
// iterates over a copy (handlers added or removed while triggering do not affect the
// current round), `offref` removes one registration, and `tryTrigger` isolates a throwing
// handler: its error is rethrown asynchronously (setTimeout 0) so that other handlers still run.
// Source relied on: the Events class of the Obsidian app bundle (public deobfuscated copy).
import type * as O from "obsidian";

/**
 * Handler type. `never[]` parameters (rather than `unknown[]`) let subclasses satisfy the
 * typed overloads of obsidian.d.ts (`on(name: "create", callback: (file: TAbstractFile) => any)`).
 */
export type EventCallback = (...data: never[]) => unknown;

/** The concrete EventRef handed out by `on()`. */
export interface EventRefImpl extends O.EventRef {
	e: Events;
	name: string;
	fn: EventCallback;
	ctx: unknown;
}

/** How handler errors surface: "async" (like Obsidian: rethrown in a setTimeout) or "collect". */
let errorMode: "async" | "collect" = "async";
/** Errors thrown by event handlers while in "collect" mode. */
export const collectedHandlerErrors: unknown[] = [];

/** Test hook: collect handler errors in `collectedHandlerErrors` instead of rethrowing them. */
export function setHandlerErrorMode(mode: "async" | "collect"): void {
	errorMode = mode;
}

export class Events implements O.Events {
	/** Registered handlers by event name (same shape as the Obsidian app's `_`). */
	_: Record<string, EventRefImpl[]> = {};

	on(name: string, callback: EventCallback, ctx?: unknown): O.EventRef {
		const ref: EventRefImpl = { e: this, name, fn: callback, ctx };
		(this._[name] ??= []).push(ref);
		return ref;
	}

	off(name: string, callback: EventCallback): void {
		const list = this._[name];
		if (!list) return;
		const kept = callback ? list.filter((ref) => ref.fn !== callback) : [];
		if (kept.length > 0) this._[name] = kept;
		else delete this._[name];
	}

	offref(ref: O.EventRef): void {
		const impl = ref as EventRefImpl | undefined;
		if (!impl) return;
		const list = this._[impl.name];
		if (!list) return;
		const kept = list.filter((r) => r !== impl);
		if (kept.length > 0) this._[impl.name] = kept;
		else delete this._[impl.name];
	}

	trigger(name: string, ...data: unknown[]): void {
		const list = this._[name];
		if (!list) return;
		for (const ref of list.slice()) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: O.EventRef, args: unknown[]): void {
		const ref = evt as EventRefImpl;
		try {
			(ref.fn as (...data: unknown[]) => unknown).apply(ref.ctx, args);
		} catch (error) {
			if (errorMode === "collect") collectedHandlerErrors.push(error);
			else window.setTimeout(() => { throw error; }, 0);
		}
	}
}

/** Number of live handlers on an Events object (for one event name, or all names). */
export function handlerCount(events: O.Events, name?: string): number {
	const record = (events as unknown as Events)._ ?? {};
	if (name !== undefined) return record[name]?.length ?? 0;
	return Object.values(record).reduce((sum, list) => sum + list.length, 0);
}
