/**
 * Settings and their tab. Defaults are what a writer expects with no setup: every check on, body links
 * checked, live audit after 300 ms of quiet, the status bar shown.
 */
import { App, PluginSettingTab, Setting, type Plugin } from "obsidian";
import { ALL_FINDING_KINDS, SEVERITY_ORDER, type FindingKind, type Severity } from "../core/types";
import { DEFAULT_CITEKEY_SETTINGS, displayCitekeySettings, readCitekeySettings, type CitekeySettings } from "./citekeys/citekey-settings";

/** The citation-key settings (bibliography files, literature notes) are in citekeys/citekey-settings.ts. */
export interface CitationAuditorSettings extends CitekeySettings {
	enabledKinds: Record<FindingKind, boolean>;
	checkBodyLinks: boolean;
	liveAudit: boolean;
	/** Milliseconds of quiet typing before the live audit runs. */
	liveAuditDelay: number;
	showStatusBar: boolean;
	/** Folders the vault audit skips (vault-relative, no trailing slash). */
	ignoredFolders: string[];
	/** Where "Export citation report" writes. */
	reportPath: string;
	/** Properties every cited note should have, as typed: `author,year|date,url|doi` (commas separate, `|` joins alternatives). */
	requireProperties: string;
	/** Property names that identify a work besides doi, url, isbn and citekey/citationKey. */
	identityProperties: string[];
	/** Underline findings in the editor (the panel is not affected). */
	editorUnderlines: boolean;
	/** A gutter marker on each line with a finding. */
	editorGutter: boolean;
	/** Least serious severity underlined in the editor (info is hidden there by default). */
	editorMinSeverity: Severity;
	/** Least serious severity listed in the panel (info sections start collapsed). */
	panelMinSeverity: Severity;
	/** Severity per kind instead of its default (set in .citation-audit.json; kept when exporting to it). */
	severities: Partial<Record<FindingKind, Severity>>;
}

export const DEFAULT_SETTINGS: CitationAuditorSettings = {
	enabledKinds: Object.fromEntries(ALL_FINDING_KINDS.map((kind) => [kind, true])) as Record<FindingKind, boolean>,
	checkBodyLinks: true,
	liveAudit: true,
	liveAuditDelay: 300,
	showStatusBar: true,
	ignoredFolders: [],
	reportPath: "Citation audit report.md",
	requireProperties: "",
	identityProperties: [],
	editorUnderlines: true,
	editorGutter: false,
	editorMinSeverity: "warning",
	panelMinSeverity: "info",
	...DEFAULT_CITEKEY_SETTINGS,
	severities: {},
};

/** Merges saved data over the defaults, dropping anything of the wrong type (hand-edited data.json). */
export function readSettings(saved: unknown): CitationAuditorSettings {
	const data = (typeof saved === "object" && saved !== null ? saved : {}) as Partial<Record<keyof CitationAuditorSettings, unknown>>;
	const settings: CitationAuditorSettings = { ...DEFAULT_SETTINGS, ...readCitekeySettings(data), enabledKinds: { ...DEFAULT_SETTINGS.enabledKinds }, severities: {} };
	if (typeof data.enabledKinds === "object" && data.enabledKinds !== null) {
		for (const kind of ALL_FINDING_KINDS) {
			const value = (data.enabledKinds as Record<string, unknown>)[kind];
			if (typeof value === "boolean") settings.enabledKinds[kind] = value;
		}
	}
	if (typeof data.checkBodyLinks === "boolean") settings.checkBodyLinks = data.checkBodyLinks;
	if (typeof data.liveAudit === "boolean") settings.liveAudit = data.liveAudit;
	if (typeof data.liveAuditDelay === "number" && Number.isFinite(data.liveAuditDelay)) {
		settings.liveAuditDelay = Math.min(5000, Math.max(50, Math.round(data.liveAuditDelay)));
	}
	if (typeof data.showStatusBar === "boolean") settings.showStatusBar = data.showStatusBar;
	if (Array.isArray(data.ignoredFolders)) settings.ignoredFolders = data.ignoredFolders.filter((entry): entry is string => typeof entry === "string");
	if (typeof data.reportPath === "string" && data.reportPath.trim() !== "") settings.reportPath = data.reportPath;
	if (typeof data.requireProperties === "string") settings.requireProperties = data.requireProperties;
	if (Array.isArray(data.identityProperties)) {
		settings.identityProperties = data.identityProperties.filter((entry): entry is string => typeof entry === "string" && entry.trim() !== "");
	}
	if (typeof data.editorUnderlines === "boolean") settings.editorUnderlines = data.editorUnderlines;
	if (typeof data.editorGutter === "boolean") settings.editorGutter = data.editorGutter;
	if (isSeverity(data.editorMinSeverity)) settings.editorMinSeverity = data.editorMinSeverity;
	if (isSeverity(data.panelMinSeverity)) settings.panelMinSeverity = data.panelMinSeverity;
	if (typeof data.severities === "object" && data.severities !== null) {
		for (const kind of ALL_FINDING_KINDS) {
			const value = (data.severities as Record<string, unknown>)[kind];
			if (isSeverity(value)) settings.severities[kind] = value;
		}
	}
	return settings;
}

