/**
 * Adversarial notes: inputs built to make a parser hang or backtrack. Each must be audited correctly; the
 * assertions are about results (counts, kinds, positions), never about time — performance is measured by
 * `npm run bench` and the times of these inputs are recorded in the robustness report. A quadratic path shows up
 * here as vitest's 5-second timeout. Several of these were quadratic or worse before (see the comments).
 */
import { describe, expect, it } from "vitest";
import { findFootnotesWithoutVaultLinks } from "../../src/core/audit/no-vault-link";
import { auditNote, buildLineIndex, createVaultResolver, parseCitations, type NoteAudit } from "../../src/core/index";

const N = 100_000;
const TEN_MB = 10 * 1024 * 1024;

const NOTES: Record<string, string> = {
	"Alpha.md": "# Intro\n",
	"Beta.md": "# Beta\n",
	// A heading line with a long run of blanks: `(.*?)[ \t]*$` took seconds on it.
	"Spaces.md": `# a${" ".repeat(200_000)}b\n## c${" \t".repeat(100_000)}#x\n### d${" ".repeat(100_000)}##${" ".repeat(100_000)}\n`,
};

function audit(text: string): NoteAudit {
	const resolver = createVaultResolver({ paths: Object.keys(NOTES), readNote: (path) => NOTES[path] ?? null });
	return auditNote(text, "Essay.md", resolver);
}

function kindCounts(result: NoteAudit): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const finding of result.findings) counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
	return counts;
}

