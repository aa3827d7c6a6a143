import { describe, expect, it } from "vitest";
import { extractOutline, normalizeHeading, outlineHasSubpath } from "../../../src/core/vault/outline";
import { stripHeading, stripHeadingForLink } from "../../obsidian-double/paths";

function headingsOf(markdown: string) {
	return extractOutline(markdown).headings;
}

describe("extractOutline: ATX headings", () => {
	it("reads levels 1 to 6 with trimmed text and closing #s removed", () => {
		const md = ["# One", "## Two ##", "###   Three   ", "#### Four #####  ", "##### Five", "###### Six"].join("\n");
		expect(headingsOf(md)).toEqual([
			{ text: "One", level: 1 },
			{ text: "Two", level: 2 },
			{ text: "Three", level: 3 },
			{ text: "Four", level: 4 },
			{ text: "Five", level: 5 },
			{ text: "Six", level: 6 },
		]);
	});

	it("keeps a # that is part of the text", () => {
		expect(headingsOf("# C# tips\n## Issue #12")).toEqual([
			{ text: "C# tips", level: 1 },
			{ text: "Issue #12", level: 2 },
		]);
	});

	it("ignores tags, seven #s, indented code and empty headings", () => {
		expect(headingsOf("#tag\n####### Seven\n    # Indented code\n#\n## ##\n   # Three spaces is fine")).toEqual([
			{ text: "Three spaces is fine", level: 1 },
		]);
	});

	it("removes inline comments and a trailing block id from the heading text", () => {
		expect(headingsOf("# Heading %% note to self %%\n## Anchored ^sec-1")).toEqual([
			{ text: "Heading", level: 1 },
			{ text: "Anchored", level: 2 },
		]);
	});

	it("accepts Windows line breaks", () => {
		expect(headingsOf("# One\r\n\r\n## Two\r\n")).toEqual([
			{ text: "One", level: 1 },
			{ text: "Two", level: 2 },
		]);
	});
});

describe("extractOutline: setext headings", () => {
	it("reads === as level 1 and --- as level 2 under a paragraph", () => {
		expect(headingsOf("Title\n=====\n\nSection\n---\n")).toEqual([
			{ text: "Title", level: 1 },
			{ text: "Section", level: 2 },
		]);
	});

	it("joins a multi-line paragraph into one heading", () => {
		expect(headingsOf("First line\nsecond   line\n===")).toEqual([{ text: "First line second line", level: 1 }]);
	});

	it("treats --- after a blank line, a list item, a quote or a table as a thematic break", () => {
		expect(headingsOf("Text\n\n---\n- item\n---\n> quote\n---\n| a | b |\n| - | - |\n---\n")).toEqual([]);
	});

	// The outline now reads the block structure markdown-it gives (issue 12, item 9). A `|` line followed by a
	// delimiter row of another column count is no table in GFM ("the header row must match the delimiter row in
	// the number of cells"), so `---` under it is a setext underline; the old line reader took any `|` line for a
	// table.
	it("a `|` line with no matching delimiter row is a paragraph, and --- under it makes a heading (GFM)", () => {
		expect(headingsOf("| a | b |\n---\n")).toEqual([{ text: "| a | b |", level: 2 }]);
	});

	it("does not make a heading of a list item's lazy continuation line", () => {
		expect(headingsOf("- item\ncontinued\n---\n")).toEqual([]);
	});
});

