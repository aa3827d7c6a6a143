/**
 * A panel row's fix buttons, built when the writer first reaches the row (the pointer over it, focus in it,
 * or a click), not when the row is built. Listing a row's fixes reads each candidate fix back (a whole-note
 * parse per fix: fixes/add-definition.ts, fixes/apply-suggestion.ts), so building them with the rows cost
 * 6.2 s of CPU when the panel opened on a 1 MB note with 648 rows shown (`npm run bench`, the live-edit part),
 * and a keystroke that made a new row paid one parse per fix of it inside the live audit's update.
 *
 * The buttons show only on a hovered, focused or expanded row (styles.css), so building them on the way
 * there changes nothing the writer sees; Tab from a row still reaches its buttons, since focusing the row
 * builds them first. One delegated listener per event on the rows' container, so a row element that is
 * filled again (panel rows are reused, citation-panel.ts) gains no listeners.
 */

const ROW_SELECTOR = ".citation-auditor-row";

export class LazyRowActions {
	private readonly pending = new WeakMap<Element, () => void>();

	constructor(container: HTMLElement) {
		const reach = (event: Event): void => {
			const target = event.target as Element | null;
			// `closest` is on elements only (a pointer event's target always is; guard anyway).
			const row = typeof target?.closest === "function" ? target.closest(ROW_SELECTOR) : null;
			if (row) this.build(row);
		};
		container.addEventListener("mouseover", reach);
		container.addEventListener("focusin", reach);
	}

	/** `build` fills `row`'s actions the first time the row is reached; it replaces one still pending. */
	defer(row: Element, build: () => void): void {
		this.pending.set(row, build);
	}

	/** Builds `row`'s actions now if they are still pending (a click, or the tests' helpers). */
	build(row: Element): void {
		const build = this.pending.get(row);
		if (!build) return;
		this.pending.delete(row);
		build();
	}
}
