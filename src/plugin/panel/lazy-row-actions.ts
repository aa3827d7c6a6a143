/**
 * A panel row's fix buttons, built when the writer first reaches the row (the pointer over it, focus in it,
 * or a click), not when the row is built. Listing a row's fixes reads each candidate fix back (a whole-note
 * parse per fix: fixes/add-definition.ts, fixes/apply-suggestion.ts), so building them with the rows cost
 * 6.2 s of CPU when the panel opened on a 1 MB note with 648 rows shown (`npm run bench`, the live-edit part),
 * and a keystroke that made a new row paid one parse per fix of it inside the live audit's update.
 *
 * The buttons show only on a focused or clicked row (styles.css: hovering shows nothing more), and focus and
 * a click build them at once, so Tab from a row still reaches its buttons. The pointer over a row builds them
 * ahead of the click. While builds are cheap (a note of ordinary length: well under a millisecond) that
 * happens as the pointer arrives; once one took longer than {@link SLOW_BUILD_MS} (a row with several
 * suggestions in a book-length note: up to 84 ms here), only a row the pointer rests on for
 * {@link POINTER_REST_MS} is built, so a pointer sweeping across the panel builds none of the rows it crosses.
 *
 * One delegated listener per event on the rows' container, so a row element that is filled again (panel
 * rows are reused, citation-panel.ts) gains no listeners.
 */

const ROW_SELECTOR = ".citation-auditor-row";
/** A build longer than this makes the pointer wait for a rest before the next (a 60 Hz frame is 16.7 ms). */
export const SLOW_BUILD_MS = 8;
/** How long the pointer stays on a row before its buttons are built, once builds are slow. */
export const POINTER_REST_MS = 150;

export interface RowActionsClock {
	now(): number;
	setTimeout(callback: () => void, ms: number): number;
	clearTimeout(handle: number): void;
}

const windowClock: RowActionsClock = {
	now: () => performance.now(),
	setTimeout: (callback, ms) => window.setTimeout(callback, ms),
	clearTimeout: (handle) => window.clearTimeout(handle),
};

/** Each container's LazyRowActions, for {@link lazyRowActionsOf}. */
const byContainer = new WeakMap<Element, LazyRowActions>();

/** The LazyRowActions of the container holding `row` (the node tests' pointer rests through it: tests/plugin/harness.ts). */
export function lazyRowActionsOf(row: Element): LazyRowActions | undefined {
	for (let element: Element | null = row; element; element = element.parentElement) {
		const actions = byContainer.get(element);
		if (actions) return actions;
	}
	return undefined;
}

export class LazyRowActions {
	private readonly pending = new WeakMap<Element, () => void>();
	/** Whether a build has taken longer than SLOW_BUILD_MS: from then on the pointer must rest on a row. */
	private slow = false;
	/** The row the pointer is on, waiting for its rest to end. */
	private resting: { row: Element; timer: number } | null = null;

	constructor(container: HTMLElement, private readonly clock: RowActionsClock = windowClock) {
		byContainer.set(container, this);
		container.addEventListener("mouseover", (event) => {
			const row = rowOf(event.target);
			if (row) this.pointerOver(row);
		});
		container.addEventListener("mouseout", (event) => {
			// Leaving the row for one of its own children is not leaving it.
			const resting = this.resting;
			if (resting && !resting.row.contains(event.relatedTarget as Node | null)) this.stopResting();
		});
		container.addEventListener("focusin", (event) => {
			const row = rowOf(event.target);
			if (row) this.build(row);
		});
	}

	/** `build` fills `row`'s actions the first time the row is reached; it replaces one still pending. */
	defer(row: Element, build: () => void): void {
		this.pending.set(row, build);
	}

	/** Builds `row`'s actions now if they are still pending (focus, a click, the pointer's rest, the tests' helpers). */
	build(row: Element): void {
		if (this.resting?.row === row) this.stopResting();
		const build = this.pending.get(row);
		if (!build) return;
		this.pending.delete(row);
		const started = this.clock.now();
		build();
		if (this.clock.now() - started > SLOW_BUILD_MS) this.slow = true;
	}

	/** The panel closes: a rest still under way builds nothing. */
	dispose(): void {
		this.stopResting();
	}

	/** Whether the pointer is resting on `row`, its buttons to be built when the rest ends (for tests and the benchmark). */
	isResting(row: Element): boolean {
		return this.resting?.row === row;
	}

	private pointerOver(row: Element): void {
		if (!this.pending.has(row)) return;
		if (!this.slow) {
			this.build(row);
			return;
		}
		if (this.resting?.row === row) return;
		this.stopResting();
		this.resting = { row, timer: this.clock.setTimeout(() => this.build(row), POINTER_REST_MS) };
	}

	private stopResting(): void {
		if (this.resting) this.clock.clearTimeout(this.resting.timer);
		this.resting = null;
	}
}

/** The row holding an event's target (`closest` is on elements only: a pointer event's target always is; guard anyway). */
function rowOf(target: EventTarget | null): Element | null {
	const element = target as Element | null;
	return typeof element?.closest === "function" ? element.closest(ROW_SELECTOR) : null;
}
