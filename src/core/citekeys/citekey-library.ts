/**
 * The seam between the citation-key checks and a vault (like LinkResolver): where bibliographies and literature
 * notes are. The command line implements it over the file system, the plugin over the vault and its metadata
 * cache; the engine only asks.
 */
import type { ParsedBibliography } from "../bibliography/bibliography";

export interface CitekeyLibrary {
	/**
	 * The parsed bibliography at `path` (vault-relative, or as given in the settings), or null when no such file
	 * exists. Implementations cache: a file is parsed again only after it changed.
	 */
	loadBibliography(path: string): ParsedBibliography | null;
	/** Bibliography files named in the settings (CLI `--bibliography`), in order, as `loadBibliography` takes them. */
	readonly bibliographies: readonly string[];
	/** Literature notes: where they live and how they are named, when the writer set that up. */
	readonly literature: LiteratureSettings;
	/** The vault-relative path of the literature note for `key`, or null. */
	literatureNote(key: string): string | null;
	/** Every key that has a literature note (for "did you mean" and for keys no bibliography holds). */
	literatureKeys(): Iterable<string>;
}

export interface LiteratureSettings {
	/** Vault-relative folder of the literature notes ("" is the vault root); undefined when none is set. */
	folder?: string;
	/** File name without `.md`, `{{citekey}}` standing for the key: `@{{citekey}}` or `{{citekey}}`. */
	template: string;
	/** A frontmatter property holding a note's key (`citekey`), when literature notes are found by property. */
	property?: string;
}

export const DEFAULT_LITERATURE_TEMPLATE = "@{{citekey}}";

/** Whether the library has any source of its own (settings files or literature notes), beyond a note's frontmatter. */
export function isLibraryConfigured(library: CitekeyLibrary | undefined): boolean {
	return library !== undefined && (library.bibliographies.length > 0 || hasLiteratureSource(library.literature));
}

/** Whether the writer configured any literature-note source. */
export function hasLiteratureSource(settings: LiteratureSettings): boolean {
	return settings.folder !== undefined || (settings.property !== undefined && settings.property !== "");
}

/** The file name (without `.md`) the template gives a key. */
export function literatureFileName(template: string, key: string): string {
	const name = template.includes("{{citekey}}") ? template.split("{{citekey}}").join(key) : `${template}${key}`;
	// `/` and `:` cannot stand in a file name on every system Obsidian runs on.
	return name.replace(/[\\/:]/g, "-");
}

/** The vault-relative path of the literature note the settings give a key. */
export function literatureNotePath(settings: LiteratureSettings, key: string): string {
	const folder = (settings.folder ?? "").replace(/^\/+|\/+$/g, "");
	const name = `${literatureFileName(settings.template || DEFAULT_LITERATURE_TEMPLATE, key)}.md`;
	return folder === "" ? name : `${folder}/${name}`;
}

/** The key a literature note's file name stands for under the template, or null when the name does not fit. */
export function keyFromLiteratureFileName(template: string, baseName: string): string | null {
	const parts = (template || DEFAULT_LITERATURE_TEMPLATE).split("{{citekey}}");
	if (parts.length !== 2) return null;
	const [before, after] = parts;
	if (!baseName.startsWith(before) || !baseName.endsWith(after) || baseName.length <= before.length + after.length) return null;
	return baseName.slice(before.length, baseName.length - after.length);
}
