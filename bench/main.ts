/**
 * `npm run bench`: the audit side by side with what it is built on and what writers would use instead, on
 * generated essays of 10 KB, 300 KB, 3 MB and 12 MB, then the plugin bundle's size, `onload()` under the
 * test double, and issue 5's 10,000-note vault through the command line. Prints markdown tables and one
 * PASS/FAIL line per target (issue 6). `npm run bench -- --full` also runs the cases skipped to stay under
 * two minutes (remark on 12 MB, markdown-it with `footnote_tail` on 3 MB).
 */
import { spawnSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { auditNote, type LinkResolver, type NoteAudit } from "../src/core/index";
import { measureBundle } from "./bundle-size";
import { measureCliTargets, type CliTargets, type ProcessRun } from "./cli-process";
import { markdownItBlocks, markdownItParse, markdownItParseWithTail, regexScan, remarkLintPipeline } from "./contenders";
import { generateEssay, type GeneratedEssay } from "./generate-essay";
import { formatBytes, formatMs, measure, median, megabytesPerSecond, ratio, timeOnce, type Plan, type Timing } from "./measure";
import { firstOnloadsInChildren, measureOnload, ONLOAD_CHILD_FLAG, runOnloadChild, type FirstOnload } from "./onload";
import { createSourceVault, type SourceVault } from "./source-vault";
import { measurePluginSlicesInChild, PLUGIN_CHILD_FLAG, runPluginSlicesChild } from "./plugin-slices";
import { runVaultScale, VAULT_SHAPE } from "./vault-scale";
import { BIB_TARGET_MS, measureBibliographyLoad } from "./bibliography-load";
import { BUILD_TARGET_MS, KEYSTROKE_TARGET_MS, measureEditorMarks } from "./editor-marks";
import { measureSuggestionScale, printSuggestionScale } from "./suggestion-scale";
import { LIVE_EDIT_TARGET_MS, measureLiveEdit, SMALL_REAUDIT_TARGET_MS, WARM_UP_EDITS, type LiveEditResult } from "./live-edit";

const FULL = process.argv.includes("--full");
/** `--only=essays`, `--only=vault`, `--only=cli`, `--only=live`, `--only=plugin`, `--only=suggestions`, `--only=bibliography` or `--only=editor`: one part, for working on the benchmark itself; several joined by `+` (`--only=essays+plugin`) run in the whole bench's order, as when one part's garbage meets the next. */
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length) ?? null;
const runs = (part: string): boolean => ONLY === null || ONLY.split("+").includes(part);
const MB = 1024 * 1024;
const started = performance.now();
const log = (line = ""): void => void process.stdout.write(`${line}\n`);

interface Input {
	name: string;
	chars: number;
	footnotes: number;
	/** For the audit, markdown-it (tail off, block only) and the regular expression. */
	fast: Plan;
	/** markdown-it with footnote_tail; null: predicted from the tail ladder instead of run. */
	tail: Plan | null;
	/** remark; null: predicted (linear) from the previous size instead of run. */
	remark: Plan | null;
}

const INPUTS: Input[] = [
	{
		name: "10 KB",
		chars: 10 * 1024,
		footnotes: 50,
		fast: { warmup: 500, runs: 301, budgetMs: 4000 },
		tail: { warmup: 50, runs: 51, budgetMs: 1500 },
		remark: { warmup: 3, runs: 5, budgetMs: 4000 },
	},
	{
		name: "300 KB",
		chars: 300 * 1024,
		footnotes: 1000,
		fast: { warmup: 5, runs: 11, budgetMs: 4000 },
		tail: { warmup: 1, runs: 3, budgetMs: 3000 },
		// Warm from the 10 KB runs already; one remark run here takes seconds.
		remark: { warmup: 0, runs: 3, budgetMs: 8000 },
	},
	{
		name: "3 MB",
		chars: 3 * MB,
		footnotes: 10_000,
		fast: { warmup: 1, runs: 5, budgetMs: 6000 },
		tail: FULL ? { warmup: 0, runs: 1, budgetMs: 0 } : null,
		remark: { warmup: 0, runs: 1, budgetMs: 0 },
	},
	{
		name: "12 MB",
		chars: 12 * MB,
		footnotes: 40_000,
		fast: { warmup: 1, runs: 3, budgetMs: 30_000 },
		tail: null,
		remark: FULL ? { warmup: 0, runs: 1, budgetMs: 0 } : null,
	},
];