function isSeverity(value: unknown): value is Severity {
	return typeof value === "string" && (SEVERITY_ORDER as readonly string[]).includes(value);
}

const SEVERITY_CHOICES: Record<Severity, string> = { error: "Errors only", warning: "Errors and warnings", info: "Everything" };

export function disabledKinds(settings: CitationAuditorSettings): FindingKind[] {
	return ALL_FINDING_KINDS.filter((kind) => !settings.enabledKinds[kind]);
}

/** Human names of the finding kinds, in sentence case, for the settings tab. */
export const KIND_NAMES: Record<FindingKind, string> = {
	"unresolved-target": "Unresolved citation targets",
	"missing-subpath": "Missing headings and blocks",
	"duplicate-source": "Duplicate sources",
	"undefined-reference": "Undefined footnote references",
	"unused-definition": "Unused footnote definitions",
	"duplicate-label": "Duplicate footnote labels",
	"malformed-link": "Malformed links",
	"no-vault-link": "Footnotes citing no note in the vault",
	"ambiguous-target": "Ambiguous link targets",
	"unresolved-link": "Unresolved links in the body text",
	"unused-ignore": "Ignore markers that silence nothing",
	"incomplete-source": "Source notes missing required properties",
	"invalid-frontmatter": "Source notes whose properties do not parse",
	"unknown-citekey": "Unknown citation keys",
	"duplicate-citekey": "Citation keys defined twice",
	"missing-bibliography": "Missing bibliography files",
	"citekey-without-note": "Citation keys without a literature note",
	"invalid-bibliography": "Bibliography files that do not parse",
	"no-bibliography": "Citation keys with no bibliography configured",
};

export interface SettingsHost extends Plugin {
	settings: CitationAuditorSettings;
	saveSettings(): Promise<void>;
	/** Writes the settings to .citation-audit.json at the vault root. */
	exportConfig(): Promise<void>;
}

