/**
 * Issue 5's scale case: a generated vault of 10,000 notes written to a temporary folder and audited through
 * the command line's `auditVault` (listing, reading, skipping notes without footnotes, auditing the essays,
 * building the report), in this process. The folder is removed afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "../src/cli/args";
import { auditVault, formatReport } from "../src/cli/run";
import { writeVault, type VaultShape, type WrittenVault } from "./generate-vault";

export const VAULT_SHAPE: VaultShape = { notes: 10_000, essayShare: 0.1, footnotesPerEssay: 50, essayChars: 10 * 1024, seed: 11 };

export interface VaultScaleResult {
	vault: WrittenVault;
	writeMs: number;
	/** Each run of auditVault over the whole vault. */
	auditMs: number[];
	/** Formatting the text report of the last run. */
	reportMs: number;
	auditedNotes: number;
	findings: number;
	stderr: string;
}

export function runVaultScale(runs: number): VaultScaleResult {
	const root = mkdtempSync(join(tmpdir(), "citation-bench-vault-"));
	try {
		let t = performance.now();
		const vault = writeVault(root, VAULT_SHAPE);
		const writeMs = performance.now() - t;
		const parsed = parseArgs([root]);
		if (parsed.kind !== "run") throw new Error(`bench: unexpected arguments result ${parsed.kind}`);
		let stderr = "";
		const io = { cwd: root, stderr: (text: string) => void (stderr += text) };
		const auditMs: number[] = [];
		let report: ReturnType<typeof auditVault> | undefined;
		for (let i = 0; i < runs; i++) {
			t = performance.now();
			report = auditVault(parsed.options, io);
			auditMs.push(performance.now() - t);
		}
		t = performance.now();
		formatReport(report!, { format: "text" });
		const reportMs = performance.now() - t;
		const findings = report!.notes.reduce((sum, note) => sum + note.findings.length, 0);
		return { vault, writeMs, auditMs, reportMs, auditedNotes: report!.notes.length, findings, stderr };
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}