describe("extractOutline: regions that hold no headings", () => {
	it("skips YAML frontmatter", () => {
		expect(headingsOf("---\ntitle: x\n# not a heading\n---\n# Real")).toEqual([{ text: "Real", level: 1 }]);
	});

	it("reads an unclosed frontmatter opener as a thematic break", () => {
		expect(headingsOf("---\n# Shown")).toEqual([{ text: "Shown", level: 1 }]);
	});

	it("skips ``` and ~~~ fenced code, honouring fence length and character", () => {
		const md = [
			"```js",
			"# code",
			"```",
			"~~~",
			"# tilde code",
			"```",
			"# still tilde code",
			"~~~",
			"````",
			"```",
			"# inside the longer fence",
			"````",
			"# After",
		].join("\n");
		expect(headingsOf(md)).toEqual([{ text: "After", level: 1 }]);
	});

	it("does not take a line of inline code for a fence", () => {
		expect(headingsOf("```js``` is inline code\n# Heading")).toEqual([{ text: "Heading", level: 1 }]);
	});

	it("skips an unclosed fence to the end", () => {
		expect(headingsOf("# Before\n```\n# never")).toEqual([{ text: "Before", level: 1 }]);
	});

	it("skips %% comment blocks but not inline comments", () => {
		const md = ["%%", "# hidden", "%%", "# Shown", "Text %% inline %% more", "## Also shown", "%% open", "# hidden too", "close %%", "# Last"].join(
			"\n",
		);
		expect(headingsOf(md)).toEqual([
			{ text: "Shown", level: 1 },
			{ text: "Also shown", level: 2 },
			{ text: "Last", level: 1 },
		]);
	});

	it("ignores %% inside fenced code", () => {
		expect(headingsOf("```\n%%\n```\n# Visible")).toEqual([{ text: "Visible", level: 1 }]);
	});
});

describe("extractOutline: block ids", () => {
	it("reads ids at the end of a line after a space and on a line of their own", () => {
		const md = ["Paragraph text ^abc-1", "", "> quoted ^Quote2", "", "- item ^li", "", "A table or list", "", "^own-line", ""].join("\n");
		expect(extractOutline(md).blockIds).toEqual(["abc-1", "Quote2", "li", "own-line"]);
	});

	it("rejects ids glued to a word, with other characters, or not at the end", () => {
		expect(extractOutline("word^glued\ntext ^bad_id\ntext ^mid more\n").blockIds).toEqual([]);
	});

	it("ignores ids in frontmatter, code and comments", () => {
		const md = ["---", "x: ^fm", "---", "```", "code ^code", "```", "%%", "hidden ^hid", "%%", "text ^real"].join("\n");
		expect(extractOutline(md).blockIds).toEqual(["real"]);
	});
});

describe("normalizeHeading", () => {
	it("folds case and whitespace, and treats characters a link cannot hold as spaces", () => {
		expect(normalizeHeading("  Why   Now:  A Primer ")).toBe("why now a primer");
		expect(normalizeHeading("C# [draft] | v2")).toBe("c draft v2");
	});
});

