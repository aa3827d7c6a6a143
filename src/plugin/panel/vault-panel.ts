/**
 * The vault mode's DOM, in the style of citation-panel.ts: Obsidian's element helpers only, every piece of
 * note text through `text`/`setText` (note names and footnote text are untrusted), keyboard reachable
 * (buttons and focusable rows; arrow keys move between rows), sentence case.
 *
 * - ModeSwitch: "This note" / "All notes", the control that switches the view between its two modes.
 * - VaultPanel: totals, progress with a Cancel button, a filter by finding kind, and the notes with
 *   problems by severity, each expandable to its findings (rows keyed by note path, findings rendered when
 *   a note is first expanded); a finding row jumps into its note.
 * - CitedByPanel: in note mode, which notes cite the panel's note, under which footnote labels.
 */
import type {} from "obsidian"; // the HTMLElement helpers' types (createEl, setText …); nothing at run time
import type { Finding } from "../../core/types";
import { KIND_NAMES } from "../settings";
import type { CitingNote } from "../vault/cited-by";
import type { CitedByState, PanelMode, VaultAuditState } from "../vault/vault-features";
import { buildVaultRows, describeCounts, kindCounts, vaultTotals, type KindFilter, type VaultNoteRow } from "../vault/vault-model";
import type { VaultAuditOutcome } from "../vault/vault-audit";
import { buildPanelSections, type PanelRow } from "./panel-model";
import { handleRowKeys } from "./row-keys";


function plural(count: number, word: string): string {
	return `${count} ${count === 1 ? word : `${word}s`}`;
}

export class ModeSwitch {
	readonly rootEl: HTMLElement;
	private readonly buttons = new Map<PanelMode, HTMLButtonElement>();

	constructor(parent: HTMLElement, select: (mode: PanelMode) => void) {
		this.rootEl = parent.createDiv({ cls: "citation-auditor-mode-switch", attr: { role: "group", "aria-label": "Panel mode" } });
		const entries: [PanelMode, string][] = [
			["note", "This note"],
			["vault", "All notes"],
		];
		for (const [mode, title] of entries) {
			const button = this.rootEl.createEl("button", {
				cls: "citation-auditor-mode-button",
				text: title,
				attr: { type: "button", "aria-pressed": "false", "data-mode": mode },
			});
			button.addEventListener("click", () => select(mode));
			this.buttons.set(mode, button);
		}
	}

	setMode(mode: PanelMode): void {
		for (const [each, button] of this.buttons) {
			button.setAttr("aria-pressed", String(each === mode));
			button.toggleClass("is-active", each === mode);
		}
	}
}

export interface VaultPanelCallbacks {
	auditAll(): void;
	cancel(): void;
	exportReport(): void;
	/** Open the note at `path` and select the finding. */
	jump(path: string, finding: Finding): void;
}

interface RenderedNote {
	el: HTMLLIElement;
	signature: string;
	row: VaultNoteRow;
	toggleEl: HTMLButtonElement;
	countsEl: HTMLElement;
	listEl: HTMLUListElement | null;
}

export class VaultPanel {
	readonly rootEl: HTMLElement;
	private readonly totalsEl: HTMLElement;
	private readonly auditButton: HTMLButtonElement;
	private readonly progressEl: HTMLElement;
	private readonly progressTextEl: HTMLElement;
	private readonly progressBarEl: HTMLProgressElement;
	private readonly messageEl: HTMLElement;
	private readonly filterEl: HTMLElement;
	private readonly selectEl: HTMLSelectElement;
	private readonly listEl: HTMLUListElement;
	private readonly notes = new Map<string, RenderedNote>();
	private readonly expanded = new Set<string>();
	private filter: KindFilter = "all";
	private outcome: VaultAuditOutcome | null = null;
	/** How many note rows were (re)built: lets tests prove a re-audit does not rebuild unchanged notes. */
	noteBuilds = 0;

