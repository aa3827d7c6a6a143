/**
 * The vault mode's brain: the "Audit citations in all notes" and "Export citation report" commands, the
 * running audit (one at a time, cancellable), the panel's mode, and "Cited by" for the note in the panel.
 * State lives in stores the view subscribes to; nothing here keeps a reference to a view. Unloading the
 * plugin aborts whatever runs (registered with `plugin.register`), so no read, timer or state change
 * happens afterwards.
 */
import { Keymap, Notice, type App, type Plugin } from "obsidian";
import { auditNote, hasFootnotes, type Finding, type LinkResolver, type NoteAudit } from "../../core/index";
import { buildAuditReport, type NoteReport } from "../../core/report/json-report";
import { formatMarkdownReport } from "../../core/report/markdown-report";
import type { AuditController, AuditState } from "../audit-controller";
import { revealRange } from "../editor-glue";
import { buildPanelSections } from "../panel/panel-model";
import type { CitationAuditorSettings } from "../settings";
import { isSkippedPath, normalizeFolders } from "./candidates";
import { findCitingNotes, type CitingNote } from "./cited-by";
import { writeReport, type ExportResult } from "./report-export";
import type { SliceClock } from "./slicer";
import { Store } from "./store";
import type { VaultCitekeyLibrary } from "../citekeys/vault-citekey-library";
import { auditOptionsFrom, readNoteText, runVaultAudit, type VaultAuditOutcome } from "./vault-audit";

export type PanelMode = "note" | "vault";

export type VaultAuditState =
	| { kind: "idle" }
	| { kind: "running"; phase: "listing" | "auditing"; done: number; total: number }
	| { kind: "finished"; outcome: VaultAuditOutcome };

export interface CitedByState {
	/** Whether the writer has the "Cited by" section open (it is only computed then). */
	open: boolean;
	status: "idle" | "loading" | "ready";
	/** The note whose citing notes are shown. */
	path: string | null;
	notes: CitingNote[];
}

export interface VaultFeaturesDeps {
	app: App;
	resolver: LinkResolver;
	controller: AuditController;
	settings: () => CitationAuditorSettings;
	revealPanel: () => Promise<void>;
	/** Bibliographies and literature notes for the Pandoc keys (the plugin's one library). */
	citekeys?: VaultCitekeyLibrary;
	/** Runs before each vault audit (re-reads .citation-audit.json). */
	beforeVaultAudit?: () => Promise<void>;
}

export class VaultFeatures {
	readonly mode = new Store<PanelMode>("note");
	readonly audit = new Store<VaultAuditState>({ kind: "idle" });
	readonly citedBy = new Store<CitedByState>({ open: false, status: "idle", path: null, notes: [] });
	/** Slice budget and clock (the benchmark and tests may set them). */
	budgetMs: number | undefined;
	clock: SliceClock | undefined;
	private run: AbortController | null = null;
	private citedByRun: AbortController | null = null;
	private disposed = false;

	constructor(private readonly deps: VaultFeaturesDeps) {}

	/** Adds the commands and ties the lifetime of every run to the plugin's. */
	register(plugin: Plugin): void {
		plugin.addCommand({ id: "audit-all-notes", name: "Audit citations in all notes", callback: () => void this.auditAllNotes() });
		plugin.addCommand({ id: "export-citation-report", name: "Export citation report", callback: () => void this.exportReport() });
		plugin.register(this.deps.controller.subscribe((state) => this.onNoteAudited(state)));
		plugin.register(() => this.dispose());
	}

	get running(): boolean {
		return this.run !== null;
	}

	setMode(mode: PanelMode): void {
		if (this.mode.value !== mode) this.mode.set(mode);
	}

	/** "Audit citations in all notes": shows the vault mode and audits; resolves with the outcome (null after unload). */
	async auditAllNotes(): Promise<VaultAuditOutcome | null> {
		this.setMode("vault");
		void this.deps.revealPanel();
		return this.auditVault();
	}

