/**
 * The engine's LinkResolver over the running app, so the panel agrees with what Obsidian itself shows:
 * - resolve: `metadataCache.getFirstLinkpathDest(linkpath, sourcePath)` — the engine passes the path without
 *   `#subpath` (what getLinkpath would give), as the API docs ask;
 * - hasSubpath: `resolveSubpath(getFileCache(file), subpath)` (headings, nested headings, `^block`);
 * - suggest and the ambiguity check: the engine's own indexes over the vault's files (walked folder by folder).
 * Both indexes are kept up to date file by file from the vault's create, rename and delete events (and the
 * suggestion index from the metadata cache's `changed` event, for aliases and other properties): no event
 * rebuilds them. Remembered answers (resolutions, suggestions) are dropped on those events, as they may change.
 */
import { TFile, resolveSubpath, type App } from "obsidian";
import type { LinkResolution, LinkResolver } from "../core/types";
import { ShardedMap } from "../core/collections/sharded-map";
import { detached } from "../core/text/detached";
import { createSuggester, type Suggester } from "../core/suggest/index";
import { ObsidianNoteProperties } from "./note-properties";
import { VaultFileWalk } from "./vault/file-walk";

export class ObsidianLinkResolver implements LinkResolver {
	private filesByName: Map<string, string[]> | null = null;
	/** A name index part-built by prepare(). */
	private pendingNames: { walk: VaultFileWalk; index: Map<string, string[]> } | null = null;
	private suggester: Suggester | null = null;
	/** Counts changes to the name index, so that a part-made list of its paths is known to be stale. */
	private nameVersion = 0;
	/** The name index's paths for the suggester, listed by prepare() a few names at a time. */
	private indexedPaths: { version: number; names: Iterator<string[]>; paths: string[]; done: boolean } | null = null;
	private readonly suggestions = new ShardedMap<string[]>();
	/** getFirstLinkpathDest answers per source folder and link path; valid until the file list changes. */
	private readonly resolutions = new ShardedMap<LinkResolution>();

	constructor(private readonly app: App) {}

	/** A file was created (vault `create`): indexed alone, nothing rebuilt. */
	fileCreated(path: string): void {
		this.forgetAnswers();
		this.suggester?.add(path);
		if (this.filesByName || this.pendingNames) this.addName(this.pendingNames?.index ?? this.filesByName!, path);
	}

	/** A file was deleted (vault `delete`). */
	fileDeleted(path: string): void {
		this.forgetAnswers();
		this.suggester?.remove(path);
		if (this.pendingNames) {
			// Not yet indexed files are taken from the live list when the build resumes; only indexed ones need removing.
			this.removeName(this.pendingNames.index, path);
		} else if (this.filesByName) this.removeName(this.filesByName, path);
	}

	/** A file was renamed or moved (vault `rename`, also sent for each file of a renamed folder). */
	fileRenamed(path: string, oldPath: string): void {
		this.fileDeleted(oldPath);
		this.fileCreated(path);
	}

	/** A note's metadata changed (metadata cache `changed`): its aliases or other properties may have. */
	propertiesChanged(path: string): void {
		this.suggester?.refresh(path);
		this.suggestions.clear();
	}

	/** Builds the suggestion index a few files at a time (see LinkResolver.prepare). */
	prepare(shouldPause: () => boolean): boolean {
		// Each step asks shouldPause() itself, after some work: asking again between steps could pause for ever.
		if (!this.buildNameIndex(shouldPause)) return false;
		if (!this.suggester && !this.listIndexedPaths(shouldPause)) return false;
		return this.suggesterOf().prepare(shouldPause);
	}

	private forgetAnswers(): void {
		this.suggestions.clear();
		this.resolutions.clear();
	}

	private suggesterOf(): Suggester {
		if (this.suggester) return this.suggester;
		const properties = new ObsidianNoteProperties(this.app);
		// The paths the name index holds are the vault's files (kept current by the events): no second listing.
		const listed = this.indexedPaths;
		const paths = listed?.done && listed.version === this.nameVersion ? listed.paths : [...this.nameIndex().values()].flat();
		this.indexedPaths = null;
		this.suggester = createSuggester(paths, { properties: (path) => properties.properties(path) });
		return this.suggester;
	}

