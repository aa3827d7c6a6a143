/**
 * The unified diff `--dry-run` prints, written so that `patch -p1 < diff` (GNU patch, as writers apply a diff)
 * in the vault folder gives exactly the bytes `--fix` would write:
 *
 *     --- a/Essays/On Reading Slowly.md⇥2026-12-05 14:07:35.276000000 +0000
 *     +++ b/Essays/On Reading Slowly.md⇥2026-12-05 14:08:01.000000000 +0000
 *     @@ -3,7 +3,6 @@
 *
 * - The name is followed by a tab, as GNU diff writes it (name, tab, time stamp): without it GNU patch reads a
 *   name only up to its first space, and most Obsidian titles have spaces. A name holding a control character,
 *   `"` or `\` is written in GNU diff's C-style quotes, which GNU patch reads back; other names, unicode ones
 *   included, are written as they are, so a writer can read them.
 * - Lines are split at `\n` only: a CRLF line keeps its `\r`, a BOM stays on line 1, and a side without a final
 *   line break gets `\ No newline at end of file`. Nothing is escaped: format characters (U+200F, U+200D …)
 *   are bytes of the note like any other, and a patch with `\u200f` in it no longer applies. Making the diff
 *   safe for a terminal is the caller's business, and only when the output is a terminal (see run.ts).
 *
 * The line alignment is jsdiff's (`diff` package, Myers' algorithm), a maintained library rather than our own.
 * Past a budget of differences (a long note renumbered from top to bottom) jsdiff gives up, and the part between
 * the common head and tail is shown as one replaced block: still a diff that applies, only a coarser one.
 */
import { structuredPatch, type StructuredPatchHunk } from "diff";

const CONTEXT = 3;
/** jsdiff's edit budget: 2,000 changed lines take about 0.4 s to give up on in a 40,000-line note. */
const MAX_EDIT_LENGTH = 2000;

export interface DiffTimes {
	/** Written after the old name's tab, as GNU diff does (the note's modification time); absent: nothing. */
	oldTime?: Date;
	/** Written after the new name's tab (when the diff was made); absent: nothing. */
	newTime?: Date;
}

/**
 * The unified diff turning `oldText` into `newText` (both exactly as the file's bytes decode, BOM included),
 * with three lines of context; "" when they are equal. `oldName`/`newName` are the header names, such as
 * `a/Notes/Essay.md` and `b/Notes/Essay.md` for `patch -p1` in the vault folder.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, times: DiffTimes = {}): string {
	if (oldText === newText) return "";
	const hunks =
		structuredPatch(oldName, newName, oldText, newText, undefined, undefined, { context: CONTEXT, maxEditLength: MAX_EDIT_LENGTH })?.hunks ??
		[replacedMiddle(oldText, newText)];
	let out = `--- ${headerName(oldName)}\t${times.oldTime ? timeStamp(times.oldTime) : ""}\n`;
	out += `+++ ${headerName(newName)}\t${times.newTime ? timeStamp(times.newTime) : ""}\n`;
	for (const hunk of hunks) {
		out += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`;
		// jsdiff's hunk lines have no line break and carry their own "\ No newline at end of file" lines.
		for (const line of hunk.lines) out += `${line}\n`;
	}
	return out;
}

/** `start,count` as GNU diff writes it: `start` alone for one line; for none, the line before. */
function range(start: number, count: number): string {
	if (count === 0) return `${start - 1},0`;
	return count === 1 ? `${start}` : `${start},${count}`;
}

/** GNU diff's C-style quotes, only for a name GNU patch could not read back otherwise. */
function headerName(name: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
	if (!/[\u0000-\u001f\u007f"\\]/.test(name)) return name;
	let quoted = '"';
	for (const char of name) {
		const code = char.charCodeAt(0);
		if (char === '"' || char === "\\") quoted += `\\${char}`;
		else if (char === "\t") quoted += "\\t";
		else if (char === "\n") quoted += "\\n";
		else if (char === "\r") quoted += "\\r";
		else if (code < 0x20 || code === 0x7f) quoted += `\\${code.toString(8).padStart(3, "0")}`;
		else quoted += char;
	}
	return `${quoted}"`;
}

/** `2026-12-05 14:07:35.276000000 +0000`, GNU diff's format in UTC. */
function timeStamp(time: Date): string {
	const iso = time.toISOString(); // 2026-12-05T14:07:35.276Z
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

/** One hunk replacing everything between the common head and tail lines, with context around it. */
function replacedMiddle(oldText: string, newText: string): StructuredPatchHunk {
	const a = splitLines(oldText);
	const b = splitLines(newText);
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
	const before = Math.min(head, CONTEXT);
	const after = Math.min(tail, CONTEXT);
	const lines = [
		...a.slice(head - before, head).map((line) => ` ${line}`),
		...a.slice(head, a.length - tail).map((line) => `-${line}`),
		...b.slice(head, b.length - tail).map((line) => `+${line}`),
		...a.slice(a.length - tail, a.length - tail + after).map((line) => ` ${line}`),
	].flatMap((line) => (line.endsWith("\n") ? [line.slice(0, -1)] : [line, "\\ No newline at end of file"]));
	return {
		oldStart: head - before + 1,
		oldLines: a.length - head - tail + before + after,
		newStart: head - before + 1,
		newLines: b.length - head - tail + before + after,
		lines,
	};
}

/** Lines with their `\n` (the last one may have none). */
function splitLines(text: string): string[] {
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
