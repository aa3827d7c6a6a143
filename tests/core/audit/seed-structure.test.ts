/**
 * The essay this product is for, by structure: tests/fixtures/seed-structure/ holds an essay written for these
 * tests with the seed's citation structure (49 footnotes; [^10] [^11] [^12] [^14] cite one note, [^34] [^43]
 * another; [^6] cites only a URL; [^49]'s link is never closed, at the end of a file without a final newline;
 * Zettelkasten-id links, aliased links, `?` in aliases and `-` in file names, `$` in titles, body wikilinks,
 * frontmatter with aliases, tags and a link) and a vault of source notes, some of them missing.
 * The expected findings are written out by hand.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auditNote } from "../../../src/core/index";
import { brief, diskVault, expectConsistentPositions, nth } from "../../fixtures/helpers";

const VAULT = fileURLToPath(new URL("../../fixtures/seed-structure/vault", import.meta.url));
const ESSAY = "Essays/On the Risks of Crop Monoculture.md";
const text = readFileSync(`${VAULT}/${ESSAY}`, "utf8");

const FINAL_LINK = "[[This Is Too Important to Leave to Three Seed Companies|This Is Too Important to Leave to Three Seed Companies]";
const SAME_FOUR = "What Growers Should Really Fear";

const EXPECTED = [
	{
		kind: "unresolved-link",
		line: 56,
		column: 1,
		snippet: "[[Rosa Lind on Seeds, Labour, and the Future of Farming|Rosa Lind on Seeds, Labour, and the Future of Farming]]",
		target: "Rosa Lind on Seeds, Labour, and the Future of Farming",
	},
	{
		kind: "unresolved-link",
		line: 57,
		column: 1,
		snippet: "[[20240228190625|Fake Field Guides Flood Bookshops]]",
		target: "20240228190625",
	},
	{
		kind: "unresolved-link",
		line: 102,
		column: 109,
		snippet: "[[The ministry’s seed bank is going off the rails|The ministry’s seed bank is going off the rails]]",
		target: "The ministry’s seed bank is going off the rails",
		suggestions: ["Sources/The ministry's seed bank is going off the rails.md"],
	},
	{
		kind: "unresolved-target",
		line: 112,
		column: 7,
		snippet: "[[Grain Traders Admit Extensive Price Fixing]]",
		labels: ["5"],
		target: "Grain Traders Admit Extensive Price Fixing",
		suggestions: ["Sources/Grain Traders Admit to Extensive Price Fixing.md"],
	},
	{
		kind: "no-vault-link",
		line: 113,
		column: 1,
		snippet: "[^6]",
		labels: ["6"],
		target: "https://videos.example.org/w/p/Xq7rT2?playlistPosition=6&resume=true",
	},
	{
		kind: "duplicate-source",
		line: 117,
		column: 1,
		snippet: "[^10]",
		labels: ["10", "11", "12", "14"],
		target: SAME_FOUR,
		resolved: `Sources/${SAME_FOUR}.md`,
		related: ["118:1 11", "119:1 12", "121:1 14"],
	},
	{
		kind: "unresolved-target",
		line: 124,
		column: 8,
		snippet: "[[Hobby forums embrace cloning tool to copy rare cultivars]]",
		labels: ["17"],
		target: "Hobby forums embrace cloning tool to copy rare cultivars",
	},
	{
		kind: "unresolved-target",
		line: 134,
		column: 8,
		snippet: "[[okafor_2021|Seed Patents or Seed Piracy? Tracing Germplasm in Commercial Lines]]",
		labels: ["27"],
		target: "okafor_2021",
	},
	{
		kind: "duplicate-source",
		line: 141,
		column: 1,
		snippet: "[^34]",
		labels: ["34", "43"],
		target: "Transcript- A Botanist Interviews a Trader",
		resolved: "Sources/Transcript- A Botanist Interviews a Trader.md",
		related: ["150:1 43"],
	},
	{
		kind: "unresolved-target",
		line: 143,
		column: 8,
		snippet: "[[The question of how these crops handle frost a...|The question of how these crops handle frost a...]]",
		labels: ["36"],
		target: "The question of how these crops handle frost a...",
		suggestions: ["Sources/The question of how these crops handle frost.md"],
	},
	{
		kind: "malformed-link",
		line: 156,
		column: 8,
		snippet: FINAL_LINK,
		labels: ["49"],
		target: "This Is Too Important to Leave to Three Seed Companies",
	},
];

describe("an essay with the seed's structure", () => {
	const result = auditNote(text, ESSAY, diskVault(VAULT));

	it("the fixture has the structure it claims", () => {
		expect(text.endsWith(FINAL_LINK)).toBe(true);
		expect(text.match(/^\[\^\d+\]:/gm)).toHaveLength(49);
		expect(text).toContain("[^7] [^8] [^9] [^10] [^11] [^12] [^13] .[^14]");
		expect(text).toContain("[[20230115161911|Hogwash]]");
	});

	it("reports exactly the expected findings, in offset order", () => {
		expect(result.findings.map((finding) => brief(text, finding))).toEqual(EXPECTED);
	});

	it("severities and positions are consistent", () => {
		expectConsistentPositions(text, result.findings);
		expect(result.findings.map((finding) => finding.severity)).toEqual([
			"warning",
			"warning",
			"warning",
			"error",
			"info",
			"warning",
			"error",
			"error",
			"warning",
			"error",
			"error",
		]);
		const last = nth(result.findings, result.findings.length - 1);
		expect(last.offset + last.length).toBe(text.length);
	});

	it("counts 49 definitions, 65 reference occurrences and 39 distinct cited notes", () => {
		// 49 definitions: 6 cite no resolved note ([^5] [^17] [^27] [^36] missing, [^6] a URL, [^49] unclosed);
		// of the 43 left, [^10] [^11] [^12] [^14] share one note and [^34] [^43] another: 43 - 3 - 1 = 39.
		expect(result.stats).toEqual({ definitions: 49, references: 65, citedNotes: 39, citekeys: 0, citedWorks: 0 });
	});

	it("the frontmatter's link and tags are not audited", () => {
		expect(result.findings.some((finding) => finding.target === "A Note Linked Only From Properties")).toBe(false);
		expect(result.findings.every((finding) => finding.line > 9)).toBe(true);
	});

	it("with body links off, only the citation findings remain", () => {
		const citationsOnly = auditNote(text, ESSAY, diskVault(VAULT), { checkBodyLinks: false });
		expect(citationsOnly.findings.map((finding) => brief(text, finding))).toEqual(
			EXPECTED.filter((finding) => finding.kind !== "unresolved-link"),
		);
	});

	it("the same essay with CRLF line endings gives the same findings at the same lines and columns", () => {
		const crlf = text.replace(/\n/g, "\r\n");
		const findings = auditNote(crlf, ESSAY, diskVault(VAULT)).findings;
		expectConsistentPositions(crlf, findings);
		expect(findings.map((finding) => brief(crlf, finding))).toEqual(EXPECTED);
	});
});
