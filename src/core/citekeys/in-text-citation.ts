/**
 * Pandoc's in-text ("author-in-text") citation: a bare `@key`, optionally followed by one space and a locator or
 * suffix in square brackets.
 *
 *   @smith04 says blah.      @smith04 [p. 33] says blah.
 *   ^ key                    ^ key    ^ locator: `[…]` after at most one space, not a link (`[…](` or `[…][`)
 */
import type { Range } from "./non-prose";

/** The `[…]` locator after an in-text key ending at `keyEnd`, or null. */
export function findInTextLocator(text: string, keyEnd: number): Range | null {
	let open = keyEnd;
	if (text.charCodeAt(open) === 0x20) open++;
	if (text.charCodeAt(open) !== 0x5b /* [ */) return null;
	const next = text.charCodeAt(open + 1);
	if (next === 0x5b /* [ */ || next === 0x5e /* ^ */ || next === 0x40 /* @ */ || next === 0x2d /* - */) return null;
	for (let at = open + 1; at < text.length && at < open + 1024; at++) {
		const code = text.charCodeAt(at);
		if (code === 0x5b || code === 0x0a) return null;
		if (code === 0x5d /* ] */ && text.charCodeAt(at - 1) !== 0x5c) {
			const after = text.charCodeAt(at + 1);
			if (after === 0x28 /* ( */ || after === 0x5b) return null;
			return { from: open, to: at + 1 };
		}
	}
	return null;
}
