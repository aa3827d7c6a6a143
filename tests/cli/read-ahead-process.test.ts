/**
 * The read-ahead workers as they run: the built command line starts them from its own file (main.ts), so this
 * runs the bundle as a process. Whatever the workers manage to read before the audit needs it, the output
 * must be byte for byte that of one thread.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli } from "./built-cli";
import { randomVault } from "./read-ahead-vault";

let built: Awaited<ReturnType<typeof buildCli>> | undefined;
beforeAll(async () => {
	built = await buildCli();
}, 60_000);
afterAll(() => built?.remove());

function runBuilt(args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [built!.cli, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a vault audit with read-ahead workers, as a process", () => {
	it("prints what one thread prints, in json and text, with one or two workers", () => {
		const root = randomVault(3, 1500, 300);
		for (const format of ["json", "text"]) {
			const alone = runBuilt([root, "--format", format, "--concurrency", "off"]);
			expect(alone.stdout.length).toBeGreaterThan(1000);
			for (const threads of ["2", "3"]) {
				const helped = runBuilt([root, "--format", format, "--concurrency", threads]);
				expect(helped, `${format}, ${threads} threads`).toEqual(alone);
			}
		}
	}, 120_000);

	it("prints what one thread prints when the audit skips folders (its notes are not the listing's)", () => {
		const root = randomVault(4, 1500, 300);
		// The daily notes come between the sources and the essays: the worker's indices must be the audit's own.
		writeFileSync(join(root, ".citation-audit.json"), JSON.stringify({ ignoredFolders: ["Daily", "Sources/Source 1"] }));
		const alone = runBuilt([root, "--format", "json", "--concurrency", "off"]);
		expect(alone.stdout.length).toBeGreaterThan(1000);
		expect(runBuilt([root, "--format", "json", "--concurrency", "2"])).toEqual(alone);
	}, 60_000);
});
