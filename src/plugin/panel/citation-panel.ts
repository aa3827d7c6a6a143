/**
 * The citation panel's DOM, independent of Obsidian's view machinery: it renders into any element with
 * Obsidian's element helpers (`createEl`, `empty`, `setText`), so the Obsidian view, the browser harness and
 * the tests all mount the same code. All note-derived text goes in through `text`/`setText`, never as HTML.
 *
 * Rows are keyed (see panel-model.ts): on each re-audit only rows whose content changed are rebuilt, so
 * typing does not rebuild the panel and keyboard focus stays where it was.
 */
import type {} from "obsidian"; // the HTMLElement helpers' types (createEl, setText …); nothing at run time
import type { Finding, NoteStats } from "../../core/types";
import { buildPanelSections, cleanMessage, describeTotals, sameKeys, sameRowContent, type PanelRow, type PanelSection, type SectionId } from "./panel-model";
import { LazyRowActions } from "./lazy-row-actions";
import { handleRowKeys } from "./row-keys";

export interface PanelAction {
	/** Sentence-case button label, e.g. "Merge into [^10]". */
	title: string;
	/** Receives the finding as of the latest audit (a row outlives the audit it was built from). */
	run: (finding: Finding) => void;
}

export interface PanelCallbacks {
	/** Put the cursor on the finding's text in its note. */
	jump(finding: Finding): void;
	/** Open a resolved target; the event tells whether a modifier asked for a new tab. */
	openTarget(path: string, event: MouseEvent | KeyboardEvent): void;
	/** Show Obsidian's page preview for a resolved target. */
	hoverTarget(path: string, event: MouseEvent, targetEl: HTMLElement): void;
	reaudit(): void;
	/** Fixes offered on a row (may be empty). */
	actionsFor?(finding: Finding): PanelAction[];
}

export type PanelState =
	| { kind: "empty"; message?: string }
	| { kind: "error"; noteName: string; message: string }
	| { kind: "note"; noteName: string; notePath: string; findings: readonly Finding[]; stats: NoteStats };

/** Rows a section shows before its "Show N more" button. */
export const ROWS_SHOWN = 100;

interface SectionElement {
	el: HTMLDetailsElement;
	countEl: HTMLElement;
	listEl: HTMLUListElement;
	/** The keys of the rows shown at the last render, in order. */
	order: string[];
	/** Set by the section's "Show N more" button: every row, until the panel shows another note. */
	showAll: boolean;
	moreEl: HTMLButtonElement | null;
}

interface RenderedRow {
	el: HTMLLIElement;
	/** Updated on every render, so handlers built earlier act on current offsets. */
	row: PanelRow;
	/** The row's "Line N" element. */
	lineEl: HTMLElement | null;
}

export class CitationPanel {
	readonly rootEl: HTMLElement;
	private readonly titleEl: HTMLElement;
	private readonly totalsEl: HTMLElement;
	private readonly bodyEl: HTMLElement;
	private readonly sectionEls = new Map<SectionId, SectionElement>();
	/** The sections of the last note render (a section's "Show more" renders them again, whole). */
	private lastSections: PanelSection[] = [];
	private shownPath: string | null = null;
	private readonly rows = new Map<string, RenderedRow>();
	private messageEl: HTMLElement | null = null;
	private expandedEl: HTMLElement | null = null;
	/** How many rows were (re)built: lets tests prove that an edit does not rebuild the whole panel. */
	rowBuilds = 0;
	/** Rows' fix buttons, built when a row is first reached (lazy-row-actions.ts). */
	readonly rowActions: LazyRowActions;

	constructor(
		parent: HTMLElement,
		private readonly callbacks: PanelCallbacks,
	) {
		this.rootEl = parent.createDiv({ cls: "citation-auditor-panel" });
		const header = this.rootEl.createDiv({ cls: "citation-auditor-header" });
		const heading = header.createDiv({ cls: "citation-auditor-heading" });
		this.titleEl = heading.createDiv({ cls: "citation-auditor-title", attr: { role: "heading", "aria-level": "2" } });
		this.totalsEl = heading.createDiv({ cls: "citation-auditor-totals", attr: { "aria-live": "polite" } });
		const reaudit = header.createEl("button", {
			cls: "citation-auditor-reaudit",
			text: "Re-audit",
			// The accessible name contains the visible text (WCAG 2.5.3), so "click Re-audit" works by voice.
			attr: { type: "button", "aria-label": "Re-audit citations" },
		});
		reaudit.addEventListener("click", () => this.callbacks.reaudit());
		this.bodyEl = this.rootEl.createDiv({ cls: "citation-auditor-body" });
		this.bodyEl.addEventListener("keydown", (event) => this.onKeyDown(event));
		this.rowActions = new LazyRowActions(this.bodyEl);
	}

