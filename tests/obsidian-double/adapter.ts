// In-memory DataAdapter. Like Obsidian's FileSystemAdapter, every change is reported to a
// watcher (the Vault), which updates its file tree and fires `create`/`modify`/`delete`/
// `rename` AFTER the change, before the adapter call returns. Dot-prefixed paths (the config
// folder ".obsidian", ".trash") are stored but never reported: the vault ignores hidden files.
// Writing a file creates its missing parent folders (reported first), as the real adapter does.
import type * as O from "obsidian";
import { getParentPath, normalizePath } from "./paths";

export type WatchType = "file-created" | "folder-created" | "modified" | "file-removed" | "folder-removed" | "renamed";
export type Watcher = (type: WatchType, path: string, oldPath?: string, stat?: O.Stat) => void;

interface StoredFile { data: string | Uint8Array; ctime: number; mtime: number }

function enoent(path: string): Error {
	return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function byteLength(data: string | Uint8Array): number {
	return typeof data === "string" ? encoder.encode(data).byteLength : data.byteLength;
}

function isHidden(path: string): boolean {
	return path.split("/").some((segment) => segment.startsWith("."));
}

export class InMemoryAdapter implements O.DataAdapter {
	readonly files = new Map<string, StoredFile>();
	readonly folders = new Set<string>(["/"]);
	/** Paths moved to the trash (system or local), in order. */
	readonly trashed: string[] = [];
	watcher: Watcher | null = null;

	constructor(private readonly name = "Test vault") {}

	private notify(type: WatchType, path: string, oldPath?: string): void {
		if (isHidden(path) || !this.watcher) return;
		this.watcher(type, path, oldPath, this.statSync(path) ?? undefined);
	}

	private find<T>(map: Map<string, T> | Set<string>, path: string, sensitive?: boolean): string | null {
		if (map.has(path)) return path;
		if (sensitive !== false) return null;
		const lower = path.toLowerCase();
		for (const key of map.keys()) if (key.toLowerCase() === lower) return key;
		return null;
	}

	private ensureFolder(path: string): void {
		if (path === "" || path === "/" || this.folders.has(path)) return;
		this.ensureFolder(getParentPath(path));
		this.folders.add(path);
		this.notify("folder-created", path);
	}

	statSync(path: string): O.Stat | null {
		const file = this.files.get(path);
		if (file) return { type: "file", ctime: file.ctime, mtime: file.mtime, size: byteLength(file.data) };
		if (this.folders.has(path)) return { type: "folder", ctime: 0, mtime: 0, size: 0 };
		return null;
	}

	readSync(path: string): string {
		const file = this.files.get(path);
		if (!file) throw enoent(path);
		return typeof file.data === "string" ? file.data : decoder.decode(file.data);
	}

	writeSync(path: string, data: string | Uint8Array, options?: O.DataWriteOptions): void {
		this.ensureFolder(getParentPath(path));
		const existing = this.files.get(path);
		const now = Date.now();
		this.files.set(path, { data, ctime: options?.ctime ?? existing?.ctime ?? now, mtime: options?.mtime ?? now });
		this.notify(existing ? "modified" : "file-created", path);
	}

	getName(): string { return this.name; }
	async exists(normalizedPath: string, sensitive?: boolean): Promise<boolean> {
		return this.find(this.files, normalizedPath, sensitive) !== null || this.find(this.folders, normalizedPath, sensitive) !== null;
	}
	async stat(normalizedPath: string): Promise<O.Stat | null> { return this.statSync(normalizedPath); }
	async list(normalizedPath: string): Promise<O.ListedFiles> {
		const prefix = normalizedPath === "/" || normalizedPath === "" ? "" : `${normalizedPath}/`;
		const direct = (p: string) => p !== "/" && p.startsWith(prefix) && !p.substring(prefix.length).includes("/");
		return { files: [...this.files.keys()].filter(direct), folders: [...this.folders].filter(direct) };
	}
	async read(normalizedPath: string): Promise<string> { return this.readSync(normalizedPath); }
	async readBinary(normalizedPath: string): Promise<ArrayBuffer> {
		const file = this.files.get(normalizedPath);
		if (!file) throw enoent(normalizedPath);
		const bytes = typeof file.data === "string" ? encoder.encode(file.data) : file.data;
		return bytes.slice().buffer;
	}
	async write(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> { this.writeSync(normalizedPath, data, options); }
	async writeBinary(normalizedPath: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		this.writeSync(normalizedPath, new Uint8Array(data.slice(0)), options);
	}
	async append(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> {
		this.writeSync(normalizedPath, (this.files.has(normalizedPath) ? this.readSync(normalizedPath) : "") + data, options);
	}
	async appendBinary(normalizedPath: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		const old = this.files.has(normalizedPath) ? new Uint8Array(await this.readBinary(normalizedPath)) : new Uint8Array();
		const merged = new Uint8Array(old.byteLength + data.byteLength);
		merged.set(old);
		merged.set(new Uint8Array(data), old.byteLength);
		this.writeSync(normalizedPath, merged, options);
	}
	/** Read, transform and write in one synchronous step (nothing can interleave). */
	async process(normalizedPath: string, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
		const result = fn(this.readSync(normalizedPath));
		this.writeSync(normalizedPath, result, options);
		return result;
	}
	getResourcePath(normalizedPath: string): string {
		return `app://local/${encodeURI(normalizedPath)}?${this.files.get(normalizedPath)?.mtime ?? 0}`;
	}
	async mkdir(normalizedPath: string): Promise<void> { this.ensureFolder(normalizePath(normalizedPath)); }
	async trashSystem(normalizedPath: string): Promise<boolean> {
		this.trashed.push(normalizedPath);
		await this.removeAny(normalizedPath);
		return true;
	}
	async trashLocal(normalizedPath: string): Promise<void> {
		this.trashed.push(normalizedPath);
		await this.rename(normalizedPath, `.trash/${normalizedPath}`);
	}
	private async removeAny(path: string): Promise<void> {
		if (this.folders.has(path)) await this.rmdir(path, true);
		else await this.remove(path);
	}
	async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
		if (!this.folders.has(normalizedPath)) throw enoent(normalizedPath);
		const listing = await this.list(normalizedPath);
		if (!recursive && listing.files.length + listing.folders.length > 0) {
			throw Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${normalizedPath}'`), { code: "ENOTEMPTY" });
		}
		for (const folder of listing.folders) await this.rmdir(folder, true);
		for (const file of listing.files) await this.remove(file);
		this.notifyRemoval("folder-removed", normalizedPath, () => this.folders.delete(normalizedPath));
	}
	async remove(normalizedPath: string): Promise<void> {
		if (!this.files.has(normalizedPath)) throw enoent(normalizedPath);
		this.notifyRemoval("file-removed", normalizedPath, () => this.files.delete(normalizedPath));
	}
	private notifyRemoval(type: WatchType, path: string, remove: () => void): void {
		remove();
		if (!isHidden(path) && this.watcher) this.watcher(type, path);
	}
	async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		if (normalizedPath === normalizedNewPath) return;
		const target = this.find(this.files, normalizedNewPath, false) ?? this.find(this.folders, normalizedNewPath, false);
		if (target !== null && target.toLowerCase() !== normalizedPath.toLowerCase()) throw new Error("Destination file already exists!");
		if (!this.files.has(normalizedPath) && !this.folders.has(normalizedPath)) throw enoent(normalizedPath);
		this.ensureFolder(getParentPath(normalizedNewPath));
		const moved = (p: string) => normalizedNewPath + p.substring(normalizedPath.length);
		const inside = (p: string) => p === normalizedPath || p.startsWith(`${normalizedPath}/`);
		for (const [p, f] of [...this.files].filter(([p]) => inside(p))) { this.files.delete(p); this.files.set(moved(p), f); }
		for (const p of [...this.folders].filter(inside)) { this.folders.delete(p); this.folders.add(moved(p)); }
		const hiddenBefore = isHidden(normalizedPath);
		const hiddenAfter = isHidden(normalizedNewPath);
		if (!this.watcher || (hiddenBefore && hiddenAfter)) return;
		if (hiddenAfter) this.watcher(this.statSync(normalizedNewPath)?.type === "folder" ? "folder-removed" : "file-removed", normalizedPath);
		else if (hiddenBefore) this.watcher(this.statSync(normalizedNewPath)?.type === "folder" ? "folder-created" : "file-created", normalizedNewPath);
		else this.watcher("renamed", normalizedNewPath, normalizedPath, this.statSync(normalizedNewPath) ?? undefined);
	}
	async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		if (await this.exists(normalizedNewPath)) throw new Error("Destination file already exists!");
		const file = this.files.get(normalizedPath);
		if (file) {
			this.writeSync(normalizedNewPath, typeof file.data === "string" ? file.data : file.data.slice());
			return;
		}
		if (!this.folders.has(normalizedPath)) throw enoent(normalizedPath);
		this.ensureFolder(normalizedNewPath);
		const listing = await this.list(normalizedPath);
		for (const p of [...listing.folders, ...listing.files]) await this.copy(p, normalizedNewPath + p.substring(normalizedPath.length));
	}
}
