/**
 * The path resolver as it was before its lookups were made cheaper (issue 15), kept as the reference the
 * differential test (resolve-linkpath-differential.test.ts) compares the current one with. Not used by src.
 *
 * Original header:
 * Link path resolution over a plain list of vault paths, following the rules of Obsidian's
 * `metadataCache.getFirstLinkpathDest` so the command line agrees with the app about which file a link opens.
 *
 * Pure: no `obsidian`, no file system. The index is built once; each lookup is a few Map probes plus a
 * filter over the (usually one or two) files that share the link's name.
 */

import type { LinkResolution } from "../../../src/core/types";

export interface PathResolver {
	resolve(linkpath: string, sourcePath: string): LinkResolution;
}

const MD_SUFFIX = ".md";

/** Lowercase `.md` test without allocating a lowercased copy of the whole path. */
function hasMarkdownExtension(path: string): boolean {
	return path.length > MD_SUFFIX.length && path.slice(-MD_SUFFIX.length).toLowerCase() === MD_SUFFIX;
}

const NON_ASCII = /[^ -~\t\n\r]/;

/**
 * How two names are compared: Unicode NFC, then lower case. A file stored decomposed (NFD, as macOS and some
 * sync tools write names) and a link typed composed must meet: Obsidian's `normalizePath` NFC-normalises
 * every vault path (obsidian.d.ts declares `normalizePath(path: string): string` without saying what it does;
 * its steps, NFC included, are those recorded in tests/obsidian-double/paths.ts from the app). Paths are still
 * returned as stored, so the command line reads the file by its name on disk.
 */
export function foldName(name: string): string {
	return (NON_ASCII.test(name) ? name.normalize("NFC") : name).toLowerCase();
}

function lastComponent(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** The folder of a vault path, `""` for the root. */
function folderOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

/**
 * The key a file is found by when a link names it: its lowercase file name, minus `.md` for notes.
 * `paper.pdf` keeps its extension, which is why `[[paper]]` never opens it.
 */
function nameKey(fileName: string): string {
	const lower = foldName(fileName);
	return hasMarkdownExtension(lower) ? lower.slice(0, -MD_SUFFIX.length) : lower;
}

/**
 * Link paths that must never match anything: they would point outside the vault (absolute, drive-letter)
 * or use a separator Obsidian does not use in links (backslash), so honouring them could only mislead.
 */
function isForbiddenLinkpath(linkpath: string): boolean {
	return (
		linkpath.startsWith("/") ||
		linkpath.includes("\\") ||
		/^[A-Za-z]:/.test(linkpath) ||
		linkpath.includes("\0")
	);
}

/** Whether the link is explicitly relative to the note that contains it (`./x`, `../x`). */
function isExplicitlyRelative(linkpath: string): boolean {
	return linkpath === "." || linkpath === ".." || linkpath.startsWith("./") || linkpath.startsWith("../");
}

/**
 * Collapse `.`, `..` and doubled slashes. Returns null when `..` climbs above the vault root: such a link
 * names something outside the vault and must not be resolved to a file inside it.
 */
export function normalizeVaultPath(path: string): string | null {
	const out: string[] = [];
	for (const part of path.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") {
			if (out.length === 0) return null;
			out.pop();
			continue;
		}
		out.push(part);
	}
	return out.join("/");
}

function joinFolder(folder: string, path: string): string {
	return folder === "" ? path : `${folder}/${path}`;
}

/** `a/b/Note.md` ends with the link `b/Note` on a `/` boundary (or equals it). */
function endsWithOnBoundary(lowerPath: string, lowerSuffix: string): boolean {
	if (lowerPath === lowerSuffix) return true;
	return lowerPath.endsWith(lowerSuffix) && lowerPath[lowerPath.length - lowerSuffix.length - 1] === "/";
}

/** Deterministic order among name matches: the source note's folder first, then shortest, then by code unit. */
function compareCandidates(a: string, b: string, sourceFolder: string): number {
	const aHere = foldName(folderOf(a)) === foldName(sourceFolder) ? 0 : 1;
	const bHere = foldName(folderOf(b)) === foldName(sourceFolder) ? 0 : 1;
	if (aHere !== bHere) return aHere - bHere;
	if (a.length !== b.length) return a.length - b.length;
	return a < b ? -1 : a > b ? 1 : 0;
}

