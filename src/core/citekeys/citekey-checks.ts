/**
 * The citation-key findings of one note, from its key occurrences and the library's bibliographies and
 * literature notes, looked up in this order: the note's frontmatter `bibliography:`, the files named in the
 * settings, the literature notes.
 *
 *   unknown-citekey       error    no source has the key; up to 3 did-you-mean keys
 *   duplicate-citekey     warning  two bibliographies (or one, twice) give the key to different works
 *   missing-bibliography  error    a `bibliography:` file (or one named in the settings) does not exist
 *   invalid-bibliography  error    a bibliography file does not parse (names the file and the line)
 *   citekey-without-note  info     a known key without a literature note (only when a literature folder is set)
 *   no-bibliography       info     the note cites keys but nothing is configured: one finding saying how to
 */
import { writeKey } from "./citekey";
import type { BibEntry } from "../bibliography/bibliography";
import { sameWork } from "../bibliography/bibliography";
import { makeFinding } from "../audit/finding";
import type { LineIndex } from "../text/line-index";
import type { Finding, FindingKind } from "../types";
import { bibliographyCandidates } from "./bibliography-paths";
import { hasLiteratureSource, type CitekeyLibrary } from "./citekey-library";
import { readFrontmatterBibliography } from "./frontmatter-bibliography";
import type { Range } from "./non-prose";
import type { CitekeyOccurrence } from "./scan-citekeys";
import { suggestCitekeys } from "./suggest-citekeys";

/** A key's entries in source order, each with the file it came from. */
export interface KeyedEntry {
	entry: BibEntry;
	file: string;
}

export interface CitekeySources {
	/** Entries by key, in the order the sources were read. */
	entries: Map<string, KeyedEntry[]>;
	/** Whether any source is configured (frontmatter, settings or literature notes). */
	configured: boolean;
	/** A bibliography is still being read: no key can be judged yet (see ParsedBibliography.pending). */
	pending: boolean;
	findings: Finding[];
}

/**
 * Reads the note's sources: each bibliography through the library (cached there), with its file findings. The
 * files named in the settings are read only for a note that cites keys (`firstCitation`), and their findings
 * point at that first citation: a broken settings file is reported where it matters, not in every note.
 */
export function readCitekeySources(
	text: string,
	path: string,
	lines: LineIndex,
	library: CitekeyLibrary | undefined,
	firstCitation: Range | null,
): CitekeySources {
	const frontmatter = readFrontmatterBibliography(text);
	const findings: Finding[] = [];
	const entries = new Map<string, KeyedEntry[]>();
	let pending = false;
	const add = (file: string, list: readonly BibEntry[]) => {
		for (const entry of list) {
			const known = entries.get(entry.key);
			if (known) known.push({ entry, file });
			else entries.set(entry.key, [{ entry, file }]);
		}
	};
	const load = (written: string, candidates: readonly string[], range: Range, where: string) => {
		if (!library) return;
		for (const candidate of candidates) {
			const parsed = library.loadBibliography(candidate);
			if (!parsed) continue;
			if (parsed.pending) pending = true;
			add(candidate, parsed.entries);
			if (parsed.error) {
				findings.push(
					fileFinding("invalid-bibliography", range, lines, `Bibliography ${candidate} does not parse at line ${parsed.error.line}: ${parsed.error.message}`, written, candidate),
				);
			}
			return;
		}
		findings.push(fileFinding("missing-bibliography", range, lines, `Bibliography ${written} ${where} does not exist`, written));
	};
	for (const file of frontmatter.files) {
		load(file.path, bibliographyCandidates(file.path, path), file, "named in the frontmatter");
	}
	if (firstCitation) for (const file of library?.bibliographies ?? []) load(file, [file], firstCitation, "named in the settings");
	const configured = frontmatter.present || (library !== undefined && (library.bibliographies.length > 0 || hasLiteratureSource(library.literature)));
	return { entries, configured, pending, findings };
}

export function checkCitekeys(occurrences: readonly CitekeyOccurrence[], sources: CitekeySources, lines: LineIndex, library: CitekeyLibrary | undefined): Finding[] {
	if (occurrences.length === 0) return [];
	if (!sources.configured) return [noBibliography(occurrences, lines)];
	if (sources.pending) return [];
	const findings: Finding[] = [];
	const literatureKeys = new Set(library ? library.literatureKeys() : []);
	const folderSet = library?.literature.folder !== undefined;
	const seen = new Set<string>();
	let knownKeys: string[] | null = null;
	for (const occurrence of occurrences) {
		const { key } = occurrence;
		const entries = sources.entries.get(key);
		const hasNote = literatureKeys.has(key) || (library?.literatureNote(key) ?? null) !== null;
		if (!entries && !hasNote) {
			knownKeys ??= [...new Set([...sources.entries.keys(), ...literatureKeys])];
			const suggestions = suggestCitekeys(key, knownKeys);
			const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `@${writeKey(s)}`).join(", ")}?` : "";
			findings.push(withKey(makeFinding("unknown-citekey", occurrence, lines, `@${writeKey(key)} is in no bibliography and has no literature note${hint}`, { suggestions }), key));
			continue;
		}
		if (seen.has(key)) continue;
		seen.add(key);
		if (entries && entries.length > 1 && entries.some((other) => !sameWork(entries[0].entry, other.entry))) {
			const places = entries.map((other) => `${other.file}:${other.entry.line}`).join(", ");
			findings.push(withKey(makeFinding("duplicate-citekey", occurrence, lines, `@${writeKey(key)} names different works in ${places}`), key));
		}
		if (entries && folderSet && !hasNote) {
			findings.push(withKey(makeFinding("citekey-without-note", occurrence, lines, `@${writeKey(key)} has no literature note`), key));
		}
	}
	return findings;
}

function noBibliography(occurrences: readonly CitekeyOccurrence[], lines: LineIndex): Finding {
	const keys = new Set(occurrences.map((occurrence) => occurrence.key)).size;
	const message =
		`This note cites ${keys} Pandoc citation key${keys === 1 ? "" : "s"} but no bibliography is configured: ` +
		"add `bibliography: file.bib` to its frontmatter, or set bibliography files or a literature-note folder in the settings " +
		"(command line: --bibliography FILE, --literature-folder DIR)";
	return withKey(makeFinding("no-bibliography", occurrences[0], lines, message), occurrences[0].key);
}

function fileFinding(kind: FindingKind, range: Range, lines: LineIndex, message: string, written: string, resolved?: string): Finding {
	return makeFinding(kind, range, lines, message, resolved === undefined ? { target: written } : { target: written, resolved });
}

function withKey(finding: Finding, key: string): Finding {
	finding.citekey = key;
	return finding;
}
