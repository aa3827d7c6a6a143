/**
 * The note the harness shows: the example vault's essay. Node side: reads examples/vault from disk (for the
 * build, which embeds it in the page) and audits the essay with the real engine (for the tests' expectations).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { NoteAuditData } from "./api";
import { auditVaultNote, noteName, type VaultSnapshot } from "./vault-audit";

export const VAULT_DIR = fileURLToPath(new URL("../../../examples/vault", import.meta.url));
export const ESSAY_PATH = "Essays/On the Fragility of Digital Archives.md";

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : listFiles(full);
		return [relative(VAULT_DIR, full).split(sep).join("/")];
	});
}

export function readExampleVault(): VaultSnapshot {
	const paths = listFiles(VAULT_DIR).sort();
	const notes = Object.fromEntries(paths.filter((path) => /\.md$/i.test(path)).map((path) => [path, readFileSync(join(VAULT_DIR, path), "utf8")]));
	return { paths, notes };
}

export function auditEssay(): NoteAuditData {
	const audit = auditVaultNote(readExampleVault(), ESSAY_PATH);
	return { noteName: noteName(ESSAY_PATH), notePath: ESSAY_PATH, findings: audit.findings, stats: audit.stats };
}
