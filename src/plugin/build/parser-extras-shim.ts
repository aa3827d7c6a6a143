/**
 * Stand-ins, inside the plugin bundle only, for three packages markdown-it imports but the engine never
 * exercises (see scripts/plugin-shims.mjs and entities-shim.ts for the rule): markdown-it's `linkify` and
 * inline rules are disabled, and the one block rule that normalises URLs (link reference definitions)
 * produces hrefs the engine never reads. tests/plugin/entities-shim.test.ts checks that the bundle's
 * findings equal the real packages' on the example vault and on text full of such constructs.
 */

/** linkify-it: only constructed by markdown-it (`md.linkify`); the linkify rules that would use it are off. */
export class LinkifyIt {
	test(): boolean {
		return false;
	}

	match(): null {
		return null;
	}

	matchAtStart(): null {
		return null;
	}

	pretest(): boolean {
		return false;
	}

	add(): this {
		return this;
	}

	set(): this {
		return this;
	}

	tlds(): this {
		return this;
	}
}

/** punycode.js: hostnames in link reference destinations are left as written. */
export const punycode = {
	toASCII: (domain: string): string => domain,
	toUnicode: (domain: string): string => domain,
};

/** uc.micro: markdown-it's `isPunctChar` (used by inline rules only) sees ASCII punctuation and symbols. */
export const P = /[!-#%-*,-/:;?@[-\]_{}]/;
export const S = /[$+<->^`|~]/;
export const Z = /[ \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const char = (code: number): string => String.fromCharCode(code);
export const Cc = new RegExp(`[${char(0)}-${char(0x1f)}${char(0x7f)}-${char(0x9f)}]`);
export const Cf = /[\xad\u0600-\u0605\u061c\u06dd\u070f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
export const Any = /[\0-\uffff]/;

interface ParsedUrl {
	href: string;
	protocol?: string;
	hostname?: string;
}

/** mdurl: link reference destinations are kept as written (markdown-it only normalises hrefs for rendering). */
export const mdurl = {
	parse: (url: string): ParsedUrl => ({ href: url }),
	format: (parsed: ParsedUrl): string => parsed.href,
	encode: Object.assign((text: string): string => text, { defaultChars: "", componentChars: "" }),
	decode: Object.assign((text: string): string => text, { defaultChars: "", componentChars: "" }),
};
