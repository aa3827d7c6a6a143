/**
 * Character tests for text read where it lies, one UTF-16 code unit at a time (the name scan and the
 * resolver's name table hash names inside their paths without cutting them out).
 */

/**
 * Printable ASCII and the three whitespace controls (`[ -~\t\n\r]`): text that folding (NFC or NFKC, accents
 * removed, lower case) changes only by lower-casing A-Z.
 */
export function isPlainAscii(code: number): boolean {
	return (code >= 0x20 && code <= 0x7e) || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** A-Z lower-cased; every other code unit as it is. */
export function lowerAscii(code: number): number {
	return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
}

/** Whether `text` ends with `.md`, in any case (as `/\.md$/i` tests it). */
export function endsWithMd(text: string): boolean {
	const end = text.length;
	return end >= 3 && text.charCodeAt(end - 3) === 0x2e && (text.charCodeAt(end - 2) | 0x20) === 0x6d && (text.charCodeAt(end - 1) | 0x20) === 0x64;
}
