/** The size of the plugin bundle `main.js` the bench build writes (minified), raw and gzipped. */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export interface BundleSize {
	path: string;
	bytes: number;
	gzipBytes: number;
}

export function measureBundle(path: string): BundleSize | null {
	if (!existsSync(path)) return null;
	const bytes = readFileSync(path);
	return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
