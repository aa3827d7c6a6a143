/** matchWikilink and splitSubpath, on their own. */
import { describe, expect, it } from "vitest";
import { ForwardSearches } from "../../../src/core/parse/forward-search";
import { matchWikilink, splitSubpath } from "../../../src/core/parse/wikilink";

function match(line: string) {
	const open = line.indexOf("[[");
	const end = line.indexOf("\n") === -1 ? line.length : line.indexOf("\n");
	return matchWikilink(line, open, end, new ForwardSearches(line));
}

describe("splitSubpath", () => {
	it.each([
		["Note", "Note", ""],
		["Note#Heading", "Note", "#Heading"],
		["Note#A#B", "Note", "#A#B"],
		["Note#^block-1", "Note", "#^block-1"],
		["#Heading", "", "#Heading"],
		["  Note  #  Heading ", "Note", "#  Heading"],
	])("%s", (target, linkpath, subpath) => {
		expect(splitSubpath(target)).toEqual({ linkpath, subpath });
	});
});

describe("matchWikilink", () => {
	it("closes at the first ]] and splits the alias at the first |", () => {
		expect(match("x [[A#B|c|d]] y")).toEqual({
			from: 2,
			to: 13,
			target: "A#B",
			targetRange: { from: 4, to: 7 },
			linkpath: "A",
			subpath: "#B",
			alias: "c|d",
		});
	});

	it("reads \\| as the alias separator of a table cell", () => {
		expect(match("| [[A\\|b]] |")).toMatchObject({ target: "A", targetRange: { from: 4, to: 5 }, alias: "b" });
	});

	it("an unclosed link runs to the line end; a final lone ] is not part of the target", () => {
		expect(match("[[Some Title|Some Title]\nnext")).toMatchObject({
			from: 0,
			to: 24,
			target: "Some Title",
			alias: "Some Title",
			problem: "unclosed",
		});
	});

	it("a [[ before the ]] leaves the first one unclosed", () => {
		expect(match("[[A [[B]]")).toMatchObject({ from: 0, to: 9, problem: "unclosed" });
		// Its target stops where the next link starts: the later link is not swallowed into it.
		expect(match("[[Draft|alias [[Real]] tail")).toMatchObject({ target: "Draft", alias: "alias ", linkpath: "Draft", to: 27 });
	});

	it("an empty target is a problem; an empty alias is not", () => {
		expect(match("[[]]").problem).toBe("empty-target");
		expect(match("[[#^]]").problem).toBe("empty-target");
		expect(match("[[A|]]").problem).toBeUndefined();
	});
});
