import { describe, expect, it } from "vitest";
import { FNV_OFFSET, fnvHash, fnvStep } from "../../../src/core/collections/fnv";

describe("FNV-1a", () => {
	it("gives the published 32-bit FNV-1a values (as signed integers)", () => {
		// The FNV reference values: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
		expect(fnvHash("") >>> 0).toBe(0x811c9dc5);
		expect(fnvHash("a") >>> 0).toBe(0xe40c292c);
		expect(fnvHash("foobar") >>> 0).toBe(0xbf9cf968);
	});

	it("hashes text where it lies as it hashes the text cut out", () => {
		const path = "Sources/A History of the Archive.md";
		let hash = FNV_OFFSET;
		for (let at = 8; at < 32; at++) hash = fnvStep(hash, path.charCodeAt(at));
		expect(hash).toBe(fnvHash(path.slice(8, 32)));
	});
});
