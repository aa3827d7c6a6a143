/** auditNote's statistics, options and result shape, and hasFootnotes. */
import { describe, expect, it } from "vitest";
import { ALL_FINDING_KINDS, hasFootnotes, meetsMinSeverity, parseCitations } from "../../../src/core/index";
import { audit, kinds } from "../../fixtures/helpers";

describe("stats", () => {
	it("definitions include inline footnotes; references count occurrences; citedNotes counts distinct resolved files", () => {
		const text = [
			"A[^1] b[^1] c[^2] d[^3][^3] e^[inline [[Gamma]]] f^[plain] g [[Beta Note]].", // 5 references, 2 inline definitions
			"",
			"[^1]: [[Alpha]] and [[Sources/Alpha#Overview]]", // Alpha
			"[^2]: [[Missing]] and ![[paper.pdf]]", // unresolved; the PDF
			"[^3]: [[Gamma|g]] and [web](https://example.org)", // Gamma again
			"[^4]: [[alpha.md]]", // Alpha again (unused)
			"",
		].join("\n");
		expect(audit(text).stats).toEqual({ definitions: 6, references: 5, citedNotes: 3, citekeys: 0, citedWorks: 0 });
	});

	it("body links and malformed links do not count as cited notes", () => {
		const text = "x[^1] [[Beta Note]]\n\n[^1]: [[Alpha|a]\n";
		expect(audit(text).stats).toEqual({ definitions: 1, references: 1, citedNotes: 0, citekeys: 0, citedWorks: 0 });
	});

	it("counts the copies of a duplicated label", () => {
		expect(audit("x[^1]\n\n[^1]: [[Alpha]]\n[^1]: [[Alpha]]\n").stats).toEqual({ definitions: 2, references: 1, citedNotes: 1, citekeys: 0, citedWorks: 0 });
	});

	it("a note without footnotes has zero everywhere", () => {
		expect(audit("Just prose with [[Alpha]].\n").stats).toEqual({ definitions: 0, references: 0, citedNotes: 0, citekeys: 0, citedWorks: 0 });
	});
});

describe("result shape", () => {
	it("returns the path, findings sorted by offset, and the parse", () => {
		const text = "b[^z] [[Nope]]\n\n[^1]: [[Missing]]\n";
		const result = audit(text, {}, "Folder/Essay.md");
		expect(result.path).toBe("Folder/Essay.md");
		expect(result.findings.map((finding) => finding.offset)).toEqual([1, 6, 16, 22]);
		expect(kinds(result.findings)).toEqual(["undefined-reference", "unresolved-link", "unused-definition", "unresolved-target"]);
		expect(result.document.text).toBe(text);
		expect(result.outcomes).toHaveLength(result.document.links.length);
	});

	it("no finding has a null or undefined field, and JSON keeps the documented key order", () => {
		const text = "a[^1][^2][^u] [[Twin]]\n\n[^1]: [[Missing]]\n[^2]: [[Missing]]\n";
		for (const finding of audit(text).findings) {
			for (const value of Object.values(finding)) expect(value === null || value === undefined).toBe(false);
			const order = ["kind", "severity", "message", "line", "column", "offset", "length", "labels", "target", "resolved", "suggestions", "related"];
			const keys = Object.keys(JSON.parse(JSON.stringify(finding)) as object);
			expect(keys).toEqual(order.filter((key) => keys.includes(key)));
		}
	});
});

describe("options", () => {
	const text = "Body [[Nope]] and [[Twin]] and [[Open[^1]\n\n[^1]: [[Missing]] and [[Twin]]\n";

	it("by default checks body links", () => {
		expect(kinds(audit(text).findings)).toEqual([
			"unresolved-link",
			"ambiguous-target",
			"malformed-link",
			"unresolved-target",
			"ambiguous-target",
		]);
	});

	it("checkBodyLinks: false leaves out every body-link finding but still checks citation links", () => {
		const findings = audit(text, { checkBodyLinks: false }).findings;
		expect(kinds(findings)).toEqual(["unresolved-target", "ambiguous-target"]);
		expect(findings.every((finding) => finding.labels?.[0] === "1")).toBe(true);
	});

	it("checkBodyLinks: false does not change the statistics", () => {
		expect(audit(text, { checkBodyLinks: false }).stats).toEqual(audit(text).stats);
	});

	it("disabledKinds removes exactly those kinds", () => {
		expect(kinds(audit(text, { disabledKinds: ["ambiguous-target", "malformed-link"] }).findings)).toEqual([
			"unresolved-link",
			"unresolved-target",
		]);
		expect(audit(text, { disabledKinds: ALL_FINDING_KINDS }).findings).toEqual([]);
		expect(kinds(audit(text, { disabledKinds: [] }).findings)).toHaveLength(5);
	});
});

describe("hasFootnotes", () => {
	it.each([
		["a reference", "Text[^1].\n", true],
		["a definition", "[^1]: [[Alpha]]\n", true],
		["an inline footnote", "Text^[a note].\n", true],
		["no footnote", "Text [[Alpha]].\n", false],
		["a footnote only in code", "Text `[^1]`.\n\n```\n[^1]: x\n```\n", false],
		["a footnote only in frontmatter and comments", "---\na: \"[^1]\"\n---\n%% [^2] %% <!-- [^3] -->\n", false],
		["a footnote only in math", "$[^1]$\n", false],
	])("%s → %s", (_name, text, expected) => {
		expect(hasFootnotes(parseCitations(text))).toBe(expected);
	});
});

describe("robustness", () => {
	it.each([
		"",
		"\uFEFF",
		"[^",
		"[[",
		"^[",
		"[^1]:",
		"[^1]: [[",
		"[^1]: [[#^]]",
		"[[|]]",
		"[](<>)",
		"\r\n\r",
		"[^a]: [[\uD800]]\n[^a]",
		"%%",
		"$$",
		"```",
		"---\n---",
	])("does not throw on %j", (text) => {
		expect(() => audit(text)).not.toThrow();
	});
});

describe("severity options", () => {
	it("reports a kind with its configured severity and leaves the others at their defaults", () => {
		const text = "Body.[^1] [^ghost]\n\n[^1]: plain words\n";
		const plain = audit(text);
		const changed = audit(text, { severities: { "no-vault-link": "warning" } });
		expect(plain.findings.map((f) => [f.kind, f.severity])).toEqual([
			["undefined-reference", "error"],
			["no-vault-link", "info"],
		]);
		expect(changed.findings.map((f) => [f.kind, f.severity])).toEqual([
			["undefined-reference", "error"],
			["no-vault-link", "warning"],
		]);
	});

	it("orders severities for a minimum", () => {
		expect(meetsMinSeverity("error", "warning")).toBe(true);
		expect(meetsMinSeverity("warning", "warning")).toBe(true);
		expect(meetsMinSeverity("info", "warning")).toBe(false);
		expect(meetsMinSeverity("info", "info")).toBe(true);
		expect(meetsMinSeverity("warning", "error")).toBe(false);
	});
});
