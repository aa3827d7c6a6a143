/**
 * The command line as a function of its arguments and its two output streams, so tests run it in-process.
 * It only adapts: files in, engine, report out.
 */
import { auditNote, createVaultResolver, hasFootnotes, type AuditOptions, type NoteAudit } from "../core/index";
import { createNoteProperties } from "./note-properties";
import { buildAuditReport, type AuditReport } from "../core/report/json-report";
import { formatMarkdownReport } from "../core/report/markdown-report";
import { formatTextReport } from "../core/report/text-report";
import { pathToFileURL } from "node:url";
import { formatSarifReport, type SarifOptions } from "../core/report/sarif-report";
import { reportedFindings } from "../core/report/min-severity";
import { parseArgs, usage, type CliOptions } from "./args";
import { fixNotes, type VaultSession } from "./fix-files";
import { oneLineField, terminalSafe } from "./terminal-text";
import { listVault, locateNoteArgument, openVault, readNote, VaultError, type NoteFile } from "./vault-files";

export interface CliIO {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	cwd: string;
	version: string;
}

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;

export function runCli(argv: readonly string[], rawIo: CliIO): number {
	// Whatever reaches the terminal is shown, never obeyed (see terminal-text.ts).
	const io: CliIO = {
		...rawIo,
		stdout: (text) => rawIo.stdout(terminalSafe(text)),
		stderr: (text) => rawIo.stderr(terminalSafe(text)),
	};
	const parsed = parseArgs(argv);
	switch (parsed.kind) {
		case "help":
			io.stdout(`${usage()}\n`);
			return EXIT_CLEAN;
		case "version":
			io.stdout(`${io.version}\n`);
			return EXIT_CLEAN;
		case "error":
			// One line, as eslint: the message, and where the options are listed.
			io.stderr(`citation-audit: ${parsed.message} (see citation-audit --help)\n`);
			return EXIT_USAGE;
	}
	try {
		const { options } = parsed;
		const session = auditVaultSession(options, io);
		// --fix / --renumber: fix, then report what remains (with --dry-run the diff is the output).
		const fixed = options.fix || options.renumber ? fixNotes(session, options, io) : { audits: session.audits, failed: false };
		const report = reportedFindings(buildAuditReport(fixed.audits), options.minSeverity ?? "info");
		const texts = new Map(fixed.audits.map((audit) => [audit.path, audit.document.text]));
		const sarif = { toolVersion: io.version, vaultUri: `${pathToFileURL(session.root).href.replace(/\/?$/, "/")}`, textOf: (path: string) => texts.get(path) };
		if (!options.dryRun) io.stdout(formatReport(report, options, sarif));
		if (fixed.failed) return EXIT_USAGE;
		return exitStatus(report, options);
	} catch (error) {
		if (!(error instanceof VaultError)) throw error;
		io.stderr(`citation-audit: ${error.message}\n`);
		return EXIT_USAGE;
	}
}

/**
 * Errors decide the status; --max-warnings N adds eslint's rule: more than N reported warnings is a failure too
 * (warnings hidden by --quiet or --min-severity are not reported, so they are not counted).
 */
export function exitStatus(report: AuditReport, options: Pick<CliOptions, "maxWarnings">): number {
	if (report.summary.error > 0) return EXIT_ERRORS_FOUND;
	if (options.maxWarnings !== undefined && report.summary.warning > options.maxWarnings) return EXIT_ERRORS_FOUND;
	return EXIT_CLEAN;
}

export function formatReport(report: AuditReport, options: Pick<CliOptions, "format">, sarif: SarifOptions = { toolVersion: "" }): string {
	switch (options.format) {
		case "sarif":
			return formatSarifReport(report, sarif);
		case "json":
			return `${JSON.stringify(report, null, 2)}\n`;
		case "markdown":
			return formatMarkdownReport(report);
		case "text":
			// One finding a line: a line break in a file name must not start a line that looks like a finding.
			return formatTextReport({ ...report, notes: report.notes.map((note) => ({ ...note, path: oneLineField(note.path) })) });
	}
}

/** Audits the named notes, or every note with a footnote; throws VaultError for a usage or I/O problem. */
export function auditVault(options: CliOptions, io: Pick<CliIO, "stderr" | "cwd">): AuditReport {
	return buildAuditReport(auditVaultSession(options, io).audits);
}

/** The audits, with what fixing them needs: the notes as read and the resolver. */
export function auditVaultSession(options: CliOptions, io: Pick<CliIO, "stderr" | "cwd">): VaultSession {
	const root = openVault(options.vault);
	const listing = listVault(root);
	for (const warning of listing.warnings) io.stderr(`citation-audit: ${warning}\n`);
	// One note named twice (`A.md` and `/vault/A.md`) is one note: audit and count it once.
	const named = [...new Set(options.notes.map((note) => locateNoteArgument(root, note, io.cwd)))];
	const texts = new Map<string, NoteFile | null>();
	const read = (path: string): NoteFile | null => {
		if (!texts.has(path)) {
			try {
				texts.set(path, readNote(root, path, listing.realPaths));
			} catch (error) {
				if (!(error instanceof VaultError)) throw error;
				texts.set(path, null);
			}
		}
		return texts.get(path) ?? null;
	};
	const resolver = createVaultResolver({
		paths: listing.paths,
		readNote: (path) => (/\.md$/i.test(path) ? (read(path)?.text ?? null) : null),
	});
	const audits: NoteAudit[] = [];
	const auditOptions: AuditOptions = {
		checkBodyLinks: options.checkBodyLinks,
		// Cited notes' properties, parsed from their frontmatter (identity of a source, completeness).
		properties: createNoteProperties((path) => read(path)?.text ?? null),
	};
	if (options.requireProperties) auditOptions.requireProperties = options.requireProperties;
	if (options.identityProperties) auditOptions.identityProperties = options.identityProperties;
	if (named.length > 0) {
		for (const path of named) {
			// A note the writer named must be read: failing to is a usage error, not a silent skip.
			const note = readNote(root, path);
			texts.set(path, note);
			warnAboutEncoding(path, note, io);
			audits.push(auditNote(note.text, path, resolver, auditOptions));
		}
	} else {
		for (const path of listing.paths) {
			if (!/\.md$/i.test(path)) continue;
			let note: NoteFile;
			try {
				note = texts.get(path) ?? readNote(root, path, listing.realPaths);
			} catch (error) {
				if (!(error instanceof VaultError)) throw error;
				io.stderr(`citation-audit: ${error.message}\n`);
				continue;
			}
			texts.set(path, note);
			// Most notes of a vault cite nothing: skip them without parsing.
			if (!note.text.includes("[^") && !note.text.includes("^[")) continue;
			const audit = auditNote(note.text, path, resolver, auditOptions);
			if (!hasFootnotes(audit.document)) continue;
			warnAboutEncoding(path, note, io);
			audits.push(audit);
		}
	}
	return { root, audits, notes: texts, resolver, auditOptions };
}

function warnAboutEncoding(path: string, note: NoteFile, io: Pick<CliIO, "stderr">): void {
	if (note.invalidUtf8) io.stderr(`citation-audit: ${path}: not valid UTF-8; audited with replacement characters\n`);
}