/** Essays of growing footnote count (same density as the inputs) timed with footnote_tail on, once each. */
const TAIL_LADDER_BASE = 1000;
const TAIL_LADDER = [2000, 4000];

interface LadderPoint {
	footnotes: number;
	bytes: number;
	ms: number;
}
/** A ladder step is not run once the previous one took longer than this. */
const TAIL_STEP_LIMIT_MS = 1500;

interface Row {
	input: Input;
	bytes: number;
	audit: Timing;
	parse: Timing;
	blocks: Timing;
	regex: Timing;
	tail: Timing | { skipped: string };
	remark: Timing | { skipped: string };
}

async function main(): Promise<void> {
	printMachine();
	// First, in a process that has not run the plugin's code yet: Obsidian calls onload() once, cold.
	const onload = runs("plugin") ? await measureOnload(30) : null;
	// Five processes, not three: on two cores the first call is bimodal (see bench/onload.ts), and a median
	// of three often landed on the slow mode.
	const firstOnloads: FirstOnload[] = onload?.kind === "measured" ? [onload.first, ...firstOnloadsInChildren(4)] : [];
	const firstOnload = median(firstOnloads.map((run) => run.bound));
	const rows: Row[] = [];
	if (runs("essays")) {
		const vault = createSourceVault(2000, 7);
		const ladder: LadderPoint[] = [];
		for (const input of INPUTS) {
			const essay = generateEssay({ chars: input.chars, footnotes: input.footnotes, seed: 42, vault });
			const row = measureInput(input, essay, vault.resolver(), rows, ladder);
			rows.push(row);
			if (input.footnotes === TAIL_LADDER_BASE && "median" in row.tail) {
				ladder.push({ footnotes: input.footnotes, bytes: row.bytes, ms: row.tail.median });
				runTailLadder(vault, ladder);
			}
		}
		printTable(rows);
		printTailLadder(ladder);
	}
	let vaultSeconds: number | null = null;
	if (runs("vault")) {
		process.stderr.write("bench: writing and auditing the 10,000-note vault…\n");
		const scale = runVaultScale(1);
		vaultSeconds = Math.min(...scale.auditMs) / 1000;
		log("## Vault scale (issue 5): 10,000 notes through the command line's auditVault");
		log();
		log(
			`Generated ${scale.vault.notes} notes (${scale.vault.essays} essays with ${VAULT_SHAPE.footnotesPerEssay} footnotes each, ` +
				`${scale.vault.files - scale.vault.notes} attachments besides; ${formatBytes(scale.vault.bytes)}) in a temporary folder in ${formatMs(scale.writeMs)}.`,
		);
		log(
			`auditVault (list, read, skip notes without footnotes, audit, build the report object): ${scale.auditMs.map(formatMs).join(", then ")}: ` +
				`${(scale.vault.notes / vaultSeconds).toFixed(0)} notes/s; ${scale.auditedNotes} notes with footnotes, ${scale.findings} findings; ` +
				`text report ${formatMs(scale.reportMs)}.`,
		);
		if (scale.stderr) log(`stderr: ${scale.stderr.trim().split("\n").slice(0, 3).join(" | ")}`);
		log();
	}
	let cliTargets: CliTargets | null = null;
	if (runs("cli")) {
		cliTargets = measureCliTargets(join(dirname(process.argv[1]), ".."), process.argv.includes("--fresh-vaults"), (line) => void process.stderr.write(`${line}\n`));
		printCliTargets(cliTargets);
	}
	let live: LiveEditResult | null = null;
	if (runs("live")) {
		process.stderr.write("bench: one-character edits in a 1 MB note through the test double…\n");
		live = await measureLiveEdit();
		printLiveEdit(live);
	}
	let worstSlice: number | null = null;
	let coldSlice: number | null = null;
	if (runs("plugin")) {
		process.stderr.write("bench: the plugin's vault audit on 100,000 notes through the test double (about two minutes)…\n");
		const result = measurePluginSlicesInChild(100_000);
		// Issue 15 judges the cold first run too (it includes compiling the code, which process CPU time
		// counts, and building the indexes).
		worstSlice = Math.max(...result.runs.slice(1).map((run) => run.maxBoundMs));
		coldSlice = result.runs[0].maxBoundMs;
		log("## Plugin vault audit (issues 5 and 15): 100,000 notes through the test double, time per UI slice");
		log();
		log(`${result.essays} essays among ${result.notes} notes; three audits in a row in a process of its own (the first cold: the engine not yet compiled). The slicer budgets in process CPU time here. A slice's main-thread time is at most both its CPU time (which the garbage collector's helper threads inflate) and its wall-clock time (which other processes inflate): the target is judged on the smaller.`);
		log();
		log("| Run | Slices | Longest (CPU) | Longest (wall) | Longest (main-thread bound) | GC pauses in it | Median (CPU) | Whole audit (wall) |");
		log("|---|---:|---:|---:|---:|---:|---:|---:|");
		result.runs.forEach((run, index) =>
			log(
				`| ${index === 0 ? "1 (cold)" : String(index + 1)} | ${run.slices} | ${formatMs(run.maxMs)} | ${formatMs(run.maxWallMs)} | ${formatMs(run.maxBoundMs)} | ${formatMs(run.gcInLongestMs)} | ${formatMs(run.medianMs)} | ${formatMs(run.totalMs)} |`,
			),
		);
		log();
	}
	if (runs("suggestions")) {
		process.stderr.write("bench: suggestion lookups at 10,000, 50,000 and 200,000 names…\n");
		printSuggestionScale(measureSuggestionScale(true), log);
	}
	if (runs("bibliography")) {
		const load = measureBibliographyLoad();
		log("## Bibliography load (issue 14): a generated BibTeX file through parseBibliography");
		log();
		log(`${formatBytes(load.bytes)}, ${load.entries} entries: ${formatMs(load.timing.median)} (median of ${load.timing.runs}, min ${formatMs(load.timing.min)}, max ${formatMs(load.timing.max)}).`);
		log();
		log(`${load.timing.median <= BIB_TARGET_MS && load.entries === 10_000 ? "PASS" : "FAIL"}  5 MB .bib with 10,000 entries loads in ≤ ${BIB_TARGET_MS} ms: ${formatMs(load.timing.median)} (median)`);
		log();
	}
	if (runs("editor")) printEditorMarks();
	let bundleBytes: number | null = null;
	if (runs("plugin")) {
		const bundle = measureBundle(join(dirname(process.argv[1]), "..", "main.js"));
		bundleBytes = bundle?.bytes ?? null;
		log("## Plugin bundle and start-up");
		log();
		log(bundle ? `main.js (written by the bench build, minified): ${formatBytes(bundle.bytes)} (${bundle.bytes} bytes), ${formatBytes(bundle.gzipBytes)} gzipped.` : "main.js: not found (plugin not built).");
		log(
			onload?.kind === "measured"
				? `onload() under the test double (${onload.vaultNotes}-note vault, before layout ready; a fresh app and plugin each run): ` +
						`first call in a process ${formatMs(firstOnload)} (median of ${firstOnloads.length} processes of the smaller of wall-clock and process CPU time; wall / CPU: ${firstOnloads.map((run) => `${formatMs(run.wall)} / ${formatMs(run.cpu)}`).join(", ")}); ` +
						`warm ${formatMs(onload.timing.median)} (median of ${onload.timing.runs}, max ${formatMs(onload.timing.max)}). ` +
						`The double's own code was warmed first by a plugin registering the same kinds of things (its first onload: ${formatMs(onload.warmUp)}), ` +
						"as Obsidian's code is warm when it loads a plugin."
				: `onload(): ${onload?.message ?? "not measured"}.`,
		);
		log();
	}
	printTargets(rows, bundleBytes, onload?.kind === "measured" ? { first: firstOnload, warm: onload.timing.median } : onload, vaultSeconds, worstSlice === null || coldSlice === null ? null : { warm: worstSlice, cold: coldSlice });
	if (cliTargets) printCliTargetLines(cliTargets);
	if (live) printLiveEditTargets(live);
	log();
	const [one, five] = loadavg();
	log(
		`Benchmark run: ${((performance.now() - started) / 1000).toFixed(1)} s (build not included)${FULL ? ", --full" : ""}; ` +
			`load average at the end ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${availableParallelism()} cores.`,
	);
}

