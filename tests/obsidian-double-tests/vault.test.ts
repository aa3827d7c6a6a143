import { afterEach, describe, expect, it } from "vitest";
import { TFile, TFolder, type TAbstractFile } from "obsidian";
import { createTestApp, getFile, getFolder, resetDouble } from "../obsidian-double/testing";

afterEach(() => resetDouble());

function recordEvents(app: ReturnType<typeof createTestApp>): string[] {
	const log: string[] = [];
	app.vault.on("create", (f: TAbstractFile) => log.push(`create ${f.path}`));
	app.vault.on("modify", (f: TAbstractFile) => log.push(`modify ${f.path}`));
	app.vault.on("delete", (f: TAbstractFile) => log.push(`delete ${f.path} parent=${f.parent ? f.parent.path : "null"}`));
	app.vault.on("rename", (f: TAbstractFile, old: string) => log.push(`rename ${old} -> ${f.path}`));
	return log;
}

describe("Vault", () => {
	it("builds the tree: root is '/', names, basenames, extensions, parents", () => {
		const app = createTestApp({ files: { "notes/a.md": "x", "img.png": new Uint8Array([1, 2]).buffer }, folders: ["empty"] });
		const root = app.vault.getRoot();
		expect(root.path).toBe("/");
		expect(root.isRoot()).toBe(true);
		const note = app.vault.getFileByPath("notes/a.md");
		expect(note).toBeInstanceOf(TFile);
		expect([note?.name, note?.basename, note?.extension, note?.parent?.path]).toEqual(["a.md", "a", "md", "notes"]);
		expect(app.vault.getFolderByPath("empty")).toBeInstanceOf(TFolder);
		expect(app.vault.getFileByPath("img.png")?.parent).toBe(root);
		expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["notes/a.md"]);
		expect(app.vault.getAllLoadedFiles().map((f) => f.path).sort()).toEqual(["/", "empty", "img.png", "notes", "notes/a.md"]);
	});

	it("getAbstractFileByPath is an exact lookup (normalizePath is the caller's job)", () => {
		const app = createTestApp({ files: { "a/b.md": "" } });
		expect(app.vault.getAbstractFileByPath("a/b.md")).not.toBeNull();
		expect(app.vault.getAbstractFileByPath("/a/b.md")).toBeNull();
		expect(app.vault.getAbstractFileByPath("A/b.md")).toBeNull();
	});

	it("create makes missing folders first, fires events after the change and refuses duplicates", async () => {
		const app = createTestApp();
		const log = recordEvents(app);
		let seenContent = "";
		app.vault.on("create", (f: TAbstractFile) => { if (f instanceof TFile) seenContent = app.vault.adapter.readSync(f.path); });
		const file = await app.vault.create("x//y/z.md", "hello");
		expect(file.path).toBe("x/y/z.md");
		expect(log).toEqual(["create x", "create x/y", "create x/y/z.md"]);
		expect(seenContent).toBe("hello");
		await expect(app.vault.create("x/y/z.md", "again")).rejects.toThrow("File already exists.");
		await expect(app.vault.createFolder("x")).rejects.toThrow("Folder already exists.");
		await expect(app.vault.create("bad:name.md", "")).rejects.toThrow(/cannot contain/);
	});

	it("modify and process fire `modify` after writing; process is a read-modify-write returning the new text", async () => {
		const app = createTestApp({ files: { "a.md": "one" } });
		const file = getFile(app, "a.md");
		const seen: string[] = [];
		app.vault.on("modify", () => { void app.vault.read(file).then((t) => seen.push(t)); });
		await app.vault.modify(file, "two");
		const result = await app.vault.process(file, (text) => `${text}!`);
		expect(result).toBe("two!");
		expect(await app.vault.read(file)).toBe("two!");
		expect(seen).toEqual(["two", "two!"]);
		expect(file.stat.size).toBe(4);
	});

	it("concurrent process calls never lose an update", async () => {
		const app = createTestApp({ files: { "n.md": "0" } });
		const file = getFile(app, "n.md");
		await Promise.all(Array.from({ length: 20 }, () => app.vault.process(file, (t) => String(Number(t) + 1))));
		expect(await app.vault.read(file)).toBe("20");
	});

	it("rename passes the old path; renaming a folder renames everything inside", async () => {
		const app = createTestApp({ files: { "f/a.md": "", "f/sub/b.md": "" } });
		const log = recordEvents(app);
		const a = getFile(app, "f/a.md");
		await app.vault.rename(a, "f/c.md");
		expect(a.path).toBe("f/c.md");
		expect(a.basename).toBe("c");
		await app.vault.rename(getFolder(app, "f"), "g");
		expect(log.slice(0, 2)).toEqual(["rename f/a.md -> f/c.md", "rename f -> g"]);
		expect(log.slice(2).sort()).toEqual(["rename f/c.md -> g/c.md", "rename f/sub -> g/sub", "rename f/sub/b.md -> g/sub/b.md"]);
		// a folder is renamed before its own contents
		expect(log.indexOf("rename f/sub -> g/sub")).toBeLessThan(log.indexOf("rename f/sub/b.md -> g/sub/b.md"));
		expect(app.vault.getFileByPath("g/sub/b.md")?.parent?.path).toBe("g/sub");
		expect(app.vault.getAbstractFileByPath("f")).toBeNull();
		await expect(app.vault.rename(a, "g/sub/b.md")).rejects.toThrow("Destination file already exists!");
	});

	it("delete detaches before firing; folder contents go first; non-empty folders need force", async () => {
		const app = createTestApp({ files: { "d/a.md": "", "d/e/b.md": "" } });
		const log = recordEvents(app);
		const folder = getFolder(app, "d");
		await expect(app.vault.delete(folder)).rejects.toThrow(/ENOTEMPTY/);
		await app.vault.delete(folder, true);
		expect(log).toEqual(["delete d/e/b.md parent=null", "delete d/e parent=null", "delete d/a.md parent=null", "delete d parent=null"]);
		expect(app.vault.getRoot().children).toHaveLength(0);
	});

	it("trash removes the file from the vault and records it", async () => {
		const app = createTestApp({ files: { "a.md": "", "b.md": "" } });
		await app.vault.trash(getFile(app, "a.md"), true);
		await app.vault.trash(getFile(app, "b.md"), false);
		expect(app.vault.getFiles()).toHaveLength(0);
		expect(app.vault.adapter.trashed).toEqual(["a.md", "b.md"]);
		expect(await app.vault.adapter.exists(".trash/b.md")).toBe(true);
	});

	it("read strips a BOM; the adapter answers exists/stat/list; hidden paths stay out of the vault", async () => {
		const app = createTestApp({ files: { "a.md": "\uFEFFtext" } });
		expect(await app.vault.read(getFile(app, "a.md"))).toBe("text");
		await app.vault.adapter.write(`${app.vault.configDir}/plugins/x/data.json`, "{}");
		expect(await app.vault.adapter.exists(`${app.vault.configDir}/plugins/x/data.json`)).toBe(true);
		expect(app.vault.getAllLoadedFiles().some((f) => f.path.startsWith("."))).toBe(false);
		expect((await app.vault.adapter.stat("a.md"))?.type).toBe("file");
		expect((await app.vault.adapter.list("/")).files).toEqual(["a.md"]);
		await app.vault.adapter.write("made-by-adapter.md", "x");
		expect(app.vault.getFileByPath("made-by-adapter.md")).toBeInstanceOf(TFile);
	});

	it("getConfig falls back to Obsidian's defaults and copies objects", () => {
		const app = createTestApp({ config: { newFileLocation: "folder", newFileFolderPath: "Inbox" } });
		expect(app.vault.getConfig("newFileLocation")).toBe("folder");
		expect(app.vault.getConfig("newLinkFormat")).toBe("shortest");
		expect(app.vault.getConfig("useMarkdownLinks")).toBe(false);
		expect(app.vault.getConfig("nope")).toBeUndefined();
	});
});