	constructor(
		parent: HTMLElement,
		private readonly callbacks: VaultPanelCallbacks,
	) {
		this.rootEl = parent.createDiv({ cls: "citation-auditor-panel citation-auditor-vault" });
		const header = this.rootEl.createDiv({ cls: "citation-auditor-header" });
		const heading = header.createDiv({ cls: "citation-auditor-heading" });
		heading.createDiv({ cls: "citation-auditor-title", text: "All notes", attr: { role: "heading", "aria-level": "2" } });
		this.totalsEl = heading.createDiv({ cls: "citation-auditor-totals", attr: { "aria-live": "polite" } });
		const actions = header.createDiv({ cls: "citation-auditor-vault-actions" });
		this.auditButton = actions.createEl("button", {
			cls: "citation-auditor-reaudit",
			text: "Audit all notes",
			attr: { type: "button", "aria-label": "Audit all notes again" },
		});
		this.auditButton.addEventListener("click", () => this.callbacks.auditAll());
		const exportButton = actions.createEl("button", {
			cls: "citation-auditor-export",
			text: "Export report",
			attr: { type: "button", "aria-label": "Export report to a note" },
		});
		exportButton.addEventListener("click", () => this.callbacks.exportReport());

		this.progressEl = this.rootEl.createDiv({ cls: "citation-auditor-vault-progress" });
		this.progressTextEl = this.progressEl.createDiv({ cls: "citation-auditor-progress-text" });
		this.progressBarEl = this.progressEl.createEl("progress", { cls: "citation-auditor-progress-bar", attr: { "aria-label": "Notes audited" } });
		const cancel = this.progressEl.createEl("button", {
			cls: "citation-auditor-cancel",
			text: "Cancel",
			attr: { type: "button", "aria-label": "Cancel the audit of all notes" },
		});
		cancel.addEventListener("click", () => this.callbacks.cancel());
		this.progressEl.toggle(false);

		this.messageEl = this.rootEl.createDiv({ cls: "citation-auditor-message-box citation-auditor-empty", attr: { role: "status" } });

		this.filterEl = this.rootEl.createDiv({ cls: "citation-auditor-vault-filter" });
		// The select inside its label: the visible words are its accessible name.
		const label = this.filterEl.createEl("label", { cls: "citation-auditor-vault-filter-label" });
		label.createSpan({ text: "Filter by kind" });
		this.selectEl = label.createEl("select", { cls: "dropdown" });
		this.selectEl.addEventListener("change", () => this.setFilter(this.selectEl.value as KindFilter));

		this.listEl = this.rootEl.createEl("ul", { cls: "citation-auditor-vault-notes", attr: { "aria-label": "Notes with problems" } });
		this.listEl.addEventListener("keydown", (event) => handleRowKeys(event, this.listEl, ".citation-auditor-vault-note-toggle, .citation-auditor-row"));
		this.setState({ kind: "idle" });
	}

	setState(state: VaultAuditState): void {
		this.progressEl.toggle(state.kind === "running");
		if (state.kind === "running") {
			if (state.phase === "listing") {
				this.progressTextEl.setText("Finding notes with footnotes…");
				this.progressBarEl.removeAttribute("value"); // indeterminate
			} else {
				this.progressTextEl.setText(`Auditing notes: ${state.done} of ${state.total}`);
				this.progressBarEl.max = Math.max(state.total, 1);
				this.progressBarEl.value = state.done;
			}
			this.auditButton.disabled = true;
			if (!this.outcome) this.showMessage("Auditing…", "citation-auditor-empty");
			return;
		}
		this.auditButton.disabled = false;
		if (state.kind === "idle") {
			this.outcome = null;
			this.totalsEl.setText("");
			this.showMessage("Audit all notes to see the citation problems of every note.", "citation-auditor-empty");
			this.renderNotes();
			return;
		}
		this.outcome = state.outcome;
		const totals = vaultTotals(state.outcome.notes);
		this.totalsEl.setText(
			`${plural(totals.notes, "note")} audited · ${plural(totals.error, "error")} · ${plural(totals.warning, "warning")} · ${totals.info} info`,
		);
		this.showMessage(...this.describeOutcome(state.outcome, totals.notesWithProblems));
		this.renderFilter();
		this.renderNotes();
	}

	setFilter(filter: KindFilter): void {
		this.filter = filter;
		if (this.selectEl.value !== filter) this.selectEl.value = filter;
		this.renderNotes();
	}

	/** Note rows in display order (for tests). */
	noteElements(): HTMLElement[] {
		return Array.from(this.listEl.querySelectorAll<HTMLElement>(":scope > .citation-auditor-vault-note"));
	}

	/** Expands or collapses a note's findings, as a click on its row does. */
	setExpanded(path: string, expanded: boolean): void {
		if (expanded) this.expanded.add(path);
		else this.expanded.delete(path);
		const note = this.notes.get(path);
		if (note) this.applyExpansion(note);
	}

