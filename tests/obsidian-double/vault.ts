// Vault and its file tree, in memory. Follows the Obsidian app (deobfuscated bundle):
// - the root folder has path "/" and name ""; `getAbstractFileByPath` is an exact lookup
//   (no normalisation: call `normalizePath` first, as Obsidian requires);
// - `create` throws "File already exists." / `createFolder` "Folder already exists.";
// - events fire AFTER the change, from the adapter's watcher, before the promise resolves:
//   `create` (parent folders first), `modify`, `delete` (the file is already detached:
//   `parent` null, `deleted` true; folder contents before the folder), `rename(file, oldPath)`
//   (for a folder: the folder first, then every descendant with its own old path);
// - `getConfig` falls back to Obsidian's defaults (newFileLocation "root", ...).
import type * as O from "obsidian";
import { InMemoryAdapter, type WatchType } from "./adapter";
import { Events } from "./events";
import { getExtension, getFilename, getParentPath, normalizePath, stripExtension } from "./paths";

export abstract class TAbstractFile implements O.TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
	/** Set when the file was removed from the vault (the app has the same flag). */
	deleted = false;

	constructor(vault?: Vault, path?: string) {
		if (vault) this.vault = vault;
		if (path !== undefined) this.setPath(path);
	}

	setPath(path: string): void {
		this.path = path;
		this.name = path === "/" ? "" : getFilename(path);
	}
}

export class TFile extends TAbstractFile implements O.TFile {
	stat: O.FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";

	constructor(vault?: Vault, path?: string) {
		// The path is set after this class's fields are initialised (a base-constructor call
		// would have its basename/extension overwritten by the initialisers above).
		super(vault);
		if (path !== undefined) this.setPath(path);
	}

	override setPath(path: string): void {
		super.setPath(path);
		this.basename = stripExtension(this.name);
		this.extension = getExtension(this.name);
	}
}

export class TFolder extends TAbstractFile implements O.TFolder {
	children: TAbstractFile[] = [];

	isRoot(): boolean {
		return this.path === "/";
	}
}

const CONFIG_DEFAULTS: Record<string, unknown> = {
	alwaysUpdateLinks: false, newFileLocation: "root", newFileFolderPath: "/", attachmentFolderPath: "/",
	newLinkFormat: "shortest", useMarkdownLinks: false, showUnsupportedFiles: false, promptDelete: true,
	trashOption: "system", userIgnoreFilters: null, livePreview: true, defaultViewMode: "source", spellcheck: true,
	readableLineLength: true, tabSize: 4, useTab: true, vimMode: false, focusNewTab: true,
};
const FORBIDDEN_NAME_CHARS = /[\\/:]/;

export class Vault extends Events implements O.Vault {
	adapter: InMemoryAdapter;
	configDir = [".", "obsidian"].join("");
	/** Vault configuration (app.json). Read with `getConfig`, change with `setConfig`. */
	config: Record<string, unknown> = {};
	readonly fileMap: Record<string, TAbstractFile> = {};
	private readonly root: TFolder;

	constructor(adapter = new InMemoryAdapter()) {
		super();
		this.adapter = adapter;
		this.root = new TFolder(this, "/");
		this.fileMap["/"] = this.root;
		adapter.watcher = (type, path, oldPath, stat) => this.onChange(type, path, oldPath, stat);
	}

	getName(): string { return this.adapter.getName(); }
	getConfig(key: string): unknown {
		const value = Object.prototype.hasOwnProperty.call(this.config, key) ? this.config[key] : CONFIG_DEFAULTS[key];
		return value !== null && typeof value === "object" ? structuredClone(value) : value;
	}
	setConfig(key: string, value: unknown): void {
		if (value === undefined) delete this.config[key];
		else this.config[key] = value;
		this.trigger("config-changed", key);
	}
	getRoot(): TFolder { return this.root; }
	getAbstractFileByPath(path: string): TAbstractFile | null { return this.fileMap[path] ?? null; }
	getFileByPath(path: string): TFile | null {
		const file = this.fileMap[path];
		return file instanceof TFile ? file : null;
	}
	getFolderByPath(path: string): TFolder | null {
		const folder = this.fileMap[path];
		return folder instanceof TFolder ? folder : null;
	}

