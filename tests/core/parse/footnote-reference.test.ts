/** matchFootnoteLabel: where a `[^label]` ends, or -1. */
import { describe, expect, it } from "vitest";
import { matchFootnoteLabel } from "../../../src/core/parse/footnote-reference";

describe("matchFootnoteLabel", () => {
	it.each([
		["[^1]", 4],
		["[^note-a] x", 9],
		["[^über]", 7],
		["[^x]: def", 4],
	])("%s ends at %d", (text, end) => {
		expect(matchFootnoteLabel(text, 0, text.length)).toBe(end);
	});

	it.each(["[^]", "[^a b]", "[^a\tb]", "[^a[b]", "[^abc", "[^a\nb]"])("%s is no label", (text) => {
		expect(matchFootnoteLabel(text, 0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"))).toBe(-1);
	});
});
