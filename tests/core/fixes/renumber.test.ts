import { describe, expect, it } from "vitest";
import { renumberFootnotes } from "../../../src/core/fixes/renumber";
import { applied, audit, note } from "./helpers";

function renumbered(text: string): string {
	return applied(text, renumberFootnotes(audit(text)));
}

describe("renumberFootnotes", () => {
	it("numbers by first reference and moves the definitions into that order", () => {
		expect(renumbered(note("First[^3] then[^1], again[^3].", "", "[^1]: [[Other Source]]", "[^3]: [[Same Source]]"))).toBe(
			note("First[^1] then[^2], again[^1].", "", "[^1]: [[Same Source]]", "[^2]: [[Other Source]]"),
		);
	});

	it("keeps named labels and their places; numbers uncited definitions last", () => {
		expect(
			renumbered(note("a[^7] b[^smith] c[^2]", "", "[^2]: two", "[^smith]: named", "[^9]: uncited", "[^7]: seven")),
		).toBe(note("a[^1] b[^smith] c[^2]", "", "[^1]: seven", "[^smith]: named", "[^2]: two", "[^3]: uncited"));
	});

	it("moves multi-line definitions whole and renumbers references inside definitions", () => {
		const before = note("a[^5] b[^4]", "", "[^4]: four, see [^5]", "    more four", "", "[^5]: five", "");
		expect(renumbered(before)).toBe(note("a[^1] b[^2]", "", "[^1]: five", "", "[^2]: four, see [^1]", "    more four", ""));
	});

	it("gives undefined references their number and keeps blank lines and CRLF where they are", () => {
		const before = ["x[^10] y[^30] z[^20]", "", "[^20]: b", "", "[^10]: a", ""].join("\r\n");
		expect(renumbered(before)).toBe(["x[^1] y[^2] z[^3]", "", "[^1]: a", "", "[^3]: b", ""].join("\r\n"));
	});

	it("returns null when the footnotes are already in order, and on a second run", () => {
		const before = note("a[^2] b[^1]", "", "[^1]: x", "[^2]: y");
		const after = renumbered(before);
		expect(after).toBe(note("a[^1] b[^2]", "", "[^1]: y", "[^2]: x"));
		expect(renumberFootnotes(audit(after))).toBeNull();
		expect(renumberFootnotes(audit(note("only[^named]", "", "[^named]: x")))).toBeNull();
	});

	it("refuses to move a definition that sits in a quote or a list", () => {
		expect(renumberFootnotes(audit(note("a[^2] b[^1]", "", "> [^1]: x", "", "[^2]: y")))).toBeNull();
	});

	it("renames in place a definition that needs no move, even inside a quote", () => {
		expect(renumbered(note("a[^7]", "", "> [^7]: x"))).toBe(note("a[^1]", "", "> [^1]: x"));
	});
});
