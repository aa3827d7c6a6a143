/**
 * Which notes the vault audit reads. The metadata cache already knows where footnotes are (`footnotes`,
 * `footnoteRefs`), so a note whose cache shows none is skipped without being read; a note with no cache yet
 * (just created, not indexed) is read, to be safe. Folders the writer chose to skip and dot-folders (which
 * Obsidian does not index and the command line skips) are left out.
 */
import { normalizePath, type App, type CachedMetadata, type TFile } from "obsidian";

/** `Templates/`, `/Templates` and `templates` all name the folder `Templates`. */
export function normalizeFolders(folders: readonly string[]): string[] {
	return folders
		.map((folder) => normalizePath(folder.trim()).replace(/^\/+|\/+$/g, "").toLowerCase())
		.filter((folder) => folder !== "" && folder !== "/");
}

/** Whether `path` lies in one of `folders` (normalised, lower case) or in a dot-folder. */
export function isSkippedPath(path: string, folders: readonly string[]): boolean {
	if (path.split("/").some((segment) => segment.startsWith("."))) return true;
	const lower = path.toLowerCase();
	return folders.some((folder) => lower.startsWith(`${folder}/`));
}

/** Whether the cache allows footnotes: it records a definition or a reference, or there is no cache yet. */
export function mayHaveFootnotes(cache: CachedMetadata | null): boolean {
	if (!cache) return true;
	return (cache.footnotes?.length ?? 0) > 0 || (cache.footnoteRefs?.length ?? 0) > 0;
}

export interface Candidates {
	/** Notes to read, sorted by path. */
	files: TFile[];
	/** Markdown notes in the vault outside skipped folders. */
	considered: number;
}

/** The markdown notes a vault audit reads, sorted by path (the order the command line audits in). */
export function selectCandidates(app: App, ignoredFolders: readonly string[]): Candidates {
	const folders = normalizeFolders(ignoredFolders);
	const files: TFile[] = [];
	let considered = 0;
	for (const file of app.vault.getMarkdownFiles()) {
		if (isSkippedPath(file.path, folders)) continue;
		considered++;
		if (mayHaveFootnotes(app.metadataCache.getFileCache(file))) files.push(file);
	}
	files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return { files, considered };
}
