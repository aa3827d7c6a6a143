/**
 * The command line's CitekeyLibrary: bibliographies read from disk and parsed once per modification time
 * (a file is parsed again only when its mtime or size changed), literature notes found in the vault listing,
 * their `citekey`-like property read from frontmatter with the `yaml` package.
 *
 * Paths: a note's `bibliography:` names vault files (the listing decides what exists, so nothing outside the
 * vault is read for a note); a `--bibliography FILE` is the writer's own choice on the command line, read
 * relative to the working folder, and shown vault-relative when it lies inside the vault.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { BibliographyCache } from "../core/bibliography/load-bibliography";
import type { ParsedBibliography } from "../core/bibliography/bibliography";
import { formatOfPath } from "../core/bibliography/bibliography";
import type { CitekeyLibrary } from "../core/citekeys/citekey-library";
import { literatureSettingsOf, type CitekeyLibraryOptions } from "../core/citekeys/library-options";
import { LiteratureIndex } from "../core/citekeys/literature-index";
import { makeCitekeyLibrary } from "../core/citekeys/make-library";
import { createNoteProperties } from "./note-properties";
import { describeIoError, isInside, VaultError, type VaultListing } from "./vault-files";

/** Larger bibliographies are refused with a finding rather than read (the bench's 5 MB file is far below). */
const MAX_BIBLIOGRAPHY_BYTES = 256 * 1024 * 1024;

export function createDiskCitekeyLibrary(
	options: CitekeyLibraryOptions,
	listing: VaultListing,
	cwd: string,
	readNoteText: (path: string) => string | null,
	vaultBibliographies: readonly string[] = [],
): CitekeyLibrary {
	// --bibliography files: checked now, so a mistyped name is a usage error (exit 2), not a finding per note.
	const named = new Map<string, string>();
	for (const argument of options.bibliographies) {
		let real: string;
		try {
			real = realpathSync(resolve(cwd, argument));
			if (!statSync(real).isFile()) throw Object.assign(new Error("not a file"), { code: "ENOTFILE" });
		} catch (error) {
			throw new VaultError(`--bibliography ${argument}: ${describeIoError(error)}`);
		}
		const shown = isInside(listing.root, real) ? relative(listing.root, real).split(sep).join("/") : argument;
		named.set(shown, real);
	}
	const cache = new BibliographyCache(parse);
	const load = (path: string): ParsedBibliography | null => {
		// The listing answers only for the files it lists (no Set of the vault's paths built for one lookup).
		const absolute = named.get(path) ?? listing.realPaths.get(path);
		if (absolute === undefined) return null;
		let version: string;
		try {
			const stats = statSync(absolute);
			if (stats.size > MAX_BIBLIOGRAPHY_BYTES) return unreadable(path, `${Math.round(stats.size / 1048576)} MB is larger than the ${MAX_BIBLIOGRAPHY_BYTES / 1048576} MB limit`);
			version = `${stats.mtimeMs}:${stats.size}`;
		} catch (error) {
			return unreadable(path, describeIoError(error));
		}
		try {
			return cache.get(path, version, () => readFileSync(absolute, "utf8").replace(/^\uFEFF/, ""));
		} catch (error) {
			return unreadable(path, describeIoError(error));
		}
	};
	const properties = createNoteProperties(readNoteText);
	const literature = new LiteratureIndex(literatureSettingsOf(options), {
		markdownPaths: () => listing.paths.filter((path) => /\.md$/i.test(path)),
		property: (path, name) => properties.properties(path)?.[name],
	});
	// The configuration file's vault paths join after the command line's files, read like a note's own.
	const vaultPaths = vaultBibliographies.map((path) => path.trim().replace(/\\/g, "/").replace(/^\/+/, ""));
	return makeCitekeyLibrary({ ...options, bibliographies: [...named.keys(), ...vaultPaths] }, load, literature);
}

/** A file that exists but cannot be read is reported like one that does not parse: at line 1, with the cause. */
function unreadable(path: string, cause: string): ParsedBibliography {
	return { format: formatOfPath(path) ?? "bibtex", entries: [], error: { line: 1, message: `cannot be read (${cause})` } };
}
