/**
 * What the audit needs from a bibliography file: its keys and, for literature notes, the few fields a note's
 * properties hold. Plain data, so a parsed file can be cached and compared.
 */

export interface BibEntry {
	key: string;
	title?: string;
	/** Display names in order ("Jörg Müller", "Coastal Survey Collective"). */
	authors: string[];
	year?: string;
	doi?: string;
	url?: string;
	/** 1-based line of the entry in its file. */
	line: number;
}

export interface BibliographyError {
	/** 1-based line where the file stops making sense. */
	line: number;
	message: string;
}

export interface ParsedBibliography {
	format: BibliographyFormat;
	/** In file order; a key written twice in one file appears twice. */
	entries: BibEntry[];
	/** Set when the file does not parse; entries read before the problem are kept. */
	error?: BibliographyError;
	/**
	 * Set while the file is still being read (the plugin reads through the vault adapter, asynchronously): no key
	 * can be called unknown until it is in, so the checks wait and the note is audited again once it is.
	 */
	pending?: boolean;
}

export type BibliographyFormat = "bibtex" | "csl-json" | "csl-yaml";

/** Parses YAML text: the `yaml` package in the command line, Obsidian's `parseYaml` in the plugin. */
import { normaliseDoi } from "../sources/doi";

export type YamlParser = (text: string) => unknown;

/** The format Pandoc infers from a file's extension (`.bib`, `.bibtex`, `.json`, `.yaml`/`.yml`), or null. */
export function formatOfPath(path: string): BibliographyFormat | null {
	const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
	if (extension === "bib" || extension === "bibtex") return "bibtex";
	if (extension === "json") return "csl-json";
	if (extension === "yaml" || extension === "yml") return "csl-yaml";
	return null;
}

/** Whether two entries describe the same work (a key exported twice is no conflict; two works under one key are). */
export function sameWork(a: BibEntry, b: BibEntry): boolean {
	// Two DOIs decide alone: a DOI names one work (DOI Handbook 2.4), while the same work exported twice
	// (BibTeX and BibLaTeX styles of one Zotero library) spells its title braces, names and dates differently.
	const doiA = a.doi === undefined ? null : normaliseDoi(a.doi);
	const doiB = b.doi === undefined ? null : normaliseDoi(b.doi);
	if (doiA !== null && doiB !== null) return doiA === doiB;
	const norm = (value: string | undefined) => (value ?? "").normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
	return (
		norm(a.title) === norm(b.title) &&
		norm(a.year) === norm(b.year) &&
		norm(a.doi) === norm(b.doi) &&
		norm(a.authors.join(" ")) === norm(b.authors.join(" "))
	);
}
