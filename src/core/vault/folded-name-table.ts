/**
 * The vault's paths by name key (resolve-linkpath.ts: a file name folded, `.md` cut), for the resolver.
 *
 *     Sources/A History of the Archive.md
 *             ^ key: "a history of the archive", read where it lies
 *
 * A name of printable ASCII is folded and hashed in place, character by character, and compared in place
 * when looked up: building the table makes no string per path. Other names (accents, other scripts) are
 * folded as strings (NFC, then lower case) and kept. Paths sharing a key are chained in the order given.
 * A Map from key strings to arrays of paths cost 50-60 ms for a 50,000-note vault here, most of it making and
 * collecting the 150,000 strings and arrays; one essay audited in such a vault takes about 0.6 s in all.
 */

import { FNV_OFFSET, fnvHash, fnvStep } from "../collections/fnv";
import { endsWithMd, isPlainAscii, lowerAscii } from "../text/ascii";

/** Where a path's key ends (`.md` cut, in any case, unless that leaves nothing); -1 when its name is not plain ASCII. */
function keyEnd(path: string, from: number): number {
	for (let at = from; at < path.length; at++) if (!isPlainAscii(path.charCodeAt(at))) return -1;
	const end = path.length;
	//     Name.md
	//         ^ a file named `.md` keeps it
	const md = end - from > 3 && endsWithMd(path);
	return md ? end - 3 : end;
}

function nameStart(path: string): number {
	return path.lastIndexOf("/") + 1;
}

export class FoldedNameTable {
	/** Open addressing: the first path (index + 1) of a key's chain at its hash's slot or after; 0 is empty. */
	private readonly slots: Int32Array;
	/** The next path with the same key, or -1. */
	private readonly next: Int32Array;
	/** Where each path's key ends; -1 for a name that is not plain ASCII, whose key is in `foldedKeys`. */
	private readonly ends: Int32Array;
	private readonly foldedKeys = new Map<number, string>();

	constructor(
		private readonly paths: readonly string[],
		/** A name folded as resolve-linkpath.ts's nameKey folds it (for names that are not plain ASCII). */
		keyOf: (path: string) => string,
	) {
		let size = 16;
		while (size < 2 * paths.length) size *= 2;
		const mask = size - 1;
		this.slots = new Int32Array(size);
		this.next = new Int32Array(paths.length).fill(-1);
		this.ends = new Int32Array(paths.length);
		/** The last path (index + 1) of each slot's chain. */
		const tails = new Int32Array(size);
		for (let index = 0; index < paths.length; index++) {
			const path = paths[index];
			const from = nameStart(path);
			const end = keyEnd(path, from);
			this.ends[index] = end;
			let hash = FNV_OFFSET;
			if (end === -1) {
				const key = keyOf(path);
				this.foldedKeys.set(index, key);
				hash = fnvHash(key);
			} else {
				for (let at = from; at < end; at++) hash = fnvStep(hash, lowerAscii(path.charCodeAt(at)));
			}
			let slot = hash & mask;
			while (this.slots[slot] !== 0 && !this.sameKeys(this.slots[slot] - 1, index)) slot = (slot + 1) & mask;
			if (this.slots[slot] === 0) this.slots[slot] = index + 1;
			else this.next[tails[slot] - 1] = index;
			tails[slot] = index + 1;
		}
	}

	/** The paths whose key is `key` (folded already), in the order given; undefined when there are none. */
	pathsNamed(key: string): string[] | undefined {
		const mask = this.slots.length - 1;
		for (let slot = fnvHash(key) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
			const first = this.slots[slot] - 1;
			if (!this.isKey(first, key)) continue;
			const named: string[] = [];
			for (let index = first; index !== -1; index = this.next[index]) named.push(this.paths[index]);
			return named;
		}
		return undefined;
	}

	/** Whether path `index`'s key is the string `key`. */
	private isKey(index: number, key: string): boolean {
		const end = this.ends[index];
		if (end === -1) return this.foldedKeys.get(index) === key;
		const path = this.paths[index];
		const from = nameStart(path);
		if (end - from !== key.length) return false;
		for (let at = from; at < end; at++) if (lowerAscii(path.charCodeAt(at)) !== key.charCodeAt(at - from)) return false;
		return true;
	}

	/** Whether paths `index` and `other` have the same key (both read in place when both are plain ASCII). */
	private sameKeys(index: number, other: number): boolean {
		const otherEnd = this.ends[other];
		if (otherEnd === -1) return this.isKey(index, this.foldedKeys.get(other)!);
		const end = this.ends[index];
		if (end === -1) return this.isKey(other, this.foldedKeys.get(index)!);
		const path = this.paths[index];
		const otherPath = this.paths[other];
		const from = nameStart(path);
		const otherFrom = nameStart(otherPath);
		if (end - from !== otherEnd - otherFrom) return false;
		for (let at = 0; at < end - from; at++) {
			if (lowerAscii(path.charCodeAt(from + at)) !== lowerAscii(otherPath.charCodeAt(otherFrom + at))) return false;
		}
		return true;
	}
}
