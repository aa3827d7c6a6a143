/**
 * A new literature note for a key, from its bibliography entry: frontmatter with the key (under the configured
 * property, `citekey` by default), title, authors, year and DOI or URL, then a heading. The frontmatter is written
 * by a YAML library (the `yaml` package in tests and the command line, Obsidian's `stringifyYaml` in the plugin),
 * never by hand, so no title with `:`, `#`, quotes or a line break can change its structure.
 *
 *   ---
 *   citekey: mullerKernelsOrchard2021
 *   title: "Kernels of the Orchard: A Field Study"
 *   authors:
 *     - Jörg Müller
 *   year: "2021"
 *   doi: 10.5555/orchard.2021.012
 *   ---
 *
 *   # Kernels of the Orchard: A Field Study
 */
import type { NoteAudit } from "../audit/audit-note";
import type { BibEntry } from "../bibliography/bibliography";
import type { Finding } from "../types";
import { literatureNotePath, type CitekeyLibrary } from "./citekey-library";

/** Writes a value as YAML text (a mapping ends with a line break). */
export type YamlStringifier = (value: unknown) => string;

export function literatureNoteText(entry: BibEntry, stringifyYaml: YamlStringifier, property = "citekey"): string {
	const data: Record<string, unknown> = { [property.trim() || "citekey"]: entry.key };
	if (entry.title) data.title = oneLine(entry.title);
	if (entry.authors.length > 0) data.authors = entry.authors.map(oneLine);
	if (entry.year) data.year = entry.year;
	if (entry.doi) data.doi = entry.doi;
	if (entry.url) data.url = entry.url;
	const yaml = stringifyYaml(data);
	return `---\n${yaml.endsWith("\n") ? yaml : `${yaml}\n`}---\n\n# ${oneLine(entry.title ?? entry.key)}\n`;
}

export interface LiteratureNotePlan {
	key: string;
	/** Vault-relative path, from the configured folder and template. */
	path: string;
	text: string;
}

/**
 * What "Create literature note" would write for a finding: only for a key a bibliography knows (its first entry,
 * in the order of the sources) and only when a literature-note folder is set, since that is where it goes.
 * Null otherwise. The caller must not overwrite an existing file.
 */
export function planLiteratureNote(
	audit: NoteAudit,
	finding: Finding,
	library: Pick<CitekeyLibrary, "literature"> | undefined,
	stringifyYaml: YamlStringifier,
): LiteratureNotePlan | null {
	const key = finding.citekey;
	if (key === undefined || finding.kind !== "citekey-without-note" || library?.literature.folder === undefined) return null;
	const entry = audit.citekeys.sources.entries.get(key)?.[0]?.entry;
	if (!entry) return null;
	return { key, path: literatureNotePath(library.literature, key), text: literatureNoteText(entry, stringifyYaml, library.literature.property) };
}

/** Titles and names from a bibliography may hold line breaks and runs of spaces; a property is one line. */
function oneLine(value: string): string {
	return value.replace(/\s+/g, " ").trim();
}
