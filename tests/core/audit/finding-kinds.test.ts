/**
 * Every finding kind, with the exact fields section 3 and section 6 of the spec decide: severity, position
 * (what the finding points at), labels, target, resolved, suggestions and related. Offsets, lines and columns
 * are counted by hand from the input strings (the comments show the count).
 */
import { describe, expect, it } from "vitest";
import { auditNote, type Finding, type LinkResolver } from "../../../src/core/index";
import { audit, brief, expectConsistentPositions, kinds, nth, snippet } from "../../fixtures/helpers";

/** The findings of `kind`, after checking every finding's positions. */
function findingsOf(text: string, kind: Finding["kind"]): Finding[] {
	const { findings } = audit(text);
	expectConsistentPositions(text, findings);
	return findings.filter((finding) => finding.kind === kind);
}

describe("unresolved-target (error)", () => {
	it("points at the whole citation link, with its label, target and suggestions", () => {
		// line 1: "Claim[^1].\n" is offsets 0-10; line 2 is the empty 11; line 3 starts at 12: "[^1]: " then the link at 18.
		const text = "Claim[^1].\n\n[^1]: [[Beta Nte]], p. 4\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "unresolved-target",
				severity: "error",
				message: expect.stringContaining("Beta Nte") as string,
				line: 3,
				column: 7,
				offset: 18,
				length: 12,
				labels: ["1"],
				target: "Beta Nte",
				suggestions: ["Sources/Beta Note.md"],
			},
		]);
	});

	it("omits suggestions when nothing is close, and keeps the subpath in target", () => {
		const text = "x[^a]\n\n[^a]: [[Completely Unrelated Title#Part One|see]]\n";
		const { findings } = audit(text);
		expect(findings).toHaveLength(1);
		const finding = nth(findings, 0);
		expect(finding).toEqual({
			kind: "unresolved-target",
			severity: "error",
			message: expect.stringContaining("[^a]") as string,
			line: 3,
			column: 7,
			offset: 13,
			length: 43,
			labels: ["a"],
			target: "Completely Unrelated Title#Part One",
		});
		expect("suggestions" in finding).toBe(false);
		expect("resolved" in finding).toBe(false);
	});

	it("a link in an inline footnote is a citation link without labels", () => {
		// "Claim^[see " is 11 code units: the link starts at 11.
		const text = "Claim^[see [[Nowhere To Be Found]] p. 2].\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unresolved-target", line: 1, column: 12, snippet: "[[Nowhere To Be Found]]", target: "Nowhere To Be Found" },
		]);
	});

	it("a markdown link in a definition: target is the URL as written", () => {
		const text = "x[^1]\n\n[^1]: [the survey](Missing%20Survey.md)\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{
				kind: "unresolved-target",
				line: 3,
				column: 7,
				snippet: "[the survey](Missing%20Survey.md)",
				labels: ["1"],
				target: "Missing%20Survey.md",
			},
		]);
	});

	it("[[../../etc/passwd]] resolves to nothing", () => {
		const text = "x[^1]\n\n[^1]: [[../../etc/passwd]]\n";
		expect(kinds(audit(text).findings)).toEqual(["unresolved-target"]);
		expect(nth(audit(text).findings, 0).target).toBe("../../etc/passwd");
	});
});

