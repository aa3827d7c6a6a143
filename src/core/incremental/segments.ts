/**
 * Where a note can be cut into pieces that parse alone exactly as they parse inside the note: before a line
 * that starts at column 0 with a non-blank character right after a blank line,
 *
 *     …end of a paragraph.
 *                                ← blank line
 *     Next paragraph[^3] …       ← a candidate boundary (^ at column 0)
 *
 * and only once everything opened before it is closed. A blank line followed by an unindented line ends
 * every paragraph, list item, quote and footnote definition (a definition's next paragraph is indented), so
 * what follows starts as a note starts. What a blank line does not end (a code fence, an HTML block, a
 * `%%` comment, `$$` math, `<!--`, a code span the region scanner steps over) is caught by the probe: the
 * piece is parsed with two lines appended,
 *
 *     [^probe-a] ` `` ``` ```` $$ -->      ← must be read as a reference
 *     %% [^probe-b] %%                     ← must not be (it is a comment)
 *
 * and the boundary is accepted only if the first reference is read and the second is not: had anything been
 * left open, the first line would be code, or hidden, or the open construct would close on it and hide the
 * reference; and if the region scanner still thought itself inside fenced code (where markdown-it saw an
 * HTML block, say), the comment would not hide the second.
 * The frontmatter, which only the note's start can open, is never cut.
 */
import type { CitationDocument } from "../parse/citation-document";
import { parseCitations } from "../parse/parse-citations";

const PROBE_READ = "citation-audit-probe-a";
const PROBE_HIDDEN = "citation-audit-probe-b";
const PROBE = `[^${PROBE_READ}] \` \`\` \`\`\` \`\`\`\` $$ -->\n%% [^${PROBE_HIDDEN}] %%`;

/** Whether the line starting at `at` (a line start) may begin a new piece. */
export function isCandidateBoundary(text: string, at: number): boolean {
	if (at <= 0 || at >= text.length || text.charCodeAt(at - 1) !== 0x0a) return false;
	const first = text.charCodeAt(at);
	// Column 0, not blank, not a line that could be taken for a frontmatter fence.
	if (first === 0x20 || first === 0x09 || first === 0x0a || first === 0x0d) return false;
	// A piece starting with U+FEFF would read it as a byte order mark, which only the note's start can hold.
	if (first === 0xfeff) return false;
	if (text.startsWith("---", at) || text.startsWith("...", at)) return false;
	// The line before is blank (spaces, tabs, a `\r`).
	let before = at - 2;
	while (before >= 0 && text.charCodeAt(before) !== 0x0a) {
		const code = text.charCodeAt(before);
		if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
		before--;
	}
	return true;
}

/** End of the frontmatter (`---` … `---` or `...` at the note's start), 0 when there is none. */
export function frontmatterEnd(text: string): number {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const lineEnd = (from: number): number => {
		const at = text.indexOf("\n", from);
		return at === -1 ? text.length : at;
	};
	if (!/^---[ \t]*\r?$/.test(text.slice(start, lineEnd(start)))) return 0;
	for (let pos = lineEnd(start) + 1; pos < text.length; pos = lineEnd(pos) + 1) {
		if (/^(---|\.\.\.)[ \t]*\r?$/.test(text.slice(pos, lineEnd(pos)))) return lineEnd(pos);
	}
	return 0;
}

/**
 * The parse of `text[from, to)` on its own, offsets relative to `from`; null when `to` is not the note's end
 * and the piece leaves something open (the probe says so), so that it cannot end there.
 */
export function parsePiece(text: string, from: number, to: number): CitationDocument | null {
	const slice = text.slice(from, to);
	if (to >= text.length) return parseCitations(slice);
	const document = parseCitations(slice + PROBE);
	const last = document.references[document.references.length - 1];
	if (last === undefined || last.from !== slice.length || last.label !== PROBE_READ) return null;
	document.references.pop();
	return document;
}
