/**
 * Mounts the vault mode into the citation view: the mode switch above the note panel, "Cited by" below it,
 * and the vault panel, shown instead of the note panel in vault mode. Returns the function that unmounts it
 * all (the view calls it in onClose), so a closed view leaves no subscription behind.
 */
import { CitedByPanel, ModeSwitch, VaultPanel } from "../panel/vault-panel";
import type { VaultFeatures } from "./vault-features";

export interface MountedVaultMode {
	vaultPanel: VaultPanel;
	citedByPanel: CitedByPanel;
	modeSwitch: ModeSwitch;
	unmount(): void;
}

export function mountVaultMode(contentEl: HTMLElement, notePanelEl: HTMLElement, features: VaultFeatures): MountedVaultMode {
	const modeSwitch = new ModeSwitch(contentEl, (mode) => features.setMode(mode));
	contentEl.prepend(modeSwitch.rootEl);
	const citedByPanel = new CitedByPanel(contentEl, {
		setOpen: (open) => features.setCitedByOpen(open),
		jump: (path, offset, length) => features.jumpTo(path, offset, offset + length),
		openNote: (path, event) => features.openNote(path, event),
	});
	notePanelEl.after(citedByPanel.rootEl);
	const vaultPanel = new VaultPanel(contentEl, {
		auditAll: () => void features.auditVault(),
		cancel: () => features.cancel(),
		exportReport: () => void features.exportReport(),
		jump: (path, finding) => void features.jumpToFinding(path, finding),
	});
	const unsubscribe = [
		features.mode.subscribe((mode) => {
			modeSwitch.setMode(mode);
			notePanelEl.toggle(mode === "note");
			citedByPanel.rootEl.toggle(mode === "note");
			vaultPanel.rootEl.toggle(mode === "vault");
		}),
		features.audit.subscribe((state) => vaultPanel.setState(state)),
		features.citedBy.subscribe((state) => citedByPanel.setState(state)),
	];
	return {
		vaultPanel,
		citedByPanel,
		modeSwitch,
		unmount() {
			for (const stop of unsubscribe) stop();
			modeSwitch.rootEl.detach();
			citedByPanel.rootEl.detach();
			vaultPanel.rootEl.detach();
		},
	};
}