	/** Audits the vault into the vault mode's state. A newer run replaces an older one. */
	async auditVault(): Promise<VaultAuditOutcome | null> {
		if (this.disposed) return null;
		this.run?.abort();
		const run = new AbortController();
		this.run = run;
		await this.deps.beforeVaultAudit?.();
		if (this.disposed || this.run !== run) return null;
		const { app, resolver } = this.deps;
		const outcome = await runVaultAudit(
			{ app, resolver, settings: this.deps.settings(), citekeys: this.deps.citekeys },
			{
				signal: run.signal,
				budgetMs: this.budgetMs,
				clock: this.clock,
				onProgress: ({ phase, done, total }) => {
					if (!run.signal.aborted) this.audit.set({ kind: "running", phase, done, total });
				},
			},
		);
		// Replaced by a newer run, or the plugin was unloaded: that run (or nobody) owns the state now.
		if (this.run !== run) return this.disposed ? null : outcome;
		this.run = null;
		this.audit.set({ kind: "finished", outcome });
		return outcome;
	}

	/** Stops the running audit; what was audited so far stays on show, marked as cancelled. */
	cancel(): void {
		this.run?.abort();
	}

	/** "Export citation report": a fresh vault audit, written as the command line's markdown report. */
	async exportReport(): Promise<ExportResult | null> {
		const outcome = await this.auditAllNotes();
		if (!outcome || this.disposed) return null;
		if (outcome.cancelled) {
			new Notice("Citation report not exported: the audit was cancelled.");
			return null;
		}
		const markdown = formatMarkdownReport(buildAuditReport(outcome.notes));
		try {
			const result = await writeReport(this.deps.app, this.deps.settings().reportPath, markdown);
			new Notice(result.action === "created" ? `Citation report written to ${result.path}.` : `Citation report updated in ${result.path}.`);
			return result;
		} catch (error) {
			new Notice(`Could not export the citation report: ${error instanceof Error ? error.message : String(error)}`);
			return null;
		}
	}

	/**
	 * Opens the note at `path` and selects `finding`, as it stands in the note's current text: the note may
	 * have changed since the vault audit, so it is audited again and the same finding (same panel row: kind,
	 * labels, target, occurrence) is looked up there. Its vault row is updated on the way.
	 */
	async jumpToFinding(path: string, finding: Finding): Promise<void> {
		const { app, resolver } = this.deps;
		const file = app.vault.getFileByPath(path);
		if (!file) {
			new Notice(`${path} no longer exists.`);
			return;
		}
		const state = this.audit.value;
		const entry = state.kind === "finished" ? state.outcome.notes.find((note) => note.path === path) : undefined;
		// The row may have been built from an earlier, equal audit: match by content, not identity.
		const key = entry ? rowKey(entry.findings, (candidate) => sameFinding(candidate, finding)) : null;
		let target: Finding | null = finding;
		try {
			const audit = auditNote(await readNoteText(app, file), path, resolver, auditOptionsFrom(app, this.deps.settings(), this.deps.citekeys));
			this.updateVaultEntry(path, audit);
			if (key !== null) target = findByRowKey(audit.findings, key);
		} catch {
			// Unreadable now: jump to where the finding was.
		}
		if (!target) {
			new Notice("This problem is no longer in the note.");
			return;
		}
		await revealRange(app, file, target.offset, target.offset + target.length);
	}

	/** Opens the note at `path` and selects `[from, to)`. */
	jumpTo(path: string, from: number, to: number): void {
		const file = this.deps.app.vault.getFileByPath(path);
		if (!file) {
			new Notice(`${path} no longer exists.`);
			return;
		}
		void revealRange(this.deps.app, file, from, to);
	}

	/** Opens a note like a link click does (Ctrl/Cmd-click: a new tab). */
	openNote(path: string, event: MouseEvent | KeyboardEvent): void {
		void this.deps.app.workspace.openLinkText(path, "", Keymap.isModEvent(event));
	}

