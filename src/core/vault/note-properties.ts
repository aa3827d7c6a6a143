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
	const wanted = name.toLowerCase();
	for (const key of Object.keys(properties)) {
		// Lower-casing never shortens a string (only U+0130 changes length, and it grows): a longer key cannot
		// match, and most keys (`aliases`, `author`) are longer than the names asked for most (`doi`, `url`).
		if (key.length <= wanted.length && key.toLowerCase() === wanted) return properties[key];
	}
	return undefined;
}
