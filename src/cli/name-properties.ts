/**
 * The properties did-you-mean compares besides a note's name (`aliases`, `title`, `author`, `year`/`date`):
 * the command line's counterpart of the plugin's metadata cache, read from the first bytes of each note
 * only. The suggester asks for them once per note, when it first indexes the vault (only when a link needs a
 * suggestion), so a vault pays one short read per note, and nothing when every link resolves.
 *
 *     ---⏎               ← the first HEAD_BYTES of the note hold the frontmatter (almost always)
 *     aliases: [Yuan 2015]
 *     ---⏎
 *     The note's body is not read.
 */
import { frontmatterYaml } from "../core/vault/frontmatter-block";
import { parseFrontmatter } from "./note-properties";
import { decodeNote, readNoteBytes, VaultError, type VaultListing } from "./vault-files";

/** Enough for nearly every frontmatter; a longer one is read whole. */
const HEAD_BYTES = 4096;

export type NamePropertiesReader = (path: string) => Readonly<Record<string, unknown>> | null;

export function createNameProperties(listing: VaultListing): NamePropertiesReader {
	return (path) => {
		if (!/\.md$/i.test(path)) return null;
		try {
			const head = readNoteBytes(listing.root, path, listing.realPaths, HEAD_BYTES);
			// `-` is the only byte a frontmatter (or a BOM before it: 0xEF) can start with.
			if (head.length < 3 || (head[0] !== 0x2d && head[0] !== 0xef)) return null;
			const text = head.length < HEAD_BYTES ? decodeNote(head).text : wholeLinesOf(decodeNote(head).text);
			// Not a frontmatter at all (a list's `- item`, a rule): nothing more to read.
			if (!/^---\r?\n/.test(text)) return null;
			if (frontmatterYaml(text) !== null || head.length < HEAD_BYTES) return parseFrontmatter(text).properties;
			// The frontmatter goes on past the first bytes: read the note.
			return parseFrontmatter(decodeNote(readNoteBytes(listing.root, path, listing.realPaths)).text).properties;
		} catch (error) {
			if (!(error instanceof VaultError)) throw error;
			return null;
		}
	};
}

/**
 * The text up to its last line break: a cut line could look like the frontmatter's end (`---` cut from
 * `----`) or end in half a character.
 */
function wholeLinesOf(text: string): string {
	return text.slice(0, text.lastIndexOf("\n") + 1);
}
