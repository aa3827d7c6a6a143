/** Temporary vault folders and an in-process run of the command line, for the CLI tests added this round. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { runCli, type CliIO } from "../../src/cli/run";

export interface Run {
	status: number;
	stdout: string;
	stderr: string;
}

const created: string[] = [];

afterAll(() => {
	for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temporary folder holding `files` (paths relative to it). */
export function makeTree(files: Record<string, string | Buffer>): string {
	const root = mkdtempSync(join(tmpdir(), "citation-audit-cli-"));
	created.push(root);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	return root;
}

export function run(argv: string[], extra: Partial<CliIO> = {}): Run {
	let stdout = "";
	let stderr = "";
	const status = runCli(argv, {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		cwd: tmpdir(),
		version: "9.9.9-test",
		...extra,
	});
	return { status, stdout, stderr };
}

/** Each severity once: an error (undefined reference), two warnings (unused definition, body link), an info. */
export function mixedVault(): string {
	return makeTree({
		"Essay.md": "Claim[^gone] and [[Nowhere]].\n\nAside[^aside].\n\n[^unused]: [[Source]]\n[^aside]: Just a remark.\n",
		"Warned.md": "Claim[^1] and [[Nowhere]].\n\n[^1]: [[Source]]\n[^2]: [[Source]]\n",
		"Source.md": "# Source\n",
	});
}
