/**
 * A parsed note packed to cross threads (packed-document.ts) must come back as the parser made it: the same
 * values, the same keys in the same order, an optional key present exactly where the parser set it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packDocument, unpackDocument } from "../../src/cli/packed-document";
import { parseCitations } from "../../src/core/index";
import type { CitationDocument } from "../../src/core/parse/citation-document";
import { invariantNote } from "../core/fixes/invariant-generator";
import { gfmEssay, hostileNote } from "../robustness/generators";

/** Values, keys and their order, and keys whose value is undefined: JSON with undefined kept. */
function shape(document: CitationDocument): string {
	return JSON.stringify(document, (_key, value: unknown) => (value === undefined ? "\u0000undefined" : value));
}

/** As a worker posts it: structured-cloned on the way (what postMessage does to the packed form). */
function roundTrip(document: CitationDocument): CitationDocument {
	return unpackDocument(structuredClone(packDocument(document)));
}

const EVERY_KIND = [
	"---",
	"title: x",
	"---",
	"Body [[Alpha]] and [[Beta#Part|shown]] and ![[Figure.png]] and [text](Gamma%20Ray.md#Sec) and ![alt](pic.png).",
	"Web [site](https://example.org) and <https://auto.example> and [[ ]] and [[Unclosed and [[ok|]].",
	"Inline.^[See [[Alpha]] and [b](Beta.md)] Labels.[^1][^Zeta][^ü-1] Nested [[a\\|b]] [[c#^block]].",
	"",
	"[^1]: [[Alpha]], p. 4",
	"[^zeta]: [Beta](Beta.md \"title\") and [[Gamma|G]]",
	"    continued [[Delta]]",
	"[^ü-1]: [^inner]: [[Epsilon]]",
	"> [^quoted]: [[Quoted]]",
	"```",
	"[^code]: [[Not a link]]",
	"```",
	"",
].join("\n");

describe("a packed parsed note", () => {
	it("comes back as the parser made it, for a note with every kind of link and footnote", () => {
		const document = parseCitations(EVERY_KIND);
		// The note does hold what the packing must keep apart.
		const kinds = new Set(document.links.map((link) => `${link.syntax}:${link.embed}:${link.external}:${"alias" in link}:${link.problem ?? ""}`));
		expect(kinds.size).toBeGreaterThanOrEqual(6);
		expect(document.definitions.some((definition) => definition.inline)).toBe(true);
		expect(document.links.some((link) => link.owner !== -1)).toBe(true);
		const back = roundTrip(document);
		expect(back).toStrictEqual(document);
		expect(shape(back)).toBe(shape(document));
	});

	it("comes back as the parser made it, on random notes", () => {
		fc.assert(
			fc.property(fc.oneof(hostileNote, gfmEssay, invariantNote), (text) => {
				const document = parseCitations(text);
				const back = roundTrip(document);
				expect(back).toStrictEqual(document);
				expect(shape(back)).toBe(shape(document));
			}),
			{ numRuns: 400 },
		);
	});

	it("keeps strings that are all of one or repeat the one before (a label and its key, an empty alias)", () => {
		const document = parseCitations("A.[^x] B.[^X] C.[^]\n\n[^x]: [[Same|Same]] [[|]] [](  )\n");
		expect(roundTrip(document)).toStrictEqual(document);
	});
});
