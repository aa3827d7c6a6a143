/**
 * Position exactness: every finding's `text.slice(offset, offset + length)` is the text it is about, and its
 * line/column (1-based, UTF-16 code units) agree with its offset, with LF and CRLF line endings, a leading BOM
 * handed to the engine, and astral characters and CJK text before the finding.
 */
import { describe, expect, it } from "vitest";
import { audit, expectConsistentPositions, lineColumn, nth, snippet } from "../../fixtures/helpers";

const LINES = [
	"línea 😀 中文 text[^1][^2][^3][^4][^5][^6][^7][^u] and [[Nowhere Else]] 🎉 [[Twin]].", // 1
	"", // 2
	"[^1]: [[Missing Source]]", // 3
	"[^2]: [[Alpha#Nope]]", // 4
	"[^3]: [[Gamma]]", // 5
	"[^4]: [[Gamma|g]]", // 6
	"[^5]: plain", // 7
	"[^6]: [[Unclosed|x]", // 8
	"[^7]: [[Beta Note]]", // 9
	"[^7]: [[Beta Note#Beta]]", // 10
	"[^z]: 中文 [[Beta Note#Beta]]", // 11
];

/**
 * Hand-counted for the LF text. Line 1: "línea " is 6 code units, "😀" 2, " " 1, "中文" 2, " text" 5, so
 * `[^1]` is at 16; seven 4-unit references later `[^u]` is at 44; " and " puts the first link at 53; it is 16
 * long, and " 🎉 " (4 units) puts `[[Twin]]` at 73. Line 1 is 82 units, so line 3 starts at 84, then
 * 109, 130, 146, 164, 176, 196, 216, 241.
 */
const EXPECTED: { kind: string; line: number; column: number; offset: number; snippet: string }[] = [
	{ kind: "undefined-reference", line: 1, column: 45, offset: 44, snippet: "[^u]" },
	{ kind: "unresolved-link", line: 1, column: 54, offset: 53, snippet: "[[Nowhere Else]]" },
	{ kind: "ambiguous-target", line: 1, column: 74, offset: 73, snippet: "[[Twin]]" },
	{ kind: "unresolved-target", line: 3, column: 7, offset: 90, snippet: "[[Missing Source]]" },
	{ kind: "missing-subpath", line: 4, column: 7, offset: 115, snippet: "[[Alpha#Nope]]" },
	{ kind: "duplicate-source", line: 5, column: 1, offset: 130, snippet: "[^3]" },
	{ kind: "no-vault-link", line: 7, column: 1, offset: 164, snippet: "[^5]" },
	{ kind: "malformed-link", line: 8, column: 7, offset: 182, snippet: "[[Unclosed|x]" },
	{ kind: "duplicate-source", line: 10, column: 1, offset: 216, snippet: "[^7]" },
	{ kind: "duplicate-label", line: 10, column: 1, offset: 216, snippet: "[^7]" },
	{ kind: "unused-definition", line: 11, column: 1, offset: 241, snippet: "[^z]" },
];

function view(text: string) {
	const { findings } = audit(text);
	expectConsistentPositions(text, findings);
	return findings.map((finding) => ({
		kind: finding.kind,
		line: finding.line,
		column: finding.column,
		offset: finding.offset,
		snippet: snippet(text, finding),
	}));
}

describe("positions", () => {
	it("LF text with astral and CJK characters before the findings", () => {
		expect(view(`${LINES.join("\n")}\n`)).toEqual(EXPECTED);
	});

	it("CRLF text: columns unchanged, each offset shifted by the \\r of the lines before it", () => {
		const text = `${LINES.join("\r\n")}\r\n`;
		expect(view(text)).toEqual(EXPECTED.map((expected) => ({ ...expected, offset: expected.offset + expected.line - 1 })));
	});

	it("a leading BOM handed to the engine is one code unit of line 1: every offset and line-1 column shift by one", () => {
		const text = `\uFEFF${LINES.join("\n")}\n`;
		expect(view(text)).toEqual(
			EXPECTED.map((expected) => ({ ...expected, offset: expected.offset + 1, column: expected.line === 1 ? expected.column + 1 : expected.column })),
		);
	});

	it("a BOM and CRLF together", () => {
		const text = `\uFEFF${LINES.join("\r\n")}`;
		expect(view(text)).toEqual(
			EXPECTED.map((expected) => ({
				...expected,
				offset: expected.offset + expected.line,
				column: expected.line === 1 ? expected.column + 1 : expected.column,
			})),
		);
	});

	it("related locations point at the [^label]s they name", () => {
		const text = `${LINES.join("\r\n")}\r\n`;
		for (const finding of audit(text).findings) {
			for (const related of finding.related ?? []) expect(snippet(text, related)).toBe(`[^${related.label}]`);
		}
		const duplicate = audit(text).findings.find((finding) => finding.kind === "duplicate-source")!;
		// [^4] on line 6: line 6 starts at 146 in the LF text, plus five \r before it.
		expect(duplicate.related).toEqual([{ line: 6, column: 1, offset: 151, length: 4, label: "4" }]);
	});

	it("a malformed link at the end of a CRLF line stops before the \\r", () => {
		const text = "x[^1]\r\n\r\n[^1]: [[Open|Open]\r\nnext\r\n";
		const finding = nth(audit(text).findings, 0);
		expect(snippet(text, finding)).toBe("[[Open|Open]");
		expect(finding).toMatchObject({ line: 3, column: 7, offset: 15, length: 12 });
	});

	it("a finding on the last line of a file without a final newline", () => {
		const text = "a\nb\n中文😀[^end]";
		const [finding] = audit(text).findings;
		expect(finding).toMatchObject({ kind: "undefined-reference", line: 3, column: 5, offset: 8, length: 6 });
		expect(lineColumn(text, 8)).toEqual({ line: 3, column: 5 });
	});

	it("a lone \\r is not a line break", () => {
		const text = "a\rb[^x]\n";
		expect(audit(text).findings).toMatchObject([{ kind: "undefined-reference", line: 1, column: 4, offset: 3 }]);
	});
});
