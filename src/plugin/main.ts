/**
 * Citation Auditor: the plugin entry. It wires Obsidian's events to the engine and does no audit work in
 * `onload` itself (the first audit runs once the layout is ready), so it adds nothing to start-up.
 * Everything is registered through `register*`/`add*`, so unloading leaves nothing behind.
 */
import { MarkdownView, Notice, Plugin, TFile, debounce, Keymap, requireApiVersion, type Debouncer, type Editor, type MarkdownFileInfo } from "obsidian";
import type { Finding, Severity } from "../core/types";
import { AuditController, findMarkdownView, type AuditState } from "./audit-controller";
import { CitationView, VIEW_TYPE_CITATIONS, type CitationViewHost } from "./citation-view";
import { revealRange } from "./editor-glue";
import { FixActions } from "./fix-actions";
import { ObsidianLinkResolver } from "./obsidian-resolver";
import type { PanelAction } from "./panel/citation-panel";
import { describeForStatusBar } from "./panel/panel-model";
import { CitationAuditorSettingTab, readSettings, type CitationAuditorSettings } from "./settings";
import { VaultFeatures } from "./vault/vault-features";
import type { CitationEditor } from "./editor/citation-editor";
import { createEditorBridge, editorOptions, editorViewOf, toEditorAudit } from "./editor/editor-bridge";
import { goToProblem } from "./editor/navigation";
import { showProblemAtCursor } from "./editor/problem-tooltip";
import { citekeyLibraryOptions } from "./citekeys/citekey-settings";
import { VaultCitekeyLibrary } from "./citekeys/vault-citekey-library";
import { NOTE_FLAGS, ObsidianCliCommands, VAULT_FLAGS } from "./cli/obsidian-cli";
import { exportSettings, VaultConfig } from "./config/vault-config";
import { CONFIG_FILE_NAME } from "../core/config/audit-config";

export default class CitationAuditorPlugin extends Plugin implements CitationViewHost {
	override settings!: CitationAuditorSettings;
	controller!: AuditController;
	/** "Audit citations in all notes", "Export citation report", the panel's vault mode and "Cited by". */
	vault!: VaultFeatures;
	private resolver!: ObsidianLinkResolver;
	private fixes!: FixActions;
	private statusBarEl: HTMLElement | null = null;
	private liveAudit!: Debouncer<[TFile, Editor], void>;
	/** Underlines, hover and the problem commands in the editor (src/plugin/editor). */
	private editorMarks!: CitationEditor;
	/** Bibliographies (read through the vault adapter, again only after a vault `modify`) and literature notes. */
	citekeys!: VaultCitekeyLibrary;
	/** `.citation-audit.json` at the vault root: its keys win over the settings tab's (src/plugin/config). */
	vaultConfig!: VaultConfig;

