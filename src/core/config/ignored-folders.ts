/**
 * Folders a vault audit skips (`ignoredFolders` in .citation-audit.json, "Folders to skip" in the plugin):
 * `Templates/`, `/Templates` and `templates` all name the folder `Templates`, compared without case as
 * Obsidian's file names are on macOS and Windows. Pure, for the command line (the plugin normalises with
 * Obsidian's normalizePath, which gives the same for these forms).
 */
export function folderKeys(folders: readonly string[]): string[] {
	return folders
		.map((folder) => folder.trim().replace(/\\/g, "/").replace(/\/{2,}/g, "/").replace(/^\.?\/+|\/+$/g, "").toLowerCase())
		.filter((folder) => folder !== "" && folder !== ".");
}

export function inIgnoredFolder(path: string, keys: readonly string[]): boolean {
	const lower = path.toLowerCase();
	return keys.some((folder) => lower.startsWith(`${folder}/`));
}
