import { describe, expect, it } from "vitest";
import { applyEdits, EditConflictError, sortEdits } from "../../../src/core/fixes/edits";

describe("applyEdits", () => {
	it("applies edits given in any order against the original offsets", () => {
		//            0123456789
		const text = "a [^2] b [^3]";
		expect(applyEdits(text, [{ from: 11, to: 12, insert: "2" }, { from: 4, to: 5, insert: "1" }])).toBe("a [^1] b [^2]");
	});

	it("deletes, inserts and replaces; touching edits are fine", () => {
		expect(applyEdits("abcdef", [{ from: 0, to: 2, insert: "" }, { from: 2, to: 2, insert: "X" }, { from: 5, to: 6, insert: "Z" }])).toBe(
			"XcdeZ",
		);
	});

	it("leaves the text alone with no edits", () => {
		expect(applyEdits("same", [])).toBe("same");
	});

	it("refuses overlapping edits", () => {
		expect(() => applyEdits("abcdef", [{ from: 1, to: 4, insert: "" }, { from: 3, to: 5, insert: "x" }])).toThrow(EditConflictError);
	});

	it("refuses two insertions at one offset (their order would be a guess)", () => {
		expect(() => applyEdits("abc", [{ from: 1, to: 1, insert: "x" }, { from: 1, to: 1, insert: "y" }])).toThrow(EditConflictError);
	});

	it("refuses edits outside the text or backwards", () => {
		expect(() => applyEdits("abc", [{ from: 2, to: 9, insert: "" }])).toThrow(EditConflictError);
		expect(() => applyEdits("abc", [{ from: 2, to: 1, insert: "" }])).toThrow(EditConflictError);
	});

	it("sortEdits returns the edits by position", () => {
		const edits = [{ from: 5, to: 6, insert: "" }, { from: 0, to: 1, insert: "" }];
		expect(sortEdits(edits, 10).map((edit) => edit.from)).toEqual([0, 5]);
	});
});