	private describeOutcome(outcome: VaultAuditOutcome, withProblems: number): [string, string] {
		const parts: string[] = [];
		let cls = "citation-auditor-clean";
		if (outcome.cancelled) {
			parts.push(`Audit cancelled after ${outcome.done} of ${plural(outcome.total, "note")}.`);
			cls = "citation-auditor-empty";
		} else if (outcome.notes.length === 0) {
			parts.push("No note has footnotes.");
			cls = "citation-auditor-empty";
		} else if (withProblems === 0) {
			parts.push(`All citations in ${plural(outcome.notes.length, "note")} resolve.`);
		} else {
			parts.push(`${plural(withProblems, "note")} with problems.`);
			cls = "citation-auditor-error";
		}
		if (outcome.failed.length > 0) {
			parts.push(`Could not read ${outcome.failed.map((failure) => failure.path).join(", ")}.`);
			cls = "citation-auditor-error";
		}
		return [parts.join(" "), cls];
	}

	private showMessage(text: string, cls: string): void {
		this.messageEl.className = `citation-auditor-message-box ${cls}`;
		this.messageEl.setText(text);
	}

	private renderFilter(): void {
		const counts = kindCounts(this.outcome?.notes ?? []);
		if (this.filter !== "all" && !counts.some(([kind]) => kind === this.filter)) this.filter = "all";
		this.selectEl.empty();
		const total = counts.reduce((sum, [, count]) => sum + count, 0);
		this.selectEl.createEl("option", { text: `All kinds (${total})`, attr: { value: "all" } });
		for (const [kind, count] of counts) this.selectEl.createEl("option", { text: `${KIND_NAMES[kind]} (${count})`, attr: { value: kind } });
		this.selectEl.value = this.filter;
		this.filterEl.toggle(counts.length > 0);
	}

	private renderNotes(): void {
		const rows = this.outcome ? buildVaultRows(this.outcome.notes, this.filter) : [];
		const live = new Set<string>();
		let previous: HTMLElement | null = null;
		for (const row of rows) {
			live.add(row.key);
			const note = this.noteElement(row);
			const expectedNext: Element | null = previous ? previous.nextElementSibling : this.listEl.firstElementChild;
			if (note.el.parentElement !== this.listEl || expectedNext !== note.el) {
				if (previous) previous.after(note.el);
				else this.listEl.prepend(note.el);
			}
			previous = note.el;
		}
		for (const [key, note] of this.notes) {
			if (live.has(key)) continue;
			note.el.detach();
			this.notes.delete(key);
		}
	}

	private noteElement(row: VaultNoteRow): RenderedNote {
		const signature = JSON.stringify([row.counts, row.findings.map((f) => [f.kind, f.offset, f.length, f.line, f.message, f.labels, f.target, f.resolved])]);
		const existing = this.notes.get(row.key);
		if (existing && existing.signature === signature) {
			existing.row = row;
			return existing;
		}
		const el = existing?.el ?? createEl("li", { cls: "citation-auditor-vault-note" });
		el.empty();
		el.dataset.path = row.path;
		const toggleEl = el.createEl("button", { cls: "citation-auditor-vault-note-toggle", attr: { type: "button", "aria-expanded": "false" } });
		toggleEl.createSpan({ cls: "citation-auditor-vault-chevron", attr: { "aria-hidden": "true" } });
		const nameEl = toggleEl.createSpan({ cls: "citation-auditor-vault-note-name" });
		nameEl.createSpan({ cls: "citation-auditor-vault-note-title", text: row.name });
		if (row.folder) nameEl.createSpan({ cls: "citation-auditor-vault-note-folder", text: row.folder });
		const countsEl = toggleEl.createSpan({ cls: "citation-auditor-vault-note-counts", text: describeCounts(row.counts) });
		toggleEl.setAttr("aria-label", `${row.path}: ${describeCounts(row.counts)}`);
		toggleEl.addEventListener("click", () => this.setExpanded(row.key, !this.expanded.has(row.key)));
		const note: RenderedNote = { el, signature, row, toggleEl, countsEl, listEl: null };
		this.notes.set(row.key, note);
		this.noteBuilds++;
		this.applyExpansion(note);
		return note;
	}

	/** Shows or hides a note's findings; they are built the first time the note is expanded. */
	private applyExpansion(note: RenderedNote): void {
		const expanded = this.expanded.has(note.row.key);
		note.toggleEl.setAttr("aria-expanded", String(expanded));
		note.el.toggleClass("is-expanded", expanded);
		if (expanded && !note.listEl) note.listEl = this.buildFindings(note);
		note.listEl?.toggleClass("citation-auditor-hidden", !expanded);
		note.listEl?.toggle(expanded);
	}

