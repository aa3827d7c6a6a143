/**
 * Where each listed file of a vault really is (vault-files.ts's VaultListing.realPaths). A file reached
 * without a symbolic link is at the vault's real path joined with its vault path, so only the files reached
 * through a link are kept, in a Map; the others are found in the sorted listing. A Map of every file's real
 * path cost a third of listing a 50,000-note vault here (50,000 more strings, hashed and kept).
 */
import { sep } from "node:path";

/** What reading a listed note needs: its real path, or undefined for a path the listing does not hold. */
export interface RealPaths {
	get(vaultPath: string): string | undefined;
}

export class ListedRealPaths implements RealPaths {
	constructor(
		/** Real path of the vault folder. */
		private readonly root: string,
		/** The listing's vault paths, sorted by code unit. */
		private readonly sorted: readonly string[],
		/** The files reached through a symbolic link: their real paths (a worker thread gets a copy of them). */
		readonly linked: ReadonlyMap<string, string>,
	) {}

	get(vaultPath: string): string | undefined {
		const linked = this.linked.get(vaultPath);
		if (linked !== undefined) return linked;
		if (!isListed(this.sorted, vaultPath)) return undefined;
		const inside = sep === "/" ? vaultPath : vaultPath.split("/").join(sep);
		return this.root.endsWith(sep) ? this.root + inside : this.root + sep + inside;
	}
}

/** Binary search in paths sorted by code unit (the order of `Array.prototype.sort` without a comparator). */
function isListed(sorted: readonly string[], path: string): boolean {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const at = sorted[middle];
		if (at === path) return true;
		if (at < path) low = middle + 1;
		else high = middle;
	}
	return false;
}