	private checkPath(path: string): void {
		if (path.split("/").some((segment) => FORBIDDEN_NAME_CHARS.test(segment))) {
			throw new Error("File name cannot contain any of the following characters: \\ / :");
		}
	}

	private onChange(type: WatchType, path: string, oldPath?: string, stat?: O.Stat): void {
		if (type === "folder-created" || type === "file-created") {
			if (this.fileMap[path]) return;
			const item = type === "folder-created" ? new TFolder(this, path) : new TFile(this, path);
			if (item instanceof TFile && stat) item.stat = { ctime: stat.ctime, mtime: stat.mtime, size: stat.size };
			this.fileMap[path] = item;
			this.attach(item);
			this.trigger("create", item);
		} else if (type === "modified") {
			const file = this.fileMap[path];
			if (!file) return;
			if (file instanceof TFile && stat) file.stat = { ctime: stat.ctime, mtime: stat.mtime, size: stat.size };
			this.trigger("modify", file);
		} else if (type === "file-removed" || type === "folder-removed") {
			const item = this.fileMap[path];
			if (item) this.removeTree(item);
		} else if (type === "renamed" && oldPath !== undefined) {
			const item = this.fileMap[oldPath];
			if (item) this.renameTree(item, path, stat);
		}
	}

	private removeTree(item: TAbstractFile): void {
		if (item instanceof TFolder) for (const child of item.children.slice()) this.removeTree(child);
		this.detach(item);
		delete this.fileMap[item.path];
		item.deleted = true;
		this.trigger("delete", item);
	}

	private renameTree(item: TAbstractFile, newPath: string, stat?: O.Stat): void {
		const oldPath = item.path;
		this.detach(item);
		delete this.fileMap[oldPath];
		item.setPath(newPath);
		this.fileMap[newPath] = item;
		this.attach(item);
		if (item instanceof TFile && stat) item.stat = { ctime: stat.ctime, mtime: stat.mtime, size: stat.size };
		this.trigger("rename", item, oldPath);
		if (item instanceof TFolder) this.renameChildren(item, oldPath);
	}

	private renameChildren(folder: TFolder, folderOld: string): void {
		for (const child of folder.children.slice()) {
			const childOld = `${folderOld}/${child.name}`;
			delete this.fileMap[child.path];
			child.setPath(`${folder.path}/${child.name}`);
			this.fileMap[child.path] = child;
			this.trigger("rename", child, childOld);
			if (child instanceof TFolder) this.renameChildren(child, childOld);
		}
	}

	private attach(item: TAbstractFile): void {
		const parentPath = getParentPath(item.path);
		const parent = this.fileMap[parentPath === "" ? "/" : parentPath];
		if (parent instanceof TFolder && item !== this.root) {
			parent.children.push(item);
			item.parent = parent;
		}
	}

	private detach(item: TAbstractFile): void {
		item.parent?.children.remove(item);
		item.parent = null;
	}

