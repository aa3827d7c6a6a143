/**
 * The command line as it ships, for tests that must run it as a process (pipes, signals): src/cli/main.ts
 * bundled into a temporary folder with the options esbuild.config.mjs gives dist/cli.cjs (Node 20, CommonJS,
 * only Node's own modules external, so jsdiff and markdown-it are inside).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Builds the CLI; returns its path and a function removing it. */
export async function buildCli(): Promise<{ cli: string; remove: () => void }> {
	const dir = mkdtempSync(join(tmpdir(), "citation-audit-built-"));
	const cli = join(dir, "cli.cjs");
	await esbuild.build({
		entryPoints: [join(ROOT, "src/cli/main.ts")],
		outfile: cli,
		bundle: true,
		format: "cjs",
		platform: "node",
		target: "node20",
		external: builtinModules.flatMap((m) => [m, `node:${m}`]),
		define: { CITATION_AUDIT_VERSION: JSON.stringify("built-test") },
		logLevel: "warning",
	});
	return { cli, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
