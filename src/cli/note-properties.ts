/**
 * The command line's {@link NoteProperties}: a note's frontmatter parsed with the `yaml` library, each note
 * once (plain frontmatters, most of them, by plain-frontmatter.ts, which reads them as the library does). A frontmatter that does not parse, or that is not a set of properties (a bare list or text), is
 * reported through `frontmatterError` — the audit turns it into an `invalid-frontmatter` finding — and never
 * stops the run.
 */
import { parse, YAMLParseError } from "yaml";
import type { NoteProperties } from "../core/vault/note-properties";
import { frontmatterYaml } from "../core/vault/frontmatter-block";
import { plainProperties } from "../core/vault/plain-frontmatter";
import { detachStrings } from "../core/text/detached";

type Parsed = { properties: Record<string, unknown> | null; error: string | null };

/**
 * Frontmatters parsed so far, by vault path. One map serves the audit's properties and did-you-mean's
 * (name-properties.ts), so a note whose frontmatter one of them read is not read again by the other: in the
 * 12 MB bench essay's vault the cited notes' properties had all been read for the suggestions already.
 */
export type ParsedFrontmatters = Map<string, Parsed>;

/**
 * `yamlOf`: a note's frontmatter YAML when already known without reading the note (read ahead by another
 * thread, note-facts.ts), null for none; undefined: read the note.
 */
export function createNoteProperties(
	readNote: (path: string) => string | null,
	parsed: ParsedFrontmatters = new Map(),
	yamlOf?: (path: string) => string | null | undefined,
): NoteProperties {
	const parseNoteFrontmatter = (path: string): Parsed => {
		const yaml = yamlOf?.(path);
		if (yaml !== undefined) return parseFrontmatterYaml(yaml);
		const text = readNote(path);
		return text === null ? { properties: null, error: null } : parseFrontmatter(text);
	};
	const read = (path: string): Parsed => {
		let entry = parsed.get(path);
		if (!entry) {
			entry = /\.md$/i.test(path) ? parseNoteFrontmatter(path) : { properties: null, error: null };
			parsed.set(path, entry);
		}
		return entry;
	};
	return {
		properties: (path) => read(path).properties,
		frontmatterError: (path) => read(path).error,
	};
}

/** A note's properties, or why its frontmatter is not properties. Empty YAML is no properties, not an error. */
export function parseFrontmatter(text: string): Parsed {
	return parseFrontmatterYaml(frontmatterYaml(text));
}

/** {@link parseFrontmatter} from the frontmatter's YAML (null: the note has none). */
export function parseFrontmatterYaml(yaml: string | null): Parsed {
	if (yaml === null) return { properties: null, error: null };
	// Most frontmatters are plain `name: value` lines: read directly, the library only when not sure.
	// Kept for the run (the map above): the values must not hold the note's text (see detached.ts).
	const plain = plainProperties(yaml);
	if (plain !== null) return { properties: detachStrings(plain), error: null };
	let data: unknown;
	try {
		// Only errors stop the parse: a warning (an unknown `!tag`, read as plain text) would be printed to stderr by the library.
		data = parse(yaml, { logLevel: "error" });
	} catch (error) {
		return { properties: null, error: describeError(error) };
	}
	if (data === null || data === undefined) return { properties: null, error: null };
	if (typeof data !== "object" || Array.isArray(data)) return { properties: null, error: "the frontmatter is not a list of properties (name: value)" };
	return { properties: detachStrings(data as Record<string, unknown>), error: null };
}

/** "Unexpected scalar at node end (line 3 of the note)": the library's reason, and where, counted in the note. */
function describeError(error: unknown): string {
	if (!(error instanceof YAMLParseError)) return error instanceof Error ? error.message.split(/\r?\n/, 1)[0] : String(error);
	const reason = error.message.split(/\r?\n/, 1)[0].replace(/ at line \d+, column \d+:?$/, "");
	const line = error.linePos?.[0].line;
	// The YAML starts on the note's second line, after the opening `---`.
	return line === undefined ? reason : `${reason} (line ${line + 1} of the note)`;
}
