/**
 * Guards the linear path of the parse (issue 6). Not a timing test: it fails when the engine's markdown-it is
 * configured with `footnote_tail` again, and when an essay with 20,000 footnotes no longer completes inside
 * vitest's default timeout (with `footnote_tail` it takes minutes: see docs/benchmark.md).
 */
import MarkdownIt, { type PluginSimple } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import { beforeAll, describe, expect, it } from "vitest";
import { generateEssay, type GeneratedEssay } from "../../bench/generate-essay";
import { createSourceVault } from "../../bench/source-vault";
import { auditNote, parseCitations } from "../../src/core/index";
import { readBlockStructure } from "../../src/core/parse/block-structure";
import type { FindingKind, LinkResolver } from "../../src/core/types";

/**
 * Definitions before, between and after the body, one of them cited by nobody. `footnote_tail` would take
 * every definition out of the token stream (re-emitting only cited ones, at the end, without their place).
 */
const DEFINITIONS_IN_PLACE = [
	"[^b]: Defined before it is cited.", // line 0
	"", // 1
	"Body cites [^a] and then [^b].", // 2
	"", // 3
	"[^a]: Defined between paragraphs,", // 4
	"    with a continuation line.", // 5
	"", // 6
	"[^unused]: Cited by nobody.", // 7
	"", // 8
	"After the definitions.", // 9
].join("\n");

function lineCount(text: string): number {
	return text.split("\n").length;
}

describe("the engine's parser runs without footnote_tail", () => {
	it("keeps every footnote definition in its place, in text order, cited or not", () => {
		const blocks = readBlockStructure(DEFINITIONS_IN_PLACE, lineCount(DEFINITIONS_IN_PLACE));
		expect(blocks.definitions.map(({ label, firstLine }) => ({ label, firstLine }))).toEqual([
			{ label: "b", firstLine: 0 },
			{ label: "a", firstLine: 4 },
			{ label: "unused", firstLine: 7 },
		]);
		// The paragraph after the definitions still starts where it is written.
		expect(blocks.blockStarts[9]).toBe(1);
	});

	it("and the parse reports their offsets in the text", () => {
		const document = parseCitations(DEFINITIONS_IN_PLACE);
		expect(document.definitions.map((definition) => [definition.label, definition.from])).toEqual([
			["b", 0],
			["a", DEFINITIONS_IN_PLACE.indexOf("[^a]:")],
			["unused", DEFINITIONS_IN_PLACE.indexOf("[^unused]:")],
		]);
	});

	it("(the check above can fail: markdown-it-footnote with footnote_tail on drops the definitions' place)", () => {
		// If a markdown-it-footnote release stopped moving definitions, the tests above would guard nothing.
		const withTail = new MarkdownIt({ html: true }).use(footnotePlugin as unknown as PluginSimple);
		const tokens = withTail.parse(DEFINITIONS_IN_PLACE, {});
		expect(tokens.filter((token) => token.type === "footnote_reference_open")).toEqual([]);
		const rendered = withTail.render(DEFINITIONS_IN_PLACE);
		expect(rendered.indexOf("After the definitions.")).toBeLessThan(rendered.indexOf("Defined before it is cited."));
		expect(rendered).not.toContain("Cited by nobody.");
	});
});

/**
 * Every link resolves, to a note that has every heading: this test is about the parse and the label checks,
 * whose counts do not depend on the vault (the benchmark times the audit with a real resolver).
 */
const RESOLVES_EVERYTHING: LinkResolver = {
	resolve: (linkpath) => ({ path: `${linkpath}.md`, alternatives: [] }),
	hasSubpath: () => true,
	suggest: () => [],
};

describe("an essay with 20,000 footnotes", () => {
	const vault = createSourceVault(200, 7);
	let essay: GeneratedEssay;

	beforeAll(() => {
		// ≈ 2.3 MB: the footnotes, short paragraphs citing them, duplicated labels, unused definitions, undefined
		// references, inline footnotes, code and comments. With footnote_tail the parse alone takes minutes.
		essay = generateEssay({ chars: 2 * 1024 * 1024, footnotes: 20_000, seed: 20_000, vault });
		// Warm the JIT on a small essay, so that the test times the algorithm rather than the compiler.
		const small = generateEssay({ chars: 100 * 1024, footnotes: 300, seed: 1, vault });
		for (let i = 0; i < 5; i++) auditNote(small.text, "Essays/Small.md", RESOLVES_EVERYTHING);
	});

	it("audits inside the default timeout with the counts the generator wrote", () => {
		const audit = auditNote(essay.text, "Essays/Twenty thousand.md", RESOLVES_EVERYTHING);
		expect(audit.stats.definitions).toBe(20_000);
		expect(audit.stats.references).toBe(essay.expected.references);
		const count = (kind: FindingKind) => audit.findings.filter((finding) => finding.kind === kind).length;
		expect(count("duplicate-label")).toBe(essay.expected.duplicateLabels);
		expect(count("unused-definition")).toBe(essay.expected.unusedDefinitions);
		expect(count("undefined-reference")).toBe(essay.expected.undefinedLabels);
		expect(essay.expected.duplicateLabels).toBeGreaterThan(100);
		expect(essay.expected.undefinedLabels).toBe(400);
	});
});

describe("paragraphs that leave an inline footnote open", () => {
	// InlineScanner.closeAllInlineFootnotes (src/core/parse/scan-inline.ts) once walked every link found so far
	// for each dropped `^[`, so n such paragraphs cost n² steps (5,000 paragraphs 8 s, 20,000 paragraphs 150 s);
	// it now walks only the links added since the stack was last empty.
	it("20,000 unclosed `^[` with a link each parse inside the default timeout", () => {
		const text = "A paragraph ^[that never closes, citing [[Source]]\n\n".repeat(20_000);
		const document = parseCitations(text);
		expect(document.links).toHaveLength(20_000);
		expect(document.definitions).toHaveLength(0);
		expect(document.links.every((link) => link.owner === -1)).toBe(true);
	});
});
