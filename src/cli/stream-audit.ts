/**
 * The whole-vault audit without `--fix`, one note at a time: list, then for each markdown note read its
 * bytes, skip it unless they hold `[^` or `^[` (most notes of a vault cite nothing; they are never decoded),
 * audit it, hand its report to the sink, and drop it. No note's text outlives its audit; the resolver keeps
 * only what it learnt about the vault (resolutions, and the outline of each note a subpath was checked in).
 */
import { auditDocument, auditNote, createVaultResolver, isLibraryConfigured, mayTakePartInVaultAudit, takesPartInVaultAudit, type AuditOptions, type LinkResolver, type NoteAudit } from "../core/index";
import type { NoteReport } from "../core/report/json-report";
import type { CitedNoteTexts } from "./cited-note-texts";
import { mayHoldCitation } from "./citation-bytes";
import { decodeNote, readNoteBytes, VaultError, type VaultListing } from "./vault-files";
import type { NamePropertiesReader } from "./name-properties";
import type { VaultResolverOptions } from "../core/vault/vault-resolver";
import type { NotesAhead } from "./read-ahead";
import { unpackDocument } from "./packed-document";

export interface NoteStreamIO {
	stderr: (text: string) => void;
}

/**
 * A resolver over the listing that reads a note from disk only when a link's subpath must be checked:
 * through `texts` when given (the stream shares one read of a cited note with its properties).
 */
export function createDiskResolver(listing: VaultListing, texts?: CitedNoteTexts, nameProperties?: NamePropertiesReader): LinkResolver {
	const readNote = (path: string): string | null => {
		if (!/\.md$/i.test(path)) return null;
		if (texts) return texts.read(path);
		try {
			return decodeNote(readNoteBytes(listing.root, path, listing.realPaths)).text;
		} catch (error) {
			if (!(error instanceof VaultError)) throw error;
			return null;
		}
	};
	// The cited notes' reader keeps every outline it reads: a note read for its properties is not read again for a heading.
	const outlineOf = texts ? (path: string) => texts.outline(path) : undefined;
	return createVaultResolver({ paths: listing.paths, readNote, outlineOf, ...suggestionSources(nameProperties, 0) });
}

/**
 * What did-you-mean compares: with the notes' aliases, title, author and year (read when the first suggestion
 * is needed), as the plugin suggests from its metadata cache; without them, names only, the first
 * `scanLookups` lookups answered by scanning the names instead of indexing the vault.
 */
export function suggestionSources(nameProperties: NamePropertiesReader | undefined, scanLookups: number): Pick<VaultResolverOptions, "properties" | "scanLookups"> {
	if (nameProperties) return { properties: { properties: nameProperties, frontmatterError: () => null } };
	return { scanLookups };
}

/**
 * Audits `paths` (vault paths from the listing, in order) and calls `note` with the report of each one that
 * has a footnote outside code or cites Pandoc keys it can check (takesPartInVaultAudit), in the same order. Read failures are reported on stderr and skipped.
 */
export function streamNoteAudits(
	listing: VaultListing,
	paths: readonly string[],
	resolver: LinkResolver,
	auditOptions: AuditOptions,
	io: NoteStreamIO,
	note: (report: NoteReport) => void,
	/** The cited notes' texts shared by the resolver and the options' properties: forgotten after each audit. */
	texts?: CitedNoteTexts,
	/** Notes parsed by worker threads ahead of this loop (parse-ahead.ts): the same audits, found parsed. */
	ahead?: NotesAhead,
): void {
	const keysConfigured = isLibraryConfigured(auditOptions.citekeys);
	const audited = (path: string, audit: NoteAudit, invalidUtf8: boolean): void => {
		texts?.forget();
		if (!takesPartInVaultAudit(audit)) return;
		if (invalidUtf8) io.stderr(`citation-audit: ${path}: not valid UTF-8; audited with replacement characters\n`);
		note({ path: audit.path, stats: audit.stats, findings: audit.findings });
	};
	for (let index = 0; index < paths.length; index++) {
		const path = paths[index];
		if (!/\.md$/i.test(path)) continue;
		// Read already as a cited note, and found without `[^`, `^[` or `@`: the test below would skip it.
		if (texts?.readWithoutCitations(path)) {
			ahead?.pass(index);
			continue;
		}
		const parsed = ahead?.take(index);
		if (parsed !== undefined && !("unread" in parsed)) {
			if (!("parsed" in parsed)) continue;
			const document = unpackDocument(parsed.parsed);
			if (!mayTakePartInVaultAudit(document.text, keysConfigured)) continue;
			audited(path, auditDocument(document, path, resolver, auditOptions), parsed.invalidUtf8);
			continue;
		}
		let bytes: Buffer;
		try {
			bytes = readNoteBytes(listing.root, path, listing.realPaths);
		} catch (error) {
			if (!(error instanceof VaultError)) throw error;
			io.stderr(`citation-audit: ${error.message}\n`);
			continue;
		}
		if (!mayHoldCitation(bytes)) continue;
		const file = decodeNote(bytes);
		// The decoded text decides, as before (a BOM or a replacement character cannot make `[^` or `@`).
		if (!mayTakePartInVaultAudit(file.text, keysConfigured)) continue;
		audited(path, auditNote(file.text, path, resolver, auditOptions), file.invalidUtf8);
	}
	ahead?.finish();
}
