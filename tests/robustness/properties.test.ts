/**
 * Properties of the audit on hostile notes (see generators.ts), each with a fixed seed so a failure reproduces:
 *   1. auditNote never throws;
 *   2. every finding (and related location) lies inside the text, its slice is the text it names — `[^label]`
 *      for label kinds, the link from its `[[`, `![[`, `[` or `![` for link kinds — and its line and column agree
 *      with its offset, counted here independently;
 *   3. auditing is deterministic: the same input twice gives deep-equal results, and the result is plain JSON;
 *   4. findings are sorted by offset;
 *   5. a reference or definition inside code (fenced, indented, inline span) is never reported or recorded;
 *   6. line breaks and a BOM move nothing but offsets: the CRLF copy of a note and the note behind a BOM give the
 *      same findings at the same lines and columns (the BOM shifts only line 1).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditNote, createVaultResolver, type Finding, type LinkResolver, type NoteAudit } from "../../src/core/index";
import { codeEssay, hostileNote, MARKER, ROBUST_NOTES, ROBUST_VAULT } from "./generators";

/** Cheap properties run 1,000 times, the rest 300 (the brief's floor); seeds are fixed. */
const CHEAP_RUNS = 1000;
const RUNS = 300;

function resolver(): LinkResolver {
	return createVaultResolver({ paths: ROBUST_VAULT, readNote: (path) => ROBUST_NOTES[path] ?? null });
}

function audit(text: string): NoteAudit {
	return auditNote(text, "Essays/Essay.md", resolver());
}

/** 1-based line and column of an offset, counted from the text (a line ends at `\n`; `\r` belongs to its line). */
function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
		line++;
		lineStart = at + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

const LABEL_KINDS = new Set(["undefined-reference", "unused-definition", "duplicate-label", "duplicate-source", "no-vault-link"]);

