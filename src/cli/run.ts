/**
 * The command line as a function of its arguments and its two output streams, so tests run it in-process.
 * It only adapts: files in, engine, report out.
 */
import { auditNote, createVaultResolver, isLibraryConfigured, mayTakePartInVaultAudit, takesPartInVaultAudit, type AuditOptions, type NoteAudit } from "../core/index";
import { createDiskCitekeyLibrary } from "./disk-citekey-library";
import { createNoteProperties, type ParsedFrontmatters } from "./note-properties";
import { SourceNotes } from "../core/sources/source-notes";
import { buildAuditReport, type AuditReport, type NoteReport } from "../core/report/json-report";
import { formatReport as formatReportAs } from "../core/report/format-report";
import { formatTextReport } from "../core/report/text-report";
import { pathToFileURL } from "node:url";
import { formatSarifReport, type SarifOptions } from "../core/report/sarif-report";
import { reportedFindings } from "../core/report/min-severity";
import { meetsMinSeverity } from "../core/types";
import { parseArgs, PROPERTY_SUGGESTIONS_UP_TO, usage, type CliOptions } from "./args";
import { loadVaultConfig, withConfig } from "./config-file";
import { folderKeys, inIgnoredFolder } from "../core/config/ignored-folders";
import { fixNotes, type VaultSession } from "./fix-files";
import { createReportStream, type ReportStream } from "./report-stream";
import { createCitedNoteTexts } from "./cited-note-texts";
import { createDiskResolver, streamNoteAudits, suggestionSources } from "./stream-audit";
import { createNameProperties, type NamePropertiesReader } from "./name-properties";
import { COLOUR_STYLE, wantsColour } from "./colour";
import { NO_PROGRESS, startProgress, type Progress } from "./progress";
import { terminalSafe, terminalSafeReport } from "../core/report/terminal-text";
import { ReadAhead, threadsFor, type NotesAhead } from "./read-ahead";
import type { NoteFactsSource } from "./note-facts";
import { ListedRealPaths } from "./listed-real-paths";
import { listVault, locateNoteArgument, openVault, readNote, VaultError, type NoteFile, type VaultListing } from "./vault-files";

export interface CliIO {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	cwd: string;
	version: string;
	/** Whether stdout / stderr are terminals (colours, the progress line); absent: not terminals. */
	stdoutIsTerminal?: boolean;
	stderrIsTerminal?: boolean;
	/** The environment, for NO_COLOR and TERM; absent: empty. */
	env?: Readonly<Record<string, string | undefined>>;
	/** Milliseconds of a monotonic clock, for the progress line; absent: Date.now. */
	now?: () => number;
	/** How long a vault audit runs before the progress line shows (default a second). */
	progressDelayMs?: number;
	/**
	 * The bundled command line (dist/cli.cjs), which also runs as the worker threads reading a large vault
	 * ahead of its audit (read-ahead.ts); absent (tests running the sources in-process): one thread.
	 */
	workerScript?: string;
}

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;

export function runCli(argv: readonly string[], rawIo: CliIO): number {
	const parsed = parseArgs(argv);
	// Whatever reaches a terminal is shown, never obeyed (see terminal-text.ts). A pipe or a file gets the notes'
	// bytes (a --dry-run diff must apply with patch); JSON is always escaped, which leaves its values unchanged.
	const json = parsed.kind === "run" && !parsed.options.dryRun && (parsed.options.format === "json" || parsed.options.format === "sarif");
	const io: CliIO = {
		...rawIo,
		stdout: rawIo.stdoutIsTerminal === true || json ? (text) => rawIo.stdout(terminalSafe(text)) : rawIo.stdout,
		stderr: rawIo.stderrIsTerminal === true ? (text) => rawIo.stderr(terminalSafe(text)) : rawIo.stderr,
	};
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
		const options = withConfig(parsed.options, loadVaultConfig(openVault(parsed.options.vault)));
		const progress = rawIo.stderrIsTerminal && options.notes.length === 0 ? progressLine(rawIo) : undefined;
		const colour = options.format === "text" && wantsColour({ flag: options.color, stdoutIsTerminal: rawIo.stdoutIsTerminal === true, env: rawIo.env ?? {} });
		// A terminal gets colours and a progress line from the whole report; pipes and files get the stream.
		if (isStreamable(options) && !progress && !colour) return streamVaultAudit(options, io);
		const session = auditVaultSession(options, io, progress);
		// --fix / --renumber: fix, then report what remains (with --dry-run the diff is the output).
		const fixed = options.fix || options.renumber ? fixNotes(session, options, io) : { audits: session.audits, failed: false };
		const report = reportedFindings(buildAuditReport(fixed.audits), options.minSeverity ?? "info");
		const texts = new Map(fixed.audits.map((audit) => [audit.path, audit.document.text]));
		const sarif = { toolVersion: io.version, vaultUri: `${pathToFileURL(session.root).href.replace(/\/?$/, "/")}`, textOf: (path: string) => texts.get(path) };
		if (options.dryRun) {
			// The diff was the output.
		} else if (colour) {
			// The note text is made safe first; the colours' own escape sequences then go out as they are.
			rawIo.stdout(formatTextReport(terminalSafeReport(report), COLOUR_STYLE));
		} else io.stdout(formatReport(report, options, sarif));
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
	return options.format === "sarif" ? formatSarifReport(report, sarif) : formatReportAs(report, options.format);
}

