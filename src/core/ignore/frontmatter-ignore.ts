/**
 * The note-wide ignore list, a frontmatter property (Obsidian shows it as a list property):
 *
 *     ---
 *     citation-audit-ignore: [no-vault-link, unused-definition]
 *     ---
 *
 * also a single string (`citation-audit-ignore: no-vault-link`, commas allowed) or a block list
 * (`citation-audit-ignore:` then `  - no-vault-link` lines). A small reader of just this key rather than a
 * YAML library: the engine is bundled into main.js, and the CLI and the plugin must read it the same way
 * (Obsidian's metadata cache would only serve the plugin). Anything it cannot read is left alone.
 */
import type { TextRange } from "../parse/citation-document";

export const FRONTMATTER_KEY = "citation-audit-ignore";

export interface NoteIgnoreEntry {
	/** As written, without quotes. */
	kind: string;
	/** Where the entry stands in the frontmatter (for an `unused-ignore` finding). */
	range: TextRange;
}

interface Line {
	from: number;
	/** Without the line break (and without a `\r`). */
	text: string;
}

/** The entries of `citation-audit-ignore` in the note's frontmatter, in order; [] when there is none. */
export function readNoteIgnores(text: string): NoteIgnoreEntry[] {
	// No frontmatter without `---` at the very start (after a byte order mark), and the key is looked for in
	// the frontmatter alone: searching a book-length note for it took 1.5 ms of every keystroke's audit.
	if (!text.startsWith("---", text.charCodeAt(0) === 0xfeff ? 1 : 0)) return [];
	const end = frontmatterEnd(text);
	if (end === -1 || !text.slice(0, end).includes(FRONTMATTER_KEY)) return [];
	const lines = frontmatterLines(text);
	const keyLine = lines.findIndex((line) => keyValue(line.text) !== null);
	if (keyLine === -1) return [];
	const line = lines[keyLine];
	const valueAt = keyValue(line.text)!;
	const value = line.text.slice(valueAt);
	if (value.trim() === "") return blockItems(lines.slice(keyLine + 1));
	const flow = /^\s*\[(.*)\]\s*(#.*)?$/.exec(value);
	if (flow) return entriesIn(line.from + valueAt + value.indexOf("[") + 1, flow[1]);
	return entriesIn(line.from + valueAt, value.replace(/\s+#.*$/, ""));
}

/**
 * Where the line closing the frontmatter starts (`---` or `...`, trailing blanks allowed), or -1 when there is
 * none; read line by line without making a string of each line.
 */
function frontmatterEnd(text: string): number {
	for (let from = text.indexOf("\n") + 1; from > 0 && from < text.length; from = text.indexOf("\n", from) + 1) {
		//     ---
		//     ^ from
		const mark = text.charCodeAt(from);
		if ((mark !== 0x2d && mark !== 0x2e) || text.charCodeAt(from + 1) !== mark || text.charCodeAt(from + 2) !== mark) continue;
		let at = from + 3;
		while (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09) at++;
		if (at === text.length || text.charCodeAt(at) === 0x0a || (text.charCodeAt(at) === 0x0d && (at + 1 === text.length || text.charCodeAt(at + 1) === 0x0a))) return from;
	}
	return -1;
}

/** The lines between the opening `---` and the closing `---`/`...`; [] without closed frontmatter. */
function frontmatterLines(text: string): Line[] {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const lines: Line[] = [];
	let from = start;
	let first = true;
	while (from < text.length) {
		let end = text.indexOf("\n", from);
		if (end === -1) end = text.length;
		const line = text.slice(from, end).replace(/\r$/, "");
		if (first) {
			if (!/^---[ \t]*$/.test(line)) return [];
			first = false;
		} else if (/^(---|\.\.\.)[ \t]*$/.test(line)) {
			return lines;
		} else {
			lines.push({ from, text: line });
		}
		from = end + 1;
	}
	return [];
}

/**
 * `citation-audit-ignore: …` at the top level (the key may be quoted): the offset in the line where the value
 *  ^ column 0                ^ returned
 * starts, or null.
 */
function keyValue(line: string): number | null {
	const match = /^(["']?)citation-audit-ignore\1[ \t]*:(?=[ \t]|$)[ \t]*/.exec(line);
	return match ? match[0].length : null;
}

/** `  - kind` lines right after the key, up to the first line that is not one. */
function blockItems(lines: readonly Line[]): NoteIgnoreEntry[] {
	const entries: NoteIgnoreEntry[] = [];
	for (const line of lines) {
		const item = /^([ \t]*-[ \t]+)(.*?)[ \t]*$/.exec(line.text);
		if (!item) {
			if (line.text.trim() === "" || /^[ \t]*#/.test(line.text)) continue;
			break;
		}
		entries.push(...entriesIn(line.from + item[1].length, item[2].replace(/\s+#.*$/, "")));
	}
	return entries;
}

/** Comma-separated entries of `list` (which starts at `offset`), quotes removed. */
function entriesIn(offset: number, list: string): NoteIgnoreEntry[] {
	const entries: NoteIgnoreEntry[] = [];
	const item = /[^,]+/g;
	for (let match = item.exec(list); match; match = item.exec(list)) {
		const raw = match[0];
		const lead = raw.length - raw.trimStart().length;
		let kind = raw.trim();
		let from = offset + match.index + lead;
		if (/^(["']).*\1$/.test(kind) && kind.length >= 2) {
			kind = kind.slice(1, -1).trim();
			from += 1;
		}
		if (kind !== "") entries.push({ kind, range: { from, to: from + kind.length } });
	}
	return entries;
}
