/** matchMarkdownLink, on its own. */
import { describe, expect, it } from "vitest";
import { ForwardSearches } from "../../../src/core/parse/forward-search";
import { matchMarkdownLink } from "../../../src/core/parse/markdown-link";

function match(line: string) {
	return matchMarkdownLink(line, line.indexOf("["), line.length, new ForwardSearches(line));
}

describe("matchMarkdownLink", () => {
	it("reads text, URL, subpath and the end after )", () => {
		expect(match("see [a b](Dir/Some%20Note.md#Part%202) now")).toEqual({
			from: 4,
			to: 38,
			text: "a b",
			target: "Dir/Some%20Note.md#Part%202",
			targetRange: { from: 10, to: 37 },
			linkpath: "Dir/Some Note.md",
			subpath: "#Part 2",
			external: false,
		});
	});

	it("angle brackets allow spaces; a title is skipped", () => {
		expect(match("[t](<Some Note.md> 'title')")).toMatchObject({ target: "Some Note.md", linkpath: "Some Note.md", to: 27 });
		expect(match('[t](Note.md "title")')).toMatchObject({ target: "Note.md", to: 20 });
	});

	it("balanced parentheses belong to the URL", () => {
		expect(match("[t](Note (draft).md)")).toBeNull();
		expect(match("[t](Note_(draft).md)")).toMatchObject({ target: "Note_(draft).md", linkpath: "Note_(draft).md" });
	});

	it("a malformed %-escape is kept as written", () => {
		expect(match("[t](100%25%zz.md)")).toMatchObject({ linkpath: "100%25%zz.md" });
	});

	it.each(["https://a.b/c", "mailto:x@y.z", "zotero://select/items/K", "obsidian://open?vault=v", "//host/p"])("%s is external", (url) => {
		expect(match(`[t](${url})`)).toMatchObject({ target: url, external: true, linkpath: "", subpath: "" });
	});

	it.each(["[t] (x.md)", "[t](x.md", "[t]()", "[t](<x.md)", "[t](x.md 'open"])("%s is no link", (line) => {
		expect(match(line)).toBeNull();
	});
});