function progressLine(io: CliIO): (total: number) => Progress {
	return (total) => startProgress(total, { write: io.stderr, now: io.now ?? Date.now, delayMs: io.progressDelayMs ?? 1000 });
}

/** Audits the named notes, or every note with a footnote; throws VaultError for a usage or I/O problem. */
export function auditVault(given: CliOptions, io: Pick<CliIO, "stderr" | "cwd" | "workerScript">, others?: OtherThreads): AuditReport {
	const options = withConfig(given, loadVaultConfig(openVault(given.vault)));
	if (!isStreamable(options)) return buildAuditReport(auditVaultSession(options, io).audits);
	const notes: NoteReport[] = [];
	auditVaultStream(options, io, (note) => notes.push(note), others);
	return buildAuditReport(notes);
}

/**
 * A whole-vault audit that fixes nothing needs no note after its audit: it streams (see stream-audit.ts). Only
 * the text and json reports are written as they come; the other formats keep the old path (SARIF quotes the
 * notes' text, markdown opens with the summary).
 */
function isStreamable(options: CliOptions): boolean {
	return options.notes.length === 0 && !options.fix && !options.renumber && (options.format === "text" || options.format === "json");
}

/** The report goes out note by note as the notes are audited; the same bytes as formatReport at the end. */
function streamVaultAudit(options: CliOptions, io: CliIO): number {
	const minimum = options.minSeverity ?? "info";
	let stream: ReportStream | null = null;
	auditVaultStream(options, io, (note) => {
		stream ??= createReportStream(options.format, io.stdout, (report) => formatReport(report, options));
		// As reportedFindings does for the whole report: below the minimum is not reported, nor counted.
		stream.note(minimum === "info" ? note : { ...note, findings: note.findings.filter((finding) => meetsMinSeverity(finding.severity, minimum)) });
	});
	stream ??= createReportStream(options.format, io.stdout, (report) => formatReport(report, options));
	return exitStatus({ schemaVersion: 1, notes: [], summary: stream.end() }, options);
}

/** What other threads did, given by tests in place of workers: facts of notes read ahead, notes parsed ahead. */
export interface OtherThreads {
	facts: NoteFactsSource;
	ahead?: NotesAhead;
}

/** `given`: what other threads did (tests); without it, workers read ahead when it pays (read-ahead.ts). */
function auditVaultStream(options: CliOptions, io: Pick<CliIO, "stderr" | "cwd" | "workerScript">, note: (report: NoteReport) => void, given?: OtherThreads): void {
	const root = openVault(options.vault);
	const listing = listVault(root);
	for (const warning of listing.warnings) io.stderr(`citation-audit: ${warning}\n`);
	const audited = auditedPaths(listing, options);
	const readAhead = given ? undefined : startReadAhead(options, listing, audited, io.workerScript);
	try {
		const texts = createCitedNoteTexts(listing, given?.facts ?? readAhead);
		const frontmatters: ParsedFrontmatters = new Map();
		const resolver = createDiskResolver(listing, texts, nameProperties(options, listing, frontmatters));
		const auditOptions = auditOptionsFor(options, listing, io.cwd, (path) => texts.read(path), frontmatters, (path) => texts.frontmatterYaml(path));
		streamNoteAudits(listing, audited, resolver, auditOptions, io, note, texts, given ? given.ahead : readAhead);
	} finally {
		readAhead?.stop();
	}
}

/** Workers reading and parsing the vault's notes ahead of the audit (read-ahead.ts), when --concurrency and the vault's size call for them. */
function startReadAhead(options: CliOptions, listing: VaultListing, audited: readonly string[], script: string | undefined): ReadAhead | undefined {
	const { realPaths } = listing;
	// A worker runs the bundle (not there when tests run the sources) and gets the listing as plain data.
	if (script === undefined || !(realPaths instanceof ListedRealPaths)) return undefined;
	const threads = threadsFor(options.concurrency, countNotes(audited));
	if (threads <= 1) return undefined;
	return ReadAhead.start(script, threads - 1, { root: listing.root, paths: listing.paths, linked: realPaths.linked }, audited);
}

/** The notes' name properties for did-you-mean, or none (names only): `--property-suggestions`, auto by the vault's size. */
function nameProperties(options: CliOptions, listing: VaultListing, frontmatters: ParsedFrontmatters): NamePropertiesReader | undefined {
	const wanted = options.propertySuggestions ?? "auto";
	if (wanted === "off") return undefined;
	if (wanted === "auto" && countNotes(listing.paths) > PROPERTY_SUGGESTIONS_UP_TO) return undefined;
	return createNameProperties(listing, frontmatters);
}