/** Issue 13: the editor's marks for the 300 KB essay's audit, built and mapped through typing. */
function printEditorMarks(): void {
	const input = INPUTS.find((candidate) => candidate.name === "300 KB")!;
	const vault = createSourceVault(2000, 7);
	const essay = generateEssay({ chars: input.chars, footnotes: input.footnotes, seed: 42, vault });
	const audit = auditNote(essay.text, "Essays/Generated essay.md", vault.resolver());
	const result = measureEditorMarks(essay.text, audit.findings);
	log("## Editor marks (issue 13): the 300 KB essay's findings in a CodeMirror EditorState");
	log();
	log(
		`${result.findings} findings, ${result.marks} marks. Building them from the audit (one transaction): ${formatMs(result.build.median)} ` +
			`(median of ${result.build.runs}, max ${formatMs(result.build.max)}). One keystroke in the middle of the note with the marks mapped: ` +
			`${formatMs(result.keystroke.median)} (median over runs of 100 keystrokes); the same keystroke without the extension: ${formatMs(result.bareKeystroke.median)}.`,
	);
	log();
	const line = (pass: boolean, text: string): void => log(`${pass ? "PASS" : "FAIL"}  ${text}`);
	line(result.build.median <= BUILD_TARGET_MS, `marks for a 300 KB essay's findings built in ≤ ${BUILD_TARGET_MS} ms: ${formatMs(result.build.median)} (median, ${result.marks} marks)`);
	line(result.keystroke.median <= KEYSTROKE_TARGET_MS, `marks mapped through one keystroke in ≤ ${KEYSTROKE_TARGET_MS} ms: ${formatMs(result.keystroke.median)} (median, whole transaction)`);
	log();
}

