/**
 * The settings for Pandoc citation keys: bibliography files read for every note, and where literature notes are.
 * They map one to one onto the command line's options (--bibliography, --literature-folder,
 * --literature-template, --citekey-property) through CitekeyLibraryOptions.
 */
import { Setting } from "obsidian";
import { DEFAULT_LITERATURE_TEMPLATE } from "../../core/citekeys/citekey-library";
import { templateProblem, type CitekeyLibraryOptions } from "../../core/citekeys/library-options";

export interface CitekeySettings {
	/** Vault-relative bibliography files (`.bib`, `.json`, `.yaml`), read for every note after its own `bibliography:`. */
	bibliographyFiles: string[];
	/** Folder of the literature notes; empty: none. */
	literatureFolder: string;
	/** A literature note's file name, `{{citekey}}` standing for the key. */
	literatureTemplate: string;
	/** Frontmatter property holding a literature note's key; empty: not used. */
	citekeyProperty: string;
}

export const DEFAULT_CITEKEY_SETTINGS: CitekeySettings = {
	bibliographyFiles: [],
	literatureFolder: "",
	literatureTemplate: DEFAULT_LITERATURE_TEMPLATE,
	citekeyProperty: "",
};

/** The saved values of the right type, the defaults for the rest (hand-edited data.json). */
export function readCitekeySettings(data: Record<string, unknown>): CitekeySettings {
	const settings = { ...DEFAULT_CITEKEY_SETTINGS };
	if (Array.isArray(data.bibliographyFiles)) {
		settings.bibliographyFiles = data.bibliographyFiles.filter((entry): entry is string => typeof entry === "string" && entry.trim() !== "");
	}
	if (typeof data.literatureFolder === "string") settings.literatureFolder = data.literatureFolder;
	if (typeof data.literatureTemplate === "string" && templateProblem(data.literatureTemplate) === undefined) settings.literatureTemplate = data.literatureTemplate;
	if (typeof data.citekeyProperty === "string") settings.citekeyProperty = data.citekeyProperty;
	return settings;
}

export function citekeyLibraryOptions(settings: CitekeySettings): CitekeyLibraryOptions {
	const options: CitekeyLibraryOptions = { bibliographies: settings.bibliographyFiles, literatureTemplate: settings.literatureTemplate };
	const folder = settings.literatureFolder.trim().replace(/^\/+|\/+$/g, "");
	if (folder !== "") options.literatureFolder = folder;
	if (settings.citekeyProperty.trim() !== "") options.citekeyProperty = settings.citekeyProperty.trim();
	return options;
}

export function displayCitekeySettings(containerEl: HTMLElement, settings: CitekeySettings, save: () => void): void {
	new Setting(containerEl).setName("Citation keys").setHeading();
	new Setting(containerEl)
		.setName("Bibliography files")
		.setDesc("Bibliography files (.bib, .json or .yaml) whose keys every note may cite, one vault path per line. A note's own bibliography property is read first.")
		.addTextArea((text) =>
			text.setPlaceholder("References/library.bib").setValue(settings.bibliographyFiles.join("\n")).onChange((value) => {
				settings.bibliographyFiles = value.split("\n").map((line) => line.trim()).filter(Boolean);
				save();
			}),
		);
	new Setting(containerEl)
		.setName("Literature note folder")
		.setDesc("Where literature notes live, one per citation key. When set, a known key without a literature note is reported. Empty: none.")
		.addText((text) =>
			text.setPlaceholder("Literature").setValue(settings.literatureFolder).onChange((value) => {
				settings.literatureFolder = value.trim();
				save();
			}),
		);
	new Setting(containerEl)
		.setName("Literature note name")
		.setDesc("The file name of a literature note; {{citekey}} stands for the key.")
		.addText((text) =>
			text.setPlaceholder(DEFAULT_LITERATURE_TEMPLATE).setValue(settings.literatureTemplate).onChange((value) => {
				// A name without {{citekey}} could not be matched to a key: keep the last good one.
				if (templateProblem(value.trim()) !== undefined) return;
				settings.literatureTemplate = value.trim();
				save();
			}),
		);
	new Setting(containerEl)
		.setName("Citation key property")
		.setDesc("A property that holds a literature note's key, wherever the note is. Empty: not used.")
		.addText((text) =>
			text.setPlaceholder("Citekey").setValue(settings.citekeyProperty).onChange((value) => {
				settings.citekeyProperty = value.trim();
				save();
			}),
		);
}