describe("missing-subpath (warning)", () => {
	const text = [
		"Body[^1][^2][^3][^4][^5][^6][^7].", // line 1
		"",
		"# Local Heading",
		"",
		"[^1]: [[Alpha#Conclusion]]", // line 5: missing heading
		"[^2]: [[Alpha#^nothere|see]]", // line 6: missing block
		"[^3]: [[Alpha#Results#Method]]", // line 7: Method is not under Results
		"[^4]: [[Alpha#Overview#Method]] and [[alpha#overview]]", // line 8: fine (nested; case-insensitive)
		"[^5]: [[Alpha#^claim]]", // line 9: fine
		"[^6]: ![[attachments/paper.pdf#page=2]]", // line 10: a PDF's subpath is not checked
		"[^7]: [[#Local Heading]] and [[#Elsewhere]]", // line 11: same note, checked against this text
		"",
	].join("\n");

	it("reports missing headings, nested headings and blocks, with resolved path and label", () => {
		const findings = findingsOf(text, "missing-subpath");
		expect(findings.map((finding) => brief(text, finding))).toEqual([
			{
				kind: "missing-subpath",
				line: 5,
				column: 7,
				snippet: "[[Alpha#Conclusion]]",
				labels: ["1"],
				target: "Alpha#Conclusion",
				resolved: "Sources/Alpha.md",
			},
			{
				kind: "missing-subpath",
				line: 6,
				column: 7,
				snippet: "[[Alpha#^nothere|see]]",
				labels: ["2"],
				target: "Alpha#^nothere",
				resolved: "Sources/Alpha.md",
			},
			{
				kind: "missing-subpath",
				line: 7,
				column: 7,
				snippet: "[[Alpha#Results#Method]]",
				labels: ["3"],
				target: "Alpha#Results#Method",
				resolved: "Sources/Alpha.md",
			},
			{
				kind: "missing-subpath",
				line: 11,
				column: 30,
				snippet: "[[#Elsewhere]]",
				labels: ["7"],
				target: "#Elsewhere",
				resolved: "Essay.md",
			},
		]);
		expect(findings.every((finding) => finding.severity === "warning" && finding.message.length > 0)).toBe(true);
		expect(findings.every((finding) => finding.suggestions === undefined && finding.related === undefined)).toBe(true);
	});

	it("produces no other finding for these links", () => {
		expect(kinds(audit(text).findings)).toEqual(["missing-subpath", "missing-subpath", "missing-subpath", "missing-subpath"]);
	});

	it("a same-note link follows the audited text, not a file on disk", () => {
		const withHeading = "See [[#Fresh Heading]].\n\n## Fresh Heading\n";
		expect(audit(withHeading).findings).toEqual([]);
		const without = "See [[#Fresh Heading]].\n";
		expect(audit(without).findings.map((finding) => brief(without, finding))).toEqual([
			{ kind: "missing-subpath", line: 1, column: 5, snippet: "[[#Fresh Heading]]", target: "#Fresh Heading", resolved: "Essay.md" },
		]);
	});
});