function printMachine(): void {
	log("# Citation Auditor benchmark");
	log();
	log(`Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${availableParallelism()} cores available, Node ${process.version}, ${process.platform}/${process.arch}.`);
	const [one, five] = loadavg();
	log(`Load average at the start: ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min).`);
	if (one > availableParallelism()) {
		log(`WARNING: the load average is above the ${availableParallelism()} cores: other processes share the CPU, wall times grow and vary; rerun on an idle machine.`);
	}
	log("Times are wall-clock medians of warm runs (run count in brackets); MB = 2^20 bytes of UTF-8; essays are generated (seed 42).");
	log();
}

function measureInput(input: Input, essay: GeneratedEssay, resolver: LinkResolver, rows: readonly Row[], ladder: readonly LadderPoint[]): Row {
	const text = essay.text;
	const bytes = Buffer.byteLength(text);
	process.stderr.write(`bench: ${input.name} (${formatBytes(bytes)}, ${input.footnotes} footnotes)…\n`);
	// The megabyte essays are timed in a fresh process each: in this one, the heap the earlier inputs (and
	// remark's seconds of allocation) left behind taxes later runs, which made 12 MB look superlinear
	// (12 MB/3 MB ≈ 7× here, ≈ 3–4× in fresh processes) for markdown-it alone as much as for the audit.
	const fast = input.chars > MB ? measureFastInChild(INPUTS.indexOf(input)) : measureFast(input, essay, resolver);
	const { audit, parse, blocks, regex } = fast;

	let tail: Row["tail"];
	if (input.tail) tail = measure(() => markdownItParseWithTail(text), input.tail);
	else {
		const point = ladder[ladder.length - 1];
		const predicted = point ? (point.ms * (input.footnotes / point.footnotes) ** 2) / 1000 : NaN;
		tail = { skipped: `skipped: quadratic, ~${predicted.toFixed(0)} s predicted` };
	}

	let remark: Row["remark"];
	if (input.remark) remark = measure(() => remarkLintPipeline(text), input.remark);
	else {
		const previous = rows[rows.length - 1];
		const seconds = previous && "median" in previous.remark ? (previous.remark.median * (bytes / previous.bytes)) / 1000 : NaN;
		remark = { skipped: `skipped: >${seconds.toFixed(0)} s (linear from ${previous?.input.name ?? "?"})` };
	}
	return { input, bytes, audit, parse, blocks, regex, tail, remark };
}

interface FastTimings {
	audit: Timing;
	parse: Timing;
	blocks: Timing;
	regex: Timing;
}

/** The audit, markdown-it (tail off, blocks only) and the regular expression, side by side in this process. */
function measureFast(input: Input, essay: GeneratedEssay, resolver: LinkResolver): FastTimings {
	const text = essay.text;
	let last: NoteAudit | undefined;
	const audit = measure(() => (last = auditNote(text, "Essays/Generated essay.md", resolver)), input.fast);
	checkCounts(input, essay, last!);
	// On the large inputs the parsers are warm from the audit's warm-up (which also fills its resolver's caches).
	const others: Plan = input.chars > MB ? { ...input.fast, warmup: 0 } : input.fast;
	const parse = measure(() => markdownItParse(text), others);
	const blocks = measure(() => markdownItBlocks(text), others);
	const regex = measure(() => regexScan(text), others);
	return { audit, parse, blocks, regex };
}