function byCodeUnit(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

class VaultPathIndex {
	/** Folded vault path ({@link foldName}) → the path as stored (the first in sorted order if two differ only in case). */
	private readonly byLowerPath = new Map<string, string>();
	/** {@link nameKey} → every path with that name. */
	private readonly byName = new Map<string, string[]>();

	constructor(paths: readonly string[]) {
		for (const path of [...paths].sort(byCodeUnit)) {
			const lower = foldName(path);
			if (!this.byLowerPath.has(lower)) this.byLowerPath.set(lower, path);
			// nameKey(lastComponent(path)) from the lowercased path: one toLowerCase per path (a `/` is not
			// case-ignorable, so the last component lowercases the same alone or in its path).
			const lowerName = lastComponent(lower);
			const key = lowerName.length > MD_SUFFIX.length && lowerName.endsWith(MD_SUFFIX) ? lowerName.slice(0, -MD_SUFFIX.length) : lowerName;
			const list = this.byName.get(key);
			if (list) list.push(path);
			else this.byName.set(key, [path]);
		}
	}

	/** The file at exactly this vault path, with `.md` optional and case ignored. */
	exact(path: string): string | null {
		const lower = foldName(path);
		return this.byLowerPath.get(lower) ?? this.byLowerPath.get(lower + MD_SUFFIX) ?? null;
	}

	/** Files named like the last component of `linkpath` whose path ends with `linkpath` (`.md` optional). */
	nameMatches(linkpath: string): string[] {
		const lowerLink = foldName(linkpath);
		const list = this.byName.get(nameKey(lastComponent(lowerLink)));
		if (!list) return [];
		const withMd = lowerLink + MD_SUFFIX;
		return list.filter((path) => {
			const lower = foldName(path);
			return endsWithOnBoundary(lower, lowerLink) || endsWithOnBoundary(lower, withMd);
		});
	}
}

/**
 * Build a resolver over `paths` (vault-relative, forward slashes, with extensions).
 *
 * Order, as in Obsidian: an empty link path is the source note; then an exact vault path; then a path
 * relative to the source note's folder; then a file with that name whose path ends with the link path,
 * preferring the source note's folder, then the shortest path.
 */
export function createPathResolver(paths: readonly string[]): PathResolver {
	const index = new VaultPathIndex(paths);

	/** The file at `linkpath` taken relative to `sourceFolder`; null also when that climbs out of the vault. */
	function resolveRelative(linkpath: string, sourceFolder: string): string | null {
		const joined = normalizeVaultPath(joinFolder(sourceFolder, linkpath));
		return joined ? index.exact(joined) : null;
	}

	function resolve(linkpath: string, sourcePath: string): LinkResolution {
		if (linkpath === "") return { path: index.exact(sourcePath) ?? sourcePath, alternatives: [] };
		if (isForbiddenLinkpath(linkpath)) return noMatch();
		const sourceFolder = folderOf(sourcePath);

		if (isExplicitlyRelative(linkpath)) {
			const found = resolveRelative(linkpath, sourceFolder);
			return { path: found, alternatives: [] };
		}

		const normalized = normalizeVaultPath(linkpath);
		if (!normalized) return noMatch();
		// "Bare" as written: `a/../Note` names a folder path even though it normalises to `Note`.
		const isBareName = !linkpath.includes("/");
		const matches = index.nameMatches(normalized);
		const chosen =
			index.exact(normalized) ?? resolveRelative(normalized, sourceFolder) ?? pickCandidate(matches, sourceFolder);
		if (!chosen) return noMatch();
		const alternatives =
			isBareName && matches.length > 1 ? matches.filter((path) => path !== chosen).sort(byCodeUnit) : [];
		return { path: chosen, alternatives };
	}

	return { resolve };
}

function noMatch(): LinkResolution {
	return { path: null, alternatives: [] };
}

function pickCandidate(matches: string[], sourceFolder: string): string | null {
	let best: string | null = null;
	for (const path of matches) {
		if (best === null || compareCandidates(path, best, sourceFolder) < 0) best = path;
	}
	return best;
}
