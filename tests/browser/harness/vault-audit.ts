/**
 * Auditing a note of a vault snapshot with the real engine and the command line's frontmatter reader: no Node, no DOM, so the Node side of the
 * tests and the harness page run the very same code on the very same files.
 */
import { auditNote, createVaultResolver, type NoteAudit } from "../../../src/core/index";
import type { LinkResolver } from "../../../src/core/types";
import { createNoteProperties } from "../../../src/cli/note-properties";

/** The example vault as plain data: every file's path, and the text of its Markdown notes. */
export interface VaultSnapshot {
	paths: string[];
	notes: Record<string, string>;
}

export function vaultResolver(vault: VaultSnapshot): LinkResolver {
	return createVaultResolver({ paths: vault.paths, readNote: (path) => vault.notes[path] ?? null });
}

export function auditVaultNote(vault: VaultSnapshot, path: string, resolver: LinkResolver = vaultResolver(vault)): NoteAudit {
	const text = vault.notes[path];
	if (text === undefined) throw new Error(`No note ${path} in the vault snapshot`);
	// The cited notes' properties as the command line reads them, so one work under two notes is found too.
	return auditNote(text, path, resolver, { properties: createNoteProperties((note) => vault.notes[note] ?? null) });
}

export function noteName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
}