	setState(state: PanelState): void {
		if (state.kind !== "note") {
			this.titleEl.setText(state.kind === "error" ? state.noteName : "Citations");
			this.totalsEl.setText("");
			this.showMessage(
				state.kind === "error"
					? `This note could not be audited: ${state.message}`
					: (state.message ?? "Open a note to audit its citations."),
				state.kind === "error" ? "citation-auditor-error" : "citation-auditor-empty",
			);
			this.clearSections();
			return;
		}
		// Another note: its sections start as new (collapsed as their severities say, long ones cut).
		if (state.notePath !== this.shownPath) this.clearSections();
		this.shownPath = state.notePath;
		this.titleEl.setText(state.noteName);
		this.totalsEl.setText(describeTotals(state.findings, state.stats));
		const sections = buildPanelSections(state.findings);
		if (sections.length === 0) {
			this.clearSections();
			this.showMessage(cleanMessage(state.stats), "citation-auditor-clean");
			return;
		}
		this.hideMessage();
		this.renderSections(sections);
	}

	/** The finding a row element shows, as of the latest audit (null for an element that is no row). */
	findingOf(el: Element): Finding | null {
		for (const rendered of this.rows.values()) if (rendered.el === el) return rendered.row.finding;
		return null;
	}

	/** Every row element in display order (for keyboard navigation and tests). */
	rowElements(): HTMLElement[] {
		return Array.from(this.bodyEl.querySelectorAll<HTMLElement>(".citation-auditor-row"));
	}

	private renderSections(sections: PanelSection[]): void {
		this.lastSections = sections;
		const wanted = new Set(sections.map((section) => section.id));
		for (const [id, section] of this.sectionEls) {
			if (!wanted.has(id)) {
				section.el.detach();
				this.sectionEls.delete(id);
			}
		}
		const liveKeys = new Set<string>();
		let previous: HTMLElement | null = null;
		for (const section of sections) {
			const sectionEl = this.sectionElement(section);
			sectionEl.countEl.setText(String(section.rows.length));
			this.placeAfter(sectionEl.el, previous, this.bodyEl);
			previous = sectionEl.el;
			// A long note's section shows its first rows until asked for all: a keystroke then updates those rows
			// only (a 1 MB note has 1,400 findings; no writer reads them as one list).
			const shown = sectionEl.showAll ? section.rows : section.rows.slice(0, ROWS_SHOWN);
			// The same rows in the same order (typing that only moves findings): nothing to place. Checking each
			// row's place asks the DOM for siblings, which for a long note's rows cost more than the audit.
			const unchanged = sameKeys(sectionEl.order, shown);
			let previousRow: HTMLElement | null = null;
			for (const row of shown) {
				liveKeys.add(row.key);
				const rowEl = this.rowElement(row);
				// Same keys in the same order: every element is one placed by the last render.
				if (!unchanged) this.placeAfter(rowEl, previousRow, sectionEl.listEl);
				previousRow = rowEl;
			}
			sectionEl.order = shown.map((row) => row.key);
			this.updateShowMore(sectionEl, section.rows.length - shown.length);
		}
		for (const [key, row] of this.rows) {
			if (!liveKeys.has(key)) {
				row.el.detach();
				this.rows.delete(key);
			}
		}
	}

