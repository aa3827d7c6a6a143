/**
 * Where citation keys come from, as the writer configures it: one plain object that the command line's options,
 * the plugin's settings and a shared configuration file all fill in the same way. The adapters turn it into a
 * CitekeyLibrary; the engine never reads settings itself.
 */
import { DEFAULT_LITERATURE_TEMPLATE, type LiteratureSettings } from "./citekey-library";

export interface CitekeyLibraryOptions {
	/** Bibliography files read for every note, in order, after the note's own `bibliography:` (CLI `--bibliography`). */
	bibliographies: readonly string[];
	/** Vault-relative folder of the literature notes ("" is the vault root); undefined: no folder set. */
	literatureFolder?: string;
	/** A literature note's file name without `.md`; `{{citekey}}` stands for the key. Default `@{{citekey}}`. */
	literatureTemplate?: string;
	/** A frontmatter property that holds a literature note's key (`citekey`); undefined: not used. */
	citekeyProperty?: string;
}

export const NO_CITEKEY_SOURCES: CitekeyLibraryOptions = { bibliographies: [] };

/** The literature-note part of the options, as the library and the checks take it. */
export function literatureSettingsOf(options: CitekeyLibraryOptions): LiteratureSettings {
	const settings: LiteratureSettings = { template: options.literatureTemplate?.trim() || DEFAULT_LITERATURE_TEMPLATE };
	if (options.literatureFolder !== undefined) settings.folder = options.literatureFolder.trim().replace(/^\/+|\/+$/g, "");
	const property = options.citekeyProperty?.trim();
	if (property) settings.property = property;
	return settings;
}

/** A template must name the key exactly once, or no key could be read back from a file name. */
export function templateProblem(template: string): string | undefined {
	const count = template.split("{{citekey}}").length - 1;
	if (count !== 1) return `the literature-note template must contain {{citekey}} once (got "${template}")`;
	if (/[\\/:]/.test(template)) return `the literature-note template is a file name and cannot contain / \\ or : (got "${template}")`;
	return undefined;
}
