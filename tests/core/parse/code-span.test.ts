/** CodeSpanMatcher: where a code span starting at a backtick ends. */
import { describe, expect, it } from "vitest";
import { CodeSpanMatcher, opensBlock } from "../../../src/core/parse/code-span";

describe("CodeSpanMatcher", () => {
	it("closes a run of n backticks with the next run of exactly n", () => {
		const text = "a `x` b ``y ` z`` c";
		const matcher = new CodeSpanMatcher(text);
		expect(matcher.skip(2)).toBe(5);
		expect(matcher.skip(8)).toBe(17);
	});

	it("an unclosed run is literal: only the run is skipped", () => {
		expect(new CodeSpanMatcher("a ` b").skip(2)).toBe(3);
		expect(new CodeSpanMatcher("a `` b ` c").skip(2)).toBe(4);
	});

	it("does not pair across a blank line or into the next footnote definition", () => {
		expect(new CodeSpanMatcher("a ` b\n\nc ` d").skip(2)).toBe(3);
		expect(new CodeSpanMatcher("[^1]: a ` b\n[^2]: c ` d").skip(8)).toBe(9);
	});

	it("pairs across a plain line break inside a paragraph", () => {
		expect(new CodeSpanMatcher("a ` b\nc ` d").skip(2)).toBe(9);
	});
});

describe("opensBlock", () => {
	it.each([
		["[^1]: x", true],
		["# h", true],
		["> q", true],
		["- item", true],
		["12. item", true],
		["3) item", true],
		["```", true],
		["~~~", true],
		["   - item", true],
		["plain", false],
		["-dash", false],
		["[^1] ref", false],
		["``", false],
	])("%s → %s", (line, expected) => {
		expect(opensBlock(line, 0)).toBe(expected);
	});
});
