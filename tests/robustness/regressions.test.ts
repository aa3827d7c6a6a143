/**
 * Engine bugs the robustness suites found outside plain GFM (the GFM ones are pinned in differential.test.ts),
 * one example each, and equivalence properties for the two regular expressions rewritten by hand because they
 * backtracked quadratically: the rewrite must answer exactly as the expression did (fixed seeds).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findBareUrl } from "../../src/core/audit/no-vault-link";
import { auditNote, createVaultResolver, extractOutline, parseCitations } from "../../src/core/index";

function audit(text: string) {
	return auditNote(text, "Essay.md", createVaultResolver({ paths: ["Alpha.md"], readNote: () => "# Intro\n" }));
}

describe("an Obsidian comment or math opening a line", () => {
	it.each([
		["a comment", "Intro.\n\n%% note to self %% Claim[^1] after [[Alpha]].\n\n[^1]: [[Alpha]]\n"],
		["display math", "Intro.\n\n$$E = mc^2$$ so[^1] says [[Alpha]].\n\n[^1]: [[Alpha]]\n"],
		["two comments", "Intro.\n\n%% a %% %% b %% Claim[^1] after [[Alpha]].\n\n[^1]: [[Alpha]]\n"],
		["the end of a multi-line comment", "Intro.\n\n%%\nlong note\n%% Claim[^1] after [[Alpha]].\n\n[^1]: [[Alpha]]\n"],
	])("%s does not indent the text after it into a code block (its reference was lost, the definition called unused)", (_name, text) => {
		const result = audit(text);
		expect(result.document.references.map((reference) => reference.label)).toEqual(["1"]);
		expect(result.document.links.filter((link) => link.owner === -1)).toHaveLength(1);
		expect(result.findings).toEqual([]);
	});

	// Until issue 12 a line holding only comments was blanked into a blank line, which ended the definition
	// before it. The block structure is now the note's own: as written, that line is text, a lazy continuation
	// of the definition, and so is the line after it (a blank line would end it).
	it("a line holding only comments is text to the block structure: the definition before it continues", () => {
		const text = "Claim[^1].\n\n[^1]: [[Alpha]]\n%% a %% %% b %%\nAfter [[Alpha]].\n\nBody [[Alpha]].\n";
		const result = audit(text);
		expect(result.document.links.map((link) => link.owner)).toEqual([0, 0, -1]);
		expect(result.document.definitions[0].to).toBe(text.indexOf("After [[Alpha]].") + "After [[Alpha]].".length);
	});
});

describe("more than 100 nested containers", () => {
	it("the note after them is still read: its definitions, and its code as code", () => {
		const text = `${"- ".repeat(150)}deep[^1]\n\n\`\`\`\n[^incode]\n\`\`\`\n\n[^1]: [[Alpha]]\n`;
		const result = audit(text);
		expect(result.document.references.map((reference) => reference.label)).toEqual(["1"]);
		expect(result.document.definitions.map((definition) => definition.label)).toEqual(["1"]);
		expect(result.findings).toEqual([]);
	});
});

describe("the hand-written replacements answer as the regular expressions did", () => {
	const BARE_URL = /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s<>()]+/;
	const urlText = fc
		.array(fc.constantFrom("a", "w", "www.", ".", ":", "/", "://", "https://", " ", "\t", "1", "-", "+", "(", ")", "<", ">", "é", "x", "\u00a0"), { maxLength: 16 })
		.map((parts) => parts.join(""));

	it("findBareUrl ≡ /(?:[A-Za-z][A-Za-z0-9+.-]*:\\/\\/|www\\.)[^\\s<>()]+/ (seed 8501)", () => {
		fc.assert(
			fc.property(urlText, (text) => {
				expect(findBareUrl(text)).toBe(BARE_URL.exec(text)?.[0]);
			}),
			{ seed: 8501, numRuns: 5000 },
		);
	});

	/** The heading text the outline used to take from an ATX line (before whitespace and comment clean-up). */
	function oldHeading(line: string): { raw: string; level: number } | null {
		const match = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
		if (!match) return null;
		return { raw: (match[2] ?? "").replace(/(?:^|[ \t]+)#+$/, ""), level: match[1].length };
	}

	it("ATX headings: the same level and text (seed 8502)", () => {
		const headingLine = fc.array(fc.constantFrom("#", "#", " ", " ", "\t", "a", "b", "1", "-", "x"), { maxLength: 20 }).map((parts) => parts.join(""));
		fc.assert(
			fc.property(headingLine, (line) => {
				const old = oldHeading(line);
				const outline = extractOutline(line);
				const expected = old && old.raw.replace(/\s+/g, " ").trim() !== "" ? [{ text: old.raw.replace(/\s+/g, " ").trim(), level: old.level }] : [];
				// A line that is no ATX heading may still be something else; compare ATX headings only.
				if (old !== null || outline.headings.length === 0) expect(outline.headings).toEqual(expected);
			}),
			{ seed: 8502, numRuns: 5000 },
		);
	});

	it("and parsing is unchanged for the common cases", () => {
		expect(extractOutline("# Title ##\n## Sub#\n### Three ### \n####\n").headings).toEqual([
			{ text: "Title", level: 1 },
			{ text: "Sub#", level: 2 },
			{ text: "Three", level: 3 },
		]);
		expect(parseCitations("See https://a.example/x.\n").references).toEqual([]);
	});
});