	override async onload(): Promise<void> {
		this.settings = readSettings(await this.loadData());
		this.resolver = new ObsidianLinkResolver(this.app);
		// `.citation-audit.json` (read at layout ready and before anything vault-wide): a change reaches the key
		// library and the open note's audit.
		this.vaultConfig = new VaultConfig(this.app, () => this.configChanged());
		// A bibliography that finished loading (or changed) may change the open note's findings.
		this.citekeys = new VaultCitekeyLibrary(this.app, () => void this.controller.refresh());
		this.citekeys.configure(citekeyLibraryOptions(this.auditSettings()));
		for (const ref of this.citekeys.events()) this.registerEvent(ref);
		this.controller = new AuditController(this.app, this.resolver, () => this.auditSettings(), () => this.citekeys.library);
		this.fixes = new FixActions(this.app, this.controller, this.resolver, this.citekeys);
		this.liveAudit = this.makeLiveAudit();
		this.editorMarks = createEditorBridge(this.controller, this.fixes, this.settings);
		this.registerEditorExtension(this.editorMarks.extension);
		this.register(this.controller.subscribe((state) => this.editorMarks.publish(toEditorAudit(state))));
		this.registerEditorCommands();

		this.registerView(VIEW_TYPE_CITATIONS, (leaf) => new CitationView(leaf, this));
		this.registerHoverLinkSource(VIEW_TYPE_CITATIONS, { display: "Citation Auditor", defaultMod: true });

		this.addRibbonIcon("quote", "Audit citations", () => void this.auditFromRibbon());
		this.addCommand({ id: "audit-citations", name: "Audit citations", callback: () => void this.auditActiveNote() });
		this.addCommand({ id: "open-citation-panel", name: "Open citation panel", callback: () => void this.revealPanel() });
		this.addCommand({ id: "merge-duplicate-citations", name: "Merge duplicate citations", callback: () => void this.fixes.runNoteFix("merge") });
		this.addCommand({ id: "remove-unused-footnotes", name: "Remove unused footnotes", callback: () => void this.fixes.runNoteFix("unused") });
		this.addCommand({ id: "renumber-footnotes", name: "Renumber footnotes", callback: () => void this.fixes.runNoteFix("renumber") });
		this.addCommand({ id: "fix-all-citation-problems", name: "Fix all citation problems", callback: () => void this.fixes.runNoteFix("all") });
		this.vault = new VaultFeatures({
			app: this.app,
			resolver: this.resolver,
			controller: this.controller,
			settings: () => this.auditSettings(),
			revealPanel: () => this.revealPanel(),
			citekeys: this.citekeys,
			beforeVaultAudit: () => this.vaultConfig.reload(),
		});
		this.vault.register(this);
		this.addSettingTab(new CitationAuditorSettingTab(this.app, this));
		this.registerCliCommands();

		// addStatusBarItem does nothing on mobile (Obsidian's docs); the element is then simply never shown.
		const statusBarEl = this.addStatusBarItem();
		statusBarEl.addClass("citation-auditor-status", "mod-clickable");
		statusBarEl.setAttr("aria-label", "Open citation panel");
		this.registerDomEvent(statusBarEl, "click", () => void this.revealPanel());
		this.statusBarEl = statusBarEl;
		this.register(this.controller.subscribe((state) => this.updateStatusBar(state)));

		this.registerEvents();
		this.app.workspace.onLayoutReady(() => {
			void this.vaultConfig.reload();
			const view = this.app.workspace.getActiveViewOfType(MarkdownView);
			if (view?.file) this.controller.auditText(view.file, view.editor.getValue());
		});
	}

	override onunload(): void {
		this.liveAudit.cancel();
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		this.citekeys.configure(citekeyLibraryOptions(this.auditSettings()));
		this.liveAudit.cancel();
		this.liveAudit = this.makeLiveAudit();
		this.editorMarks.setOptions(editorOptions(this.settings));
		this.updateStatusBar(this.controller.current);
		await this.controller.refresh();
	}

	/** `.citation-audit.json` changed (or appeared, or went): its bibliographies and literature notes, then the audit. */
	private configChanged(): void {
		this.citekeys.configure(citekeyLibraryOptions(this.auditSettings()));
		void this.controller.refresh();
	}

	/** The settings the audits use: `.citation-audit.json` over the settings tab. */
	auditSettings(): CitationAuditorSettings {
		return this.vaultConfig.apply(this.settings);
	}

	/** "Export settings to .citation-audit.json" (settings tab): the tab's settings, the file's other keys kept. */
	async exportConfig(): Promise<void> {
		await this.vaultConfig.reload();
		try {
			await exportSettings(this.app, this.auditSettings(), this.vaultConfig.config);
			new Notice(`Settings exported to ${CONFIG_FILE_NAME}.`);
		} catch (error) {
			new Notice(`Could not write ${CONFIG_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`);
		}
		await this.vaultConfig.reload();
	}

