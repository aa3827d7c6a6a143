/** Ignore markers inside auditNote: what they silence, and the `unused-ignore` findings for those that silence nothing. */
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../src/core/fixes/edits";
import { ignoreFinding } from "../../../src/core/ignore/index";
import { audit, brief, expectConsistentPositions, kinds, nth } from "../../fixtures/helpers";

const lines = (...parts: string[]) => parts.join("\n");

describe("line markers", () => {
	it("a marker with a kind silences that kind on the next line only", () => {
		const text = lines(
			"One[^a] two[^b].",
			"",
			"%% citation-audit-ignore-next-line no-vault-link %%",
			"[^a]: A plain remark.",
			"[^b]: Another plain remark.",
		);
		const result = audit(text);
		expect(result.findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "no-vault-link", line: 5, column: 1, snippet: "[^b]", labels: ["b"] },
		]);
	});

	it("a marker without kinds silences every kind on the next line", () => {
		const text = lines("See [[Nowhere]] and [^ghost].", "%% citation-audit-ignore-next-line %%", "Also [[Elsewhere]] and [^phantom].");
		const result = audit(text);
		expect(result.findings.map((finding) => `${finding.kind}@${finding.line}`)).toEqual([
			"unresolved-link@1",
			"undefined-reference@1",
		]);
	});

	it("several kinds, separated by commas or spaces", () => {
		const text = lines("%% citation-audit-ignore-next-line undefined-reference,unresolved-link %%", "[[Nowhere]] [^ghost]");
		expect(audit(text).findings).toEqual([]);
		const spaced = lines("%%citation-audit-ignore-next-line   undefined-reference unresolved-link%%", "[[Nowhere]] [^ghost]");
		expect(audit(spaced).findings).toEqual([]);
	});

	it("CRLF line endings and a marker inside a quote and a list", () => {
		const text = ["> %% citation-audit-ignore-next-line undefined-reference %%", "> quoted[^ghost]", "- item", "  %% citation-audit-ignore-next-line %%", "- next[^other]", ""].join("\r\n");
		expect(audit(text).findings).toEqual([]);
	});

	it("the words outside a comment (prose, code) are not a marker", () => {
		const text = lines("`%% citation-audit-ignore-next-line %%`", "[^ghost]", "```", "%% citation-audit-ignore-next-line %%", "```", "[^phantom]");
		expect(kinds(audit(text).findings)).toEqual(["undefined-reference", "undefined-reference"]);
	});

	it("a marker two lines above does not count, and reports itself unused", () => {
		const text = lines("%% citation-audit-ignore-next-line %%", "", "[^ghost]");
		const result = audit(text);
		expect(result.findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unused-ignore", line: 1, column: 1, snippet: "%% citation-audit-ignore-next-line %%" },
			{ kind: "undefined-reference", line: 3, column: 1, snippet: "[^ghost]", labels: ["ghost"] },
		]);
		expect(nth(result.findings, 0).severity).toBe("info");
		expect(nth(result.findings, 0).message).toBe("This citation-audit-ignore-next-line marker silences nothing on line 2");
	});

	it("each listed kind that silences nothing is reported, naming the kind", () => {
		const text = lines("%% citation-audit-ignore-next-line undefined-reference, malformed-link %%", "[^ghost]");
		const result = audit(text);
		expect(result.findings.map((finding) => finding.message)).toEqual([
			"This citation-audit-ignore-next-line marker silences no malformed-link on line 2",
		]);
	});

	it("an unknown kind name is reported as unused-ignore naming it; the known kinds still work", () => {
		const text = lines("%% citation-audit-ignore-next-line undefined-refrence, unresolved-link %%", "[^ghost] [[Nowhere]]");
		const result = audit(text);
		expect(kinds(result.findings)).toEqual(["unused-ignore", "undefined-reference"]);
		expect(nth(result.findings, 0).message).toMatch(/^"undefined-refrence" is not a finding kind, so it ignores nothing/);
	});

	it("a marker cannot silence an unused-ignore finding", () => {
		const text = lines("%% citation-audit-ignore-next-line %%", "%% citation-audit-ignore-next-line %%", "plain");
		expect(kinds(audit(text).findings)).toEqual(["unused-ignore", "unused-ignore"]);
	});

	it("ignoring happens before disabled kinds: a marker for a disabled kind is not reported unused", () => {
		const text = lines("%% citation-audit-ignore-next-line undefined-reference %%", "[^ghost]");
		expect(audit(text, { disabledKinds: ["undefined-reference"] }).findings).toEqual([]);
		expect(kinds(audit("%% citation-audit-ignore-next-line %%\nplain", { disabledKinds: ["unused-ignore"] }).findings)).toEqual([]);
	});

	it("positions of unused-ignore findings are consistent (astral characters before the marker)", () => {
		const text = lines("𝒜𝒷 %% citation-audit-ignore-next-line %%", "plain");
		const result = audit(text);
		expectConsistentPositions(text, result.findings);
		expect(nth(result.findings, 0).column).toBe(6);
	});
});