describe("duplicate-source (warning)", () => {
	// The seed's [^10] [^11] [^12] [^14] case: four labels, written four ways, one note. [^13] sits between.
	const text = [
		"Garbage everywhere[^7] [^10] [^11] [^12] [^13] .[^14]", // line 1
		"",
		"[^7]: [[Beta Note]]", // line 3
		"[^10]: [[Alpha|What it says]]", // line 4
		"[^11]: [[alpha]]", // line 5
		"[^12]: [[Sources/Alpha|again]], p. 9", // line 6
		"[^13]: [[Gamma]]", // line 7
		"[^14]: [[Alpha.md]]", // line 8
		"",
	].join("\n");

	it("one finding at the first definition; labels all four in definition order; related the others", () => {
		// Line starts: 1→0, 2→54, 3→55, 4→75, 5→105, 6→122, 7→159, 8→176.
		expect(audit(text).findings).toEqual([
			{
				kind: "duplicate-source",
				severity: "warning",
				message: expect.stringContaining("[^10]") as string,
				line: 4,
				column: 1,
				offset: 75,
				length: 5,
				labels: ["10", "11", "12", "14"],
				target: "Alpha",
				resolved: "Sources/Alpha.md",
				related: [
					{ line: 5, column: 1, offset: 105, length: 5, label: "11" },
					{ line: 6, column: 1, offset: 122, length: 5, label: "12" },
					{ line: 8, column: 1, offset: 176, length: 5, label: "14" },
				],
			},
		]);
		expect(snippet(text, { offset: 75, length: 5 })).toBe("[^10]");
		expect(snippet(text, { offset: 176, length: 5 })).toBe("[^14]");
	});

	it("the same file under different subpaths is not a duplicate source", () => {
		const different = "a[^1] b[^2]\n\n[^1]: [[Alpha#Overview]]\n[^2]: [[Alpha#Results]]\n";
		expect(audit(different).findings).toEqual([]);
		const same = "a[^1] b[^2]\n\n[^1]: [[Alpha#Overview]]\n[^2]: [[Alpha#overview|o]]\n";
		expect(kinds(audit(same).findings)).toEqual(["duplicate-source"]);
		expect(nth(audit(same).findings, 0).target).toBe("Alpha#Overview");
	});

	it("two definitions citing the same missing note: one duplicate-source and one unresolved-target per link", () => {
		// line 3 starts at 12, line 4 at 30.
		const missing = "a[^1] b[^2]\n\n[^1]: [[Lost Book]]\n[^2]: [[lost book|the book]]\n";
		expect(audit(missing).findings.map((finding) => brief(missing, finding))).toEqual([
			{ kind: "duplicate-source", line: 3, column: 1, snippet: "[^1]", labels: ["1", "2"], target: "Lost Book", related: ["4:1 2"] },
			{ kind: "unresolved-target", line: 3, column: 7, snippet: "[[Lost Book]]", labels: ["1"], target: "Lost Book" },
			{ kind: "unresolved-target", line: 4, column: 7, snippet: "[[lost book|the book]]", labels: ["2"], target: "lost book" },
		]);
	});

	it("a definition with two links can be in two groups", () => {
		const two = "a[^1] b[^2] c[^3]\n\n[^1]: [[Alpha]] and [[Gamma]]\n[^2]: [[Alpha]]\n[^3]: [[Gamma]]\n";
		expect(audit(two).findings.map((finding) => brief(two, finding))).toEqual([
			{ kind: "duplicate-source", line: 3, column: 1, snippet: "[^1]", labels: ["1", "2"], target: "Alpha", resolved: "Sources/Alpha.md", related: ["4:1 2"] },
			{ kind: "duplicate-source", line: 3, column: 1, snippet: "[^1]", labels: ["1", "3"], target: "Gamma", resolved: "Gamma.md", related: ["5:1 3"] },
		]);
	});

	it("definitions that cite the same two notes are one duplicate-source, not one per note", () => {
		const twins = "a[^1] b[^2]\n\n[^1]: [[Alpha]] and [[Gamma]]\n[^2]: [[Gamma]], [[Alpha]]\n";
		expect(audit(twins).findings.map((finding) => brief(twins, finding))).toEqual([
			{ kind: "duplicate-source", line: 3, column: 1, snippet: "[^1]", labels: ["1", "2"], target: "Alpha", resolved: "Sources/Alpha.md", related: ["4:1 2"] },
		]);
		// A third definition citing one of them makes that note's group another group.
		const three = `${twins}[^3]: [[Alpha]]\n`.replace("b[^2]", "b[^2] c[^3]");
		expect(audit(three).findings.filter((finding) => finding.kind === "duplicate-source").map((finding) => [finding.target, finding.labels])).toEqual([
			["Alpha", ["1", "2", "3"]],
			["Gamma", ["1", "2"]],
		]);
	});

	it("a label defined twice citing the same note is a duplicate label, not a duplicate source", () => {
		const copies = "a[^1]\n\n[^1]: [[Alpha]]\n[^1]: [[Alpha]]\n";
		expect(kinds(audit(copies).findings)).toEqual(["duplicate-label"]);
	});

	it("lists a label once even when one of its two definitions joins the group", () => {
		const mixed = "a[^3] b[^4]\n\n[^3]: [[Alpha]]\n[^4]: [[Alpha]]\n[^3]: [[Alpha]]\n";
		const source = audit(mixed).findings.find((finding) => finding.kind === "duplicate-source")!;
		expect(source.labels).toEqual(["3", "4"]);
		expect(source.related!.map((related) => `${related.line}:${related.label}`)).toEqual(["4:4", "5:3"]);
	});

	it("a PDF cited twice is a duplicate source too", () => {
		const pdf = "a[^1] b[^2]\n\n[^1]: ![[paper.pdf]]\n[^2]: [[attachments/paper.pdf|the paper]]\n";
		expect(audit(pdf).findings.map((finding) => brief(pdf, finding))).toEqual([
			{
				kind: "duplicate-source",
				line: 3,
				column: 1,
				snippet: "[^1]",
				labels: ["1", "2"],
				target: "paper.pdf",
				resolved: "attachments/paper.pdf",
				related: ["4:1 2"],
			},
		]);
	});
});

