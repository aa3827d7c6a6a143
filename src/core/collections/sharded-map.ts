/**
 * A string-keyed map split over many small `Map`s, for the indexes that grow to hundreds of thousands of keys
 * while the plugin audits a vault in slices of a few milliseconds.
 *
 * V8 stores a `Map` in one hash table and, when the table is full, rehashes every entry into one twice as
 * large, inside the single `set` that filled it. Measured on this project's 2-core VM (Node 20, string keys,
 * one `set` timed alone): the `set` that crossed 65,536 entries took 11 ms, 131,072 took 23 ms, 262,144 took
 * 53 ms and 524,288 took 93 ms, however the rest of the work was sliced. The suggestion index's typo keys,
 * its vocabulary and the resolver's remembered answers reach those sizes on a 100,000-note vault, and the
 * longest slices of the plugin's first vault audit were such `set`s (27–33 ms alone, bench/plugin-slices.ts).
 * Split over {@link SHARD_COUNT} maps, no single rehash holds more than about 1/64 of the entries: 1,050,000 keys
 * gave no `set` above 3.6 ms, for the same total time.
 *
 * Only lookups: there is no iteration, since the order of the entries across shards is not the order in
 * which they were set (a caller that needs that order keeps a `Map`).
 */
import { FNV_OFFSET, fnvStep } from "./fnv";

/** A power of two; the shard of a key is its hash's low bits. */
export const SHARD_COUNT = 64;

export class ShardedMap<V> {
	private readonly shards: Map<string, V>[] = Array.from({ length: SHARD_COUNT }, () => new Map<string, V>());
	private count = 0;

	get size(): number {
		return this.count;
	}

	get(key: string): V | undefined {
		return this.shardOf(key).get(key);
	}

	has(key: string): boolean {
		return this.shardOf(key).has(key);
	}

	set(key: string, value: V): this {
		const shard = this.shardOf(key);
		const before = shard.size;
		shard.set(key, value);
		this.count += shard.size - before;
		return this;
	}

	delete(key: string): boolean {
		const deleted = this.shardOf(key).delete(key);
		if (deleted) this.count--;
		return deleted;
	}

	clear(): void {
		for (const shard of this.shards) shard.clear();
		this.count = 0;
	}

	private shardOf(key: string): Map<string, V> {
		return this.shards[shardIndex(key)];
	}
}

/** Characters hashed from each end of a long key. */
const HEAD = 8;
const TAIL = 24;

/**
 * The shard of `key`, 0 to SHARD_COUNT - 1: FNV-1a over the key, or over its first {@link HEAD} and last
 * {@link TAIL} characters when longer (paths and link keys differ mostly near their end), with the length.
 * Four sampled characters were not enough: paths like `Sources/Paper 123.md` put a third of their keys in
 * six shards. The test holds 100,000 keys of each kind to within a third of the mean per shard.
 */
export function shardIndex(key: string): number {
	const length = key.length;
	let hash = FNV_OFFSET ^ length;
	if (length <= HEAD + TAIL) {
		for (let at = 0; at < length; at++) hash = fnvStep(hash, key.charCodeAt(at));
	} else {
		for (let at = 0; at < HEAD; at++) hash = fnvStep(hash, key.charCodeAt(at));
		for (let at = length - TAIL; at < length; at++) hash = fnvStep(hash, key.charCodeAt(at));
	}
	return (hash ^ (hash >>> 16)) & (SHARD_COUNT - 1);
}
