import { describe, expect, it } from "vitest";
import { buildLineIndex, parseCitations, scanCitekeys } from "../../../src/core/index";

/** Each occurrence as [key, the exact text its range covers, style]. */
function scan(text: string): [string, string, string][] {
	return scanCitekeys(parseCitations(text), buildLineIndex(text)).map((o) => [o.key, text.slice(o.from, o.to), o.style]);
}

function offsets(text: string): { key: string; from: number; length: number }[] {
	return scanCitekeys(parseCitations(text), buildLineIndex(text)).map((o) => ({ key: o.key, from: o.from, length: o.to - o.from }));
}

describe("Pandoc citation syntax (manual, Citation syntax)", () => {
	it("reads a bracketed citation with its exact range", () => {
		const text = "Prose [@doe99] ends.";
		expect(offsets(text)).toEqual([{ key: "doe99", from: text.indexOf("@doe99"), length: 6 }]);
		expect(scan(text)).toEqual([["doe99", "@doe99", "bracketed"]]);
	});

	it("reads a locator, a prefix, several items and suppress-author", () => {
		const text = "A [@key, p. 33] B [see @a; @b, chap. 2] C [-@smith04].";
		expect(scan(text)).toEqual([
			["key", "@key", "bracketed"],
			["a", "@a", "bracketed"],
			["b", "@b", "bracketed"],
			["smith04", "@smith04", "bracketed"],
		]);
		const occurrences = scanCitekeys(parseCitations(text), buildLineIndex(text));
		expect(occurrences.map((o) => o.suppressAuthor)).toEqual([false, false, false, true]);
		expect(occurrences[3].from).toBe(text.indexOf("@smith04"));
		expect(text.slice(occurrences[0].brackets!.from, occurrences[0].brackets!.to)).toBe("[@key, p. 33]");
	});

	it("reads in-text keys and an in-text locator", () => {
		const text = "As @smith04 [p. 33] says, and @doe99 too.";
		const occurrences = scanCitekeys(parseCitations(text), buildLineIndex(text));
		expect(occurrences.map((o) => [o.key, o.style, o.from])).toEqual([
			["smith04", "in-text", 3],
			["doe99", "in-text", text.indexOf("@doe99")],
		]);
		expect(text.slice(occurrences[0].locator!.from, occurrences[0].locator!.to)).toBe("[p. 33]");
	});

	it("ends a key as Pandoc does: trailing punctuation and doubled punctuation are not part of it", () => {
		expect(scan("See @Foo_bar.baz. Then")).toEqual([["Foo_bar.baz", "@Foo_bar.baz", "in-text"]]);
		expect(scan("See @Foo_bar--baz now")).toEqual([["Foo_bar", "@Foo_bar", "in-text"]]);
		expect(scan("Per @smith04's view")).toEqual([["smith04", "@smith04", "in-text"]]);
		expect(scan("[@a:b.c#d$e%f&g-h+i?j<k>l~m/n]")).toEqual([["a:b.c#d$e%f&g-h+i?j<k>l~m/n", "@a:b.c#d$e%f&g-h+i?j<k>l~m/n", "bracketed"]]);
		expect(scan("(@1657:huygens) and @_private1")).toEqual([
			["1657:huygens", "@1657:huygens", "in-text"],
			["_private1", "@_private1", "in-text"],
		]);
	});

	it("reads braced keys, braces excluded from the key and included in the range", () => {
		expect(scan("See @{Foo_bar.baz.} here")).toEqual([["Foo_bar.baz.", "@{Foo_bar.baz.}", "in-text"]]);
		expect(scan("[@{https://example.com/bib?name=foobar&date=2000}, p. 33]")).toEqual([
			["https://example.com/bib?name=foobar&date=2000", "@{https://example.com/bib?name=foobar&date=2000}", "bracketed"],
		]);
		expect(scan("[@{braced key}]")).toEqual([["braced key", "@{braced key}", "bracketed"]]);
		expect(scan("@{unclosed and more")).toEqual([]);
	});

	it("counts UTF-16 code units for keys and text with astral characters and accents", () => {
		const text = "🙂 Müller [@müllerKernels2021] and @Dvořák2020.";
		expect(offsets(text)).toEqual([
			{ key: "müllerKernels2021", from: text.indexOf("@müller"), length: "@müllerKernels2021".length },
			{ key: "Dvořák2020", from: text.indexOf("@Dvořák"), length: "@Dvořák2020".length },
		]);
	});

	it("never reads an e-mail address, a handle glued to a word, or an escaped @", () => {
		expect(scan("Write to name@example.org or first.last@example.org.")).toEqual([]);
		expect(scan("<name@example.org> and mailto:x@example.org")).toEqual([]);
		expect(scan("word-@key and \\@key")).toEqual([]);
	});

	it("never reads inside URLs", () => {
		expect(scan("Video at https://example.org/@channel/123 and <https://example.org/@x>.")).toEqual([]);
		expect(scan("See www.example.org/@user and [a link](https://example.org/@user).")).toEqual([]);
		expect(scan("[text @key](https://example.org)")).toEqual([["key", "@key", "in-text"]]);
	});

	it("never reads inside code, comments, math or frontmatter", () => {
		const text = [
			"---",
			"author: @notakey",
			"---",
			"Code `@inspan` and ``x @inspan2 x``.",
			"",
			"```",
			"@infence",
			"```",
			"",
			"    @indented",
			"",
			"Comment %% @incomment %% and <!-- @inhtml --> and $@inmath$ and $$",
			"@indisplay",
			"$$ then @real.",
		].join("\n");
		expect(scan(text)).toEqual([["real", "@real", "in-text"]]);
	});

	it("never reads inside an inline HTML tag or a raw HTML block; text between tags is prose", () => {
		expect(scan('A <span title="@intag" data-x=\'@single\' lang=en>@between</span> and <img alt="by\n@wrapped"/> then @after.')).toEqual([
			["between", "@between", "in-text"],
			["after", "@after", "in-text"],
		]);
		expect(scan("Before @before.\n\n<div>\n@inblock\n</div>\n\nAfter @after2.")).toEqual([
			["before", "@before", "in-text"],
			["after2", "@after2", "in-text"],
		]);
		// Not a tag: `<` before a space, an escaped `<`, a `<` in a comparison.
		expect(scan("If a < b @one and \\<span @two> and x<3 @three.")).toEqual([
			["one", "@one", "in-text"],
			["two", "@two", "in-text"],
			["three", "@three", "in-text"],
		]);
	});

	it("keeps a list item that starts with math a list item: its key is still read", () => {
		expect(scan("- $x$ is the phase [@phase2020]")).toEqual([["phase2020", "@phase2020", "bracketed"]]);
		expect(scan("> %% note %% as shown by @shown2019")).toEqual([["shown2019", "@shown2019", "in-text"]]);
	});

	it("never reads inside a wikilink or a footnote label", () => {
		expect(scan("See [[@smith2020]] and [[Note|@alias]] and ![[@embed]].")).toEqual([]);
		expect(scan("Claim[^@x].\n\n[^@x]: [[Source]]")).toEqual([]);
	});

	it("reads keys inside footnote definitions (writers cite there too)", () => {
		const text = "Claim.[^1]\n\n[^1]: See [@doe99, p. 4].";
		expect(scan(text)).toEqual([["doe99", "@doe99", "bracketed"]]);
	});

	it("tells a bracketed citation from brackets that are a link or hold a non-citation item", () => {
		expect(scan("[@key](https://example.org)")[0][2]).toBe("in-text");
		expect(scan("[@a; no key here]")[0][2]).toBe("in-text");
		expect(scan("[see @a,\np. 3]")[0][2]).toBe("bracketed");
	});

	it("reads a CRLF note with a BOM at the same offsets", () => {
		const text = "\uFEFF---\r\nbibliography: a.bib\r\n---\r\nText [@k1].\r\n";
		expect(offsets(text)).toEqual([{ key: "k1", from: text.indexOf("@k1"), length: 3 }]);
	});
});
