import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { plainProperties } from "../../../src/core/vault/plain-frontmatter";

/** What the command line falls back to: the library's reading, or "error". */
function libraryReading(yaml: string): unknown {
	try {
		return parse(yaml, { logLevel: "error" });
	} catch {
		return "error";
	}
}

/** Same value and the same property order (a report lists properties as written). */
function expectSameAsLibrary(yaml: string): void {
	const fast = plainProperties(yaml);
	if (fast === null) return;
	const library = libraryReading(yaml);
	expect(library, yaml).not.toBe("error");
	expect(fast, yaml).toStrictEqual(library);
	expect(Object.keys(fast), yaml).toEqual(Object.keys(library as object));
}

const names = fc.constantFrom("title", "year", "author", "aliases", "doi", "publication date", "x-y", "_k", "Doi", "null", "True", "__proto__", "a ", "a  b", "2020", "k");
const separators = fc.constantFrom(": ", ":", ":  ", " : ", ":\t", ": \t");
const tricky = fc.constantFrom(
	"2015", "0123", "007", "1e3", "-1", "+5", "1.0", "1.", ".5", "0x1F", "0X1F", "0o17", "1_000", ".inf", "-.Inf", ".NaN", "123456789012345678",
	"true", "True", "TRUE", "tRue", "false", "yes", "no", "on", "null", "Null", "nUll", "~", "",
	"2020-01-01", "[[Note]]", "[]", "[ ]", "[a,]", "[a, ]", '["a, b", c]', "['x', \"y\"]", "[a b, c]", "[1, 2.5]", "[a:b]", "[-1]", "[a #b]", "[ a , b ]", '["a"b]', "['a''b']", "[true, null]", "[a, [b]]", '"[[Note]]"', "'[[Note]]'", "[a, b]", "{a: 1}", "a: b", "a:b", "x # c", "x#c", "# c", "- x", "-x", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x`",
	'"a\\"b"', '"a\\nb"', "'it''s'", "'x'", '"x"', '"x" # c', "http://x.y/z#f", "Smith, J.", "x [y] {z}", "x:", "x :", "?x", "? x", ",x", "é", "a\u0085b", "a\u2028b", "\ufeffx", "x  ",
);
const words = fc.stringMatching(/^[A-Za-z][A-Za-z .,'/()-]{0,12}$/);
const values = fc.oneof(tricky, words, fc.string({ maxLength: 8 }));
const lines = fc.oneof(
	fc.tuple(names, separators, values).map(([name, separator, value]) => `${name}${separator}${value}`),
	fc.tuple(fc.constantFrom("", "  ", "    ", "\t", " "), fc.constantFrom("- ", "-  ", "-", "-\t"), values).map(([indent, dash, value]) => `${indent}${dash}${value}`),
	fc.constantFrom("# comment", "  # indented comment", "", "   ", "---", "...", "%YAML 1.2", "  nested: 1", "\tx: 1", "  continued"),
	fc.string({ maxLength: 10 }),
);

describe("plain frontmatter", () => {
	it("reads a plain frontmatter as the YAML library does", () => {
		const yaml = `title: Inhibiting deacetylase\nyear: 2015\ndoi: "10.1234/ABC"\naliases:\n  - Yuan 2015\n  - 'Yuan et al.'\ntags:\n- paper\n# a comment\nempty:\nagain: True\ntopics: [source, "a, b", 'c']\n`;
		expect(plainProperties(yaml)).toStrictEqual({
			title: "Inhibiting deacetylase",
			year: 2015,
			doi: "10.1234/ABC",
			aliases: ["Yuan 2015", "Yuan et al."],
			tags: ["paper"],
			empty: null,
			again: true,
			topics: ["source", "a, b", "c"],
		});
		expectSameAsLibrary(yaml);
	});

	it.each([
		["a nested map", "a:\n  b: 1\n"],
		["a flow map inside a list", "a: [x, {y: 1}]\n"],
		["a trailing comma in a list", "a: [x, ]\n"],
		["an unquoted wikilink (a list of a list to YAML)", "up: [[Note]]\n"],
		["a comment after a value", "a: x # c\n"],
		["an escape", 'a: "x\\ty"\n'],
		["a number other than digits", "a: 1e3\n"],
		["a duplicate name", "a: 1\na: 2\n"],
		["a multi-line scalar", "a: b\n  c\n"],
		["a tab", "a:\tb\n"],
		["an empty list item", "a:\n- \n"],
		["items at two indentations", "a:\n  - x\n- y\n"],
		["only comments", "# nothing\n"],
		["a block scalar", "a: |\n  x\n"],
	])("is not sure about %s (the library decides)", (_what, yaml) => {
		expect(plainProperties(yaml)).toBeNull();
	});

	it("never reads a frontmatter differently from the library (property, 3,000 cases)", () => {
		fc.assert(
			fc.property(fc.array(lines, { minLength: 1, maxLength: 8 }), fc.boolean(), (written, crlf) => {
				expectSameAsLibrary(written.join(crlf ? "\r\n" : "\n"));
			}),
			{ numRuns: 3000, seed: 1701 },
		);
	});

	it("answers for plain frontmatters, the ones most notes have (property, 1,000 cases)", () => {
		const plainValue = fc.oneof(words.map((word) => word.trim()).filter((word) => word !== "" && !/[:#]/.test(word)), fc.integer({ min: 0, max: 99999 }).map(String), fc.stringMatching(/^"[^"\\\n]{0,10}"$/));
		const plainNames = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), { minLength: 1, maxLength: 6 });
		// Each property a scalar, a list (any length, 0 being `name:` alone: null) at 0 or 2 spaces, or `[a, "b"]`.
		const shapes = fc.array(fc.tuple(fc.constantFrom("scalar", "list", "flow"), plainValue, fc.array(plainValue, { maxLength: 3 }), fc.constantFrom("", "  ")), { minLength: 6, maxLength: 6 });
		fc.assert(
			fc.property(plainNames, shapes, (keys, shape) => {
				const yaml = keys
					.map((key, at) => {
						const [form, value, items, indent] = shape[at];
						// A plain item in brackets ends at a comma: only quoted items may hold one.
						if (form === "flow") return `${key}: [${items.filter((item) => item.startsWith('"') || !/[,[\]{}]/.test(item)).join(", ")}]`;
						return form === "list" ? [`${key}:`, ...items.map((item) => `${indent}- ${item}`)].join("\n") : `${key}: ${value}`;
					})
					.join("\n");
				expect(plainProperties(yaml), yaml).not.toBeNull();
				expectSameAsLibrary(yaml);
			}),
			{ numRuns: 1000, seed: 1702 },
		);
	});
});
