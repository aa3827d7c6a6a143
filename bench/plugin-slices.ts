/**
 * Issues 5 and 15's UI figure: the plugin's vault audit ("Audit citations in all notes") through the test
 * double on a generated vault (a tenth essays with 50 footnotes), with the duration of every slice between
 * two yields to the UI. The slicer budgets in this process's CPU time (user + system), which other processes
 * on a shared machine do not inflate; the budget per slice is the plugin's own (DEFAULT_SLICE_BUDGET_MS, 8 ms). Each slice's
 * wall-clock time and the collector's pauses in it are recorded beside.
 */
import { spawnSync } from "node:child_process";
import { performance, PerformanceObserver } from "node:perf_hooks";
import CitationAuditorPlugin from "../src/plugin/main";
import { windowClock, type SliceClock } from "../src/plugin/vault/slicer";
import { mainThreadBound } from "./measure";
import { loadPlugin, resetDouble, unloadPlugin } from "../tests/obsidian-double/testing";
import { generateVault } from "../tests/plugin/vault/generate-vault";

export interface SliceRun {
	slices: number;
	/** Longest slice in process CPU time (the clock the slicer budgets with here). */
	maxMs: number;
	medianMs: number;
	/** Longest slice in wall-clock time. */
	maxWallMs: number;
	/** Longest slice bounded by both clocks (see `mainThreadBound`). */
	maxBoundMs: number;
	/** The garbage collector's main-thread pauses inside the slice with the longest bound. */
	gcInLongestMs: number;
	totalMs: number;
}

export interface PluginSliceResult {
	notes: number;
	essays: number;
	runs: SliceRun[];
}

const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

/**
 * Records each slice's wall-clock span and the garbage collector's pauses in it, beside the CPU time the
 * slicer itself records: a slice starts when a pause ends (or the audit starts) and ends when the next
 * pause begins (or the audit returns).
 */
class SliceRecorder {
	readonly walls: number[] = [];
	readonly gcs: number[] = [];
	private sliceStart = 0;
	private spans: { start: number; end: number }[] = [];
	private gcPauses: { start: number; duration: number }[] = [];
	private readonly observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) this.gcPauses.push({ start: entry.startTime, duration: entry.duration });
	});

	readonly clock: SliceClock = {
		now: cpuMs,
		pause: async (signal) => {
			this.endSlice();
			await windowClock.pause(signal);
			this.sliceStart = performance.now();
		},
	};

	begin(): void {
		this.walls.length = 0;
		this.gcs.length = 0;
		this.gcPauses = [];
		this.observer.observe({ entryTypes: ["gc"] });
		this.sliceStart = performance.now();
	}

	/** Ends the last slice; the observer's entries arrive a task late, so wait one. */
	async end(): Promise<void> {
		const last = { start: this.sliceStart, end: performance.now() };
		await new Promise((resolve) => window.setTimeout(resolve, 0));
		for (const entry of this.observer.takeRecords()) this.gcPauses.push({ start: entry.startTime, duration: entry.duration });
		this.observer.disconnect();
		this.walls.push(last.end - last.start);
		this.spans.push(last);
		this.gcs.push(...this.spans.map((span) => this.gcWithin(span)));
		this.spans = [];
	}

	private endSlice(): void {
		const span = { start: this.sliceStart, end: performance.now() };
		this.walls.push(span.end - span.start);
		this.spans.push(span);
	}

	private gcWithin(span: { start: number; end: number }): number {
		let total = 0;
		for (const pause of this.gcPauses) if (pause.start >= span.start && pause.start < span.end) total += pause.duration;
		return total;
	}
}

/** Three vault audits in a row: the first is cold (indexes built, code compiled), the others warm. */
export async function measurePluginSlices(notes: number): Promise<PluginSliceResult> {
	const vault = generateVault({ notes });
	const { plugin } = await loadPlugin(CitationAuditorPlugin, { files: vault.files });
	try {
		const recorder = new SliceRecorder();
		plugin.vault.clock = recorder.clock;
		const runs: SliceRun[] = [];
		for (let run = 0; run < 3; run++) {
			const start = performance.now();
			recorder.begin();
			const outcome = await plugin.vault.auditVault();
			const totalMs = performance.now() - start;
			await recorder.end();
			if (!outcome || outcome.notes.length !== vault.essays.length) {
				throw new Error(`vault audit found ${outcome?.notes.length ?? 0} essays, expected ${vault.essays.length}`);
			}
			if (recorder.walls.length !== outcome.slices.length) {
				throw new Error(`recorded ${recorder.walls.length} wall-clock slices for the slicer's ${outcome.slices.length}`);
			}
			runs.push(summarizeRun(outcome.slices, recorder.walls, recorder.gcs, totalMs));
		}
		return { notes, essays: vault.essays.length, runs };
	} finally {
		await unloadPlugin(plugin);
		resetDouble();
	}
}

function summarizeRun(cpu: readonly number[], wall: readonly number[], gc: readonly number[], totalMs: number): SliceRun {
	const sorted = [...cpu].sort((a, b) => a - b);
	let longest = 0;
	cpu.forEach((ms, index) => {
		if (mainThreadBound(wall[index], ms) > mainThreadBound(wall[longest], cpu[longest])) longest = index;
	});
	return {
		slices: cpu.length,
		maxMs: sorted[sorted.length - 1],
		medianMs: sorted[Math.floor(sorted.length / 2)],
		maxWallMs: Math.max(...wall),
		maxBoundMs: mainThreadBound(wall[longest], cpu[longest]),
		gcInLongestMs: gc[longest],
		totalMs,
	};
}

export const PLUGIN_CHILD_FLAG = "--plugin-slices-child=";

/**
 * measurePluginSlices in a process of its own, as the plugin runs in Obsidian: a heap without the earlier
 * bench parts' essays, vaults and parse trees, and engine code not yet compiled, so the first audit is truly
 * cold (in the bench's own process the earlier parts had compiled the engine already).
 *
 * It does not remove the occasional long slice. `node --trace-gc` on this measurement (6 December, evening) shows
 * why: young-generation collections (scavenges) take 4–6 ms while the heap is under 600 MB and 8–42 ms once
 * it passes 800 MB (the double's 100,000 notes and their metadata are 873 MB live before the audit starts,
 * 1,026 MB after it; no leak between runs), and V8 runs them on both cores, so such a slice shows about twice
 * its wall-clock time in process CPU. A scavenge that lands near the end of a 15 ms slice made it 45–60 ms,
 * hence the 8 ms budget. `--trace-gc-nvp` puts most of a slow scavenge outside its copying (0.5–0.8 MB
 * survive each; roots 0.06 ms): the median 9.2 ms scavenge spends 2.5 ms in its parallel phase and the rest
 * walking the old generation's pages, so it grows with the heap, not with what the audit keeps; the 35 ms
 * parallel phases are the helper threads waiting for a core.
 */
export function measurePluginSlicesInChild(notes: number): PluginSliceResult {
	const child = spawnSync(process.execPath, [process.argv[1], `${PLUGIN_CHILD_FLAG}${notes}`], { encoding: "utf8", maxBuffer: 1 << 24 });
	if (child.status !== 0) throw new Error(`the plugin slices' child failed: ${child.stderr}`);
	return JSON.parse(child.stdout.trim().split("\n").pop() ?? "") as PluginSliceResult;
}

/** What the child does: the measurement, printed for the parent as the last line of its output. */
export async function runPluginSlicesChild(notes: number): Promise<void> {
	const result = await measurePluginSlices(notes);
	process.stdout.write(`${JSON.stringify(result)}\n`);
}