const FAST_CHILD_FLAG = "--fast-child=";

/** Runs measureFast for INPUTS[index] in a child process (same seed, so the same essay). */
function measureFastInChild(index: number): FastTimings {
	const child = spawnSync(process.execPath, [process.argv[1], `${FAST_CHILD_FLAG}${index}`], { encoding: "utf8", maxBuffer: 1 << 20 });
	if (child.status !== 0) throw new Error(`bench child for ${INPUTS[index].name} failed: ${child.stderr}`);
	if (child.stderr) process.stderr.write(child.stderr);
	return JSON.parse(child.stdout) as FastTimings;
}

function runFastChild(index: number): void {
	const input = INPUTS[index];
	const vault = createSourceVault(2000, 7);
	const essay = generateEssay({ chars: input.chars, footnotes: input.footnotes, seed: 42, vault });
	// Warm the JIT on the smaller inputs first, as the parent process is warm from them.
	for (const smaller of INPUTS.filter((candidate) => candidate.chars < MB)) {
		const warm = generateEssay({ chars: smaller.chars, footnotes: smaller.footnotes, seed: 42, vault }).text;
		for (let i = 0; i < 5; i++) {
			auditNote(warm, "Essays/Generated essay.md", vault.resolver());
			markdownItParse(warm);
			markdownItBlocks(warm);
		}
	}
	process.stdout.write(JSON.stringify(measureFast(input, essay, vault.resolver())));
}

/** The audit must count what the generator wrote; a benchmark of a wrong answer is worthless. */
function checkCounts(input: Input, essay: GeneratedEssay, audit: NoteAudit): void {
	const { definitions, references } = essay.expected;
	if (audit.stats.definitions !== definitions || audit.stats.references !== references) {
		log(
			`WARNING ${input.name}: the audit counted ${audit.stats.definitions} definitions and ${audit.stats.references} references; ` +
				`the generator wrote ${definitions} and ${references}`,
		);
	}
}

function runTailLadder(vault: SourceVault, ladder: LadderPoint[]): void {
	for (const footnotes of TAIL_LADDER) {
		const previous = ladder[ladder.length - 1];
		if (previous.ms > TAIL_STEP_LIMIT_MS) break;
		const essay = generateEssay({ chars: Math.round((300 * 1024 * footnotes) / TAIL_LADDER_BASE), footnotes, seed: 42, vault });
		process.stderr.write(`bench: footnote_tail on ${footnotes} footnotes…\n`);
		ladder.push({ footnotes, bytes: Buffer.byteLength(essay.text), ms: timeOnce(() => markdownItParseWithTail(essay.text)) });
	}
}

function cell(timing: Timing | { skipped: string }): string {
	return "median" in timing ? `${formatMs(timing.median)} (${timing.runs})` : timing.skipped;
}

function printTable(rows: readonly Row[]): void {
	log("## Audit of one essay vs markdown-it, remark and a regular expression");
	log();
	log("| Essay | Footnotes | Audit | Audit MB/s | markdown-it, tail off | MB/s | markdown-it blocks only | markdown-it, tail on | remark + 3 lint rules | Regex `[^` `[[` | Audit / parse | Remark / audit |");
	log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
	for (const row of rows) {
		const remarkRatio = "median" in row.remark ? ratio(row.remark.median, row.audit.median) : "—";
		log(
			`| ${row.input.name} (${formatBytes(row.bytes)}) | ${row.input.footnotes} | ${cell(row.audit)} | ${megabytesPerSecond(row.bytes, row.audit.median)} | ` +
				`${cell(row.parse)} | ${megabytesPerSecond(row.bytes, row.parse.median)} | ${cell(row.blocks)} | ${cell(row.tail)} | ${cell(row.remark)} | ` +
				`${cell(row.regex)} | ${ratio(row.audit.median, row.parse.median)} | ${remarkRatio} |`,
		);
	}
	log();
	log("Best run (minimum) of the same runs: the closest to the cost on an idle machine when other processes share the CPU:");
	log();
	log("| Essay | Audit | markdown-it, tail off | markdown-it blocks only | remark + 3 lint rules | Audit / parse | Remark / audit |");
	log("|---|---:|---:|---:|---:|---:|---:|");
	for (const row of rows) {
		const remark = "median" in row.remark ? formatMs(row.remark.min) : "—";
		const remarkRatio = "median" in row.remark ? ratio(row.remark.min, row.audit.min) : "—";
		log(
			`| ${row.input.name} | ${formatMs(row.audit.min)} | ${formatMs(row.parse.min)} | ${formatMs(row.blocks.min)} | ${remark} | ` +
				`${ratio(row.audit.min, row.parse.min)} | ${remarkRatio} |`,
		);
	}
	log();
	const [, , three, twelve] = rows;
	if (three && twelve) {
		log(
			`Scaling: audit time(12 MB)/time(3 MB) = ${ratio(twelve.audit.median, three.audit.median)} for ${ratio(twelve.bytes, three.bytes)} the bytes ` +
				`(markdown-it tail off: ${ratio(twelve.parse.median, three.parse.median)}, blocks only: ${ratio(twelve.blocks.median, three.blocks.median)}).`,
		);
		log();
	}
}