export class CitationAuditorSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly host: SettingsHost,
	) {
		super(app, host);
	}

	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const settings = this.host.settings;
		const save = () => void this.host.saveSettings();

		new Setting(containerEl)
			.setName("Live audit")
			.setDesc("Audit the open note again whenever you pause typing.")
			.addToggle((toggle) => toggle.setValue(settings.liveAudit).onChange((value) => {
					settings.liveAudit = value;
					save();
				}));
		new Setting(containerEl)
			.setName("Live audit delay")
			.setDesc("Milliseconds of quiet before the live audit runs.")
			.addSlider((slider) =>
				slider
					.setLimits(50, 2000, 50)
					.setValue(settings.liveAuditDelay)
					.onChange((value) => {
					settings.liveAuditDelay = value;
					save();
				}),
			);
		new Setting(containerEl)
			.setName("Check body links")
			.setDesc("Also check links outside footnotes.")
			.addToggle((toggle) => toggle.setValue(settings.checkBodyLinks).onChange((value) => {
					settings.checkBodyLinks = value;
					save();
				}));
		new Setting(containerEl)
			.setName("Show in status bar")
			.setDesc("Show a summary of the open note's citations in the status bar (desktop only).")
			.addToggle((toggle) => toggle.setValue(settings.showStatusBar).onChange((value) => {
					settings.showStatusBar = value;
					save();
				}));
		new Setting(containerEl)
			.setName("Folders to skip")
			.setDesc("The vault audit ignores these folders, one per line.")
			.addTextArea((text) =>
				text.setValue(settings.ignoredFolders.join("\n")).onChange((value) => {
					settings.ignoredFolders = value
						.split("\n")
						.map((line) => line.trim().replace(/\/+$/, ""))
						.filter(Boolean);
					save();
				}),
			);
		new Setting(containerEl)
			.setName("Report note")
			.setDesc("Where the exported citation report is written.")
			.addText((text) =>
				text.setValue(settings.reportPath).onChange((value) => {
					if (value.trim() === "") return;
					settings.reportPath = value.trim();
					save();
				}),
			);
		new Setting(containerEl)
			.setName("Required source properties")
			.setDesc("Properties every cited note should have. Commas separate them, a vertical bar joins alternatives: author, year|date, URL|doi. Empty: none.")
			.addText((text) =>
				text.setPlaceholder("Author, year|date").setValue(settings.requireProperties).onChange((value) => {
					settings.requireProperties = value;
					save();
				}),
			);
		new Setting(containerEl)
			.setName("Identity properties")
			.setDesc("More properties that identify a work, besides doi, URL, isbn and citekey, separated by commas. Two cited notes with the same value are one source.")
			.addText((text) =>
				text.setPlaceholder("Pmid, arxiv").setValue(settings.identityProperties.join(", ")).onChange((value) => {
					settings.identityProperties = value.split(",").map((name) => name.trim()).filter(Boolean);
					save();
				}),
			);

		new Setting(containerEl)
			.setName("Shared configuration")
			.setDesc("A .citation-audit.json file at the vault root is read by the plugin and the command line alike; its settings win over the ones here. Export writes these settings to it, replacing its checks, folders, properties, bibliographies and literature notes.")
			.addButton((button) => button.setButtonText("Export settings to .citation-audit.json").onClick(() => void this.host.exportConfig()));

		displayCitekeySettings(containerEl, settings, save);

		new Setting(containerEl).setName("Editor").setHeading();
		new Setting(containerEl)
			.setName("Underline problems")
			.setDesc("Underline citation problems in the note; hover one for its fixes. The panel is not affected.")
			.addToggle((toggle) => toggle.setValue(settings.editorUnderlines).onChange((value) => {
					settings.editorUnderlines = value;
					save();
				}));
		new Setting(containerEl)
			.setName("Gutter markers")
			.setDesc("Mark each line with a citation problem in the gutter.")
			.addToggle((toggle) => toggle.setValue(settings.editorGutter).onChange((value) => {
					settings.editorGutter = value;
					save();
				}));
		new Setting(containerEl)
			.setName("Underline in the editor")
			.setDesc("Which problems the editor marks.")
			.addDropdown((dropdown) => dropdown.addOptions(SEVERITY_CHOICES).setValue(settings.editorMinSeverity).onChange((value) => {
					if (isSeverity(value)) settings.editorMinSeverity = value;
					save();
				}));
		new Setting(containerEl)
			.setName("List in the panel")
			.setDesc("Which problems the citation panel lists; info sections start collapsed.")
			.addDropdown((dropdown) => dropdown.addOptions(SEVERITY_CHOICES).setValue(settings.panelMinSeverity).onChange((value) => {
					if (isSeverity(value)) settings.panelMinSeverity = value;
					save();
				}));

		new Setting(containerEl).setName("Checks").setHeading();
		for (const kind of Object.keys(KIND_NAMES) as FindingKind[]) {
			new Setting(containerEl)
				.setName(KIND_NAMES[kind])
				.addToggle((toggle) => toggle.setValue(settings.enabledKinds[kind]).onChange((value) => {
					settings.enabledKinds[kind] = value;
					save();
				}));
		}
	}
}
