/**
 * GNU patch, run for real: a diff is only right if `patch -p1` applies it and gives the expected bytes. Used
 * by the diff's own tests and by the `--dry-run` tests. GNU patch is at /usr/bin/patch (.ci/run installs it).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const GNU_PATCH = "/usr/bin/patch";

/** Whether GNU patch runs here (CI always has it; a test skipped without it says so). */
export const hasGnuPatch = spawnSync(GNU_PATCH, ["--version"], { encoding: "utf8" }).stdout?.startsWith("GNU patch") === true;

/**
 * Runs `patch -p1 --batch` in `folder` with `diff` on its standard input. `--batch` so that a patch that does
 * not apply fails instead of asking; `--no-backup-if-mismatch` so that no `.orig` file appears.
 */
export function applyInFolder(folder: string, diff: string | Buffer): { status: number | null; output: string } {
	const result = spawnSync(GNU_PATCH, ["-p1", "--batch", "--no-backup-if-mismatch", "-d", folder], { input: diff, encoding: "utf8" });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The bytes GNU patch makes of a file holding `before` at `path`, given `diff`; throws when it does not apply. */
export function patchedBytes(path: string, before: string | Buffer, diff: string): Buffer {
	const folder = mkdtempSync(join(tmpdir(), "citation-audit-patch-"));
	try {
		mkdirSync(dirname(join(folder, path)), { recursive: true });
		writeFileSync(join(folder, path), before);
		const { status, output } = applyInFolder(folder, diff);
		if (status !== 0) throw new Error(`patch failed (${status}): ${output}\n${diff}`);
		return readFileSync(join(folder, path));
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
