// MetadataCache double. Indexes Markdown files with the simplified scanner (md-metadata.ts)
// and resolves links with Obsidian's own algorithm (app bundle, `getLinkpathDest`).
// Timing, as in the app: vault events only queue work; indexing happens later (here: in a
// later macrotask, not in a worker). Each indexed file fires `changed(file, data, cache)`; files
// whose links may have changed are then re-resolved, each firing `resolve(file)`; when the
// queue is empty `resolved` fires. `deleted(file, prevCache)` fires synchronously with the
// vault's `delete`. Until a new or modified file is indexed, `getFileCache` returns null (new
// file) or the previous cache (modified file). Await `settle()` (or `flushMetadata(app)`)
// in tests to let the cache catch up.
import { MessageChannel } from "node:worker_threads";
import type * as O from "obsidian";
import { computeMetadata } from "./md-metadata";
import { iterateAllRefs } from "./cache-utils";
import { Events } from "./events";
import { getLinkpath, getFilename, getParentPath, stripMdExtension } from "./paths";
import { TAbstractFile, TFile, type Vault } from "./vault";

export class MetadataCache extends Events implements O.MetadataCache {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	private readonly caches = new Map<string, O.CachedMetadata>();
	/** Lower-cased file name -> files with that name (the app's `uniqueFileLookup`). */
	private readonly byName = new Map<string, TFile[]>();
	private readonly toIndex = new Set<TFile>();
	private readonly toResolve = new Set<string>();
	private scheduled: Promise<void> | null = null;
	private suspended = false;

	constructor(private readonly vault: Vault) {
		super();
		const isFile = (file: TAbstractFile): file is TFile => !this.suspended && file instanceof TFile;
		vault.on("create", (file: TAbstractFile) => { if (isFile(file)) this.onCreate(file); });
		vault.on("modify", (file: TAbstractFile) => { if (isFile(file)) this.queueIndex(file); });
		vault.on("delete", (file: TAbstractFile) => { if (isFile(file)) this.onDelete(file); });
		vault.on("rename", (file: TAbstractFile, oldPath: string) => { if (isFile(file)) this.onRename(file, oldPath); });
	}

	/** Index every file now, without events (a warm cache, as when Obsidian starts). */
	indexAllSync(): void {
		for (const file of this.vault.getFiles()) {
			this.addName(file);
			if (file.extension === "md") this.caches.set(file.path, computeMetadata(this.vault.adapter.readSync(file.path)));
		}
		for (const file of this.vault.getMarkdownFiles()) this.resolveLinks(file.path);
	}

	/** While suspended, vault events are ignored (used to seed a vault, then `indexAllSync`). */
	suspend(on: boolean): void {
		this.suspended = on;
	}

	/** Resolve every note again, firing `resolve` for each and then `resolved` (end of startup). */
	resolveAllAsync(): void {
		for (const file of this.vault.getMarkdownFiles()) this.toResolve.add(file.path);
		this.schedule();
	}

	getFileCache(file: O.TFile): O.CachedMetadata | null { return this.getCache(file.path); }

	getCache(path: string): O.CachedMetadata | null {
		const file = this.vault.getFileByPath(path);
		if (!file) return null;
		if (file.extension !== "md") return {};
		return this.caches.get(path) ?? null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		return this.getLinkpathDest(linkpath, sourcePath)[0] ?? null;
	}

	/**
	 * Candidates for a link path, best first. Empty link path -> the source file. Otherwise the
	 * file name must match (case-insensitive; ".md" appended when the name has no extension or
	 * nothing matched); "./" and "../" paths are relative to the source's folder; an exact vault
	 * path wins; a path starting with "/" must be exact; otherwise every candidate whose path
	 * ends with the link path qualifies, those inside the source's folder first, each group
	 * sorted by path length.
	 */
	getLinkpathDest(linkpath: string, sourcePath: string): TFile[] {
		if (linkpath === "" && sourcePath) {
			const source = this.vault.getAbstractFileByPath(sourcePath);
			if (source instanceof TFile) return [source];
		}
		let wanted = linkpath.toLowerCase();
		let name = getFilename(wanted);
		let candidates = name.includes(".") ? this.byName.get(name) : undefined;
		if (!candidates) {
			wanted = `${linkpath}.md`.toLowerCase();
			name = getFilename(wanted);
			candidates = this.byName.get(name);
		}
		if (!candidates || candidates.length === 0) return [];
		if (name === wanted && candidates.length === 1) return candidates.slice();
		const folder = getParentPath(sourcePath).toLowerCase();
		if (wanted.startsWith("./") || wanted.startsWith("../")) {
			let relative = wanted.startsWith("./../") ? wanted.substring(2) : wanted;
			let base = folder;
			if (relative.startsWith("./")) relative = relative.substring(2);
			else while (relative.startsWith("../")) { relative = relative.substring(3); base = getParentPath(base); }
			const full = base === "" ? relative : `${base}/${relative}`;
			const hit = candidates.find((f) => f.path.toLowerCase() === full);
			if (hit) return [hit];
		}
		if (wanted.startsWith("/")) wanted = wanted.substring(1);
		const exact = candidates.find((f) => f.path.toLowerCase() === wanted);
		if (exact) return [exact];
		if (linkpath.startsWith("/")) return [];
		const near: TFile[] = [];
		const far: TFile[] = [];
		for (const f of candidates) {
			const p = f.path.toLowerCase();
			if (p.endsWith(wanted)) (p.startsWith(folder) ? near : far).push(f);
		}
		const byLength = (a: TFile, b: TFile) => a.path.length - b.path.length;
		return [...near.sort(byLength), ...far.sort(byLength)];
	}