describe("undefined-reference (error)", () => {
	it("one finding per label, case-insensitively, at its first use; the other uses related", () => {
		// "See[^missing] and[^MISSING], again[^missing]." — offsets 3, 17, 32.
		const text = "See[^missing] and[^MISSING], again[^missing].\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "undefined-reference",
				severity: "error",
				message: expect.stringContaining("[^missing]") as string,
				line: 1,
				column: 4,
				offset: 3,
				length: 10,
				labels: ["missing", "MISSING"],
				related: [
					{ line: 1, column: 18, offset: 17, length: 10, label: "MISSING" },
					{ line: 1, column: 35, offset: 34, length: 10, label: "missing" },
				],
			},
		]);
	});

	it("a reference matches a definition whose label differs only in case", () => {
		expect(audit("x[^Note]\n\n[^note]: [[Alpha]]\n").findings).toEqual([]);
	});

	it("a single use has no related", () => {
		const text = "a\nb [^9]\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "undefined-reference",
				severity: "error",
				message: expect.any(String) as string,
				line: 2,
				column: 3,
				offset: 4,
				length: 4,
				labels: ["9"],
			},
		]);
	});
});

describe("unused-definition (warning)", () => {
	it("points at the [^label] of the definition", () => {
		const text = "Body.\n\n[^spare]: [[Alpha]]\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "unused-definition",
				severity: "warning",
				message: expect.stringContaining("[^spare]") as string,
				line: 3,
				column: 1,
				offset: 7,
				length: 8,
				labels: ["spare"],
			},
		]);
	});

	it("a duplicated label is reported unused once, at its first definition", () => {
		const text = "Body.\n\n[^1]: [[Alpha]]\n[^1]: [[Gamma]]\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "unused-definition", line: 3, column: 1, snippet: "[^1]", labels: ["1"] },
			{ kind: "duplicate-label", line: 4, column: 1, snippet: "[^1]", labels: ["1"], related: ["3:1 1"] },
		]);
	});

	it("a reference only inside code does not use a definition", () => {
		const text = "Body `[^1]`.\n\n[^1]: [[Alpha]]\n";
		expect(kinds(audit(text).findings)).toEqual(["unused-definition"]);
	});
});

describe("duplicate-label (error)", () => {
	it("at the second definition; labels as written; related the first and any further ones", () => {
		// line 3 "[^a]: [[Alpha]]" at 10, line 4 "[^A]: [[Missing One]]" at 26, line 5 "[^a]: [[Gamma]]" at 48.
		const text = "Use[^a].\n\n[^a]: [[Alpha]]\n[^A]: [[Missing One]]\n[^a]: [[Gamma]]\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "duplicate-label",
				severity: "error",
				message: expect.stringContaining("3 times") as string,
				line: 4,
				column: 1,
				offset: 26,
				length: 4,
				labels: ["a", "A"],
				related: [
					{ line: 3, column: 1, offset: 10, length: 4, label: "a" },
					{ line: 5, column: 1, offset: 48, length: 4, label: "a" },
				],
			},
			// The second definition's link is still checked.
			{
				kind: "unresolved-target",
				severity: "error",
				message: expect.any(String) as string,
				line: 4,
				column: 7,
				offset: 32,
				length: 15,
				labels: ["A"],
				target: "Missing One",
			},
		]);
	});

	it("the second definition of a referenced label is not unused", () => {
		expect(kinds(audit("x[^1]\n\n[^1]: [[Alpha]]\n[^1]: [[Gamma]]\n").findings)).toEqual(["duplicate-label"]);
	});
});

describe("malformed-link (error)", () => {
	it("the [^49] case: a [[ never closed, to the end of the line, and only that", () => {
		// line 3 starts at 10; "[^49]: " is 7 code units, so the link starts at 17 and runs to the end of line 3.
		const text = "End[^49]\n\n[^49]: [[Too Important to Leave|Too Important to Leave]\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "malformed-link",
				severity: "error",
				message: expect.stringContaining("never closed") as string,
				line: 3,
				column: 8,
				offset: 17,
				length: 48,
				labels: ["49"],
				target: "Too Important to Leave",
			},
		]);
		expect(text.slice(17, 65)).toBe("[[Too Important to Leave|Too Important to Leave]");
	});

	it("at the very end of a file without a newline", () => {
		const text = "End[^49]\n\n[^49]: [[Last|Last]";
		const [finding] = audit(text).findings;
		expect(finding).toMatchObject({ kind: "malformed-link", offset: 17, length: 12, labels: ["49"], target: "Last" });
		expect(kinds(audit(text).findings)).toEqual(["malformed-link"]);
	});

	it("[[]] is only malformed-link, in a definition and in the body", () => {
		const text = "a[^1] and [[]] too\n\n[^1]: [[]]\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "malformed-link", line: 1, column: 11, snippet: "[[]]", target: "" },
			{ kind: "malformed-link", line: 3, column: 7, snippet: "[[]]", labels: ["1"], target: "" },
		]);
	});

	it("an unclosed body link has no labels", () => {
		const text = "Text [[Half Open\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "malformed-link",
				severity: "error",
				message: expect.any(String) as string,
				line: 1,
				column: 6,
				offset: 5,
				length: 11,
				target: "Half Open",
			},
		]);
	});
});