	/**
	 * The name index's paths, in its order (name after name, each name's paths sorted), listed a few names at
	 * a time: the suggester takes them in this order, and listing 100,000 at once (spread, then `flat`) was a
	 * 22 ms step of its own in the plugin's first vault audit. A change to the name index meanwhile starts the
	 * list again, so it is always the index's current paths. True once listed.
	 */
	private listIndexedPaths(shouldPause: () => boolean): boolean {
		const index = this.nameIndex();
		if (this.indexedPaths?.version !== this.nameVersion) {
			this.indexedPaths = { version: this.nameVersion, names: index.values(), paths: [], done: false };
		}
		const listing = this.indexedPaths;
		let listed = 0;
		for (let next = listing.names.next(); !next.done; next = listing.names.next()) {
			for (const path of next.value) listing.paths.push(path);
			if ((++listed & 255) === 0 && shouldPause()) return false;
		}
		listing.done = true;
		return true;
	}

	/** Each name's paths stay sorted as they come (most names have one), so the index needs no sorting pass. */
	private addName(index: Map<string, string[]>, path: string): void {
		this.nameVersion++;
		const key = nameKey(path);
		const paths = index.get(key);
		if (!paths) index.set(key, [path]);
		else if (!paths.includes(path)) {
			paths.push(path);
			paths.sort();
		}
	}

	private removeName(index: Map<string, string[]>, path: string): void {
		this.nameVersion++;
		const key = nameKey(path);
		const paths = index.get(key)?.filter((other) => other !== path);
		if (!paths || paths.length === 0) index.delete(key);
		else index.set(key, paths);
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
		// A key cut from the note would keep the whole note as it was then (see detached.ts).
		if (key !== null) this.resolutions.set(detached(key), resolution);
		return { path: resolution.path, alternatives: [...resolution.alternatives] };
	}

	hasSubpath(targetPath: string, subpath: string): boolean | null {
		const file = this.app.vault.getFileByPath(targetPath);
		if (!(file instanceof TFile) || file.extension !== "md") return null;
		const cache = this.app.metadataCache.getFileCache(file);
		if (!cache) return null;
		return resolveSubpath(cache, subpath) !== null;
	}

	suggest(linkpath: string, sourcePath: string, limit: number): string[] {
		// Remembered per link path, one more than asked: the note holding the link is dropped afterwards.
		const key = `${limit}\u0000${linkpath}`;
		let found = this.suggestions.get(key);
		if (!found) {
			found = this.suggesterOf().suggest(linkpath, limit + 1);
			this.suggestions.set(detached(key), found);
		}
		return found.filter((path) => path !== sourcePath).slice(0, limit);
	}

	/** Lower-cased name as a link writes it (basename for notes, name with extension for other files) → paths. */
	private nameIndex(): Map<string, string[]> {
		while (!this.buildNameIndex(() => false));
		return this.filesByName!;
	}

	/**
	 * Indexes files until done or `shouldPause()` (checked every 256 files); true once complete. The files are
	 * walked folder by folder (file-walk.ts), not listed whole; files created, deleted or renamed meanwhile
	 * come through the events above, so the index ends up with the vault as it is then.
	 */
	private buildNameIndex(shouldPause: () => boolean): boolean {
		if (this.filesByName) return true;
		const pending = (this.pendingNames ??= { walk: new VaultFileWalk(this.app.vault), index: new Map<string, string[]>() });
		let indexed = 0;
		for (let file = pending.walk.next(); file !== null; file = pending.walk.next()) {
			// A file deleted since its folder was read is gone (its delete event came before it was indexed).
			if (this.app.vault.getFileByPath(file.path) !== file) continue;
			this.addName(pending.index, file.path);
			if ((++indexed & 255) === 0 && shouldPause()) return false;
		}
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
