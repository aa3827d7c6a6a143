/**
 * Link path resolution over a plain list of vault paths, following the rules of Obsidian's
 * `metadataCache.getFirstLinkpathDest` so the command line agrees with the app about which file a link opens.
 *
 * Pure: no `obsidian`, no file system. The index is built once; each lookup is a few Map probes plus a
 * filter over the (usually one or two) files that share the link's name.
 */

import type { LinkResolution } from "../types";
import { FoldedNameTable } from "./folded-name-table";

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
	// Most link paths are already normal (`Note`, `Sources/Note`): answer them without splitting.
	if (isNormalVaultPath(path)) return path;
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

/** No empty, `.` or `..` component: {@link normalizeVaultPath} would return the path unchanged. */
function isNormalVaultPath(path: string): boolean {
	let start = 0;
	for (;;) {
		const slash = path.indexOf("/", start);
		const end = slash === -1 ? path.length : slash;
		const length = end - start;
		if (length === 0) return false;
		if (path.charCodeAt(start) === 0x2e /* . */ && (length === 1 || (length === 2 && path.charCodeAt(start + 1) === 0x2e))) return false;
		if (slash === -1) return true;
		start = slash + 1;
	}
}

function joinFolder(folder: string, path: string): string {
	return folder === "" ? path : `${folder}/${path}`;
}

/** `a/b/Note.md` ends with the link `b/Note` on a `/` boundary (or equals it). */
function endsWithOnBoundary(lowerPath: string, lowerSuffix: string): boolean {
	if (lowerPath === lowerSuffix) return true;
	return lowerPath.endsWith(lowerSuffix) && lowerPath[lowerPath.length - lowerSuffix.length - 1] === "/";
}

/**
 * {@link endsWithOnBoundary} with `lowerSuffix + ".md"`, without building that string (a lookup per link
 * would otherwise allocate one per candidate).
 */
function endsWithNoteOnBoundary(lowerPath: string, lowerSuffix: string): boolean {
	if (!lowerPath.endsWith(MD_SUFFIX)) return false;
	const end = lowerPath.length - MD_SUFFIX.length;
	if (!lowerPath.endsWith(lowerSuffix, end)) return false;
	return end === lowerSuffix.length || lowerPath[end - lowerSuffix.length - 1] === "/";
}

/**
 * Deterministic order among name matches: the source note's folder first, then shortest, then by code unit.
 * `foldedSourceFolder` is {@link foldName} of the source note's folder.
 */
function compareCandidates(a: string, b: string, foldedSourceFolder: string): number {
	const aHere = foldName(folderOf(a)) === foldedSourceFolder ? 0 : 1;
	const bHere = foldName(folderOf(b)) === foldedSourceFolder ? 0 : 1;
	if (aHere !== bHere) return aHere - bHere;
	if (a.length !== b.length) return a.length - b.length;
	return a < b ? -1 : a > b ? 1 : 0;
}