describe("no-vault-link (info)", () => {
	it("plain text: at the label, no target", () => {
		const text = "x[^1]\n\n[^1]: A printed book, p. 12.\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "no-vault-link",
				severity: "info",
				message: expect.stringContaining("[^1]") as string,
				line: 3,
				column: 1,
				offset: 7,
				length: 4,
				labels: ["1"],
			},
		]);
	});

	it("only an external URL (the seed's [^6]): the URL is the target", () => {
		const text = "x[^6]\n\n[^6]: [A recorded panel - videos.example.org](https://videos.example.org/w/p/abc?list=6&resume=true)\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "no-vault-link", line: 3, column: 1, snippet: "[^6]", labels: ["6"], target: "https://videos.example.org/w/p/abc?list=6&resume=true" },
		]);
	});

	it("a bare or angle-bracketed URL, and a mailto: link", () => {
		const text = "x[^a][^b][^c]\n\n[^a]: see <https://example.org/p> now\n[^b]: https://example.org/q.\n[^c]: [write](mailto:author@example.org)\n";
		expect(audit(text).findings.map((finding) => [finding.kind, finding.labels, finding.target])).toEqual([
			["no-vault-link", ["a"], "https://example.org/p"],
			["no-vault-link", ["b"], "https://example.org/q."],
			["no-vault-link", ["c"], "mailto:author@example.org"],
		]);
	});

	it("an inline footnote without a vault link points at the inline footnote, without labels", () => {
		const text = "Claim^[my own observation].\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "no-vault-link",
				severity: "info",
				message: expect.any(String) as string,
				line: 1,
				column: 6,
				offset: 5,
				length: 21,
			},
		]);
	});

	it("not when the definition also cites a vault note, or cites a PDF or an image", () => {
		const text = [
			"x[^1][^2][^3][^4]",
			"",
			"[^1]: [[Alpha]] and https://example.org",
			"[^2]: ![[attachments/paper.pdf#page=2]]",
			"[^3]: ![[figure.png]]",
			"[^4]: [the chart](attachments/figure.png)",
			"",
		].join("\n");
		const result = audit(text);
		expect(result.findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "duplicate-source", line: 5, column: 1, snippet: "[^3]", labels: ["3", "4"], target: "figure.png", resolved: "attachments/figure.png", related: ["6:1 4"] },
		]);
		expect(result.stats.citedNotes).toBe(3);
	});

	it("a non-note file needs its extension: [[paper]] resolves to nothing", () => {
		const text = "x[^1]\n\n[^1]: ![[attachments/paper]]\n";
		expect(kinds(audit(text).findings)).toEqual(["unresolved-target"]);
	});
});

describe("ambiguous-target (warning)", () => {
	it("a bare name matching two files: resolved is Obsidian's pick, the message names the other", () => {
		const text = "x[^1]\n\n[^1]: [[Twin|a twin]]\n";
		const findings = audit(text).findings;
		expect(findings).toEqual([
			{
				kind: "ambiguous-target",
				severity: "warning",
				message: expect.stringContaining("y/Twin.md") as string,
				line: 3,
				column: 7,
				offset: 13,
				length: 15,
				labels: ["1"],
				target: "Twin",
				resolved: "x/Twin.md",
			},
		]);
	});

	it("a body link: no labels; a folder path is never ambiguous", () => {
		const text = "See [[Twin]] and [[y/Twin]].\n";
		expect(audit(text).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "ambiguous-target", line: 1, column: 5, snippet: "[[Twin]]", target: "Twin", resolved: "x/Twin.md" },
		]);
	});
});

