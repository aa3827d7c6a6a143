/**
 * Footnote labels: `[^label]` in the text, `[^label]:` opening a definition. A label is one or more
 *                  ^ open
 * characters other than white space and brackets (markdown-it-footnote refuses a space; Obsidian too).
 * Returns the offset just past `]`, or -1.
 */
export function matchFootnoteLabel(text: string, open: number, lineEnd: number): number {
	let at = open + 2;
	for (; at < lineEnd; at++) {
		const code = text.charCodeAt(at);
		if (code === 0x5d /* ] */) break;
		if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a || code === 0x5b /* [ */) return -1;
	}
	if (at >= lineEnd || at === open + 2) return -1;
	return at + 1;
}