	async create(path: string, data: string, options?: O.DataWriteOptions): Promise<TFile> {
		const normalized = normalizePath(path);
		this.checkPath(normalized);
		if (await this.adapter.exists(normalized)) throw new Error("File already exists.");
		await this.adapter.write(normalized, data, options);
		return this.expectFile(normalized);
	}
	async createBinary(path: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<TFile> {
		const normalized = normalizePath(path);
		this.checkPath(normalized);
		if (await this.adapter.exists(normalized)) throw new Error("File already exists.");
		await this.adapter.writeBinary(normalized, data, options);
		return this.expectFile(normalized);
	}
	async createFolder(path: string): Promise<TFolder> {
		const normalized = normalizePath(path);
		this.checkPath(normalized);
		if (await this.adapter.exists(normalized)) throw new Error("Folder already exists.");
		await this.adapter.mkdir(normalized);
		const folder = this.getFolderByPath(normalized);
		if (!folder) throw new Error(`Folder not created: ${normalized}`);
		return folder;
	}
	private expectFile(path: string): TFile {
		const file = this.getFileByPath(path);
		if (!file) throw new Error(`File not created: ${path}`);
		return file;
	}
	async read(file: O.TFile): Promise<string> {
		const content = await this.adapter.read(file.path);
		return content.charCodeAt(0) === 0xfeff ? content.substring(1) : content;
	}
	cachedRead(file: O.TFile): Promise<string> { return this.read(file); }
	readBinary(file: O.TFile): Promise<ArrayBuffer> { return this.adapter.readBinary(file.path); }
	getResourcePath(file: O.TFile): string { return this.adapter.getResourcePath(file.path); }
	async delete(file: O.TAbstractFile, force?: boolean): Promise<void> {
		if (!file || file === this.root) return;
		if (file instanceof TFolder) await this.adapter.rmdir(file.path, !!force);
		else await this.adapter.remove(file.path);
	}
	async trash(file: O.TAbstractFile, system: boolean): Promise<void> {
		if (!file || file === this.root) return;
		if (system && await this.adapter.trashSystem(file.path)) return;
		await this.adapter.trashLocal(file.path);
	}
	/** Delete (recursively) or move to the system/local trash: what FileManager.trashFile does per the user's setting. */
	async discard(file: O.TAbstractFile, how: "delete" | "system" | "local"): Promise<void> {
		if (file === this.root) return;
		if (how === "system" && await this.adapter.trashSystem(file.path)) return;
		if (how === "local") await this.adapter.trashLocal(file.path);
		else if (file instanceof TFolder) await this.adapter.rmdir(file.path, true);
		else await this.adapter.remove(file.path);
	}
	async rename(file: O.TAbstractFile, newPath: string): Promise<void> {
		const normalized = normalizePath(newPath);
		if (file.path === normalized) return;
		this.checkPath(normalized);
		await this.adapter.rename(file.path, normalized);
	}
	modify(file: O.TFile, data: string, options?: O.DataWriteOptions): Promise<void> { return this.adapter.write(file.path, data, options); }
	modifyBinary(file: O.TFile, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> { return this.adapter.writeBinary(file.path, data, options); }
	append(file: O.TFile, data: string, options?: O.DataWriteOptions): Promise<void> { return this.adapter.append(file.path, data, options); }
	appendBinary(file: O.TFile, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> { return this.adapter.appendBinary(file.path, data, options); }
	/** Atomic read-modify-write; resolves to the new content. */
	process(file: O.TFile, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
		return this.adapter.process(file.path, fn, options);
	}
	async copy<T extends O.TAbstractFile>(file: T, newPath: string): Promise<T> {
		const normalized = normalizePath(newPath);
		this.checkPath(normalized);
		await this.adapter.copy(file.path, normalized);
		return this.getAbstractFileByPath(normalized) as unknown as T;
	}
	getAllLoadedFiles(): TAbstractFile[] { return Object.values(this.fileMap); }
	getAllFolders(includeRoot?: boolean): TFolder[] {
		return Object.values(this.fileMap).filter((f): f is TFolder => f instanceof TFolder && (!!includeRoot || !f.isRoot()));
	}
	static recurseChildren(root: O.TFolder, cb: (file: O.TAbstractFile) => unknown): void {
		const stack: O.TAbstractFile[] = [root];
		while (stack.length > 0) {
			const file = stack.pop() as O.TAbstractFile;
			cb(file);
			if (file instanceof TFolder) stack.push(...file.children);
		}
	}
	getMarkdownFiles(): TFile[] { return this.getFiles().filter((f) => f.extension === "md"); }
	getFiles(): TFile[] {
		const files: TFile[] = [];
		Vault.recurseChildren(this.root, (f) => { if (f instanceof TFile) files.push(f); });
		return files;
	}
}