function processCell(run: ProcessRun): string {
	return `${formatMs(run.wallMs)} wall, ${formatMs(run.cpuMs)} CPU, ${run.maxRssMb.toFixed(0)} MB peak`;
}

function printCliTargets(targets: CliTargets): void {
	log("## The command line as a process (issue 15): wall time, CPU time (user + system) and peak memory, best of 5 interleaved runs for the essays (after a warm-up run of each), 2–3 runs for the vaults");
	log();
	log("| Case | Command line | markdown-it parse of the same file |");
	log("|---|---|---|");
	for (const essay of targets.essays) log(`| ${essay.megabytes} MB essay in its vault | ${processCell(essay.cli)} | ${processCell(essay.markdownIt)} |`);
	log(`| one 10 KB essay in a 50,000-note vault | ${processCell(targets.oneEssay50k)} | — |`);
	log(`| 100,000-note vault (10,000 essays), json | ${processCell(targets.vault100k)} (${formatBytes(targets.vault100k.stdoutBytes)} of output) | — |`);
	log(`| the same, one thread (\`--concurrency off\`) | ${processCell(targets.vault100kOneThread)} (${formatBytes(targets.vault100kOneThread.stdoutBytes)} of output) | — |`);
	log();
}

/** Issue 15's targets 2–4 (ratios within this run; wall and CPU both printed, judged on wall time as the targets say). */
function printCliTargetLines(targets: CliTargets): void {
	const line = (pass: boolean, text: string): void => log(`${pass ? "PASS" : "FAIL"}  ${text}`);
	const [three, twelve] = targets.essays;
	const vsParse = twelve.cli.wallMs / twelve.markdownIt.wallMs;
	line(
		vsParse <= 1.5,
		`12 MB essay through the command line ≤ 1.5× markdown-it's parse, as processes: ${vsParse.toFixed(2)}× wall (${formatMs(twelve.cli.wallMs)} vs ${formatMs(twelve.markdownIt.wallMs)}), ${(twelve.cli.cpuMs / twelve.markdownIt.cpuMs).toFixed(2)}× CPU`,
	);
	const scaling = twelve.cli.wallMs / three.cli.wallMs;
	line(scaling <= 4.5, `command line 12 MB / 3 MB ≤ 4.5: ${scaling.toFixed(2)} wall, ${(twelve.cli.cpuMs / three.cli.cpuMs).toFixed(2)} CPU`);
	const one = targets.oneEssay50k;
	line(one.wallMs <= 600 && one.maxRssMb <= 150, `one essay in a 50,000-note vault ≤ 0.6 s and ≤ 150 MB: ${processCell(one)}`);
	const all = targets.vault100k;
	const alone = targets.vault100kOneThread;
	line(all.wallMs <= 15_000 && all.maxRssMb <= 1024, `100,000-note vault ≤ 15 s and ≤ 1 GB: ${processCell(all)} (one thread: ${formatMs(alone.wallMs)} wall, ${alone.maxRssMb.toFixed(0)} MB)`);
}