describe("frontmatter property", () => {
	it("a list silences the kinds in the whole note", () => {
		const text = lines("---", "citation-audit-ignore: [no-vault-link, undefined-reference]", "---", "A[^a] b[^ghost] [[Nowhere]]", "", "[^a]: plain");
		expect(kinds(audit(text).findings)).toEqual(["unresolved-link"]);
	});

	it("a single string, a block list, a quoted key", () => {
		const body = "A[^ghost] [[Nowhere]]";
		expect(kinds(audit(lines("---", "citation-audit-ignore: undefined-reference", "---", body)).findings)).toEqual(["unresolved-link"]);
		expect(kinds(audit(lines("---", "title: x", "citation-audit-ignore:", "  - undefined-reference", "  - unresolved-link", "tags: [a]", "---", body)).findings)).toEqual([]);
		expect(kinds(audit(lines("---", '"citation-audit-ignore": ["unresolved-link"]', "---", body)).findings)).toEqual(["undefined-reference"]);
	});

	it("an entry that silences nothing, or names no kind, is an unused-ignore at the entry", () => {
		const text = lines("---", "citation-audit-ignore: [duplicate-label, no-such-kind]", "---", "A[^ghost]");
		const result = audit(text);
		expect(result.findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unused-ignore", line: 2, column: 25, snippet: "duplicate-label" },
			{ kind: "unused-ignore", line: 2, column: 42, snippet: "no-such-kind" },
			{ kind: "undefined-reference", line: 4, column: 2, snippet: "[^ghost]", labels: ["ghost"] },
		]);
	});

	it("listing unused-ignore silences the unused reports of the note", () => {
		const text = lines("---", "citation-audit-ignore: [unused-ignore, duplicate-label]", "---", "%% citation-audit-ignore-next-line %%", "plain");
		expect(audit(text).findings).toEqual([]);
	});

	it("the key outside frontmatter is prose, not a property", () => {
		expect(kinds(audit(lines("citation-audit-ignore: [undefined-reference]", "A[^ghost]")).findings)).toEqual(["undefined-reference"]);
		expect(kinds(audit(lines("Intro.", "---", "citation-audit-ignore: [undefined-reference]", "---", "A[^ghost]")).findings)).toEqual(["undefined-reference"]);
	});

	it("frontmatter after a byte order mark is frontmatter", () => {
		const body = lines("---", "citation-audit-ignore: [undefined-reference]", "---", "A[^ghost]");
		expect(kinds(audit(body).findings)).toEqual([]);
		expect(kinds(audit(`\uFEFF${body}`).findings)).toEqual([]);
	});
});

describe("the Ignore fix, honoured by the next audit", () => {
	const cases: [string, string][] = [
		["a paragraph", lines("Intro.", "", "A claim[^ghost].")],
		["a list item", lines("- first", "- a claim[^ghost]", "- last")],
		["an ordered item after a blank line", lines("1. first", "", "10. a claim[^ghost]")],
		["a quote", lines("> quoted", "> a claim[^ghost]")],
		["a callout body", lines("> [!note] Title", "> a claim[^ghost]")],
		["a callout title", lines("Intro.", "", "> [!note] A claim[^ghost]", "> body")],
		["a definition", lines("A[^1]", "", "[^1]: plain remark")],
		["the first line", "A claim[^ghost]."],
		["CRLF", "One.\r\nA claim[^ghost].\r\n"],
	];
	for (const [name, text] of cases) {
		it(`${name}: after the fix the finding is gone and nothing new is reported`, () => {
			const before = audit(text);
			const finding = before.findings.find((candidate) => candidate.kind !== "unused-ignore")!;
			const edits = ignoreFinding(text, finding);
			expect(edits).not.toBeNull();
			const after = audit(applyEdits(text, edits!));
			expect(after.findings.map((f) => f.kind)).toEqual(before.findings.filter((f) => f !== finding).map((f) => f.kind));
			expect(after.stats).toEqual(before.stats);
		});
	}
});
