/**
 * The plugin's side of `.citation-audit.json` (src/core/config): read through the vault adapter, since
 * Obsidian does not index dot-files (no TFile, and no vault `modify` event for them: the test double follows
 * the app there). So the file is read again whenever its settings are about to matter beyond the open note:
 * at load, before a vault audit, an export or a command of Obsidian's command line, and when the settings tab
 * opens. A changed file refreshes the open note's audit. A problem in it shows one notice naming the keys
 * (once per version of the file); the keys with problems keep the plugin's own settings.
 */
import { normalizePath, Notice, type App } from "obsidian";
import { CONFIG_FILE_NAME, readAuditConfig, type AuditConfig } from "../../core/config/audit-config";
import { parseRequiredProperties } from "../../core/sources/required-properties";
import { ALL_FINDING_KINDS } from "../../core/types";
import { DEFAULT_LITERATURE_TEMPLATE } from "../../core/citekeys/citekey-library";
import type { CitationAuditorSettings } from "../settings";

export const CONFIG_PATH = normalizePath(CONFIG_FILE_NAME);

export class VaultConfig {
	/** The file's settings; null when the vault has no such file. */
	config: AuditConfig | null = null;
	private text: string | null = null;

	constructor(
		private readonly app: App,
		private readonly onChange: () => void,
	) {}

	/** Reads the file again; calls onChange when its text changed. Never throws. */
	async reload(): Promise<void> {
		let text: string | null = null;
		try {
			text = (await this.app.vault.adapter.exists(CONFIG_PATH)) ? await this.app.vault.adapter.read(CONFIG_PATH) : null;
		} catch (error) {
			new Notice(`Citation Auditor could not read ${CONFIG_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`);
		}
		if (text === this.text) return;
		this.text = text;
		if (text === null) {
			this.config = null;
		} else {
			const { config, problems } = readAuditConfig(text);
			this.config = config;
			if (problems.length > 0) {
				new Notice(`Citation Auditor: ${CONFIG_FILE_NAME} has problems; their defaults stand in.\n${problems.map((problem) => problem.message).join("\n")}`, 0);
			}
		}
		this.onChange();
	}

	/** The settings the audits use: the file's keys over the settings tab's. */
	apply(settings: CitationAuditorSettings): CitationAuditorSettings {
		return applyConfig(settings, this.config);
	}
}

export function applyConfig(settings: CitationAuditorSettings, config: AuditConfig | null): CitationAuditorSettings {
	if (!config) return settings;
	const merged: CitationAuditorSettings = { ...settings, enabledKinds: { ...settings.enabledKinds }, severities: { ...settings.severities, ...config.severities } };
	for (const kind of ALL_FINDING_KINDS) {
		const on = config.kinds[kind];
		if (on !== undefined) merged.enabledKinds[kind] = on;
	}
	if (config.checkBodyLinks !== undefined) merged.checkBodyLinks = config.checkBodyLinks;
	if (config.ignoredFolders) merged.ignoredFolders = config.ignoredFolders;
	if (config.requireProperties) merged.requireProperties = config.requireProperties.join(",");
	if (config.identityProperties) merged.identityProperties = config.identityProperties;
	// Bibliographies are vault paths in both; a literature key left out keeps the tab's value.
	if (config.bibliography) merged.bibliographyFiles = config.bibliography;
	const literature = config.literatureNotes ?? {};
	if (literature.folder !== undefined) merged.literatureFolder = literature.folder;
	if (literature.template !== undefined) merged.literatureTemplate = literature.template;
	if (literature.property !== undefined) merged.citekeyProperty = literature.property;
	return merged;
}

/**
 * The settings tab's values as a configuration file, keeping what the tab does not edit from the current file
 * (the minimum severity).
 */
export function settingsAsConfig(settings: CitationAuditorSettings, current: AuditConfig | null): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const off = ALL_FINDING_KINDS.filter((kind) => !settings.enabledKinds[kind]);
	if (off.length > 0) out.kinds = Object.fromEntries(off.map((kind) => [kind, false]));
	if (Object.keys(settings.severities).length > 0) out.severities = settings.severities;
	if (current?.minSeverity) out.minSeverity = current.minSeverity;
	out.checkBodyLinks = settings.checkBodyLinks;
	if (settings.ignoredFolders.length > 0) out.ignoredFolders = settings.ignoredFolders;
	const required = parseRequiredProperties(settings.requireProperties).map((alternatives) => alternatives.join("|"));
	if (required.length > 0) out.requireProperties = required;
	if (settings.identityProperties.length > 0) out.identityProperties = settings.identityProperties;
	if (settings.bibliographyFiles.length > 0) out.bibliography = settings.bibliographyFiles;
	const literature: Record<string, string> = {};
	if (settings.literatureFolder.trim() !== "") literature.folder = settings.literatureFolder.trim();
	if (settings.literatureTemplate !== DEFAULT_LITERATURE_TEMPLATE) literature.template = settings.literatureTemplate;
	if (settings.citekeyProperty.trim() !== "") literature.property = settings.citekeyProperty.trim();
	if (Object.keys(literature).length > 0) out.literatureNotes = literature;
	return out;
}

/** Writes the settings to the file (creating or replacing it); returns what was written. */
export async function exportSettings(app: App, settings: CitationAuditorSettings, current: AuditConfig | null): Promise<string> {
	const text = `${JSON.stringify(settingsAsConfig(settings, current), null, "\t")}\n`;
	await app.vault.adapter.write(CONFIG_PATH, text);
	return text;
}
