/**
 * The plugin's vault audit: the same notes and the same findings as the command line's vault mode
 * (src/cli/run.ts), read through Obsidian instead of the file system, in slices that keep the editor
 * responsive. A note is read from its open editor if there is one (what the writer sees), else with
 * `vault.cachedRead`; it takes part in the report when it has a footnote reference or definition outside
 * excluded regions (`hasFootnotes`), exactly as on the command line.
 */
import type { App, TFile } from "obsidian";
import { auditNote, takesPartInVaultAudit, type AuditOptions, type LinkResolver, type NoteAudit } from "../../core/index";
import type { VaultCitekeyLibrary } from "../citekeys/vault-citekey-library";
import type { NoteReport } from "../../core/report/json-report";
import { openEditorText } from "../audit-controller";
import type { CitationAuditorSettings } from "../settings";
import { pluginAuditOptions } from "../audit-options";
import { isSkippedPath, mayHaveFootnotes, normalizeFolders } from "./candidates";
import { VaultFileWalk } from "./file-walk";
import { TimeSlicer, type SliceClock } from "./slicer";

export interface VaultAuditProgress {
	/** "listing" while the metadata cache is consulted (total not known yet), then "auditing". */
	phase: "listing" | "auditing";
	done: number;
	total: number;
}

export interface VaultAuditRunOptions {
	signal: AbortSignal;
	/** Called at the end of every slice and once at the end. */
	onProgress?: (progress: VaultAuditProgress) => void;
	budgetMs?: number;
	clock?: SliceClock;
}

export interface NoteFailure {
	path: string;
	message: string;
}

export interface VaultAuditOutcome {
	/** Notes with footnotes, sorted by path, in the JSON report's shape (no parsed documents kept). */
	notes: NoteReport[];
	/** Notes the metadata cache did not rule out (read or to be read). */
	total: number;
	/** Notes read and audited before the end or the cancellation. */
	done: number;
	/** Markdown notes outside skipped folders (the rest of them were skipped without being read). */
	considered: number;
	cancelled: boolean;
	failed: NoteFailure[];
	/** Milliseconds each slice ran. */
	slices: number[];
}

export interface VaultAuditDeps {
	app: App;
	resolver: LinkResolver;
	settings: CitationAuditorSettings;
	/** Bibliographies and literature notes for the Pandoc keys; absent: only a note's own frontmatter counts. */
	citekeys?: VaultCitekeyLibrary;
}

/** The audit options the settings ask for (the command line's defaults when nothing is changed). */
export function auditOptionsFrom(app: App, settings: CitationAuditorSettings, citekeys?: VaultCitekeyLibrary): AuditOptions {
	return pluginAuditOptions(app, settings, citekeys?.library);
}

/** Reads a note as the writer sees it: the open editor's text, else the vault's cached copy. */
export async function readNoteText(app: App, file: TFile): Promise<string> {
	return openEditorText(app, file) ?? (await app.vault.cachedRead(file));
}

export async function runVaultAudit(deps: VaultAuditDeps, options: VaultAuditRunOptions): Promise<VaultAuditOutcome> {
	const { app, resolver, settings, citekeys } = deps;
	const slicer = new TimeSlicer(options.signal, options.budgetMs, options.clock);
	const auditOptions = auditOptionsFrom(app, settings, citekeys);
	// With citation-key sources set up, any note may cite keys: the cache cannot tell, so every note is read.
	const keysConfigured = citekeys?.configured ?? false;
	const notes: NoteReport[] = [];
	const failed: NoteFailure[] = [];
	const files: TFile[] = [];
	let considered = 0;
	let done = 0;
	let phase: VaultAuditProgress["phase"] = "listing";
	const progress = () => options.onProgress?.({ phase, done, total: files.length });
	progress();

	// Listing: the metadata cache rules out notes without footnotes, unread. Sliced too: 10,000 lookups add up,
	// and so does listing 100,000 files (file-walk.ts).
	const folders = normalizeFolders(settings.ignoredFolders);
	const walk = new VaultFileWalk(app.vault);
	for (let file = walk.next(); file !== null; file = walk.next()) {
		if (slicer.due && !(await slicer.checkpoint(progress))) break;
		if (file.extension !== "md" || isSkippedPath(file.path, folders)) continue;
		considered++;
		const cache = app.metadataCache.getFileCache(file);
		if (keysConfigured || mayHaveFootnotes(cache) || cache?.frontmatter?.bibliography !== undefined) files.push(file);
	}
	files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	// The resolver's name and suggestion indexes take ~150 ms for 10,000 files: build them in slices too,
	// rather than inside the first note that has a broken link.
	if (resolver.prepare && !slicer.cancelled) {
		while (!resolver.prepare(() => slicer.due)) {
			if (!(await slicer.checkpoint(progress))) break;
		}
	}
	phase = "auditing";
	if (!slicer.cancelled) progress();

	for (const file of files) {
		if (!(await slicer.checkpoint(progress))) break;
		// A note deleted while the audit runs is simply gone from the report.
		if (app.vault.getFileByPath(file.path) !== file) {
			done++;
			continue;
		}
		let audit: NoteAudit;
		try {
			const text = await readNoteText(app, file);
			if (slicer.cancelled) break;
			audit = auditNote(text, file.path, resolver, auditOptions);
			// A bibliography still being read judges no key: wait for it, then audit the note again.
			if (citekeys && audit.citekeys.sources.pending) {
				await citekeys.settled();
				audit = auditNote(text, file.path, resolver, auditOptions);
			}
		} catch (error) {
			failed.push({ path: file.path, message: error instanceof Error ? error.message : String(error) });
			done++;
			continue;
		}
		done++;
		if (takesPartInVaultAudit(audit)) notes.push({ path: audit.path, stats: audit.stats, findings: audit.findings });
	}
	slicer.finish();
	const cancelled = slicer.cancelled;
	if (!cancelled) progress();
	return { notes, total: files.length, done, considered, cancelled, failed, slices: slicer.slices };
}