	/** The "Show N more" button after a section's shown rows, or none when all are shown. */
	private updateShowMore(sectionEl: SectionElement, hidden: number): void {
		if (hidden <= 0) {
			sectionEl.moreEl?.detach();
			sectionEl.moreEl = null;
			return;
		}
		if (!sectionEl.moreEl) {
			const more = createEl("button", { cls: "citation-auditor-show-more", attr: { type: "button" } });
			more.addEventListener("click", () => {
				sectionEl.showAll = true;
				this.renderSections(this.lastSections);
			});
			sectionEl.moreEl = more;
		}
		sectionEl.moreEl.setText(`Show ${hidden.toLocaleString("en-US")} more`);
		if (sectionEl.moreEl.previousElementSibling !== sectionEl.listEl || sectionEl.moreEl.parentElement !== sectionEl.el) sectionEl.listEl.after(sectionEl.moreEl);
	}

	/** Moves `el` right after `previous` (or first in `parent`) only when it is not already there. */
	private placeAfter(el: HTMLElement, previous: HTMLElement | null, parent: HTMLElement): void {
		const expectedNext = previous ? previous.nextElementSibling : parent.firstElementChild;
		if (el.parentElement === parent && expectedNext === el) return;
		if (previous) previous.after(el);
		else parent.prepend(el);
	}

	private sectionElement(section: PanelSection) {
		const existing = this.sectionEls.get(section.id);
		if (existing) return existing;
		const el = createEl("details", { cls: ["citation-auditor-section", `citation-auditor-section-${section.id}`] });
		// A section of info findings only (footnotes citing no note: 41% of findings on public vaults) starts
		// collapsed; the writer's own opening or closing is kept across audits.
		el.open = section.rows.some((row) => row.finding.severity !== "info");
		const summary = el.createEl("summary", { cls: "citation-auditor-section-title" });
		summary.createSpan({ text: section.title });
		const countEl = summary.createSpan({ cls: "citation-auditor-count" });
		const listEl = el.createEl("ul", { cls: "citation-auditor-rows", attr: { "aria-label": section.title } });
		const created: SectionElement = { el, countEl, listEl, order: [], showAll: false, moreEl: null };
		this.sectionEls.set(section.id, created);
		return created;
	}

	private rowElement(row: PanelRow): HTMLLIElement {
		const existing = this.rows.get(row.key);
		if (existing && sameRowContent(existing.row, row)) {
			// Only moved (text typed above it): the line and the accessible name change in place. Rebuilding
			// would list the row's fixes again, for every row below a line break in a long note.
			if (existing.row.finding.line !== row.finding.line) {
				if (existing.lineEl) setLineText(existing.lineEl, row.lineText);
				setAriaLabel(existing.el, row.ariaLabel);
			}
			// The finding (its offset) is kept on the row, not in an attribute: a keystroke moves most rows of a long note.
			existing.row = row;
			return existing.el;
		}
		const el = existing?.el ?? createEl("li", { cls: "citation-auditor-row", attr: { tabindex: "0" } });
		el.empty();
		const rendered: RenderedRow = { el, row, lineEl: null };
		this.rows.set(row.key, rendered);
		rendered.lineEl = this.fillRow(el, row);
		this.rowBuilds++;
		return el;
	}

	/** Fills a row's element; returns its line element (updated in place when the row only moves). */
	private fillRow(el: HTMLLIElement, row: PanelRow): HTMLElement {
		const { finding } = row;
		const current = (): Finding => this.rows.get(row.key)?.row.finding ?? finding;
		el.className = `citation-auditor-row citation-auditor-${finding.severity}`;
		el.setAttr("aria-label", row.ariaLabel);
		el.dataset.kind = finding.kind;
		el.title = finding.message;
		// A mouse press must not move focus: the row that loses it would collapse under the pointer before the
		// release, and the click would land on another row. Keyboard focus is unaffected; the click still fires.
		el.onmousedown = (event) => event.preventDefault();
		el.onclick = (event) => {
			if ((event.target as HTMLElement).closest("button, .citation-auditor-target-link")) return;
			this.rowActions.build(el);
			this.expand(el);
			this.callbacks.jump(current());
		};
		// One line: severity, labels → target, line. The message and the actions show on hover and on focus
		// (the row or one of its buttons), so a keyboard user tabs from a row straight into its actions.
		const summary = el.createDiv({ cls: "citation-auditor-row-summary" });
		summary.createSpan({ cls: "citation-auditor-severity", attr: { "aria-hidden": "true" } });
		if (row.labelText) summary.createSpan({ cls: "citation-auditor-labels", text: row.labelText });
		if (row.targetText) {
			if (row.labelText) summary.createSpan({ cls: "citation-auditor-arrow", text: " → ", attr: { "aria-hidden": "true" } });
			this.renderTarget(summary, row);
		}
		if (!row.labelText && !row.targetText) summary.createSpan({ cls: "citation-auditor-summary-text", text: finding.message });
		const lineEl = summary.createSpan({ cls: "citation-auditor-line", text: row.lineText });
		const details = el.createDiv({ cls: "citation-auditor-row-details" });
		details.createDiv({ cls: "citation-auditor-message", text: finding.message });
		this.rowActions.defer(el, () => {
			const actions = this.callbacks.actionsFor?.(current()) ?? [];
			if (actions.length === 0) return;
			const bar = details.createDiv({ cls: "citation-auditor-actions" });
			for (const action of actions) {
				const button = bar.createEl("button", { cls: "citation-auditor-action", text: action.title, attr: { type: "button" } });
				button.addEventListener("click", (event) => {
					event.stopPropagation();
					action.run(current());
				});
			}
		});
		return lineEl;
	}

