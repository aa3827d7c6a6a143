/**
 * The merge fix on a duplicate-source group of one work under two notes, with the same rules as on a
 * same-file group: a definition that says the same as the kept one merges silently; one that cites the other
 * note (or adds a page, or other display text) is a `lossy` merge of its own, which Fix all leaves alone.
 */
import { describe, expect, it } from "vitest";
import { auditNote } from "../../../src/core/audit/audit-note";
import { fixAllToFixpoint } from "../../../src/core/fixes/fix-to-fixpoint";
import { mergeDuplicateSources } from "../../../src/core/fixes/merge-duplicate-sources";
import type { NoteProperties } from "../../../src/core/vault/note-properties";
import { applied, note, resolverFor } from "./helpers";

const PATHS = ["Sources/yuanInhibiting2015.md", "Sources/Yuan-2015.md", "Sources/Other Source.md"];
const PROPERTIES: NoteProperties = {
	properties: (path) => (path === "Sources/Other Source.md" ? null : { doi: path.includes("-") ? "doi:10.1234/ABC" : "https://doi.org/10.1234/abc" }),
	frontmatterError: () => null,
};
const RESOLVER = resolverFor(PATHS);

const auditOf = (text: string) => auditNote(text, "Essay.md", RESOLVER, { properties: PROPERTIES });

function mergesOf(text: string) {
	const audit = auditOf(text);
	const finding = audit.findings.find((candidate) => candidate.kind === "duplicate-source");
	if (!finding) throw new Error("expected a duplicate-source finding");
	return mergeDuplicateSources(audit, finding);
}

describe("merging a group of one work under two notes", () => {
	it("offers the other note's definition as a lossy merge, with the text that would go", () => {
		const before = note("Claim[^1], again[^2] and[^3].", "", "[^1]: [[yuanInhibiting2015]]", "[^2]: [[Yuan-2015]]", "[^3]: [[Other Source]]");
		const fixes = mergesOf(before);
		expect(fixes.map((fix) => [fix.title, fix.lossy, fix.removedText])).toEqual([["Merge [^2] into [^1]", true, ["[^2]: [[Yuan-2015]]"]]]);
		expect(applied(before, fixes[0])).toBe(note("Claim[^1], again[^1] and[^3].", "", "[^1]: [[yuanInhibiting2015]]", "[^3]: [[Other Source]]"));
	});

	it("merges a copy of the kept definition silently, and the other note's separately, as lossy", () => {
		const before = note(
			"A[^1] [^2] b[^3].",
			"",
			"[^1]: [[yuanInhibiting2015]]",
			"[^2]: [[yuanInhibiting2015|yuanInhibiting2015]]",
			"[^3]: [[Yuan-2015|Yuan 2015]]",
		);
		const [whole, lossy, ...rest] = mergesOf(before);
		expect(rest).toEqual([]);
		expect([whole.title, whole.lossy]).toEqual(["Merge [^2] into [^1]", undefined]);
		expect(applied(before, whole)).toBe(note("A[^1] b[^3].", "", "[^1]: [[yuanInhibiting2015]]", "[^3]: [[Yuan-2015|Yuan 2015]]"));
		expect([lossy.title, lossy.lossy, lossy.removedText]).toEqual(["Merge [^3] into [^1]", true, ["[^3]: [[Yuan-2015|Yuan 2015]]"]]);
		expect(applied(before, lossy)).toBe(note("A[^1] [^2] b[^1].", "", "[^1]: [[yuanInhibiting2015]]", "[^2]: [[yuanInhibiting2015|yuanInhibiting2015]]"));
	});

	it("offers nothing when a label of the group is defined twice (which copy goes is a guess)", () => {
		const before = note("A[^1] b[^2].", "", "[^1]: [[yuanInhibiting2015]]", "[^2]: [[Yuan-2015]]", "[^2]: [[Other Source]]");
		const audit = auditOf(before);
		const finding = audit.findings.find((candidate) => candidate.kind === "duplicate-source");
		expect(finding && mergeDuplicateSources(audit, finding)).toEqual([]);
	});

	it("is left alone by Fix all, which merges only what loses nothing", () => {
		const before = note("A[^1] [^2] b[^3].", "", "[^1]: [[yuanInhibiting2015]]", "[^2]: [[yuanInhibiting2015]]", "[^3]: [[Yuan-2015]]");
		const fixed = fixAllToFixpoint(auditOf(before), auditOf);
		expect(fixed?.fix.edits && applied(before, fixed.fix)).toBe(note("A[^1] b[^3].", "", "[^1]: [[yuanInhibiting2015]]", "[^3]: [[Yuan-2015]]"));
		expect(fixed?.audit.findings.filter((finding) => finding.kind === "duplicate-source").map((finding) => finding.labels)).toEqual([["1", "3"]]);
	});
});