function printLiveEdit(live: LiveEditResult): void {
	const row = (name: string, sorted: readonly number[]): string =>
		`| ${name} | ${formatMs(sorted[0])} | ${formatMs(median(sorted))} | ${formatMs(sorted[sorted.length - 1])} |`;
	log("## Typing in a book-length note (issue 15): main-thread time per one-character edit (the smaller of CPU and wall-clock time), through the test double");
	log();
	log(
		`A ${formatBytes(live.bytes)} essay with ${live.footnotes} footnotes (${live.findings} findings) open in an editor, the panel shown; ` +
			`${live.letter.totalMs.length} edits of each kind at seeded positions in the body, after ${WARM_UP_EDITS} unmeasured ones. ` +
			"Edit = the editor transaction in the test double (mostly the double mirroring its in-memory editor into CodeMirror); live audit = what the debouncer runs (editor text, audit, panel, marks, status bar), the target.",
	);
	log();
	log("| Edit | Best | Median | Worst |");
	log("|---|---:|---:|---:|");
	log(row("a letter: edit + live audit", live.letter.totalMs));
	log(row("a letter: live audit alone", live.letter.auditMs));
	log(row("a line break: edit + live audit", live.newline.totalMs));
	log(row("a line break: live audit alone", live.newline.auditMs));
	log(row("a letter: live audit alone, process CPU", live.letter.auditCpuMs));
	log(row("a line break: live audit alone, process CPU", live.newline.auditCpuMs));
	log();
	log(`The first live audits after the panel opened (warm-up, not judged; main-thread bound): letters ${live.letter.firstAuditMs.map(formatMs).join(", ")}; line breaks ${live.newline.firstAuditMs.map(formatMs).join(", ")}.`);
	log(`Opening the panel on this note (${live.rows} rows built, the audit included; a row lists its fixes when first reached): ${formatMs(live.panelOpenMs)} CPU.`);
	const { crossMs, buildMs } = live.reach;
	if (buildMs.length > 0) {
		log(
			`The panel's first ${buildMs.length} rows (main-thread bound): the pointer crossing each, median ${formatMs(median(crossMs))}, slowest ${formatMs(crossMs[crossMs.length - 1])}; ` +
				`listing a row's fixes (each read back with a whole-note parse) when the pointer rests on it, focus enters it or it is clicked, median ${formatMs(median(buildMs))}, slowest ${formatMs(buildMs[buildMs.length - 1])}.`,
		);
	}
	log(`10 KB essay re-audited warm (auditNote, wall): best ${formatMs(live.small.min)}, median ${formatMs(live.small.median)} of ${live.small.runs}.`);
	log();
}

/**
 * Issue 15's target 5: judged on the live audit (audit, panel, editor marks, status bar), the median over
 * edit positions of each edit's main-thread bound (the smaller of CPU and wall-clock time, see measure.ts). The edit transaction is
 * printed beside but not judged: most of it is the test double mirroring its in-memory editor into
 * CodeMirror (a character-by-character diff of the whole note), which Obsidian, whose editor is CodeMirror, does not do.
 */
function printLiveEditTargets(live: LiveEditResult): void {
	const line = (pass: boolean, text: string): void => log(`${pass ? "PASS" : "FAIL"}  ${text}`);
	const letter = median(live.letter.auditMs);
	const newline = median(live.newline.auditMs);
	line(
		Math.max(letter, newline) <= LIVE_EDIT_TARGET_MS,
		`one-character edit in a 1 MB note: audit + panel + editor marks ≤ ${LIVE_EDIT_TARGET_MS} ms main-thread time (the smaller of CPU and wall-clock time; median over ${live.letter.auditMs.length} positions): ` +
			`letter ${formatMs(letter)}, line break ${formatMs(newline)} (slowest single edit ${formatMs(Math.max(live.letter.auditMs[live.letter.auditMs.length - 1], live.newline.auditMs[live.newline.auditMs.length - 1]))})`,
	);
	line(
		live.small.median <= SMALL_REAUDIT_TARGET_MS,
		`10 KB essay re-audit ≤ ${SMALL_REAUDIT_TARGET_MS} ms warm (median of ${live.small.runs}): ${formatMs(live.small.median)} (best ${formatMs(live.small.min)})`,
	);
}

function printTailLadder(ladder: readonly LadderPoint[]): void {
	log("markdown-it with footnote_tail on (its default), one run per point, essays of the same density:");
	log();
	log("| Footnotes | Essay | Parse, tail on | Per footnote |");
	log("|---:|---:|---:|---:|");
	for (const point of ladder) log(`| ${point.footnotes} | ${formatBytes(point.bytes)} | ${formatMs(point.ms)} | ${formatMs(point.ms / point.footnotes)} |`);
	log();
}

