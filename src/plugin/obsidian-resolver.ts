/**
 * The engine's LinkResolver over the running app, so the panel agrees with what Obsidian itself shows:
 * - resolve: `metadataCache.getFirstLinkpathDest(linkpath, sourcePath)` — the engine passes the path without
 *   `#subpath` (what getLinkpath would give), as the API docs ask;
 * - hasSubpath: `resolveSubpath(getFileCache(file), subpath)` (headings, nested headings, `^block`);
 * - suggest and the ambiguity check: the engine's own name index over `vault.getFiles()`.
 * The name index and suggestions are cached and dropped when a file is created, renamed or deleted.
 */
import { TFile, resolveSubpath, type App } from "obsidian";
import type { LinkResolution, LinkResolver } from "../core/types";
import { createSuggester, type Suggester } from "../core/vault/suggestions";

export class ObsidianLinkResolver implements LinkResolver {
	private filesByName: Map<string, string[]> | null = null;
	/** A name index part-built by prepare(). */
	private pendingNames: { files: TFile[]; next: number; index: Map<string, string[]> } | null = null;
	private suggester: Suggester | null = null;
	private readonly suggestions = new Map<string, string[]>();
	/** getFirstLinkpathDest answers per source folder and link path; valid until the file list changes. */
	private readonly resolutions = new Map<string, LinkResolution>();

	constructor(private readonly app: App) {}

	/** Call when the vault's file list changes. */
	invalidate(): void {
		this.filesByName = null;
		this.pendingNames = null;
		this.suggester = null;
		this.suggestions.clear();
		this.resolutions.clear();
	}

	/** Builds the suggestion index a few files at a time (see LinkResolver.prepare). */
	prepare(shouldPause: () => boolean): boolean {
		if (!this.buildNameIndex(shouldPause) || shouldPause()) return false;
		this.suggester ??= createSuggester(this.app.vault.getFiles().map((file) => file.path));
		return this.suggester.prepare(shouldPause);
	}

	resolve(linkpath: string, sourcePath: string): LinkResolution {
		// Obsidian's answer depends on the source only through its folder, but for the empty link path.
		const key = linkpath === "" ? null : `${sourcePath.slice(0, sourcePath.lastIndexOf("/") + 1)}\u0000${linkpath}`;
		const known = key === null ? undefined : this.resolutions.get(key);
		if (known) return { path: known.path, alternatives: [...known.alternatives] };
		const file = this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
		const sameName = file ? (this.nameIndex().get(nameKey(linkpath)) ?? []) : [];
		const resolution: LinkResolution = file
			? { path: file.path, alternatives: sameName.filter((path) => path !== file.path) }
			: { path: null, alternatives: [] };
		if (key !== null) this.resolutions.set(key, resolution);
		return { path: resolution.path, alternatives: [...resolution.alternatives] };
	}

	hasSubpath(targetPath: string, subpath: string): boolean | null {
		const file = this.app.vault.getFileByPath(targetPath);
		if (!(file instanceof TFile) || file.extension !== "md") return null;
		const cache = this.app.metadataCache.getFileCache(file);
		if (!cache) return null;
		return resolveSubpath(cache, subpath) !== null;
	}

	suggest(linkpath: string, _sourcePath: string, limit: number): string[] {
		const key = `${limit}\u0000${linkpath}`;
		let found = this.suggestions.get(key);
		if (!found) {
			this.suggester ??= createSuggester(this.app.vault.getFiles().map((file) => file.path));
			found = this.suggester.suggest(linkpath, limit);
			this.suggestions.set(key, found);
		}
		return [...found];
	}

	/** Lower-cased name as a link writes it (basename for notes, name with extension for other files) → paths. */
	private nameIndex(): Map<string, string[]> {
		while (!this.buildNameIndex(() => false));
		return this.filesByName!;
	}

	/** Indexes files until done or `shouldPause()` (checked every 256 files); true once complete. */
	private buildNameIndex(shouldPause: () => boolean): boolean {
		if (this.filesByName) return true;
		const pending = (this.pendingNames ??= { files: this.app.vault.getFiles(), next: 0, index: new Map<string, string[]>() });
		while (pending.next < pending.files.length) {
			const file = pending.files[pending.next++];
			const key = (file.extension === "md" ? file.basename : file.name).toLowerCase();
			const paths = pending.index.get(key);
			if (paths) paths.push(file.path);
			else pending.index.set(key, [file.path]);
			if ((pending.next & 255) === 0 && shouldPause()) return false;
		}
		for (const paths of pending.index.values()) paths.sort();
		this.filesByName = pending.index;
		this.pendingNames = null;
		return true;
	}
}

/** `Folder/Note.md` → `note`; `paper.pdf` → `paper.pdf`. */
function nameKey(linkpath: string): string {
	const name = linkpath.slice(linkpath.lastIndexOf("/") + 1).toLowerCase();
	return name.endsWith(".md") ? name.slice(0, -3) : name;
}
