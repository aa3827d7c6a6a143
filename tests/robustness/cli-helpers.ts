/**
 * Shared by the command-line robustness suites: temporary folders (removed after the run) and an in-process run
 * of `citation-audit` that captures its two streams.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli, type CliIO } from "../../src/cli/run";

export interface Run {
	status: number;
	stdout: string;
	stderr: string;
}

const created: string[] = [];

/** Removes every folder `makeFolder` created (call from afterAll). */
export function removeFolders(): void {
	for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder under the system's temporary folder holding `files` (paths relative to it). */
export function makeFolder(files: Record<string, string | Buffer> = {}, prefix = "citation-audit-robust-"): string {
	const root = mkdtempSync(join(tmpdir(), prefix));
	created.push(root);
	writeFiles(root, files);
	return root;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
}

export function run(argv: string[], cwd = tmpdir(), terminal: Pick<CliIO, "stdoutIsTerminal" | "stderrIsTerminal"> = {}): Run {
	let stdout = "";
	let stderr = "";
	const status = runCli(argv, {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		cwd,
		version: "robustness",
		...terminal,
	});
	return { status, stdout, stderr };
}

/** Every entry below `root`, dot-files included, as relative paths, sorted. */
export function listAll(root: string, folder = ""): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
		const path = folder ? `${folder}/${entry.name}` : entry.name;
		out.push(path);
		if (entry.isDirectory()) out.push(...listAll(root, path));
	}
	return out.sort();
}

export interface JsonFinding {
	kind: string;
	target?: string;
	resolved?: string;
	message: string;
	suggestions?: string[];
	labels?: string[];
}

export interface JsonReport {
	notes: { path: string; findings: JsonFinding[] }[];
	summary: { notes: number; error: number; warning: number; info: number };
}
