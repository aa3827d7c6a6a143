/**
 * Property (e) of issue 12 in batches: many notes are written into one temporary folder, their diffs are
 * concatenated into one patch, GNU patch (`/usr/bin/patch -p1`, as a writer applies a `--dry-run` diff) runs
 * once (tests/cli/gnu-patch.ts), and every file is compared byte for byte with the text the fix gives. One process for a thousand notes
 * keeps the property cheap.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fixNotes, type VaultSession } from "../../../src/cli/fix-files";
import type { NoteFile } from "../../../src/cli/vault-files";
import { auditNote } from "../../../src/core/audit/audit-note";
import type { LinkResolver } from "../../../src/core/types";
import { applyInFolder } from "../../cli/gnu-patch";

export interface PatchCase {
	/** Vault path of the note (names with spaces on purpose). */
	path: string;
	/** The bytes on disk before (a leading U+FEFF is written as the UTF-8 BOM). */
	before: string;
	/** The bytes the fix writes. */
	after: string;
	/** Its diff, `a/<path>` → `b/<path>`. */
	diff: string;
}

export interface PatchResult {
	/** Paths whose patched bytes differ from `after` (or that patch could not find). */
	mismatches: string[];
	status: number | null;
	output: string;
}

/** Applies all the cases' diffs as one patch in a fresh folder and compares every file. */
export function applyAsOnePatch(cases: readonly PatchCase[]): PatchResult {
	const folder = mkdtempSync(join(tmpdir(), "invariant-patch-"));
	try {
		for (const item of cases) {
			const file = join(folder, item.path);
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, item.before, "utf8");
		}
		const run = applyInFolder(folder, cases.map((item) => item.diff).join(""));
		const mismatches = cases
			.filter((item) => {
				const file = join(folder, item.path);
				return !existsSync(file) || !readFileSync(file).equals(Buffer.from(item.after, "utf8"));
			})
			.map((item) => item.path);
		return { mismatches, status: run.status, output: run.output.slice(0, 2000) };
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/** A vault path with spaces for the n-th case, unique within a batch. */
export function casePath(index: number): string {
	return `Essays/Essay ${index} on crops.md`;
}

/**
 * The CLI's own `--fix --dry-run` and `--fix` on the same notes: each note is read as the CLI reads it (a BOM
 * dropped from the text and remembered), fixNotes prints the diffs, and fixNotes writes the fixed bytes in a
 * second copy of the folder. Each case pairs the note's diff with the bytes `--fix` wrote.
 */
export function cliFixCases(notes: readonly { path: string; text: string }[], resolver: LinkResolver): PatchCase[] {
	const folder = mkdtempSync(join(tmpdir(), "invariant-fix-"));
	try {
		const files = new Map<string, NoteFile>();
		for (const { path, text } of notes) {
			const file = join(folder, path);
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, text, "utf8");
			const hadBom = text.startsWith("\uFEFF");
			files.set(path, { text: hadBom ? text.slice(1) : text, hadBom, invalidUtf8: false, bytes: readFileSync(file) });
		}
		const session: VaultSession = {
			root: folder,
			audits: [...files].map(([path, file]) => auditNote(file.text, path, resolver)),
			notes: files,
			resolver,
			auditOptions: {},
		};
		const diffs: string[] = [];
		fixNotes(session, { fix: true, renumber: false, dryRun: true }, { stdout: (text) => diffs.push(text), stderr: () => {} });
		fixNotes(session, { fix: true, renumber: false, dryRun: false }, { stdout: () => {}, stderr: () => {} });
		return notes.map(({ path, text }, index) => ({
			path,
			before: text,
			after: readFileSync(join(folder, path), "utf8"),
			// One diff per changed note, in order; a note with nothing to fix prints none.
			diff: index === 0 ? diffs.join("") : "",
		}));
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