describe("outlineHasSubpath", () => {
	const outline = extractOutline(
		[
			"# Introduction",
			"## Background   Reading",
			"### Papers",
			"## Method",
			"# Results",
			"## Figures",
			"#### Deep Table",
			"# Why now: a primer",
			"Claim ^claim-1",
		].join("\n"),
	);

	it("finds a heading case-insensitively with whitespace runs collapsed", () => {
		expect(outlineHasSubpath(outline, "#Introduction")).toBe(true);
		expect(outlineHasSubpath(outline, "#introduction")).toBe(true);
		expect(outlineHasSubpath(outline, "#background reading")).toBe(true);
		expect(outlineHasSubpath(outline, "#  Background  Reading ")).toBe(true);
		expect(outlineHasSubpath(outline, "#Conclusion")).toBe(false);
		expect(outlineHasSubpath(outline, "#Intro")).toBe(false);
	});

	it("matches a heading whose colon the link left out", () => {
		expect(outlineHasSubpath(outline, "#Why now a primer")).toBe(true);
		expect(outlineHasSubpath(outline, "#Why now: a primer")).toBe(true);
	});

	// Until issue 12 the chain had to stay inside each part's section. Obsidian's resolveSubpath (as recorded
	// from the app in tests/obsidian-double/cache-utils.ts, which the plugin's checks run against) matches in one
	// pass: each part is a later heading deeper than the previous match, so `#Introduction#Figures` resolves
	// there; the command line now answers the same.
	it("matches each part of #A#B as a later heading deeper than the one before, as resolveSubpath does", () => {
		expect(outlineHasSubpath(outline, "#Introduction#Method")).toBe(true);
		expect(outlineHasSubpath(outline, "#Introduction#Papers")).toBe(true);
		expect(outlineHasSubpath(outline, "#Introduction#Background Reading#Papers")).toBe(true);
		expect(outlineHasSubpath(outline, "#Results#Deep Table")).toBe(true);
		expect(outlineHasSubpath(outline, "#Introduction#Figures")).toBe(true);
		expect(outlineHasSubpath(outline, "#Method#Papers")).toBe(false);
		expect(outlineHasSubpath(outline, "#Papers#Introduction")).toBe(false);
		expect(outlineHasSubpath(outline, "#Introduction#Results")).toBe(false);
	});

	it("does not accept a sibling of the same level as nested", () => {
		const siblings = extractOutline("## A\n## B\n");
		expect(outlineHasSubpath(siblings, "#A#B")).toBe(false);
	});

	it("tries every heading with the first name", () => {
		const repeated = extractOutline("# Notes\n## Other\n# Notes\n## Target\n");
		expect(outlineHasSubpath(repeated, "#Notes#Target")).toBe(true);
	});

	it("matches block ids exactly", () => {
		expect(outlineHasSubpath(outline, "#^claim-1")).toBe(true);
		expect(outlineHasSubpath(outline, "#^CLAIM-1")).toBe(false);
		expect(outlineHasSubpath(outline, "#^claim")).toBe(false);
		expect(outlineHasSubpath(outline, "#^Introduction")).toBe(false);
	});

	it("accepts a bare # as the note itself", () => {
		expect(outlineHasSubpath(outline, "#")).toBe(true);
	});

	it("extracts every heading and block of a long note", () => {
		const lines: string[] = [];
		for (let i = 0; i < 50_000; i++) lines.push(i % 10 === 0 ? `## Section ${i}` : `Line ${i} ^b${i}`);
		const big = extractOutline(lines.join("\n"));
		expect(big.headings).toHaveLength(5_000);
		expect(big.blockIds).toHaveLength(45_000);
		expect(outlineHasSubpath(big, "#Section 49990")).toBe(true);
	});
});

describe("target outlines read with the parser's structure (issue 12, item 9)", () => {
	it.each([
		["a fence in a footnote definition's continuation", "[^1]: Note\n    ```\n    code\n"],
		["a fence opened on a definition's first line", "[^1]: ```\ncode\n"],
		["a fence in a list item", "- item\n  ```\n  code\n"],
		["a fence in a quote", "> ```\n> code\n"],
		["indented code holding a fence mark", "Text\n\n    ```\n    code\n"],
	])("%s ends with its container: later headings are found", (_name, body) => {
		expect(headingsOf(`# Intro\n${body}\n# Later heading\n`)).toEqual([
			{ text: "Intro", level: 1 },
			{ text: "Later heading", level: 1 },
		]);
	});

	it("a heading inside a list or a quote is not listed, as in Obsidian's metadata cache", () => {
		expect(headingsOf("- # In a list\n> # In a quote\n\n# Top\n")).toEqual([{ text: "Top", level: 1 }]);
	});

	it("a heading inside a multi-line comment or formula is not listed", () => {
		expect(headingsOf("%%\n# Hidden\n%%\n$$\n# Also hidden\n$$\n# Shown\n")).toEqual([{ text: "Shown", level: 1 }]);
	});

	const headings = [
		"Is $E = mc^2$ true?",
		"**Bold** and _italic_ claims",
		"Part 2: the method",
		"See [[Other note|the other]] first",
		"What #tags and ^carets do",
		"Percent 50% | pipes",
	];
	const note = extractOutline(headings.map((heading) => `## ${heading}`).join("\n\n"));

	it.each(headings)("`%s` resolves linked as the autocomplete writes it, and with its punctuation left out", (heading) => {
		expect(outlineHasSubpath(note, `#${stripHeadingForLink(heading)}`)).toBe(true);
		expect(outlineHasSubpath(note, `#${stripHeading(heading)}`)).toBe(true);
	});

	it("a heading that differs in a word still does not resolve", () => {
		expect(outlineHasSubpath(note, "#Is E = mc 2 false")).toBe(false);
	});
});
