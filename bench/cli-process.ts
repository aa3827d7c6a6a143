/**
 * Issue 15's command-line cases, each timed as a whole process (`node dist/cli.cjs …`), the way a writer
 * runs it: wall time, CPU time (user + system, which other processes on a shared machine do not inflate) and
 * peak resident memory, read by a preload (`--require`) from `process.resourceUsage()` at exit.
 *
 *   - the 3 MB and 12 MB essays in the vault they cite, against markdown-it's parse of the same file as a
 *     process (`node` reading the file and parsing it, footnote_tail off);
 *   - one 10 KB essay named on the command line in a vault of 50,000 notes;
 *   - a whole vault of 100,000 notes (10,000 essays).
 *
 * Vaults are written once into a folder under the system's temporary folder and kept between runs (they
 * take minutes to write); `--fresh-vaults` rewrites them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateEssay } from "./generate-essay";
import { writeVault, type VaultShape } from "./generate-vault";
import { createSourceVault } from "./source-vault";

const MB = 1024 * 1024;

export interface ProcessRun {
	wallMs: number;
	cpuMs: number;
	maxRssMb: number;
	status: number | null;
	stdoutBytes: number;
	stderr: string;
}

/** Written beside the bench so that the child needs nothing but Node: it records the child's own usage. */
const PRELOAD = `
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
	const usage = process.resourceUsage();
	writeFileSync(process.env.CITATION_BENCH_USAGE, JSON.stringify({ user: usage.userCPUTime, system: usage.systemCPUTime, maxRss: usage.maxRSS }));
});
`;

/** markdown-it's parse of one file as a process, configured as bench/contenders.ts does (footnote_tail off). */
const MARKDOWN_IT_PROCESS = `
const MarkdownIt = require("markdown-it");
const footnote = require("markdown-it-footnote");
const md = new MarkdownIt({ html: true }).use(footnote);
md.core.ruler.disable("footnote_tail");
const text = require("node:fs").readFileSync(process.argv[1], "utf8");
process.stdout.write(String(md.parse(text, {}).length) + "\\n");
`;

export function benchFolder(): string {
	const folder = join(tmpdir(), "citation-bench-cli");
	mkdirSync(folder, { recursive: true });
	return folder;
}

/** Runs `node <args>` with the usage preload; stdout is counted, not kept. */
export function runNodeProcess(args: readonly string[], cwd: string): ProcessRun {
	const folder = benchFolder();
	const preload = join(folder, "usage-preload.cjs");
	if (!existsSync(preload) || readFileSync(preload, "utf8") !== PRELOAD) writeFileSync(preload, PRELOAD);
	const usageFile = join(folder, `usage-${process.pid}.json`);
	rmSync(usageFile, { force: true });
	const start = performance.now();
	const child = spawnSync(process.execPath, ["--require", preload, ...args], {
		cwd,
		env: { ...process.env, CITATION_BENCH_USAGE: usageFile },
		maxBuffer: 1 << 30,
	});
	const wallMs = performance.now() - start;
	const usage = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, "utf8")) as { user: number; system: number; maxRss: number }) : null;
	rmSync(usageFile, { force: true });
	return {
		wallMs,
		cpuMs: usage ? (usage.user + usage.system) / 1000 : NaN,
		maxRssMb: usage ? usage.maxRss / 1024 : NaN,
		status: child.status,
		stdoutBytes: child.stdout?.length ?? 0,
		stderr: child.stderr?.toString("utf8") ?? "",
	};
}

/** The fastest of `runs` runs by wall time (the machine is shared: load only ever adds time). */
export function bestOf(runs: number, run: () => ProcessRun): ProcessRun {
	let best: ProcessRun | null = null;
	for (let i = 0; i < runs; i++) {
		const next = run();
		if (best === null || next.wallMs < best.wallMs) best = next;
	}
	return best!;
}

/** The fastest of `runs` runs of each of two commands, run in turn (a, b, a, b, …). */
export function bestOfInterleaved(runs: number, a: () => ProcessRun, b: () => ProcessRun): [ProcessRun, ProcessRun] {
	let bestA: ProcessRun | null = null;
	let bestB: ProcessRun | null = null;
	for (let i = 0; i < runs; i++) {
		const nextA = a();
		if (bestA === null || nextA.wallMs < bestA.wallMs) bestA = nextA;
		const nextB = b();
		if (bestB === null || nextB.wallMs < bestB.wallMs) bestB = nextB;
	}
	return [bestA!, bestB!];
}

export function runCliProcess(cli: string, args: readonly string[], cwd: string): ProcessRun {
	return runNodeProcess([cli, ...args], cwd);
}

