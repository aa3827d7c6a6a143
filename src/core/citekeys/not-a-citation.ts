/**
 * `@` signs that are not citations although a key follows them.
 *
 *   name@example.org     the `@` follows a word character: Pandoc's `notAfterString` guard (an e-mail address,
 *       ^                a handle glued to a word); likewise `x-@key`, whose `-` follows one
 *   https://example.org/@user    the `@` stands in a URL: the word holding it (up to white space or `<`)
 *                       ^        has a scheme `xxx://`, starts with `www.` or is `mailto:`/`xmpp:`…
 *   \@key                an escaped `@` is a literal character
 */

/** A Unicode letter, number or `_`, the characters Pandoc's keys and words are made of. */
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

export function isWordCharacterBefore(text: string, at: number): boolean {
	if (at <= 0) return false;
	const code = text.charCodeAt(at - 1);
	// A low surrogate: the character before is the pair that ends here.
	const from = code >= 0xdc00 && code <= 0xdfff && at >= 2 ? at - 2 : at - 1;
	return WORD_CHARACTER.test(text.slice(from, at));
}

export function isEscaped(text: string, at: number): boolean {
	let backslashes = 0;
	while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
	return backslashes % 2 === 1;
}

/** Whether the `@` at `at` stands inside a URL written as plain text (or in `<…>`). */
export function isInsideUrl(text: string, at: number): boolean {
	let start = at;
	while (start > 0 && start > at - 2048) {
		const code = text.charCodeAt(start - 1);
		if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3c /* < */) break;
		start--;
	}
	const word = text.slice(start, at);
	return /[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(word) || /^[(["']*www\./i.test(word) || /(?:^|[^\p{L}\p{N}_])(?:mailto|xmpp|sip):/iu.test(word);
}
