/**
 * Timing: warm-up runs, then the median of several measured runs, within a time budget so that the whole
 * benchmark stays under two minutes. No garbage collection is forced between runs: measured here, a full
 * collection before each run made the next markdown-it parse of 300 KB 3 to 5 times slower (V8 shrinks the
 * young generation and the next run pays for growing it again), which is not how an editor runs the audit.
 */
import { performance } from "node:perf_hooks";

export interface Plan {
	/** Unmeasured runs first (the JIT warms up; caches fill). */
	warmup: number;
	/** Measured runs at most. */
	runs: number;
	/** Stop adding runs (warm-up included) once the next one would end after this many ms; at least one measured run is always made. */
	budgetMs: number;
}

export interface Timing {
	/** Median of the measured runs, in ms. */
	median: number;
	/** How many runs the median is of. */
	runs: number;
	min: number;
	max: number;
}

/** Sink for results, so that no run's work can be optimised away. */
export let sink: unknown;

export function measure(run: () => unknown, plan: Plan): Timing {
	const start = performance.now();
	let last = 0;
	for (let i = 0; i < plan.warmup; i++) {
		if (i > 0 && performance.now() - start + last > plan.budgetMs / 2) break;
		const t = performance.now();
		sink = run();
		last = performance.now() - t;
	}
	const samples: number[] = [];
	while (samples.length < plan.runs) {
		if (samples.length > 0 && performance.now() - start + last > plan.budgetMs) break;
		const t = performance.now();
		sink = run();
		last = performance.now() - t;
		samples.push(last);
	}
	samples.sort((a, b) => a - b);
	return { median: median(samples), runs: samples.length, min: samples[0], max: samples[samples.length - 1] };
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One timed run, for the cases that take seconds. */
export function timeOnce(run: () => unknown): number {
	const t = performance.now();
	sink = run();
	return performance.now() - t;
}

export function formatMs(ms: number): string {
	if (ms < 1) return `${ms.toFixed(3)} ms`;
	if (ms < 10) return `${ms.toFixed(2)} ms`;
	if (ms < 1000) return `${ms.toFixed(1)} ms`;
	return `${(ms / 1000).toFixed(2)} s`;
}

/** MB = 2^20 bytes of UTF-8. */
export function megabytesPerSecond(bytes: number, ms: number): string {
	return ((bytes / 1048576) / (ms / 1000)).toFixed(1);
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1048576).toFixed(2)} MB`;
}

export function ratio(a: number, b: number): string {
	return `${(a / b).toFixed(2)}×`;
}

/**
 * Work that runs synchronously on the main thread (a UI slice, one keystroke's updates) used at most its
 * wall-clock time (which other processes on the machine inflate) and at most the process's CPU time (which
 * the garbage collector's and compiler's helper threads inflate; Node 20 has no per-thread CPU clock, and this
 * machine's /proc/thread-self/schedstat reads zero). The smaller of the two is still an upper bound.
 */
export function mainThreadBound(wallMs: number, cpuMs: number): number {
	return Math.min(wallMs, cpuMs);
}
