/**
 * The `bibliography:` property of a note's YAML frontmatter, as Pandoc reads it: one path or a list of paths.
 *
 *   ---                                  ---                           ---
 *   bibliography: refs/library.bib       bibliography:                 bibliography: [a.bib, "b.json"]
 *                 ^ value                  - refs/library.bib                         ^ each item
 *   ---                                    - refs/extra.json           ---
 *                                          ^ each item
 * Each path comes with its exact place in the note, where `missing-bibliography` points. Only the top-level key is
 * read (an indented `bibliography:` belongs to another mapping), and only inside the frontmatter.
 */
import type { Range } from "./non-prose";

export interface BibliographyReference extends Range {
	/** The path as written, quotes removed. */
	path: string;
}

export interface FrontmatterBibliography {
	/** Whether the property is there at all (even empty). */
	present: boolean;
	files: BibliographyReference[];
}

export function readFrontmatterBibliography(text: string): FrontmatterBibliography {
	const lines = frontmatterLines(text);
	const none: FrontmatterBibliography = { present: false, files: [] };
	for (let index = 0; index < lines.length; index++) {
		const { from, content } = lines[index];
		const match = /^bibliography[ \t]*:(?=[ \t]|$)/.exec(content);
		if (!match) continue;
		const valueFrom = from + match[0].length;
		const value = content.slice(match[0].length);
		const inline = value.replace(/[ \t]+#.*$/, "").trim();
		if (inline.startsWith("[")) return { present: true, files: readFlowList(valueFrom, value) };
		if (inline !== "" && inline !== "|" && inline !== ">") {
			const start = valueFrom + value.indexOf(inline);
			return { present: true, files: [scalar(inline, start)] };
		}
		const files: BibliographyReference[] = [];
		for (let item = index + 1; item < lines.length; item++) {
			const line = lines[item];
			const entry = /^([ \t]*)-[ \t]+(.*?)[ \t]*(?:[ \t]#.*)?$/.exec(line.content);
			if (!entry) {
				if (/^[ \t]*(#.*)?$/.test(line.content)) continue;
				break;
			}
			if (entry[2] === "") continue;
			files.push(scalar(entry[2], line.from + line.content.indexOf(entry[2], entry[1].length + 1)));
		}
		return { present: true, files };
	}
	return none;
}

/** `"refs/a b.bib"` or `'x.json'` or `plain.bib` at `from`: the path without quotes, the range with them. */
function scalar(raw: string, from: number): BibliographyReference {
	const quoted = /^(["'])(.*)\1$/.exec(raw);
	const path = quoted ? (quoted[1] === '"' ? quoted[2].replace(/\\(["\\])/g, "$1") : quoted[2].replace(/''/g, "'")) : raw;
	return { path, from, to: from + raw.length };
}

function readFlowList(valueFrom: number, value: string): BibliographyReference[] {
	const open = value.indexOf("[");
	const close = value.lastIndexOf("]");
	const inside = value.slice(open + 1, close === -1 ? value.length : close);
	const files: BibliographyReference[] = [];
	let offset = valueFrom + open + 1;
	for (const part of inside.split(",")) {
		const trimmed = part.trim();
		if (trimmed !== "") files.push(scalar(trimmed, offset + part.indexOf(trimmed)));
		offset += part.length + 1;
	}
	return files;
}

/** The lines between the opening `---` and the closing `---`/`...` (none when the note has no frontmatter). */
function frontmatterLines(text: string): { from: number; content: string }[] {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const lines: { from: number; content: string }[] = [];
	let at = start;
	let first = true;
	while (at <= text.length) {
		const end = text.indexOf("\n", at);
		const lineEnd = end === -1 ? text.length : end;
		const content = text.slice(at, lineEnd).replace(/\r$/, "");
		if (first) {
			if (!/^---[ \t]*$/.test(content)) return [];
			first = false;
		} else if (/^(---|\.\.\.)[ \t]*$/.test(content)) {
			return lines;
		} else {
			lines.push({ from: at, content });
		}
		if (end === -1) break;
		at = end + 1;
	}
	return [];
}
