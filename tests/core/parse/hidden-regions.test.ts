/** findHiddenRegions / blankRanges: the regions that are not prose, blanked with every offset kept. */
import { describe, expect, it } from "vitest";
import { blankRanges } from "../../../src/core/parse/hidden-regions";
import { findHiddenRegions } from "../../../src/core/parse/note-structure";

function hidden(text: string): string[] {
	return findHiddenRegions(text).map(({ from, to }) => text.slice(from, to));
}

describe("findHiddenRegions", () => {
	it("frontmatter from the first line to its closing line", () => {
		expect(hidden("---\na: [^1]\n---\nBody\n")).toEqual(["---\na: [^1]\n---"]);
		expect(hidden("---\r\na: 1\r\n...\r\nBody\r\n")).toEqual(["---\r\na: 1\r\n...\r"]);
	});

	it("frontmatter after a leading BOM", () => {
		expect(hidden("\uFEFF---\na: [^1]\n---\nBody\n")).toEqual(["\uFEFF---\na: [^1]\n---"]);
	});

	it("%% comments, inline and across lines, and an unclosed one to the end", () => {
		expect(hidden("a %%b%% c %%\nd\n%% e")).toEqual(["%%b%%", "%%\nd\n%%"]);
		expect(hidden("a %% rest\nof note")).toEqual(["%% rest\nof note"]);
	});

	it("HTML comments; an unclosed one hides nothing", () => {
		expect(hidden("a <!-- b --> c <!--\nd\n--> e <!-- f")).toEqual(["<!-- b -->", "<!--\nd\n-->"]);
	});

	it("inline and display math, but not dollar amounts", () => {
		expect(hidden("a $x^2$ b $$\\sum$$ c $$\nd\n$$ e")).toEqual(["$x^2$", "$$\\sum$$", "$$\nd\n$$"]);
		expect(hidden("costs $5 and $10, or $ 3 $ here")).toEqual([]);
	});

	it("a $ inside a wikilink opens no math: the link is read whole, as Obsidian's heading autocomplete writes it", () => {
		// Obsidian's link autocomplete copies a heading's math into the link: [[Note#$G$ acts on itself]]. Blanked as
		// math, the link's subpath lost its `$G$` and the heading was reported missing (seen in a public math vault).
		expect(hidden("See [[Groups#$G$ acts on itself|this]] and $x$.")).toEqual(["$x$"]);
		expect(hidden("[^1]: [[Groups#normaliser, $N_{G}(A)$|n]], then $y$")).toEqual(["$y$"]);
		expect(hidden("An embed ![[Groups#$H$ and $K$]] here")).toEqual([]);
		// Math that opens before a link still runs left to right; a `[[` closed before the `$` holds nothing.
		expect(hidden("$a$ [[Groups]] $b$")).toEqual(["$a$", "$b$"]);
		// An unclosed `[[` on the line is no link: its `$` may open math.
		expect(hidden("[[Groups#$G$ acts")).toEqual(["$G$"]);
	});

	it("steps over code so that %% and $ inside it open nothing", () => {
		expect(hidden("`%%` and `$a$`\n```\n%%\n$x$\n```\nafter")).toEqual([]);
	});
});

describe("blankRanges", () => {
	it("replaces every code unit but line breaks with a space, keeping the length", () => {
		const text = "a %%b\r\nc%% d";
		const blanked = blankRanges(text, findHiddenRegions(text));
		expect(blanked).toBe("a    \r\n    d");
		expect(blanked).toHaveLength(text.length);
	});

	it("returns the text unchanged when there is nothing to blank", () => {
		expect(blankRanges("plain", [])).toBe("plain");
	});
});
