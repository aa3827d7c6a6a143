/**
 * ShardedMap answers as a Map does (random operations, fast-check), and its shards stay even on the kinds of
 * keys it holds (vocabulary words, typo keys, vault paths, the resolver's folder + link keys): a hash that
 * let one shard take most keys would bring back the long rehash it exists to avoid.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SHARD_COUNT, ShardedMap, shardIndex } from "../../../src/core/collections/sharded-map";

describe("ShardedMap", () => {
	it("gives the answers of a Map through any sequence of sets, deletes, lookups and clears", () => {
		// Keys from a small alphabet, so that keys recur: sets overwrite, deletes hit and miss.
		const key = fc.string({ unit: fc.constantFrom("a", "b", "é", "/", " ", "\u0000", "😀"), maxLength: 5 });
		const operation = fc.oneof(
			fc.record({ kind: fc.constant("set" as const), key, value: fc.integer() }),
			fc.record({ kind: fc.constant("delete" as const), key }),
			fc.record({ kind: fc.constant("clear" as const) }),
		);
		fc.assert(
			fc.property(fc.array(operation, { maxLength: 200 }), fc.array(key, { maxLength: 20 }), (operations, probes) => {
				const map = new Map<string, number>();
				const sharded = new ShardedMap<number>();
				for (const op of operations) {
					if (op.kind === "set") {
						expect(sharded.set(op.key, op.value)).toBe(sharded);
						map.set(op.key, op.value);
					} else if (op.kind === "delete") {
						expect(sharded.delete(op.key)).toBe(map.delete(op.key));
					} else {
						sharded.clear();
						map.clear();
					}
					expect(sharded.size).toBe(map.size);
				}
				for (const probe of [...probes, ...map.keys()]) {
					expect(sharded.has(probe)).toBe(map.has(probe));
					expect(sharded.get(probe)).toBe(map.get(probe));
				}
			}),
			{ seed: 15_061, numRuns: 300 },
		);
	});

	it("spreads 100,000 keys of each kind it holds evenly over its shards", () => {
		const kinds: Record<string, (i: number) => string> = {
			"vault paths": (i) => `Sources/${["Paper", "Notes on", "Review of"][i % 3]} ${i}.md`,
			"folder and link keys": (i) => `Essays/Drafts/\u0000Source ${String(i).padStart(6, "0")}`,
			"words": (i) => i.toString(36),
			"typo keys": (i) => {
				const word = `w${(i * 7919).toString(36)}`;
				const drop = i % word.length;
				return word.slice(0, drop) + word.slice(drop + 1) + (i % 2 ? "s" : "");
			},
		};
		for (const [kind, keyOf] of Object.entries(kinds)) {
			const keys = new Set<string>();
			for (let i = 0; keys.size < 100_000; i++) keys.add(keyOf(i));
			const counts = new Array<number>(SHARD_COUNT).fill(0);
			for (const key of keys) counts[shardIndex(key)]++;
			const mean = keys.size / SHARD_COUNT;
			expect({ kind, largest: Math.max(...counts) <= mean * 4 / 3, smallest: Math.min(...counts) >= mean * 2 / 3 }).toEqual({ kind, largest: true, smallest: true });
		}
	});
});
