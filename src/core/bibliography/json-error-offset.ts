/**
 * Where a JSON text stops being JSON, for the line an `invalid-bibliography` finding names. V8's messages only
 * sometimes say ("… at position 123"; often just `Unexpected token '}', …"x": }…" is not valid JSON`), so this
 * walks the text once with a small state machine (values, objects, arrays, strings, numbers, literals) and
 * returns the offset of the first character that cannot stand where it stands, or the text's length when the
 * text ends too early. Only called after `JSON.parse` has failed.
 */

const WHITESPACE = /[ \t\r\n]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\n\r\t]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

export function jsonErrorOffset(text: string): number {
	let at = 0;
	const skip = () => {
		WHITESPACE.lastIndex = at;
		WHITESPACE.exec(text);
		at = WHITESPACE.lastIndex;
	};
	const token = (pattern: RegExp): boolean => {
		pattern.lastIndex = at;
		if (!pattern.test(text)) return false;
		at = pattern.lastIndex;
		return true;
	};
	/** Reads one value; returns false at the first character that cannot start or continue it. */
	const value = (depth: number): boolean => {
		skip();
		if (depth > 512) return false;
		const char = text[at];
		if (char === "{") return container(depth, "}", true);
		if (char === "[") return container(depth, "]", false);
		if (char === '"') return token(STRING);
		if (char === "-" || (char >= "0" && char <= "9")) return token(NUMBER);
		return token(LITERAL);
	};
	const container = (depth: number, close: string, keyed: boolean): boolean => {
		at++;
		skip();
		if (text[at] === close) {
			at++;
			return true;
		}
		for (;;) {
			if (keyed) {
				skip();
				if (!token(STRING)) return false;
				skip();
				if (text[at] !== ":") return false;
				at++;
			}
			if (!value(depth + 1)) return false;
			skip();
			if (text[at] === ",") {
				at++;
				continue;
			}
			if (text[at] === close) {
				at++;
				return true;
			}
			return false;
		}
	};
	if (!value(0)) return Math.min(at, text.length);
	skip();
	return at;
}
