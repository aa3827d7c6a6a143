/**
 * The built command line under a real pseudo-terminal (util-linux `script`, installed by .ci/run): colours and
 * the progress line on a terminal, none of it in a pipe, NO_COLOR honoured. The bundle is built here as
 * esbuild.config.mjs builds dist/cli.cjs, with the progress delay defined as 0 so a small vault shows the line
 * (the only difference from the shipped bundle).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTree } from "./cli-harness";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ESC = "\u001b";
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

let dir = "";
let cli = "";

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "citation-audit-tty-"));
	cli = join(dir, "cli.cjs");
	await esbuild.build({
		entryPoints: [join(ROOT, "src/cli/main.ts")],
		outfile: cli,
		bundle: true,
		format: "cjs",
		platform: "node",
		target: "node20",
		external: builtinModules.flatMap((m) => [m, `node:${m}`]),
		define: { CITATION_AUDIT_VERSION: JSON.stringify("tty-test"), CITATION_AUDIT_PROGRESS_DELAY_MS: "0" },
		logLevel: "warning",
	});
}, 60_000);

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

function vault(): string {
	const files: Record<string, string> = { "Source.md": "# Source\n" };
	for (let index = 0; index < 40; index++) files[`Essay ${index}.md`] = `Claim[^1] and[^2].\n\n[^1]: [[Source]]\n[^2]: [[Gone ${index}]]\n`;
	return makeTree(files);
}

/** Runs the command line with stdin, stdout and stderr on one pseudo-terminal; returns what the terminal got. */
function underTerminal(args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
	const command = ["node", cli, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(" ");
	const result = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "", TERM: "xterm", ...env } });
	return { status: result.status, output: result.stdout };
}

// Skipped only outside CI on a machine without `script`; .ci/run installs it, so CI always runs these.
describe.skipIf(!hasScript && process.env.CI !== "true")("under a pseudo-terminal", () => {
	it("the report is coloured and the progress line is shown, then erased", () => {
		const { status, output } = underTerminal([vault()]);
		expect(status).toBe(1);
		expect(output).toContain(`${ESC}[31merror${ESC}[0m`);
		expect(output).toMatch(/citation-audit: \d+ \/ 41 notes/);
		expect(output).toContain("\r\u001b[K");
		expect(output.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "")).toContain("40 notes audited: 40 errors");
	});

	it("NO_COLOR and --no-color: no colours, the progress line still shows", () => {
		for (const run of [underTerminal([vault()], { NO_COLOR: "1" }), underTerminal([vault(), "--no-color"])]) {
			expect(run.output).not.toMatch(new RegExp(`${ESC}\\[[0-9;]*m`));
			expect(run.output).toMatch(/\/ 41 notes/);
		}
	});

	it("in a pipe: neither colours nor a progress line, on stdout or stderr", () => {
		const result = spawnSync("node", [cli, vault()], { encoding: "utf8", env: { ...process.env, NO_COLOR: "", TERM: "xterm" } });
		expect(result.status).toBe(1);
		expect(result.stdout).not.toContain(ESC);
		expect(result.stderr).toBe("");
		expect(result.stdout).toContain("40 notes audited: 40 errors");
	});
});
