/**
 * Most notes' properties are written in the plainest YAML there is: one `name: value` per line, lists as
 * `- item` lines. This reads that shape directly, about twenty times faster than a YAML library, and answers
 * null ("not sure") for anything else, so the caller falls back to the library (the `yaml` package's `parse`,
 * YAML 1.2 core schema). It never guesses: whatever it returns is what `parse` returns for the same text
 * (tests/core/vault/plain-frontmatter.test.ts checks that as a property against the library).
 *
 *     title: A plain title        ← name, a colon, a space, a plain scalar: the string "A plain title"
 *     year: 2015                  ← digits only: the number 2015 (other numeric forms: not sure)
 *     doi: "10.1234/abc"          ← quoted without escapes: the string inside
 *     tags: [source, "a b"]       ← a one-line list of plain or quoted items
 *     aliases:                    ← nothing after the colon: a list follows, or the value is null
 *       - Yuan 2015               ← list items, all at one indentation
 *     # a comment line            ← skipped
 *
 * Not sure (null): nested maps, flow maps and nested flow lists (so `[[Note]]` unquoted), multi-line scalars,
 * escapes, anchors, tags, `key: value # comment`, tabs, duplicate names, numbers other than plain digits.
 */

const NAME = /^([A-Za-z_][A-Za-z0-9_ -]*?):(?:[ ]+(.*))?$/;
const ITEM = /^([ ]*)-[ ]+(.*)$/;
const NO_VALUE = Symbol("no value");

/** The properties `yaml` (a frontmatter's text) holds, when its shape is plain; null when not sure. */
export function plainProperties(yaml: string): Record<string, unknown> | null {
	const properties: Record<string, unknown> = {};
	let names = 0;
	/** The list being read after `name:` with nothing after the colon, and its items' indentation. */
	let list: { name: string; items: unknown[]; indent: number } | null = null;
	let lineStart = 0;
	while (lineStart <= yaml.length) {
		let lineEnd = yaml.indexOf("\n", lineStart);
		if (lineEnd === -1) lineEnd = yaml.length;
		let line = yaml.slice(lineStart, lineEnd);
		lineStart = lineEnd + 1;
		if (line.endsWith("\r")) line = line.slice(0, -1);
		if (isBlankOrComment(line)) continue;
		const item = ITEM.exec(line);
		if (item) {
			if (!list) return null;
			const indent = item[1].length;
			if (list.items.length > 0 && indent !== list.indent) return null;
			// ⏎  - ⏎ (an empty item) is null to YAML: not sure, like every other empty value inside a list.
			const written = item[2].trimEnd();
			const value = written === "" ? NO_VALUE : scalar(written);
			if (value === NO_VALUE) return null;
			list.indent = indent;
			list.items.push(value);
			continue;
		}
		const property = NAME.exec(line);
		if (!property || !plainName(property[1])) return null;
		const name = property[1];
		if (Object.prototype.hasOwnProperty.call(properties, name)) return null;
		names++;
		if (list && list.items.length > 0) properties[list.name] = list.items;
		list = null;
		const written = property[2]?.trimEnd() ?? "";
		if (written === "") {
			// ⏎  name:⏎  - item⏎ … : a list when items follow, else null.
			list = { name, items: [], indent: 0 };
			properties[name] = null;
			continue;
		}
		const value = scalar(written);
		if (value === NO_VALUE) return null;
		properties[name] = value;
	}
	if (list && list.items.length > 0) properties[list.name] = list.items;
	// Only comments: the library says null (no properties); leave that to it.
	return names > 0 ? properties : null;
}

/** A line YAML skips: spaces only, or a `#` comment (indented by spaces, never tabs). */
function isBlankOrComment(line: string): boolean {
	const trimmed = line.trimStart();
	if (trimmed.length !== line.length && /\t/.test(line.slice(0, line.length - trimmed.length))) return false;
	return trimmed === "" || trimmed.startsWith("#");
}

/** A property name YAML reads as that very string: no word it would read as null, a boolean or a prototype. */
function plainName(name: string): boolean {
	if (name.endsWith(" ") || name.includes("  ")) return false;
	return !/^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/.test(name);
}

// Characters YAML does not take as they are in a value (control characters, other line breaks, a BOM).
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
/** YAML 1.2 core schema: numbers in any form (only plain digits are read here). */
const NUMERIC = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters that give a plain scalar's first character another meaning. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A one-line value as YAML reads it, or NO_VALUE when not sure. `written` has no trailing spaces. */
function scalar(written: string): unknown {
	if (CONTROL.test(written) || written.includes("\t")) return NO_VALUE;
	const double = /^"([^"\\]*)"$/.exec(written);
	if (double) return double[1];
	const single = /^'([^']*)'$/.exec(written);
	if (single) return single[1];
	if (written.startsWith("[") && written.endsWith("]")) return flowList(written.slice(1, -1)) ?? NO_VALUE;
	if (INDICATOR.test(written) || written.includes(": ") || written.endsWith(":") || written.includes(" #")) return NO_VALUE;
	if (/^(?:~|null|Null|NULL)$/.test(written)) return null;
	if (/^(?:true|True|TRUE)$/.test(written)) return true;
	if (/^(?:false|False|FALSE)$/.test(written)) return false;
	if (NUMERIC.test(written)) return /^[0-9]{1,15}$/.test(written) ? Number(written) : NO_VALUE;
	return written;
}

/**
 * The items of a one-line list, `[a, "b c", 'd']` (`inner` is what stands between the brackets), or null when
 * not sure. In a list a plain item ends at `,` or `]`, so it may hold none of `,[]{}` and, to be sure, no `:`.
 *
 *     [source, "a, b"]
 *      ^ plain ^ quoted: ends at its closing quote, commas inside are text
 */
function flowList(inner: string): unknown[] | null {
	const items: unknown[] = [];
	if (inner.trim() === "") return items;
	let at = 0;
	for (;;) {
		while (inner.charAt(at) === " ") at++;
		const quote = inner.charAt(at);
		let end: number;
		let value: unknown;
		if (quote === '"' || quote === "'") {
			const close = inner.indexOf(quote, at + 1);
			if (close === -1) return null;
			value = inner.slice(at + 1, close);
			if (quote === '"' && (value as string).includes("\\")) return null;
			end = close + 1;
			while (inner.charAt(end) === " ") end++;
			if (end < inner.length && inner.charAt(end) !== ",") return null;
		} else {
			end = inner.indexOf(",", at);
			if (end === -1) end = inner.length;
			const plain = inner.slice(at, end).trimEnd();
			if (plain === "" || /[[\]{}:]/.test(plain)) return null;
			value = scalar(plain);
			if (value === NO_VALUE) return null;
		}
		items.push(value);
		if (end >= inner.length) return items;
		// Past the comma: another item must follow (`[a, ]` is left to the library).
		at = end + 1;
		if (inner.slice(at).trim() === "") return null;
	}
}