describe("the engine's side of the resolver contract", () => {
	/** A resolver that reports every link as ambiguous and every subpath as uncheckable, and records its calls. */
	function stubResolver() {
		const limits: number[] = [];
		const resolver: LinkResolver = {
			resolve: (linkpath) =>
				linkpath.startsWith("missing") ? { path: null, alternatives: [] } : { path: "a/X.md", alternatives: ["b/X.md"] },
			hasSubpath: () => null,
			suggest: (_linkpath, _source, limit) => {
				limits.push(limit);
				return ["s1.md", "s2.md", "s3.md"];
			},
		};
		return { resolver, limits };
	}

	it("only a bare name is ambiguous, whatever alternatives the resolver reports", () => {
		const { resolver } = stubResolver();
		const text = "[[X]] [[a/X]] [[./X]]\n";
		expect(auditNote(text, "Essay.md", resolver).findings.map((finding) => brief(text, finding))).toEqual([
			{ kind: "ambiguous-target", line: 1, column: 1, snippet: "[[X]]", target: "X", resolved: "a/X.md" },
		]);
	});

	it("a subpath the resolver cannot check is not reported", () => {
		const { resolver } = stubResolver();
		expect(kinds(auditNote("[[a/X#Nowhere]]\n", "Essay.md", resolver).findings)).toEqual([]);
	});

	it("asks for at most 3 suggestions and reports them in the resolver's order", () => {
		const { resolver, limits } = stubResolver();
		const text = "x[^1]\n\n[^1]: [[missing one]]\n";
		expect(auditNote(text, "Essay.md", resolver).findings).toMatchObject([
			{ kind: "unresolved-target", suggestions: ["s1.md", "s2.md", "s3.md"] },
		]);
		expect(limits).toEqual([3]);
	});
});

describe("unresolved-link (warning)", () => {
	it("internal body links, wikilink or markdown, with suggestions; no labels", () => {
		const text = "See [[Beta Nte]], [x](Missing%20Thing.md), [[Gamma]] and [w](https://example.org/x).\n";
		expect(audit(text).findings).toEqual([
			{
				kind: "unresolved-link",
				severity: "warning",
				message: expect.stringContaining("Beta Nte") as string,
				line: 1,
				column: 5,
				offset: 4,
				length: 12,
				target: "Beta Nte",
				suggestions: ["Sources/Beta Note.md"],
			},
			{
				kind: "unresolved-link",
				severity: "warning",
				message: expect.any(String) as string,
				line: 1,
				column: 19,
				offset: 18,
				length: 23,
				target: "Missing%20Thing.md",
			},
		]);
	});

	it("links in frontmatter, comments and code are not checked", () => {
		const text = "---\nup: \"[[Nope]]\"\n---\n%% [[Nope]] %%\n`[[Nope]]`\n\n    [[Nope]]\n";
		expect(audit(text).findings).toEqual([]);
	});
});

describe("severity vocabulary", () => {
	it("each kind has the severity of the spec's table", () => {
		const text = [
			"a[^1][^2][^3][^4][^5][^6][^7][^8][^u] [[Nowhere Else]]", // line 1
			"",
			"[^1]: [[Missing Source]]",
			"[^2]: [[Alpha#Nope]]",
			"[^3]: [[Gamma]]",
			"[^4]: [[Gamma]]",
			"[^5]: [[Twin]]",
			"[^6]: plain",
			"[^7]: [[Unclosed",
			"[^8]: [[Beta Note]]",
			"[^8]: [[Beta Note#Beta]]",
			"[^z]: [[Beta Note#Beta]]",
			"",
		].join("\n");
		const severities = new Map(audit(text).findings.map((finding) => [finding.kind, finding.severity]));
		expect(Object.fromEntries([...severities].sort())).toEqual({
			"ambiguous-target": "warning",
			"duplicate-label": "error",
			"duplicate-source": "warning",
			"malformed-link": "error",
			"missing-subpath": "warning",
			"no-vault-link": "info",
			"undefined-reference": "error",
			"unresolved-link": "warning",
			"unresolved-target": "error",
			"unused-definition": "warning",
		});
	});
});
