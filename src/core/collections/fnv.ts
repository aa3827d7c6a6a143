/**
 * FNV-1a over UTF-16 code units, in 32-bit integers: the hash of the engine's own tables (sharded-map.ts's
 * shards, the name scan's runs, the resolver's names), one code unit at a time so that a caller can hash text
 * where it lies, folded as it goes, without cutting a string out first.
 */

/** The offset basis, as an int32 so that a hash stays a small integer throughout. */
export const FNV_OFFSET = 0x811c9dc5 | 0;

/** `hash` with one more code unit in it. */
export function fnvStep(hash: number, code: number): number {
	return Math.imul(hash ^ code, 0x01000193);
}

/** The hash of all of `text`. */
export function fnvHash(text: string): number {
	let hash = FNV_OFFSET;
	for (let at = 0; at < text.length; at++) hash = fnvStep(hash, text.charCodeAt(at));
	return hash;
}
