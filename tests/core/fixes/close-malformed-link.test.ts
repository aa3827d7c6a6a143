import { describe, expect, it } from "vitest";
import { closeMalformedLink } from "../../../src/core/fixes/close-malformed-link";
import { applied, audit, kindsOf, note, resolverFor } from "./helpers";

/** The fix for the note's first malformed-link finding. */
function closing(text: string) {
	const result = audit(text);
	const finding = result.findings.find((candidate) => candidate.kind === "malformed-link");
	return finding ? closeMalformedLink(result, finding, resolverFor()) : null;
}

describe("closeMalformedLink", () => {
	it("adds the missing `]` of a half-closed link at the end of the definition line", () => {
		const before = note("Cited[^49].", "", "[^49]: [[Same Source|Same Source]", "");
		const fix = closing(before);
		expect(fix?.title).toBe("Close the link in [^49]");
		expect(applied(before, fix)).toBe(note("Cited[^49].", "", "[^49]: [[Same Source|Same Source]]", ""));
		expect(kindsOf(audit(applied(before, fix)))).toEqual([]);
	});

	it("adds `]]` to a link never closed, before trailing spaces and a CRLF", () => {
		const before = ["Cited[^1].", "", "[^1]: [[Same Source  ", "    more", ""].join("\r\n");
		expect(applied(before, closing(before))).toBe(["Cited[^1].", "", "[^1]: [[Same Source]]  ", "    more", ""].join("\r\n"));
	});

	it("closes an embed and a link with a subpath", () => {
		const embed = note("a[^1]", "", "[^1]: ![[Heading Note#Search|see]");
		expect(applied(embed, closing(embed))).toBe(note("a[^1]", "", "[^1]: ![[Heading Note#Search|see]]"));
	});

	it("closes the last line of a file that has no final line break", () => {
		const before = note("a[^1]", "", "[^1]: [[Same Source");
		expect(applied(before, closing(before))).toBe(note("a[^1]", "", "[^1]: [[Same Source]]"));
	});

	it("refuses when the end is ambiguous: another `[[`, a stray bracket, a final backslash", () => {
		expect(closing(note("a[^1]", "", "[^1]: [[Same Source and [[Other Source"))).toBeNull();
		expect(closing(note("a[^1]", "", "[^1]: [[Same Source] and more"))).toBeNull();
		expect(closing(note("a[^1]", "", "[^1]: [[Same Source|see [^2]"))).toBeNull();
		expect(closing(note("a[^1]", "", "[^1]: [[Same Source\\"))).toBeNull();
	});

	it("refuses a link in the body text or an inline footnote, where prose goes on after it", () => {
		expect(closing(note("See [[Same Source for more.", ""))).toBeNull();
		expect(closing(note("See^[[[Same Source and so on."))).toBeNull();
	});

	it("refuses an empty target and a finding that is not about an unclosed link", () => {
		expect(closing(note("a[^1]", "", "[^1]: [[|alias]"))).toBeNull();
		expect(closing(note("a[^1]", "", "[^1]: [[]]"))).toBeNull();
	});
});

describe("closeMalformedLink closes only where the closed link resolves (issue 12, item 4)", () => {
	it("closes `[[Same Source, p. 12` before the comma when only the name resolves", () => {
		const before = note("a[^1]", "", "[^1]: [[Same Source, p. 12", "");
		const after = applied(before, closing(before));
		expect(after).toBe(note("a[^1]", "", "[^1]: [[Same Source]], p. 12", ""));
		expect(kindsOf(audit(after))).toEqual([]);
	});

	it("offers nothing when no end gives a link that resolves", () => {
		expect(closing(note("a[^1]", "", "[^1]: [[Nowhere, p. 12"))).toBeNull();
		expect(closing(note("a[^1]", "", "[^1]: [[Nowhere"))).toBeNull();
	});

	it("offers nothing when the heading the closed link names is missing", () => {
		expect(closing(note("a[^1]", "", "[^1]: [[Heading Note#No such heading"))).toBeNull();
	});

	for (const [name, trailing] of [
		["an Obsidian comment", "%% check the page %%"],
		["an HTML comment", "<!-- check the page -->"],
		["inline math", "$p_{12}$"],
	] as const) {
		it(`never puts the brackets inside or after ${name}: before it, when the name resolves`, () => {
			const before = note("a[^1]", "", `[^1]: [[Same Source ${trailing}`, "");
			expect(applied(before, closing(before))).toBe(note("a[^1]", "", `[^1]: [[Same Source]] ${trailing}`, ""));
			expect(closing(note("a[^1]", "", `[^1]: [[Nowhere ${trailing}`, ""))).toBeNull();
		});
	}

	it("leaves a link wrapped onto the next line alone: its `]]` is there", () => {
		expect(closing(note("a[^1]", "", "[^1]: [[Same", "Source]] and more", ""))).toBeNull();
		expect(closing(note("a[^1]", "", "[^1]: [[Same Source|the", "source]]", ""))).toBeNull();
	});
});