/** A line of `size` code units made of `unit` repeated (cut to size). */
function line(unit: string, size: number): string {
	return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

describe("brackets", () => {
	it("100,000 `[`: 50,000 unclosed wikilinks, each to the end of the line", () => {
		const text = "[".repeat(N);
		const result = audit(text);
		expect(kindCounts(result)).toEqual({ "malformed-link": N / 2 });
		expect(result.findings[0]).toMatchObject({ offset: 0, length: N, line: 1, column: 1 });
		expect(result.findings[N / 2 - 1]).toMatchObject({ offset: N - 2, length: 2 });
	});

	it("100,000 `[[`", () => {
		const result = audit("[[".repeat(N));
		expect(kindCounts(result)).toEqual({ "malformed-link": N });
	});

	it("100,000 `![[` and 100,000 `[[a|`", () => {
		const embeds = audit("![[".repeat(N));
		expect(kindCounts(embeds)).toEqual({ "malformed-link": N });
		expect(embeds.document.links.every((link) => link.embed)).toBe(true);
		const aliased = audit("[[a|".repeat(N));
		expect(kindCounts(aliased)).toEqual({ "malformed-link": N });
		expect(aliased.document.links[0]).toMatchObject({ target: "a", alias: "" });
	});

	it("100,000 `]]` and 100,000 `](`: nothing", () => {
		expect(audit("]]".repeat(N)).findings).toEqual([]);
		expect(audit("](".repeat(N)).document.links).toEqual([]);
	});

	it("100,000 `[a](` (every candidate scanned to the end of the line: quadratic before the nesting bound)", () => {
		const result = audit(`${"[a](".repeat(N)}\n\nEnd[^1].\n\n[^1]: [[Alpha]]\n`);
		expect(result.document.links).toHaveLength(1);
		expect(result.findings).toEqual([]);
		// A real link after them is still read; 32 nested parentheses are allowed, 33 are not (as in CommonMark).
		expect(parseCitations(`${"[a](".repeat(1000)} [t](Beta.md)`).links.map((link) => link.target)).toEqual(["Beta.md"]);
		expect(parseCitations(`[t](a${"(".repeat(32)}${")".repeat(32)})`).links).toHaveLength(1);
		expect(parseCitations(`[t](a${"(".repeat(33)}${")".repeat(33)})`).links).toHaveLength(0);
	});

	it("100,000 `[a](<` and `[a](x \"`: unclosed destinations and titles", () => {
		expect(parseCitations("[a](<".repeat(N)).links).toEqual([]);
		expect(parseCitations('[a](x "'.repeat(N)).links).toEqual([]);
	});
});

describe("footnote markers", () => {
	it("a note of only `[^`, on one line and on 100,000 lines", () => {
		for (const text of ["[^".repeat(N), "[^\n".repeat(N)]) {
			const result = audit(text);
			expect(result.document.references).toEqual([]);
			expect(result.document.definitions).toEqual([]);
			expect(result.findings).toEqual([]);
		}
	});

	it("100,000 `^[`: inline footnotes that never close are text", () => {
		const result = audit("^[".repeat(N));
		expect(result.document.definitions).toEqual([]);
		expect(result.findings).toEqual([]);
	});

	it("50,000 paragraphs each opening an inline footnote around a link (each close rescanned every link: 20,000 took 135 s)", () => {
		const result = audit("^[ [[Alpha]]\n\n".repeat(N / 2));
		expect(result.document.links).toHaveLength(N / 2);
		expect(result.document.links.every((link) => link.owner === -1)).toBe(true);
		expect(result.document.definitions).toEqual([]);
	});

	it("a footnote label of 10,000 characters (and of 100,000)", () => {
		for (const size of [10_000, N]) {
			const label = line("a", size);
			const text = `Claim[^${label}].\n\n[^${label}]: [[Alpha]]\n`;
			const result = audit(text);
			expect(result.findings).toEqual([]);
			expect(result.document.references.map((reference) => reference.label.length)).toEqual([size]);
			expect(result.document.definitions.map((definition) => definition.label.length)).toEqual([size]);
		}
	});

	it("50,000 definitions of one label", () => {
		const result = audit("[^1]: x\n".repeat(N / 2));
		expect(kindCounts(result)).toEqual({ "duplicate-label": 1, "unused-definition": 1, "no-vault-link": N / 2 });
		expect(result.findings.find((finding) => finding.kind === "duplicate-label")?.related).toHaveLength(N / 2 - 1);
	});

	it("`[^1]: ` 100,000 times on one line: nesting stops at markdown-it's limit", () => {
		const result = audit("[^1]: ".repeat(N));
		expect(result.document.definitions).toHaveLength(100);
		expect(new Set(result.document.definitions.map((definition) => definition.from)).size).toBe(100);
	});

	it("20,000 footnotes, each cited and defined", () => {
		const count = 20_000;
		const body = Array.from({ length: count }, (_, index) => `claim[^${index}]`).join(" ");
		const definitions = Array.from({ length: count }, (_, index) => `[^${index}]: [[${index % 2 ? "Alpha" : "Beta"}]], p. ${index}`).join("\n");
		const result = audit(`${body}\n\n${definitions}\n`);
		expect(result.stats).toEqual({ definitions: count, references: count, citedNotes: 2, citekeys: 0, citedWorks: 0 });
		expect(kindCounts(result)).toEqual({ "duplicate-source": 2 });
	});
});

describe("huge and deep", () => {
	it("a 10 MB single line without `[^`", () => {
		const result = audit(line("All work and no play. ", TEN_MB));
		expect(result.document.references).toEqual([]);
		expect(result.findings).toEqual([]);
	});

	it("a 10 MB single line full of `[^` that are no references, and one that is", () => {
		const text = `${line("word [^ [^a b] [^] ", TEN_MB)}[^1]\n\n[^1]: [[Alpha]]\n`;
		const result = audit(text);
		expect(result.document.references.map((reference) => reference.from)).toEqual([TEN_MB]);
		expect(result.findings).toEqual([]);
	});

	it("a 10 MB single line with 100,000 references", () => {
		const text = `${line(`${line("word ", 100)}[^1]`, TEN_MB)}\n\n[^1]: [[Alpha]]\n`;
		const result = audit(text);
		expect(result.document.references.length).toBe(Math.floor(TEN_MB / 104));
		expect(result.findings).toEqual([]);
		const last = result.document.references[result.document.references.length - 1];
		expect(text.slice(last.from, last.to)).toBe("[^1]");
	});

	it("50,000 nested list levels, 50,000 nested quotes, 2,000 indented list levels (past 100 levels markdown-it skipped the rest of the note)", () => {
		for (const prefix of ["- ", "> ", "1. ", "* > "]) {
			const result = audit(`${prefix.repeat(50_000)}claim[^1]\n\n[^1]: [[Alpha]]\n`);
			expect(result.document.references).toHaveLength(1);
			expect(result.findings).toEqual([]);
		}
		const indented = Array.from({ length: 2000 }, (_, depth) => `${"  ".repeat(depth)}- item[^1]`).join("\n");
		const result = audit(`${indented}\n\n[^1]: [[Alpha]]\n`);
		// markdown-it stops nesting lists at 100 levels; deeper items are text, their references still read.
		expect(result.document.references.length).toBeGreaterThan(0);
		expect(result.findings.every((finding) => finding.kind !== "undefined-reference")).toBe(true);
	});

	it("a definition that never ends: 100,000 continuation lines, each citing a note", () => {
		const text = `Claim[^1].\n\n[^1]: [[Alpha]]\n${"    and more of the same definition, citing [[Beta]]\n".repeat(N)}`;
		const result = audit(text);
		expect(result.document.definitions).toHaveLength(1);
		expect(result.document.definitions[0].links).toHaveLength(N + 1);
		expect(result.document.definitions[0].to).toBe(text.length - 1);
		expect(result.findings).toEqual([]);
	});

	it("a definition that never ends, by lazy continuation", () => {
		const text = `Claim[^1].\n\n[^1]: [[Alpha]]\n${"lazy line of the definition\n".repeat(300_000)}`;
		const result = audit(text);
		expect(result.document.definitions).toHaveLength(1);
		expect(result.document.definitions[0].to).toBe(text.length - 1);
	});

	it("a 10 MB line of letters in a definition (a bare-URL search restarted at every letter: quadratic)", () => {
		const text = `Claim[^1].\n\n[^1]: ${line("a", TEN_MB)} www.example.org/x\n`;
		const result = audit(text);
		expect(result.findings).toEqual([
			expect.objectContaining({ kind: "no-vault-link", target: "www.example.org/x", offset: 12 }),
		]);
	});

	it("the bare-URL search still returns the leftmost URL as the regular expression did", () => {
		const urlOf = (content: string): string | undefined => {
			const text = `[^1]: ${content}\n\nx[^1]`;
			return findFootnotesWithoutVaultLinks(parseCitations(text), buildLineIndex(text))[0]?.target;
		};
		expect(urlOf("see 1https://a.b/c and www.x.y")).toBe("https://a.b/c");
		expect(urlOf("see xwww.x.y/z")).toBe("www.x.y/z");
		expect(urlOf("see www.x://y")).toBe("www.x://y");
		expect(urlOf("see ab:// then www.")).toBeUndefined();
		expect(urlOf("a <https://e.org/p?q=(1)> b")).toBe("https://e.org/p?q=");
	});

	it("a cited note whose heading lines hold long runs of blanks (the outline's regular expressions backtracked)", () => {
		const result = audit("Claim[^1].\n\n[^1]: [[Spaces#Nope]] and [[Spaces#a b]] and [[Spaces#c x]] and [[Spaces#d]]\n");
		expect(result.findings.map((finding) => [finding.kind, finding.target])).toEqual([["missing-subpath", "Spaces#Nope"]]);
	});
});

describe("code, comments and math markers", () => {
	it("100,000 backticks, as one run and as lone ones", () => {
		for (const text of ["` ".repeat(N), "`\n".repeat(N), `x${"`".repeat(N)}`]) {
			const result = audit(`${text}\n\nEnd[^1].\n\n[^1]: [[Alpha]]\n`);
			expect(result.document.references).toHaveLength(1);
			expect(result.findings).toEqual([]);
		}
		// At the start of a line, a run of three or more is a fence: never closed, it runs to the end.
		const fenced = audit(`${"`".repeat(N)}\n\nEnd[^1].\n\n[^1]: [[Alpha]]\n`);
		expect(fenced.document.references).toEqual([]);
		expect(fenced.document.definitions).toEqual([]);
	});

	it("backtick runs of every length from 1 to 2,000, none closed (each searched its paragraph: n^1.5)", () => {
		const runs = Array.from({ length: 2000 }, (_, index) => "`".repeat(index + 1)).join(" x[^1] ");
		const result = audit(`${runs}\n\n[^1]: [[Alpha]]\n`);
		expect(result.document.references).toHaveLength(1999);
	});

	it("100,000 `$`, and `$a ` 100,000 times", () => {
		// `$$` pairs are display math; the references after them are read.
		for (const text of ["$".repeat(N), "$a ".repeat(N)]) {
			const result = audit(`${text}\n\nEnd[^1].\n\n[^1]: [[Alpha]]\n`);
			expect(result.document.references).toHaveLength(1);
		}
	});

	it("`$` inside and beside 100,000 wikilinks on one line: one pass over the line, not one per `$`", () => {
		for (const text of ["[[$ ".repeat(N), "[[a$b]] ".repeat(N), "$[[".repeat(N), `${"[[".repeat(N)}$ ]]`]) {
			const result = audit(`${text}\n\nEnd[^1].\n\n[^1]: [[Alpha]]\n`);
			expect(result.document.references).toHaveLength(1);
		}
		// A `$` in a link opens no math: the reference after the links is read, in prose.
		const linked = audit(`${"[[Alpha#$x]] ".repeat(1000)}[^1]\n\n[^1]: [[Alpha]]\n`);
		expect(linked.document.references).toHaveLength(1);
	});

	it("100,000 lone `%` (no `%%`) hide nothing; 100,000 `%` are closed comments", () => {
		const lone = audit(`${"% ".repeat(N)}[^1]\n\n[^1]: [[Alpha]]\n`);
		expect(lone.document.references).toHaveLength(1);
		// An even run of `%` is closed comments; the reference after them on the line is read (blanked, the
		// comments would indent it into a code block).
		const paired = audit(`${"%".repeat(N)}[^1]\n\n[^1]: [[Alpha]]\n`);
		expect(paired.document.references).toHaveLength(1);
		expect(paired.findings).toEqual([]);
	});

	it("100,000 `<!--` never closed: inside a paragraph they hide nothing; opening a line, an HTML block to the end", () => {
		const inline = audit(`x ${"<!--".repeat(N)} [^1]\n\n[^1]: [[Alpha]]\n`);
		expect(inline.document.references).toHaveLength(1);
		expect(inline.document.definitions).toHaveLength(1);
		// As in GFM: an HTML comment block that never closes runs to the end of the note.
		const block = audit(`${"<!--".repeat(N)} [^1]\n\n[^1]: [[Alpha]]\n`);
		expect(block.document.references).toEqual([]);
		expect(block.document.definitions).toEqual([]);
	});

	it("100,000 `\\`, 100,000 fence lines, 100,000 `%%` lines, an unclosed frontmatter of 100,000 lines", () => {
		expect(audit(`${"\\".repeat(N)}[^1]\n\n[^1]: x`).document.references).toHaveLength(N % 2 === 0 ? 1 : 0);
		// 100,000 fences pair up: 50,000 empty code blocks, then the prose.
		expect(audit(`${"```\n".repeat(N)}[^1]\n\n[^1]: x`).document.references).toHaveLength(1);
		expect(audit(`${"%%\n".repeat(N)}[^1]\n\n[^1]: x`).document.references).toHaveLength(1);
		expect(audit(`---\n${"a: b\n".repeat(N)}[^1]\n\n[^1]: x`).document.references).toHaveLength(1);
	});
});
