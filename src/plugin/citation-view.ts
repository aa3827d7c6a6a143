/**
 * The sidebar view. It only adapts: the panel's DOM lives in panel/citation-panel.ts, the audit in the
 * controller. Since Obsidian 1.7.2 a restored leaf holds a DeferredView until it is revealed, so nothing
 * here runs before the writer actually shows the panel, and the plugin never keeps a reference to a view.
 */
import { ItemView, type HoverParent, type HoverPopover, type WorkspaceLeaf } from "obsidian";
import { meetsMinSeverity, type Finding, type Severity } from "../core/types";
import type { AuditController, AuditState } from "./audit-controller";
import { CitationPanel, type PanelAction, type PanelState } from "./panel/citation-panel";
import type { VaultFeatures } from "./vault/vault-features";
import { mountVaultMode, type MountedVaultMode } from "./vault/view-hook";

export const VIEW_TYPE_CITATIONS = "citation-auditor-panel";

/** What the view needs from the plugin. */
export interface CitationViewHost {
	controller: AuditController;
	jumpTo(finding: Finding): void;
	openTarget(path: string, event: MouseEvent | KeyboardEvent): void;
	reaudit(): void;
	actionsFor(finding: Finding): PanelAction[];
	/** The vault mode and "Cited by" (src/plugin/vault); a host without it gets the note mode only. */
	vault?: VaultFeatures;
	/** The least serious severity the panel lists (default: all). */
	panelMinSeverity?(): Severity;
}

export class CitationView extends ItemView implements HoverParent {
	hoverPopover: HoverPopover | null = null;
	private panel: CitationPanel | null = null;
	private unsubscribe: (() => void) | null = null;
	private vaultMode: MountedVaultMode | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: CitationViewHost,
	) {
		super(leaf);
	}

	getViewType(): string {
		return VIEW_TYPE_CITATIONS;
	}

	getDisplayText(): string {
		return "Citations";
	}

	override getIcon(): string {
		return "quote";
	}

	/** The mounted panel (for tests and the vault mode). */
	get citationPanel(): CitationPanel | null {
		return this.panel;
	}

	/** The mounted vault mode: mode switch, vault panel, "Cited by" (for tests). */
	get vaultModeUi(): MountedVaultMode | null {
		return this.vaultMode;
	}

	override async onOpen(): Promise<void> {
		this.contentEl.empty();
		this.contentEl.addClass("citation-auditor-view");
		const panel = new CitationPanel(this.contentEl, {
			jump: (finding) => this.host.jumpTo(finding),
			openTarget: (path, event) => this.host.openTarget(path, event),
			hoverTarget: (path, event, targetEl) => this.showPreview(path, event, targetEl),
			reaudit: () => this.host.reaudit(),
			actionsFor: (finding) => this.host.actionsFor(finding),
		});
		this.panel = panel;
		this.unsubscribe = this.host.controller.subscribe((state) => panel.setState(toPanelState(state, this.host.panelMinSeverity?.() ?? "info")));
		if (this.host.vault) this.vaultMode = mountVaultMode(this.contentEl, panel.rootEl, this.host.vault);
		await Promise.resolve();
	}

	override async onClose(): Promise<void> {
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.vaultMode?.unmount();
		this.vaultMode = null;
		this.panel?.rowActions.dispose();
		this.panel = null;
		this.contentEl.empty();
		await Promise.resolve();
	}

	/** Page preview: the core plugin listens for 'hover-link' from sources registered with registerHoverLinkSource. */
	private showPreview(path: string, event: MouseEvent, targetEl: HTMLElement): void {
		this.app.workspace.trigger("hover-link", {
			event,
			source: VIEW_TYPE_CITATIONS,
			hoverParent: this,
			targetEl,
			linktext: path,
			sourcePath: this.host.controller.file?.path ?? "",
		});
	}
}

export function toPanelState(state: AuditState, minSeverity: Severity = "info"): PanelState {
	switch (state.kind) {
		case "empty":
			return { kind: "empty" };
		case "error":
			return { kind: "error", noteName: state.file.basename, message: state.message };
		case "note":
			return {
				kind: "note",
				noteName: state.file.basename,
				notePath: state.file.path,
				findings: minSeverity === "info" ? state.audit.findings : state.audit.findings.filter((finding) => meetsMinSeverity(finding.severity, minSeverity)),
				stats: state.audit.stats,
			};
	}
}
