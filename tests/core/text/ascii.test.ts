import { describe, expect, it } from "vitest";
import { endsWithMd, isPlainAscii, lowerAscii } from "../../../src/core/text/ascii";

describe("ASCII tests by code unit", () => {
	it("isPlainAscii answers as /[ -~\\t\\n\\r]/ for every code unit below 0x300", () => {
		for (let code = 0; code < 0x300; code++) expect(isPlainAscii(code)).toBe(/[ -~\t\n\r]/.test(String.fromCharCode(code)));
	});

	it("lowerAscii lower-cases A-Z only", () => {
		for (let code = 0; code < 0x300; code++) {
			const char = String.fromCharCode(code);
			expect(lowerAscii(code)).toBe(/[A-Z]/.test(char) ? char.toLowerCase().charCodeAt(0) : code);
		}
	});

	it("endsWithMd answers as /\\.md$/i", () => {
		for (const text of ["", "md", ".md", "a.md", "a.MD", "a.mD", "a.md.pdf", "a-md", "a.nd", "a.me", "a.m", "Notes/.Md", "a\u212Ad"]) {
			expect(endsWithMd(text)).toBe(/\.md$/i.test(text));
		}
	});
});
