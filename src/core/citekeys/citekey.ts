/**
 * A Pandoc citation key after its `@`, as Pandoc's manual ("Citation syntax", extension `citations`) defines it:
 *
 *   "Unless a citation key starts with a letter, digit, or _, and contains only alphanumerics and single internal
 *    punctuation characters (:.#$%&-+?<>~/), it must be surrounded by curly braces, which are not considered part
 *    of the key. In @Foo_bar.baz., the key is Foo_bar.baz because the final period is not internal punctuation
 *    [...] In @Foo_bar--baz, the key is Foo_bar because the repeated internal punctuation characters terminate
 *    the key."
 *
 * Pandoc's parser (Text.Pandoc.Parsing.Citations, `simpleCiteIdentifier`) reads the same rule, plus one more:
 * `:` or `/` followed by `/` is kept, so `@http://example.org/x` is one key. Alphanumeric is Haskell's
 * `isAlphaNum`: Unicode letters and numbers (`\p{L}`, `\p{N}`).
 *
 *   @Foo_bar.baz.      @Foo_bar--baz      @{Foo_bar.baz.}
 *    ^^^^^^^^^^^ key    ^^^^^^^ key         ^^^^^^^^^^^^ key (braces not part of it)
 *
 * Braced keys: Pandoc reads balanced braces of non-space characters. The issue names `@{braced key}` as a form
 * writers use, so a space inside the braces is accepted here too (never a line break): a writer who typed it
 * meant a citation, and an unknown key is then reported rather than passed over in silence.
 */

/** A simple key: first character, then regular characters or punctuation that more key follows. */
const SIMPLE_KEY = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_])|[:/](?=\/))*/uy;

export interface KeyMatch {
	/** The key itself, without braces. */
	key: string;
	/** Where the key's text starts (after `@`, or after `{`). */
	keyFrom: number;
	/** Just past the key, or past the closing `}` of a braced key. */
	to: number;
	braced: boolean;
}

/**
 * The key that starts right after the `@` at `at`, or null when none does.
 *   @key   @{key}
 *   ^ at   ^ at
 */
export function matchKeyAfterAt(text: string, at: number): KeyMatch | null {
	const start = at + 1;
	if (text.charCodeAt(start) === 0x7b /* { */) return matchBracedKey(text, start);
	SIMPLE_KEY.lastIndex = start;
	const match = SIMPLE_KEY.exec(text);
	if (!match) return null;
	return { key: match[0], keyFrom: start, to: start + match[0].length, braced: false };
}

/**
 * @{key with {nested} braces}
 *  ^ open                    ^ closes when the braces balance; a line break or the text's end first: no key.
 */
function matchBracedKey(text: string, open: number): KeyMatch | null {
	let depth = 0;
	for (let at = open; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code === 0x0a || code === 0x0d) return null;
		if (code === 0x7b) depth++;
		else if (code === 0x7d /* } */) {
			depth--;
			if (depth === 0) {
				const key = text.slice(open + 1, at);
				if (key.trim() === "") return null;
				return { key, keyFrom: open + 1, to: at + 1, braced: true };
			}
		}
	}
	return null;
}

/** Whether `key` can be written without braces (`@key` rather than `@{key}`): it matches SIMPLE_KEY whole. */
export function isSimpleKey(key: string): boolean {
	SIMPLE_KEY.lastIndex = 0;
	const match = SIMPLE_KEY.exec(key);
	return match !== null && match[0].length === key.length;
}

/** How `key` is written after `@`: as is when it can be, braced otherwise. */
export function writeKey(key: string): string {
	return isSimpleKey(key) ? key : `{${key}}`;
}