	/** "Audit citations": the active note (or the one the writer was last in) into the panel. */
	async auditActiveNote(): Promise<void> {
		const file = this.activeMarkdownFile();
		if (!file) {
			new Notice("Open a Markdown note to audit its citations.");
			return;
		}
		this.vault.setMode("note");
		await this.controller.auditFile(file);
		await this.revealPanel();
	}

	/**
	 * The ribbon always reveals the panel (the issue: "reveals the panel and audits"); with no note open the
	 * panel's empty state says what to do, so no notice is needed on top of it.
	 */
	async auditFromRibbon(): Promise<void> {
		if (this.activeMarkdownFile()) await this.auditActiveNote();
		else await this.revealPanel();
	}

	async revealPanel(): Promise<void> {
		const { workspace } = this.app;
		let leaf = workspace.getLeavesOfType(VIEW_TYPE_CITATIONS)[0] ?? null;
		if (!leaf) {
			const created = workspace.getRightLeaf(false);
			if (!created) return;
			await created.setViewState({ type: VIEW_TYPE_CITATIONS, active: true });
			leaf = created;
		}
		// Loads a deferred view (Obsidian 1.7.2+) and brings the sidebar tab to the front.
		await workspace.revealLeaf(leaf);
		if (!this.controller.file) {
			const file = this.activeMarkdownFile();
			if (file) await this.controller.auditFile(file);
		}
	}

	jumpTo(finding: Finding): void {
		const file = this.controller.file;
		// Typed since the audit? Then the finding is looked up again in the current text.
		const current = this.controller.upToDate(finding);
		if (file && current) void revealRange(this.app, file, current.offset, current.offset + current.length);
	}

	/** Opens a resolved target like a link click does: Ctrl/Cmd-click opens a new tab. */
	openTarget(path: string, event: MouseEvent | KeyboardEvent): void {
		void this.app.workspace.openLinkText(path, this.controller.file?.path ?? "", Keymap.isModEvent(event));
	}

	reaudit(): void {
		const file = this.controller.file ?? this.activeMarkdownFile();
		if (file) void this.controller.auditFile(file);
	}

	actionsFor(finding: Finding): PanelAction[] {
		return this.fixes.actionsFor(finding);
	}

	panelMinSeverity(): Severity {
		return this.settings.panelMinSeverity;
	}

	/**
	 * Obsidian's command line (src/plugin/cli/obsidian-cli.ts). The API exists since 1.12.2 and the plugin
	 * supports older apps (minAppVersion), which simply do without it: the guard is checked at run time.
	 */
	private registerCliCommands(): void {
		const unloaded = new AbortController();
		this.register(() => unloaded.abort());
		const id = this.manifest.id;
		const commands = new ObsidianCliCommands(id, {
			app: this.app,
			resolver: this.resolver,
			settings: () => this.auditSettings(),
			activeFile: () => this.activeMarkdownFile(),
			minSeverity: () => this.vaultConfig.config?.minSeverity ?? "info",
			signal: unloaded.signal,
			citekeys: this.citekeys,
		});
		if (requireApiVersion("1.12.2")) {
			this.registerCliHandler(id, "Audit the citations of the active note, or of the note at path", NOTE_FLAGS, async (params) => {
				await this.vaultConfig.reload();
				return commands.auditNote(params);
			});
			this.registerCliHandler(`${id}:vault`, "Audit the citations of every note with footnotes", VAULT_FLAGS, async (params) => {
				await this.vaultConfig.reload();
				return commands.auditVault(params);
			});
		}
	}

