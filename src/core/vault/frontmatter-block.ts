/**
 * The YAML of a note's properties, found as Obsidian's `getFrontMatterInfo` finds it (so the command line
 * reads the same properties the app shows): `---` alone on the first line, up to the next line that starts
 * with `---` followed by a line break or the end of the note.
 *
 *     ---⏎            ← the opening line, nothing else on it
 *     doi: 10.1/x⏎    ← the YAML returned
 *     ---⏎            ← the closing line
 */

/** The frontmatter's YAML text, or null when the note has no (closed) frontmatter. */
export function frontmatterYaml(text: string): string | null {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const open = /^---\r?\n/.exec(body);
	if (!open) return null;
	const from = open[0].length;
	const close = /---(?:\r?\n|$)/g;
	close.lastIndex = from;
	for (let match = close.exec(body); match; match = close.exec(body)) {
		// Only at the start of a line: `a---` inside a value is not the end.
		if (body.charAt(match.index - 1) === "\n") return body.slice(from, match.index);
		close.lastIndex = match.index + 1;
	}
	return null;
}
