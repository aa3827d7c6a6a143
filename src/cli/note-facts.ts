/**
 * What a whole-vault audit learns from one read of a note it will not audit (no `[^`, `^[` or `@` in its
 * bytes): that it can be skipped, its outline (headings and block ids, for links' subpaths) and its
 * frontmatter's YAML (for its properties). A worker thread reads these ahead (read-ahead.ts), so the thread
 * auditing the essays does not open, decode and outline the vault's other 90,000 notes itself.
 *
 * Computed by the same functions the auditing thread uses on the text it reads, so a fact read ahead and one
 * read in place are the same.
 */
import type { NoteOutline } from "../core/vault/outline";
import { outlineOfText } from "../core/vault/vault-resolver";
import { frontmatterYaml } from "../core/vault/frontmatter-block";
import { mayHoldCitation } from "./citation-bytes";
import { decodeNote } from "./vault-files";

export type NoteFacts =
	/** The bytes may hold a citation: the audit reads the note itself. */
	| { mayCite: true }
	| {
			mayCite: false;
			/**
			 * The outline as JSON ({@link packOutline}): one string crosses between threads and lives in the
			 * auditing thread's heap, not an object per heading, and only the outlines asked for are unpacked.
			 */
			outline: string;
			/** The frontmatter's YAML (frontmatter-block.ts), or null for a note without one. */
			frontmatterYaml: string | null;
	  };

export function factsOfNote(bytes: Buffer): NoteFacts {
	if (mayHoldCitation(bytes)) return { mayCite: true };
	const { text } = decodeNote(bytes);
	return { mayCite: false, outline: packOutline(outlineOfText(text)!), frontmatterYaml: frontmatterYaml(text) };
}

/** JSON: exact for any heading text (a lone surrogate or a NUL included), unlike a separator character. */
export function packOutline(outline: NoteOutline): string {
	return JSON.stringify(outline);
}

export function unpackOutline(packed: string): NoteOutline {
	return JSON.parse(packed) as NoteOutline;
}

/** The facts read so far; undefined for a note not read ahead (yet), which the caller then reads itself. */
export interface NoteFactsSource {
	get(path: string): NoteFacts | undefined;
}
