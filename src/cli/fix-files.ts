/**
 * `--fix` and `--renumber`: apply the engine's fixes to the audited notes and write them back, or with
 * `--dry-run` print what would change as a unified diff. A note is written only when its text changes, in one
 * atomic step (a temporary file beside it, then a rename), with its BOM, line breaks and file mode kept.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { auditNote, type AuditOptions, type LinkResolver, type NoteAudit } from "../core/index";
import { applyEdits, fixAllToFixpoint, planRenumber } from "../core/fixes/index";
import { refusedFixLines, refusedRenumber } from "./fix-refusals";
import type { CliOptions } from "./args";
import { unifiedDiff } from "./unified-diff";
import { describeIoError, resolveInsideVault, VaultError, type NoteFile } from "./vault-files";

/** What the fixes need from the audit run: the notes as read, and the resolver to audit them again. */
export interface VaultSession {
	/** Real path of the vault folder. */
	root: string;
	audits: NoteAudit[];
	/** The audited notes as read (bytes, BOM, encoding), by vault path. */
	notes: ReadonlyMap<string, NoteFile | null>;
	resolver: LinkResolver;
	auditOptions: AuditOptions;
}

export interface FixRun {
	/** The audits after fixing (of the fixed text, written or, with --dry-run, not). */
	audits: NoteAudit[];
	/** A note could not be written. */
	failed: boolean;
}

type Output = (text: string) => void;

export function fixNotes(
	session: VaultSession,
	options: Pick<CliOptions, "fix" | "renumber" | "dryRun">,
	io: { stdout: Output; stderr: Output },
): FixRun {
	const audits: NoteAudit[] = [];
	let failed = false;
	for (const audit of session.audits) {
		const fixed = fixNote(audit, session, options);
		const path = audit.path;
		const note = session.notes.get(path);
		if ((!note || note.invalidUtf8) && fixed.text !== audit.document.text) {
			// Writing the decoded text back would replace the invalid bytes with U+FFFD everywhere.
			io.stderr(`citation-audit: ${path}: not valid UTF-8; not fixed\n`);
			audits.push(audit);
			continue;
		}
		if (!note || fixed.text === audit.document.text) {
			audits.push(audit);
		} else if (options.dryRun) {
			io.stdout(dryRunDiff(session.root, path, note, audit.document.text, fixed.text));
			audits.push(fixed.audit);
		} else {
			try {
				writeNoteAtomically(session.root, path, note, fixed.text);
				io.stderr(`citation-audit: ${path}: ${fixed.titles.join("; ")}\n`);
				audits.push(fixed.audit);
			} catch (error) {
				if (!(error instanceof VaultError)) throw error;
				io.stderr(`citation-audit: ${error.message}\n`);
				failed = true;
				audits.push(audit);
				continue;
			}
		}
		// What was refused, and why, whether or not anything else was fixed.
		if (note && !note.invalidUtf8) for (const line of fixed.refusals) io.stderr(line);
	}
	return { audits, failed };
}

/**
 * The note's text after the requested fixes (the same text when nothing changes), its new audit, what was done,
 * and the stderr lines saying what was refused and why.
 */
function fixNote(
	audit: NoteAudit,
	session: VaultSession,
	options: Pick<CliOptions, "fix" | "renumber">,
): { text: string; audit: NoteAudit; titles: string[]; refusals: string[] } {
	let current = audit;
	const titles: string[] = [];
	const reaudit = (text: string): NoteAudit => auditNote(text, audit.path, session.resolver, session.auditOptions);
	// Fix all until nothing is left (a closed link may become a duplicate to merge): one --fix is enough.
	if (options.fix) {
		const fixed = fixAllToFixpoint(current, reaudit, { resolver: session.resolver });
		if (fixed) {
			current = fixed.audit;
			titles.push(...fixed.titles);
		}
	}
	// Each fix works on the audit of the text the previous one left: their offsets never mix.
	let renumberRefused: string | null = null;
	if (options.renumber) {
		const plan = planRenumber(current);
		if (plan !== null && "fix" in plan) {
			current = reaudit(applyEdits(current.document.text, plan.fix.edits));
			titles.push(plan.fix.title);
		} else if (plan !== null) {
			renumberRefused = refusedRenumber(audit.path, plan.refused);
		}
	}
	// Read from the final audit: its lines are the ones the report shows.
	const refusals = options.fix ? refusedFixLines(current, session.resolver) : [];
	if (renumberRefused) refusals.push(renumberRefused);
	return { text: current.document.text, audit: current, titles, refusals };
}

/**
 * What `--fix` would write, as a diff for `patch -p1` in the vault folder: both sides as the file's bytes are
 * (the BOM the write keeps stays on line 1, so a change to line 1 still matches the file), the note's
 * modification time and the time of the run after the names, as GNU diff writes them.
 */
function dryRunDiff(root: string, path: string, note: NoteFile, before: string, after: string): string {
	const bom = note.hadBom ? "\uFEFF" : "";
	return unifiedDiff(bom + before, bom + after, `a/${path}`, `b/${path}`, { oldTime: modificationTime(root, path), newTime: new Date() });
}

function modificationTime(root: string, path: string): Date | undefined {
	try {
		return statSync(resolveInsideVault(root, path)).mtime;
	} catch {
		// Gone since it was read: the diff still applies without the time stamp.
		return undefined;
	}
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Replaces a note's content in one step: the new bytes go to a temporary file in the same folder (same file
 * system, so the rename is atomic), flushed to disk, given the note's mode, then renamed over the note. A note
 * that changed on disk since it was read is not overwritten. Throws VaultError naming the path and the cause.
 */
export function writeNoteAtomically(root: string, vaultPath: string, note: NoteFile, text: string): void {
	// The real path: writing through a symbolic link keeps the link (a rename would replace it with a file).
	const target = resolveInsideVault(root, vaultPath);
	let mode: number;
	try {
		if (!readFileSync(target).equals(note.bytes)) throw new VaultError(`${vaultPath}: changed on disk since it was read; not fixed`);
		mode = statSync(target).mode & 0o7777;
	} catch (error) {
		if (error instanceof VaultError) throw error;
		throw new VaultError(`${vaultPath}: ${describeIoError(error)}`);
	}
	const bytes = Buffer.concat([note.hadBom ? BOM : Buffer.alloc(0), Buffer.from(text, "utf8")]);
	// A dot-file: Obsidian and the vault listing both skip it while it exists.
	const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
	let descriptor: number | undefined;
	try {
		descriptor = openSync(temporary, "wx", mode);
		writeFileSync(descriptor, bytes);
		fsyncSync(descriptor);
		closeSync(descriptor);
		descriptor = undefined;
		// The mode given to open() is filtered by the umask: set it exactly.
		chmodSync(temporary, mode);
		renameSync(temporary, target);
	} catch (error) {
		if (descriptor !== undefined) closeQuietly(descriptor);
		removeQuietly(temporary);
		throw new VaultError(`${vaultPath}: not written (${describeIoError(error)})`);
	}
}

function closeQuietly(descriptor: number): void {
	try {
		closeSync(descriptor);
	} catch {
		// Already closed or invalid: nothing left to release.
	}
}

function removeQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {
		// Never created, or already gone.
	}
}