/** Property 2 for one finding: inside the text, the right slice, the right line and column. */
function expectWellPlaced(text: string, finding: Finding): void {
	const where = `${finding.kind} at ${finding.offset}`;
	expect(Number.isInteger(finding.offset) && finding.offset >= 0, where).toBe(true);
	expect(finding.length, where).toBeGreaterThan(0);
	expect(finding.offset + finding.length, where).toBeLessThanOrEqual(text.length);
	expect({ line: finding.line, column: finding.column }, where).toEqual(lineColumn(text, finding.offset));
	const slice = text.slice(finding.offset, finding.offset + finding.length);
	if (LABEL_KINDS.has(finding.kind) && finding.labels) {
		// The `[^label]` of the first label involved (a duplicate label points at its second spelling).
		const expected = `[^${finding.labels[0]}]`;
		if (finding.kind === "duplicate-label") expect(slice.toLowerCase(), where).toBe(expected.toLowerCase());
		else expect(slice, where).toBe(expected);
		for (const related of finding.related ?? []) {
			expect(text.slice(related.offset, related.offset + related.length), where).toBe(`[^${related.label}]`);
			expect({ line: related.line, column: related.column }, where).toEqual(lineColumn(text, related.offset));
		}
	} else if (finding.kind === "no-vault-link") {
		// An inline footnote: from its `^[` to its `]`.
		expect(slice.startsWith("^[") && slice.endsWith("]"), where).toBe(true);
	} else {
		// A link: from its `[[`, `![[`, `[` or `![`, holding its target as written; unclosed, it runs to the
		// end of its line, never past it.
		expect(/^!?\[/.test(slice), where).toBe(true);
		if (finding.target !== undefined) expect(slice, where).toContain(finding.target);
		if (finding.kind === "malformed-link" && finding.message.includes("never closed")) {
			// To the end of the line exactly: a lone `\r` is no line break (as in the rest of the engine).
			const after = text.slice(finding.offset + finding.length);
			expect(slice, where).not.toContain("\n");
			expect(after === "" || after.startsWith("\n") || after.startsWith("\r\n"), where).toBe(true);
		}
	}
}

describe("auditing hostile notes", { timeout: 120_000 }, () => {
	it("never throws, and every finding is well placed (seed 8101)", () => {
		let findings = 0;
		const kinds = new Set<string>();
		fc.assert(
			fc.property(hostileNote, (text) => {
				const result = audit(text);
				for (const finding of result.findings) {
					expectWellPlaced(text, finding);
					kinds.add(finding.kind);
				}
				findings += result.findings.length;
			}),
			{ seed: 8101, numRuns: CHEAP_RUNS },
		);
		// The generator reaches every finding kind.
		expect([...kinds].sort(), [...kinds].join()).toEqual([
			"ambiguous-target",
			"duplicate-label",
			"duplicate-source",
			"malformed-link",
			"missing-subpath",
			"no-vault-link",
			"undefined-reference",
			"unresolved-link",
			"unresolved-target",
			"unused-definition",
		]);
		expect(findings).toBeGreaterThan(CHEAP_RUNS);
	});

	it("parsed references, definitions and links lie inside the text and name what they hold (seed 8102)", () => {
		fc.assert(
			fc.property(hostileNote, (text) => {
				const { document } = audit(text);
				for (const reference of document.references) {
					expect(text.slice(reference.from, reference.to)).toBe(`[^${reference.label}]`);
				}
				for (const definition of document.definitions) {
					expect(definition.from).toBeLessThanOrEqual(definition.contentFrom);
					expect(definition.contentFrom).toBeLessThanOrEqual(definition.to);
					expect(definition.to).toBeLessThanOrEqual(text.length);
					const mark = text.slice(definition.labelRange.from, definition.labelRange.to);
					expect(mark).toBe(definition.inline ? "^[" : `[^${definition.label}]`);
				}
				// Definitions are disjoint and in text order; each link belongs to the definition that holds it.
				for (let index = 1; index < document.definitions.length; index++) {
					expect(document.definitions[index].from).toBeGreaterThanOrEqual(document.definitions[index - 1].from);
				}
				for (const link of document.links) {
					expect(link.from).toBeGreaterThanOrEqual(0);
					expect(link.to).toBeLessThanOrEqual(text.length);
					expect(link.targetRange.from).toBeGreaterThanOrEqual(link.from);
					expect(link.targetRange.to).toBeLessThanOrEqual(link.to);
					if (link.owner !== -1) expect(document.definitions[link.owner].links).toContain(document.links.indexOf(link));
				}
			}),
			{ seed: 8102, numRuns: CHEAP_RUNS },
		);
	});

	it("is deterministic, sorted by offset, and plain JSON (seed 8103)", () => {
		fc.assert(
			fc.property(hostileNote, (text) => {
				const first = audit(text);
				const second = audit(text);
				expect(second.findings).toEqual(first.findings);
				expect(second.stats).toEqual(first.stats);
				expect(second.document).toEqual(first.document);
				expect(second.outcomes).toEqual(first.outcomes);
				// No undefined, null, NaN or class instance hides in a finding: it survives JSON unchanged.
				expect(JSON.parse(JSON.stringify(first.findings))).toEqual(first.findings);
				for (let index = 1; index < first.findings.length; index++) {
					expect(first.findings[index].offset).toBeGreaterThanOrEqual(first.findings[index - 1].offset);
				}
			}),
			{ seed: 8103, numRuns: CHEAP_RUNS },
		);
	});

	it("CRLF and a BOM change offsets only (seed 8104)", () => {
		const view = (result: NoteAudit, lineOneShift: number) =>
			result.findings.map(({ offset: _offset, related, ...rest }) => ({
				...rest,
				column: rest.line === 1 ? rest.column - lineOneShift : rest.column,
				related: related?.map(({ offset: _relatedOffset, ...place }) => ({ ...place, column: place.line === 1 ? place.column - lineOneShift : place.column })),
			}));
		fc.assert(
			fc.property(hostileNote, (note) => {
				// LF only, no BOM: the reference copy.
				const text = note.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
				const lf = audit(text);
				expect(view(audit(text.replace(/\n/g, "\r\n")), 0)).toEqual(view(lf, 0));
				expect(view(audit(`\uFEFF${text}`), 1)).toEqual(view(lf, 0));
			}),
			{ seed: 8104, numRuns: RUNS },
		);
	});
});

describe("references inside code", { timeout: 120_000 }, () => {
	it(`[^${MARKER}] in fenced, indented and inline code is never a reference, definition or finding (seed 8201)`, () => {
		let sawCodeBlock = 0;
		let sawSpan = 0;
		fc.assert(
			fc.property(codeEssay, (text) => {
				if (text.includes("```") || text.includes("    [^")) sawCodeBlock++;
				if (/`[^`\n]*\[\^incode\]/.test(text)) sawSpan++;
				const result = audit(text);
				expect(result.document.references.map((reference) => reference.key)).not.toContain(MARKER);
				expect(result.document.definitions.map((definition) => definition.key)).not.toContain(MARKER);
				for (const finding of result.findings) {
					expect(finding.labels ?? []).not.toContain(MARKER);
					expect(finding.message).not.toContain(MARKER);
					expect(finding.related?.map((related) => related.label) ?? []).not.toContain(MARKER);
				}
			}),
			{ seed: 8201, numRuns: CHEAP_RUNS },
		);
		expect(sawCodeBlock).toBeGreaterThan(CHEAP_RUNS / 2);
		expect(sawSpan).toBeGreaterThan(CHEAP_RUNS / 4);
	});

	it("the prose around the code is still read: its references are found (seed 8202)", () => {
		fc.assert(
			fc.property(codeEssay, (text) => {
				// Code holds only the marker, so every other `[^x]` not followed by `:` is a reference in prose.
				const result = audit(text);
				const written = [...text.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].filter((match) => match[1] !== MARKER).map((match) => match.index);
				expect(result.document.references.map((reference) => reference.from)).toEqual(written);
			}),
			{ seed: 8202, numRuns: RUNS },
		);
	});
});
