import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readNoteIgnores } from "../../../src/core/ignore/frontmatter-ignore";

const kinds = (text: string): string[] => readNoteIgnores(text).map((entry) => entry.kind);

describe("readNoteIgnores", () => {
	it("reads the key in a closed frontmatter, in flow, single and block form", () => {
		expect(kinds("---\ncitation-audit-ignore: [no-vault-link, unused-definition]\n---\nBody")).toEqual(["no-vault-link", "unused-definition"]);
		expect(kinds("---\ntitle: x\ncitation-audit-ignore: no-vault-link\n...\nBody")).toEqual(["no-vault-link"]);
		expect(kinds("---\r\ncitation-audit-ignore:\r\n  - no-vault-link\r\n---  \r\nBody")).toEqual(["no-vault-link"]);
		expect(kinds("\uFEFF---\ncitation-audit-ignore: a\n---")).toEqual(["a"]);
	});

	it("finds the entries where they stand", () => {
		const text = "---\ncitation-audit-ignore: [no-vault-link]\n---\n";
		const [entry] = readNoteIgnores(text);
		expect(text.slice(entry.range.from, entry.range.to)).toBe("no-vault-link");
	});

	it("reads nothing outside a closed frontmatter", () => {
		expect(kinds("---\ntitle: x\n---\ncitation-audit-ignore: no-vault-link\n")).toEqual([]);
		expect(kinds("---\ncitation-audit-ignore: no-vault-link\n")).toEqual([]);
		expect(kinds("Body\n---\ncitation-audit-ignore: a\n---\n")).toEqual([]);
		// Not closing lines: other marks after the dashes, a lone carriage return inside the line, mixed marks.
		expect(kinds("---\ntitle: x\n--- x\ncitation-audit-ignore: a\n---\n")).toEqual(["a"]);
		expect(kinds("---\ntitle: x\n---\r \ncitation-audit-ignore: a\n---\n")).toEqual(["a"]);
		expect(kinds("---\ntitle: x\n-.-\ncitation-audit-ignore: a\n---\n")).toEqual(["a"]);
	});

	it("reads the same wherever the key and the closing line fall (seed 8807)", () => {
		const line = fc.constantFrom("title: x", "citation-audit-ignore: a", "citation-audit-ignore: [b, c]", "---", "...", "--- ", "---\r", "-- -", "", "Body [^1]");
		fc.assert(
			fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), (lines, br) => {
				const text = ["---", ...lines].join(br);
				// The frontmatter as written: the lines after the first (one `\r` before the break dropped), up to
				// the first closing one.
				const written = text.split("\n").slice(1).map((each) => each.replace(/\r$/, ""));
				const close = written.findIndex((each) => /^(---|\.\.\.)[ \t]*$/.test(each));
				const inside = close === -1 ? [] : written.slice(0, close);
				const keyLine = inside.find((each) => each.startsWith("citation-audit-ignore:"));
				const expected = keyLine === undefined ? [] : keyLine.includes("[") ? ["b", "c"] : ["a"];
				expect(kinds(text)).toEqual(expected);
			}),
			{ seed: 8807, numRuns: 500 },
		);
	});
});
