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