	private buildFindings(note: RenderedNote): HTMLUListElement {
		const listEl = note.el.createEl("ul", { cls: "citation-auditor-rows", attr: { "aria-label": `Findings in ${note.row.name}` } });
		const path = note.row.path;
		const rows: PanelRow[] = buildPanelSections(note.row.findings).flatMap((section) => section.rows);
		for (const row of rows) {
			const { finding } = row;
			const el = listEl.createEl("li", {
				cls: ["citation-auditor-row", `citation-auditor-${finding.severity}`],
				attr: { tabindex: "0", "aria-label": row.ariaLabel, "data-kind": finding.kind, "data-offset": String(finding.offset) },
			});
			el.addEventListener("click", () => this.callbacks.jump(path, finding));
			const summary = el.createDiv({ cls: "citation-auditor-row-summary" });
			if (row.labelText) summary.createSpan({ cls: "citation-auditor-labels", text: row.labelText });
			if (row.targetText) {
				if (row.labelText) summary.createSpan({ cls: "citation-auditor-arrow", text: " → ", attr: { "aria-hidden": "true" } });
				summary.createSpan({ cls: "citation-auditor-target", text: row.targetText });
			}
			summary.createSpan({ cls: "citation-auditor-line", text: row.lineText });
			el.createDiv({ cls: "citation-auditor-message", text: finding.message });
		}
		return listEl;
	}
}

export interface CitedByCallbacks {
	setOpen(open: boolean): void;
	/** Open the citing note at `path` and select the footnote's label. */
	jump(path: string, offset: number, length: number): void;
	openNote(path: string, event: MouseEvent | KeyboardEvent): void;
}

export class CitedByPanel {
	readonly rootEl: HTMLElement;
	private readonly toggleEl: HTMLButtonElement;
	private readonly countEl: HTMLElement;
	private readonly bodyEl: HTMLElement;
	private open = false;

	constructor(
		parent: HTMLElement,
		private readonly callbacks: CitedByCallbacks,
	) {
		this.rootEl = parent.createDiv({ cls: "citation-auditor-cited-by" });
		this.toggleEl = this.rootEl.createEl("button", {
			cls: "citation-auditor-cited-by-toggle",
			attr: { type: "button", "aria-expanded": "false" },
		});
		this.toggleEl.createSpan({ cls: "citation-auditor-vault-chevron", attr: { "aria-hidden": "true" } });
		this.toggleEl.createSpan({ text: "Cited by" });
		this.countEl = this.toggleEl.createSpan({ cls: "citation-auditor-count" });
		this.toggleEl.addEventListener("click", () => this.callbacks.setOpen(!this.open));
		this.bodyEl = this.rootEl.createDiv({ cls: "citation-auditor-cited-by-body", attr: { "aria-live": "polite" } });
		this.bodyEl.addEventListener("keydown", (event) => handleRowKeys(event, this.bodyEl, ".citation-auditor-cited-by-label, .citation-auditor-cited-by-name"));
	}

	setState(state: CitedByState): void {
		this.open = state.open;
		this.toggleEl.setAttr("aria-expanded", String(state.open));
		this.rootEl.toggleClass("is-expanded", state.open);
		this.countEl.setText(state.status === "ready" ? String(state.notes.length) : "");
		this.countEl.toggle(state.status === "ready");
		this.bodyEl.toggle(state.open);
		this.bodyEl.empty();
		if (!state.open) return;
		if (!state.path) {
			this.message("Open a note to see which notes cite it.");
			return;
		}
		if (state.status !== "ready") {
			this.message("Looking for notes that cite this note…");
			return;
		}
		if (state.notes.length === 0) {
			this.message("No note cites this note in a footnote.");
			return;
		}
		const list = this.bodyEl.createEl("ul", { cls: "citation-auditor-cited-by-list", attr: { "aria-label": "Notes citing this note" } });
		for (const note of state.notes) this.renderNote(list, note);
	}

	private message(text: string): void {
		this.bodyEl.createDiv({ cls: "citation-auditor-message-box citation-auditor-empty", text });
	}

	private renderNote(list: HTMLElement, note: CitingNote): void {
		const item = list.createEl("li", { cls: "citation-auditor-cited-by-note", attr: { "data-path": note.path } });
		const name = note.path.slice(note.path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		const link = item.createEl("a", {
			cls: "citation-auditor-cited-by-name",
			text: name,
			attr: { href: "#", "data-href": note.path, title: note.path },
		});
		link.addEventListener("click", (event) => {
			event.preventDefault();
			this.callbacks.openNote(note.path, event);
		});
		const labels = item.createDiv({ cls: "citation-auditor-cited-by-labels" });
		for (const label of note.labels) {
			const text = label.inline ? "Inline footnote" : `[^${label.label}]`;
			const button = labels.createEl("button", {
				cls: "citation-auditor-cited-by-label",
				text,
				attr: { type: "button", "aria-label": `${text} in ${name}, line ${label.line}` },
			});
			button.addEventListener("click", () => this.callbacks.jump(note.path, label.offset, label.length));
		}
	}
}
