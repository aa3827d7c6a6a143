/**
 * Slice durations of the plugin's vault audit on generated vaults (issue 5's shape: a tenth essays with 50
 * footnotes), through the obsidian double. A measurement, not a test: timings depend on the machine, so it
 * runs only with MEASURE_SLICES=1 and prints max / median / count. With MEASURE_SLICES=cpu the slices are
 * timed (and budgeted) in CPU time of this process instead of wall time, which other processes on a busy
 * machine do not inflate:
 *   MEASURE_SLICES=1 npx vitest run tests/plugin/vault/measure-slices.test.ts
 */
import { describe, expect, it } from "vitest";
import { windowClock, type SliceClock } from "../../../src/plugin/vault/slicer";
import { resetDouble } from "../../obsidian-double/testing";
import { generateVault } from "./generate-vault";
import { loadAuditor } from "./helpers";

function summarize(slices: readonly number[]) {
	const sorted = [...slices].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { count: sorted.length, max: sorted[sorted.length - 1], median: at(0.5), p95: at(0.95) };
}

/** CPU milliseconds of this process (user + system), paused like the window clock. */
const cpuClock: SliceClock = {
	now: () => {
		const { user, system } = process.cpuUsage();
		return (user + system) / 1000;
	},
	pause: (signal) => windowClock.pause(signal),
};

describe.runIf(process.env.MEASURE_SLICES)("vault audit slices", () => {
	for (const notes of [2000, 10_000]) {
		it(`${notes} notes`, async () => {
			const vault = generateVault({ notes });
			const { plugin } = await loadAuditor(vault.files);
			if (process.env.MEASURE_SLICES === "cpu") plugin.vault.clock = cpuClock;
			const runs: ReturnType<typeof summarize>[] = [];
			const totals: number[] = [];
			for (let run = 0; run < 3; run++) {
				const start = performance.now();
				const outcome = await plugin.vault.auditVault();
				totals.push(performance.now() - start);
				expect(outcome?.notes.length).toBe(vault.essays.length);
				runs.push(summarize(outcome?.slices ?? []));
			}
			const findings = plugin.vault.audit.value.kind === "finished" ? plugin.vault.audit.value.outcome.notes.reduce((n, note) => n + note.findings.length, 0) : 0;
			console.log(
				`${notes} notes (${vault.essays.length} essays, ${findings} findings): ` +
					runs.map((r, i) => `run ${i + 1}: ${r.count} slices, max ${r.max.toFixed(1)} ms, median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, total ${totals[i].toFixed(0)} ms`).join("; "),
			);
			resetDouble();
		}, 600_000);
	}
});