	setCitedByOpen(open: boolean): void {
		const state = this.citedBy.value;
		if (state.open === open) return;
		if (!open) {
			this.citedByRun?.abort();
			this.citedByRun = null;
			this.citedBy.set({ ...state, open: false, status: state.status === "loading" ? "idle" : state.status });
			return;
		}
		this.citedBy.set({ ...state, open: true });
		void this.refreshCitedBy();
	}

	/** Finds the notes citing the panel's note (when the section is open). */
	async refreshCitedBy(): Promise<CitingNote[] | null> {
		this.citedByRun?.abort();
		this.citedByRun = null;
		const file = this.deps.controller.file;
		const open = this.citedBy.value.open;
		if (this.disposed || !open || !file) {
			this.citedBy.set({ open, status: "idle", path: file?.path ?? null, notes: [] });
			return null;
		}
		const run = new AbortController();
		this.citedByRun = run;
		this.citedBy.set({ open, status: "loading", path: file.path, notes: [] });
		const { app, resolver } = this.deps;
		const outcome = await findCitingNotes({ app, resolver, ignoredFolders: this.deps.settings().ignoredFolders }, file, {
			signal: run.signal,
			budgetMs: this.budgetMs,
			clock: this.clock,
		});
		if (this.citedByRun !== run || outcome.cancelled) return null;
		this.citedByRun = null;
		this.citedBy.set({ open: true, status: "ready", path: file.path, notes: outcome.notes });
		return outcome.notes;
	}

	private dispose(): void {
		this.disposed = true;
		this.run?.abort();
		this.run = null;
		this.citedByRun?.abort();
		this.citedByRun = null;
	}

	private onNoteAudited(state: AuditState): void {
		const path = state.kind === "empty" ? null : state.file.path;
		const citedBy = this.citedBy.value;
		if (path !== citedBy.path) {
			if (citedBy.open) void this.refreshCitedBy();
			else this.citedBy.set({ ...citedBy, status: "idle", path, notes: [] });
		}
		if (state.kind === "note") this.updateVaultEntry(state.file.path, state.audit);
	}

	/**
	 * Keeps the vault mode current while the writer works: when the panel re-audits a note (typing, a fix),
	 * that note's entry in the finished vault audit is replaced, added or removed.
	 */
	private updateVaultEntry(path: string, audit: NoteAudit): void {
		const state = this.audit.value;
		if (state.kind !== "finished" || this.running) return;
		if (isSkippedPath(path, normalizeFolders(this.deps.settings().ignoredFolders))) return;
		const notes = state.outcome.notes;
		const index = notes.findIndex((note) => note.path === path);
		const entry: NoteReport | null = hasFootnotes(audit.document) ? { path, stats: audit.stats, findings: audit.findings } : null;
		if (index === -1 && !entry) return;
		if (index !== -1 && entry && JSON.stringify(notes[index]) === JSON.stringify(entry)) return;
		const next = notes.filter((note) => note.path !== path);
		if (entry) {
			const at = next.findIndex((note) => note.path > path);
			next.splice(at === -1 ? next.length : at, 0, entry);
		}
		this.audit.set({ kind: "finished", outcome: { ...state.outcome, notes: next } });
	}
}

/** The panel row key (kind, labels, target, occurrence) of the finding `match` picks, or null. */
function rowKey(findings: readonly Finding[], match: (finding: Finding) => boolean): string | null {
	for (const section of buildPanelSections(findings)) for (const row of section.rows) if (match(row.finding)) return row.key;
	return null;
}

function findByRowKey(findings: readonly Finding[], key: string): Finding | null {
	for (const section of buildPanelSections(findings)) for (const row of section.rows) if (row.key === key) return row.finding;
	return null;
}

function sameFinding(a: Finding, b: Finding): boolean {
	return a === b || (a.kind === b.kind && a.offset === b.offset && a.length === b.length && a.message === b.message);
}
