/**
 * The plugin's suggestion index follows the vault file by file: a created, renamed or deleted file changes
 * the suggestions at once, and the index is never rebuilt (the vault's file list is read once, when the
 * index is first built). Properties come from the metadata cache: an alias added to a note makes it a
 * suggestion after the cache's `changed` event. Relied on from the double (as in obsidian.d.ts): `create`,
 * `rename` (with the old path) and `delete` fire after the change; the metadata cache fires `changed` once
 * it has parsed a created or modified note.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TFile } from "obsidian";
import type { ObsidianLinkResolver } from "../../src/plugin/obsidian-resolver";
import { flushMetadata, resetDouble } from "../obsidian-double/testing";
import { loadAuditor } from "./vault/helpers";

afterEach(() => {
	vi.restoreAllMocks();
	resetDouble();
});

const VAULT: Record<string, string> = {
	"Sources/The Expanding Dark Forest.md": "# Forest\n",
	"Sources/Paper Summary.md": "# Summary\n",
	"Essays/Essay.md": "Claim.[^1]\n\n[^1]: [[Teh Expanding Dark Forest]]\n",
};

async function setUp() {
	const { app, plugin } = await loadAuditor(VAULT);
	const resolver = (plugin as unknown as { resolver: ObsidianLinkResolver }).resolver;
	return { app, resolver };
}

function file(app: { vault: { getFileByPath(path: string): TFile | null } }, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no ${path}`);
	return found;
}

describe("the plugin's suggestion index follows vault events", () => {
	it("adds a created note, moves a renamed one, drops a deleted one, without reading the file list again", async () => {
		const { app, resolver } = await setUp();
		expect(resolver.suggest("Teh Expanding Dark Forest", "Essays/Essay.md", 3)).toEqual(["Sources/The Expanding Dark Forest.md"]);
		const listings = vi.spyOn(app.vault, "getFiles");

		await app.vault.create("Sources/Quarterly Budget Review.md", "# Budget\n");
		expect(resolver.suggest("Quarterly budget reveiw", "Essays/Essay.md", 3)).toEqual(["Sources/Quarterly Budget Review.md"]);

		await app.vault.rename(file(app, "Sources/The Expanding Dark Forest.md"), "Archive/The Expanding Dark Forest.md");
		expect(resolver.suggest("Teh Expanding Dark Forest", "Essays/Essay.md", 3)).toEqual(["Archive/The Expanding Dark Forest.md"]);

		await app.vault.delete(file(app, "Sources/Paper Summary.md"));
		expect(resolver.suggest("Paper Sumary", "Essays/Essay.md", 3)).toEqual([]);

		expect(listings).not.toHaveBeenCalled();
	});

	it("follows each file of a renamed folder", async () => {
		const { app, resolver } = await setUp();
		expect(resolver.suggest("Paper Sumary", "Essays/Essay.md", 3)).toEqual(["Sources/Paper Summary.md"]);
		const folder = app.vault.getFolderByPath("Sources");
		if (!folder) throw new Error("no folder");
		await app.vault.rename(folder, "Library");
		expect(resolver.suggest("Paper Sumary", "Essays/Essay.md", 3)).toEqual(["Library/Paper Summary.md"]);
	});

	it("uses an alias once the metadata cache has parsed it, and never offers the note holding the link", async () => {
		const { app, resolver } = await setUp();
		expect(resolver.suggest("Dark forest hypothesis", "Essays/Essay.md", 3)).toEqual([]);
		await app.vault.modify(file(app, "Sources/Paper Summary.md"), "---\naliases: [Dark forest hypothesis]\n---\n# Summary\n");
		await flushMetadata(app);
		expect(resolver.suggest("Dark forest hypothesis", "Essays/Essay.md", 3)).toEqual(["Sources/Paper Summary.md"]);
		expect(resolver.suggest("Dark forest hypothesis", "Sources/Paper Summary.md", 3)).toEqual([]);
	});
});

describe("the plugin's indexes built in slices", () => {
	/** 600 notes in a few folders, names shared across folders (so resolutions have alternatives). */
	function shelf(): Record<string, string> {
		const files: Record<string, string> = {};
		for (let i = 0; i < 600; i++) files[`${["Sources", "Archive", "Deep/er"][i % 3]}/Paper ${i % 250}.md`] = `# Paper ${i}\n`;
		return files;
	}

	it("walk the vault without listing it, and end with the vault as it is after changes made between slices", async () => {
		const { app, plugin } = await loadAuditor(shelf());
		const { ObsidianLinkResolver } = await import("../../src/plugin/obsidian-resolver");
		const listings = [vi.spyOn(app.vault, "getFiles"), vi.spyOn(app.vault, "getMarkdownFiles")];
		const sliced = new ObsidianLinkResolver(app);
		// The plugin forwards the vault's events to its resolver; this one is told by hand, as they happen.
		const create = async (path: string) => {
			await app.vault.create(path, "");
			sliced.fileCreated(path);
		};
		const remove = async (path: string) => {
			await app.vault.delete(app.vault.getFileByPath(path)!);
			sliced.fileDeleted(path);
		};
		const rename = async (path: string, to: string) => {
			await app.vault.rename(app.vault.getFileByPath(path)!, to);
			sliced.fileRenamed(to, path);
		};
		// The walk reads Deep/er first and Sources last (the double's folder order): each change is made once in
		// a folder already indexed and once in one not read yet.
		const changes: (() => Promise<void>)[] = [
			async () => {
				await create("Deep/er/Paper 9998.md");
				await create("Sources/Paper 9999.md");
			},
			async () => {
				await remove("Deep/er/Paper 1.md");
				await remove("Sources/Paper 3.md");
			},
			async () => {
				await rename("Deep/er/Paper 4.md", "Sources/Paper 4b.md");
				await rename("Sources/Paper 6.md", "Deep/er/Paper 6b.md");
			},
		];
		// Each slice may ask twice whether to pause (between the two indexes): pause at every second question.
		let asked = 0;
		let slices = 0;
		while (!sliced.prepare(() => ++asked % 2 === 0)) {
			if (++slices > 1000) throw new Error("prepare never finished");
			await changes.shift()?.();
		}
		expect(slices).toBeGreaterThan(changes.length);
		for (const listing of listings) expect(listing).not.toHaveBeenCalled();
		const fresh = new ObsidianLinkResolver(app);
		for (const name of ["Paper 9998", "Paper 9999", "Paper 1", "Paper 3", "Paper 4", "Paper 4b", "Paper 6", "Paper 6b", "Papr 77", "Paper 4 b"]) {
			expect(sliced.resolve(name, "Essay.md")).toEqual(fresh.resolve(name, "Essay.md"));
			expect(sliced.suggest(name, "Essay.md", 3)).toEqual(fresh.suggest(name, "Essay.md", 3));
		}
		void plugin;
	});

	it("hand the suggester every path the name index holds when its list ends, however the vault changed while it was listed", async () => {
		// 1,500 names in three folders: the list of the index's paths takes several slices (a pause every 256 names).
		const files: Record<string, string> = {};
		for (let i = 0; i < 4500; i++) files[`${["Sources", "Archive", "Deep/er"][i % 3]}/Paper ${Math.floor(i / 3)}.md`] = "";
		const { app } = await loadAuditor(files);
		const { ObsidianLinkResolver } = await import("../../src/plugin/obsidian-resolver");
		const sliced = new ObsidianLinkResolver(app);
		const listing = () => (sliced as unknown as { indexedPaths: { done: boolean } | null }).indexedPaths;
		// Names listed early are changed once the list is under way: a path deleted, one created under a listed name.
		const changes: (() => Promise<void>)[] = [
			async () => {
				await app.vault.delete(app.vault.getFileByPath("Sources/Paper 0.md")!);
				sliced.fileDeleted("Sources/Paper 0.md");
			},
			async () => {
				await app.vault.create("Elsewhere/Paper 1.md", "");
				sliced.fileCreated("Elsewhere/Paper 1.md");
			},
		];
		let slices = 0;
		let changedWhileListing = 0;
		let asked = 0;
		while (!sliced.prepare(() => ++asked % 2 === 0)) {
			if (++slices > 100_000) throw new Error("prepare never finished");
			const list = listing();
			if (list && !list.done && changes.length > 0) {
				await changes.shift()!();
				changedWhileListing++;
			}
		}
		expect(changedWhileListing).toBe(2);
		const fresh = new ObsidianLinkResolver(app);
		const offered = (resolver: typeof sliced, name: string) => resolver.suggest(name, "Essay.md", 5);
		expect(offered(sliced, "Papr 0")).not.toContain("Sources/Paper 0.md");
		expect(offered(sliced, "Papr 1")).toContain("Elsewhere/Paper 1.md");
		for (const name of ["Papr 0", "Papr 1", "Paper 0", "Paper 1", "Papr 2"]) expect(offered(sliced, name)).toEqual(offered(fresh, name));
	});
});
