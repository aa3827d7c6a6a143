/**
 * A copy of a string that keeps nothing else alive, for strings cut from a note and kept after its audit (a
 * cache's key, a cited note's properties or headings).
 *
 * V8 (Node, Electron) makes a substring of 13 characters or more a view into the string it was cut from (a
 * "sliced string") and a concatenation a pair of its parts: a link target kept as a cache key then holds the
 * whole text it came from. A heap snapshot taken during the audit of the bench's 50,000-note vault found 63 MB
 * of essays' masked texts held by the did-you-mean cache's keys this way, and each cited note's text held by
 * its parsed properties; in the plugin a key held the whole note as it was when the link was first typed.
 *
 * Not a guarantee of the language but how V8 builds strings: the concatenation is copied into a new flat
 * string when sliced, and the slice then views that copy, no longer the note.
 */
export function detached(text: string): string {
	return (" " + text).slice(1);
}

/**
 * `value` with every string in it (array items, object values, nested) {@link detached}, changed in place.
 * An object met twice (a YAML alias) is walked once.
 */
export function detachStrings<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
	if (value === null || typeof value !== "object" || seen.has(value)) return value;
	seen.add(value);
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) value[index] = detachedValue(value[index], seen);
	} else {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = detachedValue(record[key], seen);
	}
	return value;
}

function detachedValue(value: unknown, seen: WeakSet<object>): unknown {
	return typeof value === "string" ? detached(value) : detachStrings(value, seen);
}
