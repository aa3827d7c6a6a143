/**
 * Pandoc's bracketed ("normal") citation: items separated by `;` inside square brackets, each with an optional
 * prefix, the key (`-@key` suppresses the author), and an optional locator and suffix.
 *
 *   [see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]      [-@smith04]
 *   ^ open     ^ item                  ^ `;`                ^ close
 *
 * When the brackets do not hold a citation list (an item without a key, or `[…](url)` / `[…][ref]` after it, a
 * link), Pandoc reads the `@key` inside as an in-text citation: the key is still cited, only its form differs.
 * Brackets are looked for on the key's paragraph, and never `[[` (a wikilink) or `[^` (a footnote).
 */
import type { Range } from "./non-prose";

/** The `[…]` around the key at `at` when it is a bracketed citation, or null. */
export function findEnclosingCitationBrackets(text: string, at: number): Range | null {
	const open = findOpen(text, at);
	if (open === -1) return null;
	const close = findClose(text, at);
	if (close === -1) return null;
	const after = text.charCodeAt(close + 1);
	if (after === 0x28 /* ( */ || after === 0x5b /* [ */) return null;
	const items = text.slice(open + 1, close).split(";");
	if (!items.every((item) => /(?:^|[^\p{L}\p{N}_])-?@[\p{L}\p{N}_{]/u.test(item))) return null;
	return { from: open, to: close + 1 };
}

/** The unescaped `[` before `at` on its paragraph with no bracket between, or -1. */
function findOpen(text: string, at: number): number {
	for (let index = at - 1; index >= 0 && index > at - 4096; index--) {
		const code = text.charCodeAt(index);
		if (code === 0x5d /* ] */) return -1;
		if (code === 0x0a && isBlankLineBefore(text, index)) return -1;
		if (code === 0x5b /* [ */ && !escaped(text, index)) {
			const next = text.charCodeAt(index + 1);
			const previous = text.charCodeAt(index - 1);
			if (next === 0x5b || next === 0x5e || previous === 0x5b || previous === 0x21 /* ! */ || previous === 0x5e) return -1;
			return index;
		}
	}
	return -1;
}

/** The unescaped `]` after `at` on its paragraph with no `[` between, or -1. */
function findClose(text: string, at: number): number {
	for (let index = at + 1; index < text.length && index < at + 4096; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x5b /* [ */ && !escaped(text, index)) return -1;
		if (code === 0x0a && isBlankLineAfter(text, index)) return -1;
		if (code === 0x5d /* ] */ && !escaped(text, index)) return index;
	}
	return -1;
}

function escaped(text: string, at: number): boolean {
	let backslashes = 0;
	while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
	return backslashes % 2 === 1;
}

/** Whether the line ending at the `\n` at `newline` is blank. */
function isBlankLineBefore(text: string, newline: number): boolean {
	for (let index = newline - 1; index >= 0 && text.charCodeAt(index) !== 0x0a; index--) {
		const code = text.charCodeAt(index);
		if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
	}
	return true;
}

/** Whether the line starting after the `\n` at `newline` is blank. */
function isBlankLineAfter(text: string, newline: number): boolean {
	for (let index = newline + 1; index < text.length && text.charCodeAt(index) !== 0x0a; index++) {
		const code = text.charCodeAt(index);
		if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
	}
	return true;
}
