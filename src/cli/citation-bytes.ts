/**
 * The vault audit's first test of a note, made on its bytes before decoding them: most notes of a vault hold
 * no citation at all, and finding that out costs one search per marker.
 */
const OPEN_FOOTNOTE = Buffer.from("[^");
const OPEN_INLINE_FOOTNOTE = Buffer.from("^[");
const AT_SIGN = 0x40;

/** Whether the bytes may hold a footnote: the UTF-8 of `[^` or `^[` (the same test the text test makes). */
export function mayHoldFootnote(bytes: Buffer): boolean {
	return bytes.indexOf(OPEN_FOOTNOTE) !== -1 || bytes.indexOf(OPEN_INLINE_FOOTNOTE) !== -1;
}

/** Whether the bytes may hold a citation: a footnote, or an `@` that may start a Pandoc key. */
export function mayHoldCitation(bytes: Buffer): boolean {
	return mayHoldFootnote(bytes) || bytes.indexOf(AT_SIGN) !== -1;
}
