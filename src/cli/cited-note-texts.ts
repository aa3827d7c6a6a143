/**
 * The streamed audit's reader of cited notes: the resolver (headings and block ids, for a link's subpath)
 * and the notes' properties (frontmatter) both read a cited note, mostly within the same essay's audit. One
 * read serves both: texts are kept until {@link CitedNoteTexts.forget}, which the stream calls after each
 * audited note, so no note's text outlives the audit that needed it. In a 100,000-note vault this saved
 * about 47,000 of 107,000 reads of cited notes (measured).
 *
 * Each note read this way also has its outline (headings, block ids) taken for the run: a note read for its
 * properties in one essay was read again when a later essay linked to one of its headings (30,400 of the
 * 100,000-note bench vault's 131,900 reads). Taking the outline of every cited note read costs less than
 * those reads (12,000 of the outlines are never asked for).
 */
import type { NoteOutline } from "../core/vault/outline";
import { outlineOfText } from "../core/vault/vault-resolver";
import { mayHoldCitation } from "./citation-bytes";
import { unpackOutline, type NoteFactsSource } from "./note-facts";
import { decodeNote, readNoteBytes, VaultError, type VaultListing } from "./vault-files";

export interface CitedNoteTexts {
	/** The decoded text of a vault file, or null when it cannot be read (the error is the audit's to ignore). */
	read(path: string): string | null;
	/** The outline of a vault note, kept for the run; null when it cannot be read. */
	outline(path: string): NoteOutline | null;
	/** Drops the texts read so far. */
	forget(): void;
	/**
	 * Whether `path` was read as a cited note and its bytes hold no citation (citation-bytes.ts): the vault
	 * audit, which reaches the sources after the essays that cite them, then need not read it again (55,000
	 * of the 100,000-note bench vault's 191,000 reads). Only that verdict is kept, never the text.
	 */
	readWithoutCitations(path: string): boolean;
	/**
	 * The frontmatter's YAML of a note read ahead (read-ahead.ts), null for none; undefined when it was not
	 * read ahead (then its properties come from {@link CitedNoteTexts.read}'s text).
	 */
	frontmatterYaml(path: string): string | null | undefined;
}

/** `readAhead`: facts of the notes other threads have read, used instead of reading those notes again. */
export function createCitedNoteTexts(listing: VaultListing, readAhead?: NoteFactsSource): CitedNoteTexts {
	const texts = new Map<string, string | null>();
	const outlines = new Map<string, NoteOutline | null>();
	const withoutCitations = new Set<string>();
	const read = (path: string): string | null => {
		if (texts.has(path)) return texts.get(path)!;
		let text: string | null;
		try {
			const bytes = readNoteBytes(listing.root, path, listing.realPaths);
			if (!mayHoldCitation(bytes)) withoutCitations.add(path);
			text = decodeNote(bytes).text;
		} catch (error) {
			if (!(error instanceof VaultError)) throw error;
			text = null;
		}
		texts.set(path, text);
		if (!outlines.has(path)) outlines.set(path, outlineOfText(text));
		return text;
	};
	return {
		read,
		outline(path: string): NoteOutline | null {
			if (outlines.has(path)) return outlines.get(path)!;
			const facts = readAhead?.get(path);
			if (facts !== undefined && !facts.mayCite) {
				// Unpacked once and kept: the resolver remembers what it learnt of an outline by its identity.
				const outline = unpackOutline(facts.outline);
				outlines.set(path, outline);
				return outline;
			}
			read(path);
			return outlines.get(path) ?? null;
		},
		forget(): void {
			texts.clear();
		},
		readWithoutCitations: (path) => withoutCitations.has(path) || readAhead?.get(path)?.mayCite === false,
		frontmatterYaml(path: string): string | null | undefined {
			const facts = readAhead?.get(path);
			return facts !== undefined && !facts.mayCite ? facts.frontmatterYaml : undefined;
		},
	};
}