	/** The clicked row shows its message and actions until another row is clicked. */
	private expand(el: HTMLElement): void {
		if (this.expandedEl && this.expandedEl !== el) this.expandedEl.removeClass("is-expanded");
		el.addClass("is-expanded");
		this.expandedEl = el;
	}

	/** A resolved target is a link (opens the note, previews on hover); an unresolved one is plain text. */
	private renderTarget(parent: HTMLElement, row: PanelRow): void {
		const resolved = row.finding.resolved;
		if (!resolved) {
			// Cut to one line in the compact row: the whole target stays in the title (and the accessible name).
			parent.createSpan({ cls: "citation-auditor-target", text: row.targetText, attr: { title: row.targetText } });
			return;
		}
		const link = parent.createEl("a", {
			cls: "citation-auditor-target citation-auditor-target-link",
			text: row.targetText,
			attr: { href: "#", "data-href": resolved, title: resolved },
		});
		link.addEventListener("click", (event) => {
			event.preventDefault();
			event.stopPropagation();
			this.callbacks.openTarget(resolved, event);
		});
		link.addEventListener("mouseover", (event) => this.callbacks.hoverTarget(resolved, event, link));
	}

	/** Arrow keys move between rows, Home/End to the ends, Enter jumps to the finding. */
	private onKeyDown(event: KeyboardEvent): void {
		handleRowKeys(event, this.bodyEl, ".citation-auditor-row");
	}


	private showMessage(text: string, cls: string): void {
		if (!this.messageEl) this.messageEl = this.bodyEl.createDiv();
		this.messageEl.className = `citation-auditor-message-box ${cls}`;
		this.messageEl.setText(text);
		this.bodyEl.prepend(this.messageEl);
	}

	private hideMessage(): void {
		this.messageEl?.detach();
		this.messageEl = null;
	}

	private clearSections(): void {
		for (const section of this.sectionEls.values()) section.el.detach();
		this.sectionEls.clear();
		this.rows.clear();
	}
}

/**
 * A row's "Line N": the text node's data changes, as `setText` would leave it (one text node) without
 * replacing the node, which costs a removal and a creation for each row below a line break.
 */
function setLineText(lineEl: HTMLElement, text: string): void {
	const node = lineEl.firstChild;
	if (node !== null && node === lineEl.lastChild && node.nodeType === Node.TEXT_NODE) (node as Text).data = text;
	else lineEl.setText(text);
}

/**
 * A moved row's accessible name. Setting the value of the existing attribute node is the DOM's own way to
 * change an attribute (the same change as `setAttribute`: mutation records, the accessible name, the
 * attribute's value); a browser does about as much work either way, but the DOM double the tests and the
 * benchmark run (happy-dom) builds a new attribute node for each `setAttribute`, some 6 KB, for each of
 * hundreds of rows below a line break.
 */
function setAriaLabel(el: HTMLElement, label: string): void {
	const attribute = el.getAttributeNode("aria-label");
	if (attribute) attribute.value = label;
	else el.setAttribute("aria-label", label);
}
