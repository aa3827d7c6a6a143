/**
 * Which notes the vault audit reads. The metadata cache already knows where footnotes are (`footnotes`,
 * `footnoteRefs`), so a note whose cache shows none is skipped without being read; a note with no cache yet
 * (just created, not indexed) is read, to be safe. Folders the writer chose to skip and dot-folders (which
 * Obsidian does not index and the command line skips) are left out.
 */
import { normalizePath, type CachedMetadata } from "obsidian";

/** `Templates/`, `/Templates` and `templates` all name the folder `Templates`. */
export function normalizeFolders(folders: readonly string[]): string[] {
	return folders
		.map((folder) => normalizePath(folder.trim()).replace(/^\/+|\/+$/g, "").toLowerCase())
		.filter((folder) => folder !== "" && folder !== "/");
}

/** Whether `path` lies in one of `folders` (normalised, lower case) or in a dot-folder. */
export function isSkippedPath(path: string, folders: readonly string[]): boolean {
	if (path.startsWith(".") || path.includes("/.")) return true;
	if (folders.length === 0) return false;
	const lower = path.toLowerCase();
	return folders.some((folder) => lower.startsWith(`${folder}/`));
}

/** Whether the cache allows footnotes: it records a definition or a reference, or there is no cache yet. */
export function mayHaveFootnotes(cache: CachedMetadata | null): boolean {
	if (!cache) return true;
	return (cache.footnotes?.length ?? 0) > 0 || (cache.footnoteRefs?.length ?? 0) > 0;
}
