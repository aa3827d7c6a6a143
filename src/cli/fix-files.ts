/**
 * `--fix` and `--renumber`: apply the engine's fixes to the audited notes and write them back, or with
 * `--dry-run` print what would change as a unified diff. A note is written only when its text changes, in one
 * atomic step (a temporary file beside it, then a rename), with its BOM, line breaks and file mode kept.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { auditNote, type AuditOptions, type LinkResolver, type NoteAudit } from "../core/index";
import { applyEdits, fixAllToFixpoint, renumberFootnotes } from "../core/fixes/index";
import type { CliOptions } from "./args";
import { lossyMergesLeft } from "./lossy-merges";
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
		const outcome = writeFixed(audit, fixNote(audit, session, options), session, options, io);
		audits.push(outcome.audit);
		failed ||= outcome.failed;
		// A merge that would lose text is the writer's call (the plugin asks): say what was left, after the fix.
		if (options.fix) for (const line of lossyMergesLeft(outcome.audit)) io.stderr(`citation-audit: ${line}\n`);
	}
	return { audits, failed };
}

/** Writes (or, with --dry-run, prints the diff of) one fixed note; the audit that stands afterwards. */
function writeFixed(
	audit: NoteAudit,
	fixed: ReturnType<typeof fixNote>,
	session: VaultSession,
	options: Pick<CliOptions, "dryRun">,
	io: { stdout: Output; stderr: Output },
): { audit: NoteAudit; failed: boolean } {
	const path = audit.path;
	if (!fixed) return { audit, failed: false };
	const note = session.notes.get(path);
	if (!note || note.invalidUtf8) {
		// Writing the decoded text back would replace the invalid bytes with U+FFFD everywhere.
		io.stderr(`citation-audit: ${path}: not valid UTF-8; not fixed\n`);
		return { audit, failed: false };
	}
	if (options.dryRun) {
		io.stdout(unifiedDiff(audit.document.text, fixed.text, `a/${path}`, `b/${path}`));
		return { audit: fixed.audit, failed: false };
	}
	try {
		writeNoteAtomically(session.root, path, note, fixed.text);
		io.stderr(`citation-audit: ${path}: ${fixed.titles.join("; ")}\n`);
		return { audit: fixed.audit, failed: false };
	} catch (error) {
		if (!(error instanceof VaultError)) throw error;
		io.stderr(`citation-audit: ${error.message}\n`);
		return { audit, failed: true };
	}
}

/** The note's text after the requested fixes, its new audit, and what was done; null when nothing changes. */
function fixNote(
	audit: NoteAudit,
	session: VaultSession,
	options: Pick<CliOptions, "fix" | "renumber">,
): { text: string; audit: NoteAudit; titles: string[] } | null {
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
	if (options.renumber) {
		const fix = renumberFootnotes(current);
		if (fix) {
			current = reaudit(applyEdits(current.document.text, fix.edits));
			titles.push(fix.title);
		}
	}
	const text = current.document.text;
	return text === audit.document.text ? null : { text, audit: current, titles };
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
