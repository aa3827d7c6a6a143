/**
 * Issue 5's UI figure: the plugin's vault audit ("Audit citations in all notes") through the test double on
 * a generated 10,000-note vault (a tenth essays with 50 footnotes), with the duration of every slice between
 * two yields to the UI. Slices are timed in this process's CPU time (user + system), which other processes on
 * a shared machine do not inflate; the budget per slice is the plugin's own (15 ms).
 */
import { performance } from "node:perf_hooks";
import CitationAuditorPlugin from "../src/plugin/main";
import { windowClock, type SliceClock } from "../src/plugin/vault/slicer";
import { loadPlugin, resetDouble, unloadPlugin } from "../tests/obsidian-double/testing";
import { generateVault } from "../tests/plugin/vault/generate-vault";

export interface SliceRun {
	slices: number;
	maxMs: number;
	medianMs: number;
	totalMs: number;
}

export interface PluginSliceResult {
	notes: number;
	essays: number;
	runs: SliceRun[];
}

const cpuClock: SliceClock = {
	now: () => {
		const { user, system } = process.cpuUsage();
		return (user + system) / 1000;
	},
	pause: (signal) => windowClock.pause(signal),
};

/** Three vault audits in a row: the first is cold (indexes built, code compiled), the others warm. */
export async function measurePluginSlices(notes: number): Promise<PluginSliceResult> {
	const vault = generateVault({ notes });
	const { plugin } = await loadPlugin(CitationAuditorPlugin, { files: vault.files });
	try {
		plugin.vault.clock = cpuClock;
		const runs: SliceRun[] = [];
		for (let run = 0; run < 3; run++) {
			const start = performance.now();
			const outcome = await plugin.vault.auditVault();
			const totalMs = performance.now() - start;
			if (!outcome || outcome.notes.length !== vault.essays.length) {
				throw new Error(`vault audit found ${outcome?.notes.length ?? 0} essays, expected ${vault.essays.length}`);
			}
			const sorted = [...outcome.slices].sort((a, b) => a - b);
			runs.push({ slices: sorted.length, maxMs: sorted[sorted.length - 1], medianMs: sorted[Math.floor(sorted.length / 2)], totalMs });
		}
		return { notes, essays: vault.essays.length, runs };
	} finally {
		await unloadPlugin(plugin);
		resetDouble();
	}
}
