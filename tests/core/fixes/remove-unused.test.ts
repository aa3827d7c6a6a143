import { describe, expect, it } from "vitest";
import { removeUnusedDefinition, removeUnusedDefinitions } from "../../../src/core/fixes/remove-unused";
import { applied, audit, kindsOf, note } from "./helpers";

describe("removeUnusedDefinition", () => {
	it("deletes the definition's whole line and nothing else", () => {
		const before = note("Cited[^1].", "", "[^1]: [[Same Source]]", "[^2]: [[Other Source]]", "[^3]: [[Third Source]]", "");
		const fix = removeUnusedDefinition(audit(before), "2");
		expect(fix?.title).toBe("Remove unused footnote [^2]");
		expect(fix?.removedText).toEqual(["[^2]: [[Other Source]]"]);
		expect(applied(before, fix)).toBe(note("Cited[^1].", "", "[^1]: [[Same Source]]", "[^3]: [[Third Source]]", ""));
	});

	it("matches the label case-insensitively and removes every copy of it", () => {
		const before = note("Cited[^1].", "", "[^1]: x", "[^Old]: a", "[^old]: b");
		expect(applied(before, removeUnusedDefinition(audit(before), "OLD"))).toBe(note("Cited[^1].", "", "[^1]: x"));
	});

	it("removes continuation lines, keeps CRLF line breaks", () => {
		const before = ["Cited[^1].", "", "[^2]: [[Other Source]]", "    more about it", "", "[^1]: x", ""].join("\r\n");
		expect(applied(before, removeUnusedDefinition(audit(before), "2"))).toBe(["Cited[^1].", "", "", "[^1]: x", ""].join("\r\n"));
	});

	it("also removes a definition cited only from the one removed", () => {
		const before = note("Cited[^1].", "", "[^1]: x", "[^2]: see [^3]", "[^3]: y");
		const fix = removeUnusedDefinition(audit(before), "2");
		expect(fix?.title).toBe("Remove unused footnotes [^2] and [^3]");
		expect(applied(before, fix)).toBe(note("Cited[^1].", "", "[^1]: x"));
	});

	it("returns null for a cited, an undefined, or a quoted definition", () => {
		const before = note("Cited[^1].", "", "[^1]: x", "> [^2]: quoted");
		expect(removeUnusedDefinition(audit(before), "1")).toBeNull();
		expect(removeUnusedDefinition(audit(before), "9")).toBeNull();
		expect(removeUnusedDefinition(audit(before), "2")).toBeNull();
	});
});

describe("removeUnusedDefinitions", () => {
	it("removes them all, at the end of a note without a final line break too", () => {
		const before = note("Cited[^1] and[^3].", "", "[^1]: x", "[^2]: y", "[^3]: z", "[^4]: w");
		const fix = removeUnusedDefinitions(audit(before));
		expect(fix?.title).toBe("Remove unused footnotes [^2] and [^4]");
		expect(applied(before, fix)).toBe(note("Cited[^1] and[^3].", "", "[^1]: x", "[^3]: z"));
	});

	it("counts removed footnotes when there are many", () => {
		const before = note("None cited.", "", "[^a]: 1", "[^b]: 2", "[^c]: 3", "[^d]: 4", "");
		const fix = removeUnusedDefinitions(audit(before));
		expect(fix?.title).toBe("Remove 4 unused footnotes");
		expect(applied(before, fix)).toBe(note("None cited.", "", ""));
	});

	it("goes on until nothing is left unused, so a second run finds nothing", () => {
		const before = note("Cited[^1].", "", "[^1]: x", "[^2]: see [^3]", "[^3]: see [^4]", "[^4]: end", "");
		const after = applied(before, removeUnusedDefinitions(audit(before)));
		expect(after).toBe(note("Cited[^1].", "", "[^1]: x", ""));
		expect(removeUnusedDefinitions(audit(after))).toBeNull();
		expect(kindsOf(audit(after))).toEqual(["no-vault-link"]);
	});

	it("does not count references inside code, comments or frontmatter", () => {
		const before = note("---", "note: '[^2]'", "---", "Cited[^1]. `[^2]` %% [^2] %%", "", "[^1]: x", "[^2]: y");
		expect(applied(before, removeUnusedDefinitions(audit(before)))).toBe(
			note("---", "note: '[^2]'", "---", "Cited[^1]. `[^2]` %% [^2] %%", "", "[^1]: x"),
		);
	});

	it("returns null when every definition is cited", () => {
		expect(removeUnusedDefinitions(audit(note("a[^1]", "", "[^1]: x")))).toBeNull();
	});
});

describe("text under a definition with no blank line between (lazy continuation)", () => {
	const TABLE = ["| year | count |", "| --- | --- |", "| 1990 | 3 |"];

	it("the row fix removes it only as a lossy fix, showing all that goes", () => {
		const before = note("Cited[^1].", "", "[^1]: x", "[^2]: [[Other Source]]", ...TABLE, "", "After.");
		const fix = removeUnusedDefinition(audit(before), "2");
		expect(fix?.lossy).toBe(true);
		expect(fix?.removedText).toEqual([["[^2]: [[Other Source]]", ...TABLE].join("\n")]);
		expect(applied(before, fix)).toBe(note("Cited[^1].", "", "[^1]: x", "", "After."));
	});

	it("the whole-note removal leaves it, and removes the others", () => {
		const before = note("Cited[^1].", "", "[^1]: x", "[^2]: [[Other Source]]", "A sentence the writer wrote under it.", "", "[^3]: y", "");
		const fix = removeUnusedDefinitions(audit(before));
		expect(fix?.title).toBe("Remove unused footnote [^3]");
		expect(applied(before, fix)).toBe(note("Cited[^1].", "", "[^1]: x", "[^2]: [[Other Source]]", "A sentence the writer wrote under it.", "", ""));
	});

	it("indented continuation lines, and a comment the definition opens, are the footnote's own: removed without asking", () => {
		const indented = note("Cited[^1].", "", "[^1]: x", "[^2]: y", "    more of the footnote", "");
		expect(removeUnusedDefinition(audit(indented), "2")?.lossy).toBeFalsy();
		const comment = note("Cited[^1].", "", "[^1]: x", "[^2]: [[B]] %% to check: the", "edition we quote %%", "");
		expect(removeUnusedDefinition(audit(comment), "2")?.lossy).toBeFalsy();
		expect(applied(comment, removeUnusedDefinitions(audit(comment)))).toBe(note("Cited[^1].", "", "[^1]: x", ""));
	});
});
