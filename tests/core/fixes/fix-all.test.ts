import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixAllSafe, mergeAllDuplicateSources } from "../../../src/core/fixes/fix-all";
import { parseCitations } from "../../../src/core/parse/parse-citations";
import { applied, audit, kindsOf, note, resolverFor } from "./helpers";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("fixAllSafe on a note with the seed essay's structure", () => {
	const before = fixture("seed-structure.md");
	// Every note the essay links to exists, in a Sources folder.
	const sources = [...new Set(parseCitations(before).links.filter((link) => !link.external).map((link) => `Sources/${link.linkpath}.md`))];
	const paths = ["Essays/On the Hazards of Automated Essay Machines.md", ...sources];
	const essay = (text: string) => audit(text, paths, "Essays/On the Hazards of Automated Essay Machines.md");

	it("finds what the seed has: one four-label group, one pair, one unclosed link, one web-only footnote", () => {
		expect(kindsOf(essay(before))).toEqual(["no-vault-link", "duplicate-source", "duplicate-source", "malformed-link"]);
	});

	it('"Fix all citation problems" leaves [^10] as the only citation of its source, closes [^49], changes nothing else', () => {
		const fix = fixAllSafe(essay(before), { resolver: resolverFor(paths) });
		expect(fix?.title).toBe("Merge 4 duplicate footnotes and close 1 link");
		const after = applied(before, fix);
		expect(after).toBe(fixture("seed-structure.fixed.md"));
		// What the expected file differs by, spelled out:
		const expected = before
			.replace("[^7] [^8] [^9] [^10] [^11] [^12] [^13] .[^14]", "[^7] [^8] [^9] [^10] [^13] .[^10]")
			.replace("anyway[^42] .[^11]", "anyway[^42] .[^10]")
			.replace("hosts?[^43]", "hosts?[^34]")
			.replace(/^\[\^(11|12|14)\]: \[\[What Search Engines Should Fear\|What Search Engines Should Fear\]\]\n/gm, "")
			.replace("[^43]: [[Transcript- A Sceptic Talks to a Podcaster]]\n", "")
			.replace(/Three Companies\]$/, "Three Companies]]");
		expect(after).toBe(expected);
		expect(kindsOf(essay(after))).toEqual(["no-vault-link"]);
		expect(fixAllSafe(essay(after), { resolver: resolverFor(paths) })).toBeNull();
	});
});

describe("fixAllSafe", () => {
	it("merges, removes unused definitions and closes links in one set of edits", () => {
		const before = note(
			"a[^1] [^2] b[^4]",
			"",
			"[^1]: [[Same Source]]",
			"[^2]: [[Same Source|same source]]",
			"[^3]: [[Other Source]]",
			"[^4]: [[Third Source|Third]",
			"",
		);
		const fix = fixAllSafe(audit(before), { resolver: resolverFor() });
		expect(fix?.title).toBe("Merge 1 duplicate footnote, remove 1 unused footnote and close 1 link");
		expect(fix?.removedText).toEqual(["[^2]: [[Same Source|same source]]", "[^3]: [[Other Source]]"]);
		expect(applied(before, fix)).toBe(note("a[^1] b[^4]", "", "[^1]: [[Same Source]]", "[^4]: [[Third Source|Third]]", ""));
	});

	it("keeps a kept label that only the merged ones were citing", () => {
		const before = note("a[^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]]");
		expect(applied(before, fixAllSafe(audit(before), { resolver: resolverFor() }))).toBe(note("a[^1]", "", "[^1]: [[Same Source]]"));
	});

	it("merges only the definitions that lose nothing; the one with a page number stays", () => {
		const before = note("a[^1] b[^2] c[^3]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]], p. 4", "[^3]: [[Same Source]]");
		const after = applied(before, fixAllSafe(audit(before), { resolver: resolverFor() }));
		expect(after).toBe(note("a[^1] b[^2] c[^1]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]], p. 4"));
		expect(fixAllSafe(audit(after), { resolver: resolverFor() })).toBeNull();
	});

	it("merges what removing an unused first definition leaves identical, so a second run finds nothing", () => {
		// [^1] says more than [^3] and [^8] and nobody cites it: it goes, then [^8] merges into [^3].
		const before = note("x[^8]", "", "y[^3]", "", "[^1]: [[Same Source]], p. 12", "", "[^3]: [[Same Source]], p. 12", "    more", "", "[^8]: [[Same Source]], p. 12", "    more");
		const after = applied(before, fixAllSafe(audit(before), { resolver: resolverFor() }));
		expect(after).toBe(note("x[^3]", "", "y[^3]", "", "", "[^3]: [[Same Source]], p. 12", "    more", ""));
		expect(fixAllSafe(audit(after), { resolver: resolverFor() })).toBeNull();
	});

	it("does not close a link in a definition it deletes", () => {
		const before = note("a[^1]", "", "[^1]: [[Same Source]]", "[^2]: [[Other Source", "");
		const fix = fixAllSafe(audit(before), { resolver: resolverFor() });
		expect(fix?.title).toBe("Remove 1 unused footnote");
		expect(applied(before, fix)).toBe(note("a[^1]", "", "[^1]: [[Same Source]]", ""));
	});

	it("returns null when nothing is safe to fix: a lossy duplicate, an undefined reference, a quoted unused definition", () => {
		const before = note("a[^1] b[^2] c[^9]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]], p. 1", "> [^4]: x");
		expect(kindsOf(audit(before)).sort()).toEqual(["duplicate-source", "no-vault-link", "undefined-reference", "unused-definition"]);
		expect(fixAllSafe(audit(before), { resolver: resolverFor() })).toBeNull();
	});
});

describe("mergeAllDuplicateSources (the \"Merge duplicate citations\" command)", () => {
	it("merges every safe group in one set of edits and leaves unused definitions and unclosed links alone", () => {
		const before = note(
			"a[^1] [^2] b[^5] c[^6] d[^4]",
			"",
			"[^1]: [[Same Source]]",
			"[^2]: [[Same Source|same source]]",
			"[^3]: [[Other Source]]",
			"[^4]: [[Third Source|Third]",
			"[^5]: [[Heading Note]]",
			"[^6]: [[Heading Note]]",
			"",
		);
		const fix = mergeAllDuplicateSources(audit(before));
		expect(fix?.title).toBe("Merge 2 duplicate footnotes");
		expect(applied(before, fix)).toBe(
			note("a[^1] b[^5] c[^5] d[^4]", "", "[^1]: [[Same Source]]", "[^3]: [[Other Source]]", "[^4]: [[Third Source|Third]", "[^5]: [[Heading Note]]", ""),
		);
	});

	it("returns null when no group can be merged without losing text", () => {
		const before = note("a[^1] [^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]], p. 12", "");
		expect(mergeAllDuplicateSources(audit(before))).toBeNull();
	});
});

describe("fixAllSafe and text written right under an unused definition", () => {
	it("leaves that definition (its table would go with it) and removes the other unused ones", () => {
		const before = note("Cited[^1].", "", "[^1]: x", "[^2]: [[Other Source]]", "| a | b |", "| - | - |", "", "[^3]: y", "");
		const after = applied(before, fixAllSafe(audit(before)));
		expect(after).toBe(note("Cited[^1].", "", "[^1]: x", "[^2]: [[Other Source]]", "| a | b |", "| - | - |", "", ""));
	});
});