export function runMarkdownItProcess(file: string, cwd: string): ProcessRun {
	const script = join(benchFolder(), "markdown-it-parse.cjs");
	if (!existsSync(script) || readFileSync(script, "utf8") !== MARKDOWN_IT_PROCESS) writeFileSync(script, MARKDOWN_IT_PROCESS);
	// Resolved from the project's node_modules: the child runs with the project as its folder.
	return runNodeProcess(["-e", `module.paths.unshift(${JSON.stringify(join(cwd, "node_modules"))});${MARKDOWN_IT_PROCESS}`, file], cwd);
}

/** The essay of `megabytes` MB (footnotes at the benchmark's density) in the 2,000-source vault it cites. */
export function essayVault(megabytes: number, footnotes: number, fresh: boolean): { root: string; essay: string } {
	const root = join(benchFolder(), `essay-${megabytes}mb`);
	const essay = "Essays/Generated essay.md";
	const done = join(root, ".complete");
	if (fresh) rmSync(root, { recursive: true, force: true });
	if (!existsSync(done)) {
		rmSync(root, { recursive: true, force: true });
		const vault = createSourceVault(2000, 7);
		for (const path of vault.paths) {
			const text = vault.readNote(path) ?? `%PDF-1.4 generated attachment ${path}\n`;
			mkdirSync(dirname(join(root, path)), { recursive: true });
			writeFileSync(join(root, path), text);
		}
		const generated = generateEssay({ chars: megabytes * MB, footnotes, seed: 42, vault });
		mkdirSync(join(root, "Essays"), { recursive: true });
		writeFileSync(join(root, essay), generated.text);
		writeFileSync(done, "");
	}
	return { root, essay };
}

/** A generated vault of the given shape, written once (see generate-vault.ts). */
export function generatedVault(name: string, shape: VaultShape, fresh: boolean): { root: string; essay: string } {
	const root = join(benchFolder(), name);
	const done = join(root, ".complete");
	if (fresh) rmSync(root, { recursive: true, force: true });
	if (!existsSync(done)) {
		rmSync(root, { recursive: true, force: true });
		mkdirSync(root, { recursive: true });
		writeVault(root, shape);
		writeFileSync(done, "");
	}
	return { root, essay: "Essays/Essay 0001.md" };
}

export const VAULT_50K: VaultShape = { notes: 50_000, essayShare: 0.1, footnotesPerEssay: 50, essayChars: 10 * 1024, seed: 11 };
export const VAULT_100K: VaultShape = { notes: 100_000, essayShare: 0.1, footnotesPerEssay: 50, essayChars: 10 * 1024, seed: 11 };

export interface CliTargets {
	essays: { megabytes: number; cli: ProcessRun; markdownIt: ProcessRun }[];
	oneEssay50k: ProcessRun;
	vault100k: ProcessRun;
	/** The same with `--concurrency off`. */
	vault100kOneThread: ProcessRun;
}

/**
 * Issue 15's targets 2–4, each the best of a few runs (one warm-up run first reads the files into the page
 * cache: a cold first read of a 100,000-note vault took 48 s here against 3 s warm). The essays' command
 * line and markdown-it runs alternate, five of each.
 */
export function measureCliTargets(projectRoot: string, fresh: boolean, log: (line: string) => void): CliTargets {
	const cli = join(projectRoot, "dist", "cli.cjs");
	const essays: CliTargets["essays"] = [];
	for (const [megabytes, footnotes] of [[3, 10_000], [12, 40_000]] as const) {
		log(`bench: the ${megabytes} MB essay through the command line and markdown-it, as processes…`);
		const { root, essay } = essayVault(megabytes, footnotes, fresh);
		// One warm-up run each (the command line also reads the 2,000 cited notes), then the two interleaved, so
		// that a change in the machine's load falls on both alike.
		runMarkdownItProcess(join(root, essay), projectRoot);
		runCliProcess(cli, [root, essay], projectRoot);
		const [cliRun, markdownIt] = bestOfInterleaved(
			5,
			() => runCliProcess(cli, [root, essay], projectRoot),
			() => runMarkdownItProcess(join(root, essay), projectRoot),
		);
		essays.push({ megabytes, cli: cliRun, markdownIt });
	}
	log("bench: one essay in a 50,000-note vault…");
	const v50 = generatedVault("vault-50k", VAULT_50K, fresh);
	runCliProcess(cli, [v50.root, v50.essay], projectRoot);
	const oneEssay50k = bestOf(3, () => runCliProcess(cli, [v50.root, v50.essay], projectRoot));
	log("bench: the 100,000-note vault (10,000 essays)…");
	const v100 = generatedVault("vault-100k", VAULT_100K, fresh);
	// The default (auto: a worker reads the notes ahead, read-ahead.ts) against one thread, interleaved: what the
	// second core buys, in this run.
	const [vault100k, vault100kOneThread] = bestOfInterleaved(
		2,
		() => runCliProcess(cli, [v100.root, "--format", "json"], projectRoot),
		() => runCliProcess(cli, [v100.root, "--format", "json", "--concurrency", "off"], projectRoot),
	);
	return { essays, oneEssay50k, vault100k, vault100kOneThread };
}
