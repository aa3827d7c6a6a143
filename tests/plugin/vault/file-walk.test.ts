/**
 * VaultFileWalk lists the vault's files folder by folder, so the vault audit and the resolver's indexes can
 * pause between any two files instead of taking `getFiles()` whole inside one UI slice.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TFile } from "obsidian";
import { VaultFileWalk } from "../../../src/plugin/vault/file-walk";
import { createTestApp, resetDouble } from "../../obsidian-double/testing";

afterEach(() => {
	vi.restoreAllMocks();
	resetDouble();
});

/** Files in nested folders, some folders empty of files, attachments among the notes. */
function nestedVault(count: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		const folder = ["", "A/", "A/B/", "A/B/C/", "D/", `E${i % 7}/F/`][i % 6];
		files[`${folder}note ${i}.${i % 5 === 0 ? "pdf" : "md"}`] = `# ${i}\n`;
	}
	return files;
}

function walkAll(walk: VaultFileWalk): TFile[] {
	const files: TFile[] = [];
	for (let file = walk.next(); file !== null; file = walk.next()) files.push(file);
	return files;
}

describe("VaultFileWalk", () => {
	it("yields every file of the vault once, without listing the vault", () => {
		const app = createTestApp({ files: nestedVault(500), folders: ["Empty", "A/Empty too"] });
		const expected = app.vault.getFiles().map((file) => file.path).sort();
		const listings = [vi.spyOn(app.vault, "getFiles"), vi.spyOn(app.vault, "getMarkdownFiles"), vi.spyOn(app.vault, "getAllLoadedFiles")];
		const walked = walkAll(new VaultFileWalk(app.vault));
		expect(walked.every((file) => file instanceof TFile)).toBe(true);
		expect(walked.map((file) => file.path).sort()).toEqual(expected);
		for (const listing of listings) expect(listing).not.toHaveBeenCalled();
	});

	it("between two steps, skips a file deleted from a folder not read yet and takes one created there", async () => {
		const app = createTestApp({ files: { "Top.md": "", "Later/Gone.md": "", "Later/Kept.md": "" } });
		const walk = new VaultFileWalk(app.vault);
		expect(walk.next()?.path).toBe("Top.md");
		await app.vault.delete(app.vault.getFileByPath("Later/Gone.md")!);
		await app.vault.create("Later/New.md", "");
		expect(walkAll(walk).map((file) => file.path).sort()).toEqual(["Later/Kept.md", "Later/New.md"]);
	});

	it("yields nothing for an empty vault", () => {
		expect(new VaultFileWalk(createTestApp().vault).next()).toBeNull();
	});
});