	/** "Show citation problem at cursor", "Go to next/previous citation problem" (no default hotkeys). */
	private registerEditorCommands(): void {
		const inEditor = (run: (view: NonNullable<ReturnType<typeof editorViewOf>>) => boolean) => (_editor: Editor, info: MarkdownView | MarkdownFileInfo) => {
			const view = editorViewOf(this.editorMarks, info);
			if (!view || !run(view)) new Notice("No citation problem here.");
		};
		this.addCommand({ id: "show-citation-problem", name: "Show citation problem at cursor", editorCallback: inEditor((view) => showProblemAtCursor(view)) });
		this.addCommand({ id: "next-citation-problem", name: "Go to next citation problem", editorCallback: inEditor((view) => goToProblem(view, 1) !== null) });
		this.addCommand({ id: "previous-citation-problem", name: "Go to previous citation problem", editorCallback: inEditor((view) => goToProblem(view, -1) !== null) });
	}

	private registerEvents(): void {
		const { workspace, metadataCache, vault } = this.app;
		this.registerEvent(
			workspace.on("editor-change", (editor: Editor, info: MarkdownView | MarkdownFileInfo) => {
				if (this.settings.liveAudit && info.file) this.liveAudit(info.file, editor);
			}),
		);
		this.registerEvent(
			workspace.on("active-leaf-change", (leaf) => {
				if (leaf?.view instanceof MarkdownView && leaf.view.file) this.controller.auditText(leaf.view.file, leaf.view.editor.getValue());
			}),
		);
		this.registerEvent(
			workspace.on("file-open", (file) => {
				if (file instanceof TFile && file.extension === "md") void this.controller.auditFile(file);
			}),
		);
		// After a note is created, renamed or deleted, Obsidian re-resolves links and fires 'resolved':
		// creating a missing source note turns its row green with no action from the writer.
		// The open note's own autosave counts only with live audit on: with it off, typing must not re-audit.
		let outdated = false;
		this.registerEvent(
			metadataCache.on("changed", (file) => {
				this.resolver.propertiesChanged(file.path);
				const current = this.controller.file;
				// Another note's headings or properties may be what the open note's findings read.
				if (file.path !== current?.path) this.controller.invalidate();
				if (this.settings.liveAudit || file.path !== current?.path || !findMarkdownView(this.app, current)) outdated = true;
			}),
		);
		this.registerEvent(
			metadataCache.on("resolved", () => {
				if (!outdated) return;
				outdated = false;
				void this.controller.refresh();
			}),
		);
		// The resolver's indexes follow each change file by file; nothing is rebuilt. The incremental audit's
		// kept findings read other files, so it starts afresh.
		this.registerEvent(
			vault.on("create", (file) => {
				outdated = true;
				if (file instanceof TFile) this.resolver.fileCreated(file.path);
				this.controller.invalidate();
			}),
		);
		this.registerEvent(
			vault.on("rename", (file, oldPath) => {
				outdated = true;
				if (file instanceof TFile) this.resolver.fileRenamed(file.path, oldPath);
				this.controller.invalidate();
			}),
		);
		this.registerEvent(
			vault.on("delete", (file) => {
				outdated = true;
				if (file instanceof TFile) this.resolver.fileDeleted(file.path);
				this.controller.invalidate();
				if (file.path === this.controller.file?.path) this.controller.clear();
			}),
		);
	}

	/** Debounced so a burst of typing costs one audit, of the editor's text at the end of the burst. */
	private makeLiveAudit(): Debouncer<[TFile, Editor], void> {
		return debounce((file: TFile, editor: Editor) => void this.controller.auditText(file, editor.getValue()), this.settings.liveAuditDelay, true);
	}

	/** The active markdown note, or the note the writer was last in when focus is on the panel. */
	private activeMarkdownFile(): TFile | null {
		const view = this.app.workspace.getActiveViewOfType(MarkdownView);
		if (view?.file) return view.file;
		const current = this.controller.file;
		return current && this.app.vault.getFileByPath(current.path) ? current : null;
	}

	private updateStatusBar(state: AuditState): void {
		const el = this.statusBarEl;
		if (!el) return;
		const text = this.settings?.showStatusBar && state.kind === "note" ? describeForStatusBar(state.audit.findings, state.audit.stats) : "";
		el.setText(text);
		el.toggle(text !== "");
	}
}
