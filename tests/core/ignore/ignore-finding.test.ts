/** ignoreFinding: before → after, the marker line in the finding's container. */
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../src/core/fixes/edits";
import { ignoreFinding } from "../../../src/core/ignore/index";
import type { FindingKind } from "../../../src/core/types";

const lines = (...parts: string[]) => parts.join("\n");

/** Ignores the `kind` finding that starts at the first `[^` of `needle` in `text`. */
function ignored(text: string, needle: string, kind: FindingKind = "undefined-reference"): string | null {
	const edits = ignoreFinding(text, { kind, offset: text.indexOf(needle) });
	return edits === null ? null : applyEdits(text, edits);
}

describe("ignoreFinding", () => {
	it("a paragraph line gets a marker line above it", () => {
		expect(ignored(lines("Intro.", "A claim[^x]."), "[^x]")).toBe(lines("Intro.", "%% citation-audit-ignore-next-line undefined-reference %%", "A claim[^x]."));
	});

	it("a list item: the marker is indented as the item's content, so the list goes on", () => {
		expect(ignored(lines("- a", "- b[^x]"), "[^x]")).toBe(lines("- a", "  %% citation-audit-ignore-next-line undefined-reference %%", "- b[^x]"));
		expect(ignored(lines("  1. a", "  2. b[^x]"), "[^x]")).toBe(lines("  1. a", "     %% citation-audit-ignore-next-line undefined-reference %%", "  2. b[^x]"));
	});

	it("a quote, a nested quote and a list in a quote keep their prefixes", () => {
		expect(ignored(lines("> a", "> b[^x]"), "[^x]")).toBe(lines("> a", "> %% citation-audit-ignore-next-line undefined-reference %%", "> b[^x]"));
		expect(ignored(lines("> > b[^x]"), "[^x]")).toBe(lines("> > %% citation-audit-ignore-next-line undefined-reference %%", "> > b[^x]"));
		expect(ignored(lines("> - b[^x]"), "[^x]")).toBe(lines(">   %% citation-audit-ignore-next-line undefined-reference %%", "> - b[^x]"));
	});

	it("a callout's title line: the marker goes before the callout, one level out", () => {
		expect(ignored(lines("Intro.", "", "> [!note] T[^x]"), "[^x]")).toBe(lines("Intro.", "", "%% citation-audit-ignore-next-line undefined-reference %%", "> [!note] T[^x]"));
		// Right after another quote line, a line between would join the two quotes: declined.
		expect(ignored(lines("> quote", "> [!note] T[^x]"), "[^x]")).toBeNull();
	});

	it("an indented continuation line keeps its indentation", () => {
		expect(ignored(lines("[^1]: a", "", "    more [^x]"), "[^x]")).toBe(lines("[^1]: a", "", "    %% citation-audit-ignore-next-line undefined-reference %%", "    more [^x]"));
	});

	it("CRLF: the marker line ends with CRLF too", () => {
		expect(ignored("a\r\nb[^x]\r\n", "[^x]")).toBe("a\r\n%% citation-audit-ignore-next-line undefined-reference %%\r\nb[^x]\r\n");
	});

	it("an existing marker with kinds on the line before gets the kind added", () => {
		const text = lines("%% citation-audit-ignore-next-line no-vault-link %%", "b[^x]");
		expect(ignored(text, "[^x]")).toBe(lines("%% citation-audit-ignore-next-line no-vault-link, undefined-reference %%", "b[^x]"));
		expect(ignored(lines("> %% citation-audit-ignore-next-line a,  %%", "> b[^x]"), "[^x]")).toBe(lines("> %% citation-audit-ignore-next-line a, undefined-reference  %%", "> b[^x]"));
	});

	it("offers nothing when the marker before already covers the kind, in a table, or for unused-ignore", () => {
		expect(ignored(lines("%% citation-audit-ignore-next-line %%", "b[^x]"), "[^x]")).toBeNull();
		expect(ignored(lines("| a | b |", "| --- | --- |", "| c | d[^x] |"), "[^x]")).toBeNull();
		expect(ignored(lines("a | b", "--- | ---", "c | d[^x]"), "[^x]")).toBeNull();
		expect(ignored(lines("x", "%% citation-audit-ignore-next-line %%"), "%%", "unused-ignore")).toBeNull();
	});

	it("a pipe inside a wikilink alias or code is not a table", () => {
		expect(ignored(lines("See [[A|b]] and `x|y`[^x]"), "[^x]")).toBe(lines("%% citation-audit-ignore-next-line undefined-reference %%", "See [[A|b]] and `x|y`[^x]"));
	});

	it("changes nothing but the inserted line (THE PROMISE)", () => {
		const text = lines("# Title", "", "- a", "- b[^x] c", "", "end");
		const after = ignored(text, "[^x]")!;
		const marker = "  %% citation-audit-ignore-next-line undefined-reference %%\n";
		expect(after.replace(marker, "")).toBe(text);
	});
});

describe("ignoreFinding and unclosed links", () => {
	it("the pipe of an unclosed wikilink's alias is not a table", () => {
		const text = lines("x[^49]", "", "[^49]: [[Some Title|Some Title]");
		const edits = ignoreFinding(text, { kind: "malformed-link", offset: text.indexOf("[[") });
		expect(edits && applyEdits(text, edits)).toBe(lines("x[^49]", "", "%% citation-audit-ignore-next-line malformed-link %%", "[^49]: [[Some Title|Some Title]"));
	});
});
