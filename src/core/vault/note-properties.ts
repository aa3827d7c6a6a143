/**
 * The seam between the engine and a note's frontmatter properties (like {@link LinkResolver}: inject the one
 * thing needed). A source note's properties say which work it describes (`doi`, `url`, `isbn`, `citekey`) and
 * whether it is complete (`author`, `year` …). The plugin answers from `metadataCache.getFileCache(file)
 * ?.frontmatter`, never the file; the command line parses the note's frontmatter with a YAML library.
 *
 *     ---                      ← properties("Sources/Yuan-2015.md") = { doi: "10.1234/abc", year: 2015 }
 *     doi: 10.1234/abc
 *     year: 2015
 *     ---
 */
export interface NoteProperties {
	/**
	 * The note's frontmatter as a plain object, property names as written. Null when the note has no
	 * frontmatter, its frontmatter does not parse (then {@link frontmatterError} says why), it is not a
	 * markdown note, or it cannot be read.
	 */
	properties(path: string): Readonly<Record<string, unknown>> | null;
	/**
	 * Why the note's frontmatter does not parse, in one line ("" when that is known but not why); null when it
	 * parses or there is none.
	 */
	frontmatterError(path: string): string | null;
}

/** What a vault without properties answers (tests, callers that pass none). */
export const NO_PROPERTIES: NoteProperties = {
	properties: () => null,
	frontmatterError: () => null,
};

/**
 * A property's value by name, matched as Obsidian's property names are compared: case-insensitively
 * (`DOI:` is `doi`). The first spelling written wins when a note has two.
 */
export function propertyValue(properties: Readonly<Record<string, unknown>>, name: string): unknown {
	if (Object.prototype.hasOwnProperty.call(properties, name)) return properties[name];
	const key = keysByLowerName(properties).get(name.toLowerCase());
	return key === undefined ? undefined : properties[key];
}

/**
 * Each property name lower-cased → the first name written that way, built once per properties object: the
 * same cited note's properties are asked for doi, url, isbn and citekey in every essay that cites it
 * (500,000 questions in the 100,000-note bench vault, where lower-casing every key each time cost 0.3 s).
 * Rebuilt when the object's number of keys changed (the objects are not meant to change; this is a guard).
 */
const lowerNameCache = new WeakMap<object, { size: number; keys: Map<string, string> }>();

function keysByLowerName(properties: Readonly<Record<string, unknown>>): Map<string, string> {
	const names = Object.keys(properties);
	const cached = lowerNameCache.get(properties);
	if (cached && cached.size === names.length) return cached.keys;
	const keys = new Map<string, string>();
	for (const key of names) {
		const lower = key.toLowerCase();
		if (!keys.has(lower)) keys.set(lower, key);
	}
	lowerNameCache.set(properties, { size: names.length, keys });
	return keys;
}
