/**
 * The incremental audit gives exactly the audit of the whole text after every edit: findings (with lines,
 * columns and related locations), statistics, the parse, link outcomes, works and citation keys. Notes are
 * hostile fragments between prose paragraphs (with ignore markers and citation keys), cut into tiny pieces;
 * edits are mostly typing in prose (the path that moves the previous findings) and sometimes syntax that
 * opens and closes code, comments, math and links (the path that audits again). Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditNote } from "../../../src/core/audit/audit-note";
import { IncrementalAuditor } from "../../../src/core/incremental/incremental-audit";
import { IncrementalParser } from "../../../src/core/incremental/incremental-parse";
import { parseCitations } from "../../../src/core/parse/parse-citations";
import type { AuditOptions } from "../../../src/core/types";
import { createVaultResolver } from "../../../src/core/vault/vault-resolver";
import { hostileNote, ROBUST_NOTES, ROBUST_VAULT } from "../../robustness/generators";

const PATH = "Essays/Note.md";

const PROSE = [
	"A paragraph of plain words cites nothing.",
	"Grain prices rose[^1] as the [[Alpha]] report says.",
	"%% citation-audit-ignore-next-line unused-definition, duplicate-source %%\n[^2]: [[Beta]]",
	"As shown by @doe2020 and [see @roe2019, p. 4].",
	"[^1]: [[Alpha#Intro]]\n[^3]: [[Alpha]]\n[^4]: [[Missing]] and https://example.org",
	"Some words\nacross two lines[^3] and a [[Missing]] link.",
];

const TYPED = ["e", "e", "e", " ", " ", "\n", "\n\n", "x", "é", "😀", "\r\n"];
const SYNTAX = ["[", "]", "^", "`", "```", "%%", "$$", "$", "<!--", "-->", "---\n", "[^1]", "\n[^1]: [[Alpha]]\n", "[[Beta]]", "@key", "%% citation-audit-ignore-next-line %%\n", "|", "#"];

type Edit = { at: number; remove: number; insert: string };

const edit: fc.Arbitrary<Edit> = fc.record({
	at: fc.nat(),
	remove: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.nat(40) }),
	insert: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TYPED) }, { weight: 2, arbitrary: fc.constantFrom(...SYNTAX) }, { weight: 1, arbitrary: fc.constant("") }),
});

function apply(text: string, { at, remove, insert }: Edit): string {
	const from = text.length === 0 ? 0 : at % (text.length + 1);
	return text.slice(0, from) + insert + text.slice(Math.min(text.length, from + remove));
}

/** Hostile fragments between prose paragraphs, so most of the note is text an edit can touch without a citation. */
const note = fc
	.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: hostileNote }), { minLength: 2, maxLength: 14 })
	.map((parts) => parts.join("\n\n"));

const OPTIONS: AuditOptions[] = [{}, { severities: { "unused-definition": "error", "duplicate-source": "info" } }, { checkBodyLinks: false, disabledKinds: ["no-vault-link"] }];

describe("IncrementalAuditor", () => {
	it("equals the full audit after every edit of random edit sequences (seed 15002)", () => {
		const resolver = createVaultResolver({ paths: ROBUST_VAULT, readNote: (path) => ROBUST_NOTES[path] ?? null });
		const paths = { moved: 0, full: 0 };
		fc.assert(
			fc.property(note, fc.array(edit, { minLength: 1, maxLength: 16 }), fc.constantFrom(1, 16, 64), fc.constantFrom(...OPTIONS), (start, edits, minPiece, options) => {
				const auditor = new IncrementalAuditor(minPiece);
				// The incremental parse, run beside, equals the full parse too (a `[` in an unclosed comment after a
				// fence opened on a definition's line once made the full parse drop that definition).
				const parser = new IncrementalParser(minPiece);
				let text = start;
				expect(parser.parse(text)).toEqual(parseCitations(text));
				expect(auditor.audit(text, PATH, resolver, options)).toEqual(auditNote(text, PATH, resolver, options));
				for (const next of edits) {
					text = apply(text, next);
					expect(parser.parse(text)).toEqual(parseCitations(text));
					const incremental = auditor.audit(text, PATH, resolver, options);
					const full = auditNote(text, PATH, resolver, options);
					expect(incremental).toEqual(full);
					// The same keys in the same order too: the findings are written out as JSON.
					expect(JSON.stringify(incremental.findings)).toBe(JSON.stringify(full.findings));
					paths[auditor.lastPath]++;
				}
			}),
			{ seed: 15002, numRuns: 1000 },
		);
		// The property says nothing about the moved path unless edits take it: most typing in prose should.
		expect(paths.moved).toBeGreaterThan(paths.full / 4);
		console.log(`incremental audit property: ${JSON.stringify(paths)}`);
		// A thousand edit sequences, each audited twice per edit: some 5 s alone, more on a shared machine.
	}, 60_000);

	it("a letter typed in a paragraph moves the previous findings; typing into a citation audits again", () => {
		const resolver = createVaultResolver({ paths: ROBUST_VAULT, readNote: (path) => ROBUST_NOTES[path] ?? null });
		const text = "Prices rose[^1] and fell[^2].\n\nA plain paragraph.\n\n[^1]: [[Missing]]\n[^2]: [[Missing]]\n";
		const auditor = new IncrementalAuditor(1);
		auditor.audit(text, PATH, resolver);
		const typed = text.replace("A plain", "A plainer");
		const moved = auditor.audit(typed, PATH, resolver);
		expect(auditor.lastPath).toBe("moved");
		expect(moved).toEqual(auditNote(typed, PATH, resolver));
		const inLabel = typed.replace("[^2]: [[Missing]]", "[^2]: [[Missin]]");
		expect(auditor.audit(inLabel, PATH, resolver)).toEqual(auditNote(inLabel, PATH, resolver));
		expect(auditor.lastPath).toBe("full");
	});

	it("reset() makes the next audit a full one (the vault changed)", () => {
		const resolver = createVaultResolver({ paths: ROBUST_VAULT, readNote: (path) => ROBUST_NOTES[path] ?? null });
		const text = "Words[^1].\n\nMore words.\n\n[^1]: [[Alpha]]\n";
		const auditor = new IncrementalAuditor(1);
		auditor.audit(text, PATH, resolver);
		auditor.audit(text.replace("More", "Moore"), PATH, resolver);
		expect(auditor.lastPath).toBe("moved");
		auditor.reset();
		auditor.audit(text.replace("More", "Mooore"), PATH, resolver);
		expect(auditor.lastPath).toBe("full");
	});
});
