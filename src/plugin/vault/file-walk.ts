/**
 * The vault's files, one at a time, read folder by folder from the root (`TFolder.children`), so that a
 * time-sliced caller can pause between any two. `vault.getFiles()` and `getMarkdownFiles()` list every file
 * in one call: 45 ms for 100,000 files under the test double, the whole budget of three UI slices, and a
 * cost that grows with the vault inside whichever slice makes the call.
 *
 *     /            folders still to read: [root]
 *     ├ Essays/    → read root: files yielded, Essays/ and Sources/ queued
 *     └ Sources/
 *
 * Between two calls the vault may change (the caller pauses): a folder's children are copied when the folder
 * is opened, and a file moved into a folder already read is not yielded. Callers that must see every file
 * keep themselves current from the vault's events, as ObsidianLinkResolver does; the vault audit lists the
 * notes that existed when it started, as before.
 */
import { TFile, TFolder, type TAbstractFile, type Vault } from "obsidian";

export class VaultFileWalk {
	private readonly folders: TFolder[];
	private children: readonly TAbstractFile[] = [];
	private at = 0;

	constructor(vault: Pick<Vault, "getRoot">) {
		this.folders = [vault.getRoot()];
	}

	/** The next file (any extension), or null once every folder has been read. */
	next(): TFile | null {
		for (;;) {
			while (this.at < this.children.length) {
				const child = this.children[this.at++];
				if (child instanceof TFile) return child;
				if (child instanceof TFolder) this.folders.push(child);
			}
			const folder = this.folders.pop();
			if (!folder) return null;
			this.children = folder.children.slice();
			this.at = 0;
		}
	}
}