function countNotes(paths: readonly string[]): number {
	let notes = 0;
	for (const path of paths) if (/\.md$/i.test(path)) notes++;
	return notes;
}

/**
 * The audit options of both paths (streamed and whole report), from one place so they cannot drift apart:
 * cited notes' properties parsed from their frontmatter (identity of a source, completeness), the
 * properties the options require or name as identifying, and the Pandoc keys' bibliographies (the note's
 * own, then --bibliography) and literature notes.
 */
function auditOptionsFor(
	options: CliOptions,
	listing: VaultListing,
	cwd: string,
	readText: (path: string) => string | null,
	frontmatters: ParsedFrontmatters,
	/** A note's frontmatter YAML known without reading it (read ahead); undefined: read it. */
	frontmatterYaml?: (path: string) => string | null | undefined,
): AuditOptions {
	const properties = createNoteProperties(readText, frontmatters, frontmatterYaml);
	const auditOptions: AuditOptions = {
		checkBodyLinks: options.checkBodyLinks,
		properties,
		citekeys: createDiskCitekeyLibrary(options.citekeys, listing, cwd, readText, options.vaultBibliographies),
	};
	if (options.requireProperties) auditOptions.requireProperties = options.requireProperties;
	if (options.identityProperties) auditOptions.identityProperties = options.identityProperties;
	// No note changes during a run (fixes keep the frontmatter): each cited note's identifiers are read once,
	// not once per essay citing it (500,000 times in the 100,000-note bench vault).
	auditOptions.sourceNotes = new SourceNotes(properties, auditOptions.identityProperties);
	// From .citation-audit.json only (merged into the options): kinds off, severities.
	if (options.disabledKinds?.length) auditOptions.disabledKinds = options.disabledKinds;
	if (options.severities && Object.keys(options.severities).length > 0) auditOptions.severities = options.severities;
	return auditOptions;
}

/** The audits, with what fixing them needs: the notes as read and the resolver. */
export function auditVaultSession(
	options: CliOptions,
	io: Pick<CliIO, "stderr" | "cwd">,
	startProgressLine?: (total: number) => Progress,
): VaultSession {
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
	const frontmatters: ParsedFrontmatters = new Map();
	const resolver = createVaultResolver({
		paths: listing.paths,
		readNote: (path) => (/\.md$/i.test(path) ? (read(path)?.text ?? null) : null),
		// Without properties, a few named notes ask a few suggestions: scan the names rather than index a large
		// vault (0.2 s and 40 MB of a 50,000-note vault); past 16 distinct links the index costs less.
		...suggestionSources(nameProperties(options, listing, frontmatters), named.length > 0 ? 16 : 0),
	});
	const audits: NoteAudit[] = [];
	const auditOptions = auditOptionsFor(options, listing, io.cwd, (path) => read(path)?.text ?? null, frontmatters);
	if (named.length > 0) {
		for (const path of named) {
			// A note the writer named must be read: failing to is a usage error, not a silent skip.
			const note = readNote(root, path);
			texts.set(path, note);
			warnAboutEncoding(path, note, io);
			audits.push(auditNote(note.text, path, resolver, auditOptions));
		}
	} else {
		const markdown = auditedPaths(listing, options).filter((path) => /\.md$/i.test(path));
		const progress = startProgressLine?.(markdown.length) ?? NO_PROGRESS;
		const keysConfigured = isLibraryConfigured(auditOptions.citekeys);
		let done = 0;
		for (const path of markdown) {
			progress.update(done++);
			let note: NoteFile;
			try {
				note = texts.get(path) ?? readNote(root, path, listing.realPaths);
			} catch (error) {
				if (!(error instanceof VaultError)) throw error;
				io.stderr(`citation-audit: ${error.message}\n`);
				continue;
			}
			texts.set(path, note);
			// Most notes of a vault cite nothing: skip them without parsing (a Pandoc key needs an `@`).
			if (!mayTakePartInVaultAudit(note.text, keysConfigured)) continue;
			const audit = auditNote(note.text, path, resolver, auditOptions);
			if (!takesPartInVaultAudit(audit)) continue;
			warnAboutEncoding(path, note, io);
			audits.push(audit);
		}
		progress.finish();
	}
	return { root, audits, notes: texts, resolver, auditOptions };
}

/**
 * The vault's paths a whole-vault audit reads: all but those in ignored folders (the resolver still sees every
 * file), and a note reached through a symbolic link too only once, under its real path (so it is fixed once).
 */
function auditedPaths(listing: VaultListing, options: CliOptions): readonly string[] {
	const keys = folderKeys(options.ignoredFolders ?? []);
	if (keys.length === 0 && listing.aliases.size === 0) return listing.paths;
	return listing.paths.filter((path) => !listing.aliases.has(path) && !inIgnoredFolder(path, keys));
}

function warnAboutEncoding(path: string, note: NoteFile, io: Pick<CliIO, "stderr">): void {
	if (note.invalidUtf8) io.stderr(`citation-audit: ${path}: not valid UTF-8; audited with replacement characters\n`);
}