function byCodeUnit(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function isSortedByCodeUnit(paths: readonly string[]): boolean {
	for (let index = 1; index < paths.length; index++) if (paths[index - 1] > paths[index]) return false;
	return true;
}

/**
 * The paths that share a name key, each followed by its folded form ({@link foldName}): `[path, folded, path,
 * folded, …]`, in sorted order. One flat array per name keeps a 50,000-note vault's index lighter than a map
 * of folded paths beside lists of names did (the folded strings are needed either way).
 */
type NamedPaths = string[];

/** A file name's key: folded, `.md` cut (a name of just `.md` keeps it). */
function bareName(lowerName: string): string {
	return lowerName.length > MD_SUFFIX.length && lowerName.endsWith(MD_SUFFIX) ? lowerName.slice(0, -MD_SUFFIX.length) : lowerName;
}

class VaultPathIndex {
	private readonly table: FoldedNameTable;
	/** {@link nameKey} → every path with that name (see {@link NamedPaths}), or null for none, as asked for. */
	private readonly byName = new Map<string, NamedPaths | null>();

	constructor(paths: readonly string[]) {
		// The command line's listing comes sorted: a check instead of a copy and a sort.
		const sorted = isSortedByCodeUnit(paths) ? paths : [...paths].sort(byCodeUnit);
		// nameKey(lastComponent(path)) from the lowercased path (a `/` is not case-ignorable, so the last
		// component lowercases the same alone or in its path).
		this.table = new FoldedNameTable(sorted, (path) => bareName(lastComponent(foldName(path))));
	}

	/**
	 * The file at exactly this vault path, with `.md` optional and case ignored; of paths that differ only in
	 * case, the first in sorted order. A file at the folded path `P` is listed under its last component's key,
	 * and one at `P.md` under the last component itself (or `.md` when that is empty).
	 */
	exact(path: string): string | null {
		const lower = foldName(path);
		const last = lastComponent(lower);
		return firstFoldedAs(this.named(bareName(last)), "", lower, "") ?? firstFoldedAs(this.named(last === "" ? MD_SUFFIX : last), "", lower, MD_SUFFIX);
	}

	/** The paths whose folded last component, `.md` cut, is `key`. */
	named(key: string): NamedPaths | undefined {
		const known = this.byName.get(key);
		if (known !== undefined) return known ?? undefined;
		const paths = this.table.pathsNamed(key);
		const named: NamedPaths | null = paths ? paths.flatMap((path) => [path, foldName(path)]) : null;
		this.byName.set(key, named);
		return named ?? undefined;
	}
}

/**
 * Files named like the last component of the link path whose path ends with it (`.md` optional);
 * `lowerLink` is the link path folded ({@link foldName}).
 */
function nameMatches(named: NamedPaths | undefined, lowerLink: string): string[] {
	if (!named) return [];
	const matches: string[] = [];
	for (let i = 0; i < named.length; i += 2) {
		const lower = named[i + 1];
		if (endsWithOnBoundary(lower, lowerLink) || endsWithNoteOnBoundary(lower, lowerLink)) matches.push(named[i]);
	}
	return matches;
}

/**
 * The first path (in sorted order, as {@link VaultPathIndex.exact} answers) whose folded form is
 * `prefix + lowerLink + suffix`, compared in place rather than built.
 */
function firstFoldedAs(named: NamedPaths | undefined, prefix: string, lowerLink: string, suffix: string): string | null {
	if (!named) return null;
	const length = prefix.length + lowerLink.length + suffix.length;
	for (let i = 0; i < named.length; i += 2) {
		const lower = named[i + 1];
		if (lower.length === length && lower.startsWith(prefix) && lower.startsWith(lowerLink, prefix.length) && lower.endsWith(suffix)) return named[i];
	}
	return null;
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
	// The folded folder of the last source note, with a `/`: a note's links are resolved one after another.
	let lastFolder: string | null = null;
	let lastFoldedPrefix = "";

	function foldedPrefix(sourceFolder: string): string {
		if (sourceFolder !== lastFolder) {
			lastFolder = sourceFolder;
			lastFoldedPrefix = `${foldName(sourceFolder)}/`;
		}
		return lastFoldedPrefix;
	}

	/** The file at `linkpath` taken relative to `sourceFolder`; null also when that climbs out of the vault. */
	function resolveRelative(linkpath: string, sourceFolder: string): string | null {
		const joined = normalizeVaultPath(joinFolder(sourceFolder, linkpath));
		return joined ? index.exact(joined) : null;
	}

	/**
	 * A normal link path (see normalizeVaultPath), folded as `lowerLink`: the file at it exactly, or relative to
	 * the source's folder, or by its name; and the files its name matches.
	 *
	 * Every file the first two can find ends with the link's last component `L`, or `L.md`: it is listed under
	 * the name key `L` without `.md`, or `L`. So those lists answer them, as the full-path map would (in sorted
	 * order, the first of paths differing in case only), without building or hashing the joined paths. Joined to
	 * a normal folder the link path stays normal, and folding it is folding its parts (NFC and lower case stop
	 * at a `/`); in the vault's root it is the link path itself.
	 */
	function resolveNormal(normalized: string, lowerLink: string, sourceFolder: string): { chosen: string | null; matches: string[] } {
		const last = lastComponent(lowerLink);
		const bareKey = bareName(last);
		const named = index.named(bareKey);
		const notes = bareKey === last ? named : index.named(last);
		const matchKey = nameKey(last);
		const matches = nameMatches(matchKey === bareKey ? named : index.named(matchKey), lowerLink);
		let chosen = firstFoldedAs(named, "", lowerLink, "") ?? firstFoldedAs(notes, "", lowerLink, MD_SUFFIX);
		if (chosen === null && sourceFolder !== "") {
			if (!isNormalVaultPath(sourceFolder)) chosen = resolveRelative(normalized, sourceFolder);
			else {
				const prefix = foldedPrefix(sourceFolder);
				chosen = firstFoldedAs(named, prefix, lowerLink, "") ?? firstFoldedAs(notes, prefix, lowerLink, MD_SUFFIX);
			}
		}
		if (chosen === null) chosen = pickCandidate(matches, matches.length > 1 ? foldName(sourceFolder) : "");
		return { chosen, matches };
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
		const { chosen, matches } = resolveNormal(normalized, foldName(normalized), sourceFolder);
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

function pickCandidate(matches: string[], foldedSourceFolder: string): string | null {
	let best: string | null = null;
	for (const path of matches) {
		if (best === null || compareCandidates(path, best, foldedSourceFolder) < 0) best = path;
	}
	return best;
}