function printTargets(
	rows: readonly Row[],
	bundleBytes: number | null,
	onload: { first: number; warm: number } | { kind: "unavailable"; message: string } | null,
	vaultSeconds: number | null,
	slices: { warm: number; cold: number } | null,
): void {
	log("## Targets (issue 6; the vault from issue 5)");
	log();
	const line = (pass: boolean | null, text: string): void => log(`${pass === null ? "N/A " : pass ? "PASS" : "FAIL"}  ${text}`);
	const byName = (name: string) => rows.find((row) => row.input.name === name);
	const three = byName("3 MB");
	const twelve = byName("12 MB");
	if (three && twelve) {
		const scaling = twelve.audit.median / three.audit.median;
		line(scaling <= 4.5, `audit linear: time(12 MB)/time(3 MB) = ${scaling.toFixed(2)} (≤ 4.5)`);
	}
	if (rows.length > 0) {
		// Judged on best runs: the two are timed one after the other, so a burst of load from another process
		// lands on one of them only; the minimum of several runs is what each costs without it.
		const worst = Math.max(...rows.map((row) => row.audit.min / row.parse.min));
		const ratios = rows
			.map((row) => `${row.input.name} ${ratio(row.audit.min, row.parse.min)} (medians ${ratio(row.audit.median, row.parse.median)})`)
			.join(", ");
		line(worst <= 1.3, `audit ≤ 1.3× the bare markdown-it parse (full parse, footnote_tail off; best runs): ${ratios}`);
		const measured = rows.filter((row): row is Row & { remark: Timing } => "median" in row.remark);
		const remarkRatios = measured.map((row) => `${row.input.name} ${ratio(row.remark.median, row.audit.median)}`).join(", ");
		const least = Math.min(...measured.map((row) => row.remark.median / row.audit.median));
		const missing = rows.filter((row) => !("median" in row.remark)).map((row) => row.input.name);
		line(measured.length > 0 ? least >= 15 : null, `audit ≥ 15× faster than remark + lint: ${remarkRatios}${missing.length > 0 ? ` (remark not run on ${missing.join(", ")})` : ""}`);
		const small = byName("10 KB");
		// Judged on the best run: on a shared machine other processes only ever add time to a 0.5 ms run.
		if (small) {
			line(
				small.audit.min < 0.5,
				`10 KB essay audits well under 1 ms once warm (taken as < 0.5 ms, best run): best ${formatMs(small.audit.min)}, median ${formatMs(small.audit.median)}`,
			);
		}
	}
	if (onload) {
		line(bundleBytes === null ? null : bundleBytes <= 300 * 1024, `main.js ≤ 300 KB minified (issue 15, with the new features): ${bundleBytes === null ? "not built" : formatBytes(bundleBytes)}`);
		if ("first" in onload) line(onload.first < 5, `onload() < 5 ms: first call ${formatMs(onload.first)} (median over processes, the smaller of wall-clock and CPU time), warm ${formatMs(onload.warm)}`);
		else line(null, `onload() < 5 ms: ${onload.message}`);
	}
	if (vaultSeconds !== null) line(vaultSeconds <= 5, `10,000-note vault through auditVault in a few seconds (taken as ≤ 5 s): ${vaultSeconds.toFixed(2)} s`);
	if (slices !== null) {
		line(
			Math.max(slices.warm, slices.cold) <= 50,
			`plugin vault audit keeps every UI slice ≤ 50 ms, the cold first run included (100,000 notes, the smaller of CPU and wall-clock time per slice): cold first run's longest ${formatMs(slices.cold)}; longest once warm ${formatMs(slices.warm)}`,
		);
	}
}

const fastChild = process.argv.find((arg) => arg.startsWith(FAST_CHILD_FLAG));
const pluginChild = process.argv.find((arg) => arg.startsWith(PLUGIN_CHILD_FLAG));
(process.argv.includes(ONLOAD_CHILD_FLAG)
	? runOnloadChild()
	: fastChild
		? Promise.resolve(runFastChild(Number(fastChild.slice(FAST_CHILD_FLAG.length))))
		: pluginChild
			? runPluginSlicesChild(Number(pluginChild.slice(PLUGIN_CHILD_FLAG.length)))
			: main()
).then(
	// The test double's DOM may keep timers alive: the benchmark is done.
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
