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
import { parseFrontmatter, type ParsedFrontmatters } from "./note-properties";
import { decodeNote, readNoteBytes, VaultError, type VaultListing } from "./vault-files";

/** Enough for nearly every frontmatter; a longer one is read whole. */
const HEAD_BYTES = 4096;

export type NamePropertiesReader = (path: string) => Readonly<Record<string, unknown>> | null;

/**
 * `parsed`: frontmatters already parsed, shared with the audit's properties (note-properties.ts). Each
 * reading here is the whole frontmatter's (the note is read on when it goes past the first bytes), so it is
 * recorded there, and a note the audit has parsed is not read again.
 */
export function createNameProperties(listing: VaultListing, parsed: ParsedFrontmatters = new Map()): NamePropertiesReader {
	return (path) => {
		if (!/\.md$/i.test(path)) return null;
		const known = parsed.get(path);
		if (known) return known.properties;
		try {
			const entry = readFrontmatter(listing, path);
			parsed.set(path, entry);
			return entry.properties;
		} catch (error) {
			if (!(error instanceof VaultError)) throw error;
			return null;
		}
	};
}

const NO_FRONTMATTER = { properties: null, error: null };

function readFrontmatter(listing: VaultListing, path: string): ReturnType<typeof parseFrontmatter> {
	const head = readNoteBytes(listing.root, path, listing.realPaths, HEAD_BYTES);
	// `-` is the only byte a frontmatter (or a BOM before it: 0xEF) can start with.
	if (head.length < 3 || (head[0] !== 0x2d && head[0] !== 0xef)) return NO_FRONTMATTER;
	const text = head.length < HEAD_BYTES ? decodeNote(head).text : wholeLinesOf(decodeNote(head).text);
	// Not a frontmatter at all (a list's `- item`, a rule): nothing more to read.
	if (!/^---\r?\n/.test(text)) return NO_FRONTMATTER;
	if (frontmatterYaml(text) !== null || head.length < HEAD_BYTES) return parseFrontmatter(text);
	// The frontmatter goes on past the first bytes: read the note.
	return parseFrontmatter(decodeNote(readNoteBytes(listing.root, path, listing.realPaths)).text);
}

/**
 * The text up to its last line break: a cut line could look like the frontmatter's end (`---` cut from
 * `----`) or end in half a character.
 */
function wholeLinesOf(text: string): string {
	return text.slice(0, text.lastIndexOf("\n") + 1);
}