	/** Link text for `file` as seen from `sourcePath`, per the vault's `newLinkFormat`. */
	fileToLinktext(file: O.TFile, sourcePath: string, omitMdExtension = true): string {
		const format = this.vault.getConfig("newLinkFormat");
		const strip = file.extension === "md" && omitMdExtension;
		const full = strip ? stripMdExtension(file.path) : file.path;
		if (format === "absolute") return full;
		if (format === "relative") {
			let prefix = "";
			let dir = getParentPath(sourcePath);
			while (dir !== "" && dir !== "/" && !full.startsWith(`${dir}/`)) { prefix = `../${prefix}`; dir = getParentPath(dir); }
			return full.startsWith(`${dir}/`) ? prefix + full.substring(dir.length + 1) : prefix + full;
		}
		const short = strip ? file.basename : file.name;
		const dests = this.getLinkpathDest(getLinkpath(short), sourcePath);
		return dests.length === 1 && dests[0] === file ? short : full;
	}

	/** Resolves once every queued indexing/resolution has run and `resolved` has fired. */
	async settle(): Promise<void> {
		while (this.scheduled) await this.scheduled;
	}

	private addName(file: TFile): void {
		const key = file.name.toLowerCase();
		const list = this.byName.get(key) ?? [];
		if (!list.includes(file)) list.push(file);
		this.byName.set(key, list);
	}

	private removeName(name: string, file: TFile): void {
		const key = name.toLowerCase();
		const list = (this.byName.get(key) ?? []).filter((f) => f !== file);
		if (list.length > 0) this.byName.set(key, list);
		else this.byName.delete(key);
	}

	private onCreate(file: TFile): void {
		this.addName(file);
		this.queueIndex(file);
		this.queueRelated(file.name);
	}

	private onDelete(file: TFile): void {
		this.removeName(file.name, file);
		this.trigger("deleted", file, this.caches.get(file.path) ?? null);
		this.caches.delete(file.path);
		delete this.resolvedLinks[file.path];
		delete this.unresolvedLinks[file.path];
		this.toIndex.delete(file);
		this.queueRelated(file.name);
	}

	private onRename(file: TFile, oldPath: string): void {
		this.removeName(getFilename(oldPath), file);
		this.addName(file);
		const move = <T>(map: Map<string, T> | Record<string, T>) => {
			if (map instanceof Map) { const v = map.get(oldPath); if (v !== undefined) { map.delete(oldPath); map.set(file.path, v); } }
			else if (oldPath in map) { map[file.path] = map[oldPath]; delete map[oldPath]; }
		};
		move(this.caches);
		move(this.resolvedLinks);
		move(this.unresolvedLinks);
		this.queueRelated(getFilename(oldPath));
		this.queueRelated(file.name);
		if (file.extension === "md") this.toResolve.add(file.path);
		this.schedule();
	}

	private queueIndex(file: TFile): void {
		this.toIndex.add(file);
		this.schedule();
	}

	/** Re-resolve the files whose links could point to a file named `name` (app: updateRelatedLinks). */
	private queueRelated(name: string): void {
		const names = new Set([name.toLowerCase(), stripMdExtension(name).toLowerCase()]);
		for (const [path, cache] of this.caches) {
			iterateAllRefs(cache, (ref) => {
				const target = getFilename(getLinkpath(ref.link)).toLowerCase();
				if (!names.has(target) && !names.has(stripMdExtension(target))) return false;
				this.toResolve.add(path);
				return true;
			});
		}
		this.schedule();
	}

	/**
	 * Index in a later macrotask (Obsidian indexes in a worker): after `await vault.modify()`
	 * the cache is still stale. A Node MessageChannel is used so that vitest fake timers do
	 * not hold the indexing back.
	 */
	private schedule(): void {
		this.scheduled ??= new Promise<void>((resolve) => {
			const channel = new MessageChannel();
			channel.port1.once("message", () => {
				channel.port1.close();
				this.scheduled = null;
				this.process();
				resolve();
			});
			channel.port2.postMessage(0);
		});
	}

	private process(): void {
		for (const file of Array.from(this.toIndex)) {
			this.toIndex.delete(file);
			if (file.deleted || file.extension !== "md") continue;
			const data = this.vault.adapter.readSync(file.path);
			const cache = computeMetadata(data);
			this.caches.set(file.path, cache);
			this.toResolve.add(file.path);
			this.trigger("changed", file, data, cache);
		}
		for (const path of Array.from(this.toResolve)) {
			this.toResolve.delete(path);
			const file = this.vault.getFileByPath(path);
			if (!file || !this.caches.has(path)) continue;
			this.resolveLinks(path);
			this.trigger("resolve", file);
		}
		if (this.toIndex.size === 0 && this.toResolve.size === 0) this.trigger("resolved");
	}

	private resolveLinks(path: string): void {
		const resolved: Record<string, number> = {};
		const unresolved: Record<string, number> = {};
		iterateAllRefs(this.caches.get(path) ?? null, (ref) => {
			const linkpath = getLinkpath(ref.link);
			const dest = this.getFirstLinkpathDest(linkpath, path);
			if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
			else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
		});
		this.resolvedLinks[path] = resolved;
		this.unresolvedLinks[path] = unresolved;
	}
}
