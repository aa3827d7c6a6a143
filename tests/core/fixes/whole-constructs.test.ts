/**
 * Deleting a definition's lines never cuts a comment, a formula or code in two (issue 12, item 1): the
 * deletion takes the whole construct when it starts on the definition's lines and nothing follows it where it
 * closes, and is refused otherwise.
 */
import { describe, expect, it } from "vitest";
import { fixAllSafe } from "../../../src/core/fixes/fix-all";
import { mergeDuplicateSources } from "../../../src/core/fixes/merge-duplicate-sources";
import { removeUnusedDefinition, removeUnusedDefinitions } from "../../../src/core/fixes/remove-unused";
import { keepsRoles } from "../../../src/core/fixes/role-guard";
import { applied, audit, kindsOf, note } from "./helpers";

describe("deleting definition lines keeps comments and math whole", () => {
	for (const [name, open, close] of [
		["an Obsidian comment", "%%", "%%"],
		["an HTML comment", "<!--", "-->"],
		["display math", "$$", "$$"],
	] as const) {
		it(`takes ${name} that starts on the definition's line and ends after a blank line`, () => {
			const before = note("Prose.[^1]", "", "[^1]: [[Same Source]]", `[^2]: [[Other Source]] ${open} to check: the`, "", `edition we quote ${close}  `, "", "More [^ghost].", "");
			const after = note("Prose.[^1]", "", "[^1]: [[Same Source]]", "", "More [^ghost].", "");
			expect(applied(before, removeUnusedDefinition(audit(before), "2"))).toBe(after);
			expect(applied(before, fixAllSafe(audit(before)))).toBe(after);
			expect(kindsOf(audit(after))).toEqual(["undefined-reference"]);
		});

		it(`refuses when prose follows the end of ${name} on its line`, () => {
			const before = note("Prose.[^1]", "", "[^1]: [[Same Source]]", `[^2]: [[Other Source]] ${open} to check`, "", `the edition ${close} and a sentence that stays.`, "");
			expect(removeUnusedDefinition(audit(before), "2")).toBeNull();
			expect(removeUnusedDefinitions(audit(before))).toBeNull();
			expect(fixAllSafe(audit(before))).toBeNull();
		});
	}

	it("keeps CRLF line breaks when it takes the comment's last line", () => {
		const before = ["Prose.[^1]", "", "[^1]: x", "[^2]: y %% a", "", "b %%", "", "End."].join("\r\n");
		expect(applied(before, removeUnusedDefinition(audit(before), "2"))).toBe(["Prose.[^1]", "", "[^1]: x", "", "End."].join("\r\n"));
	});

	it("a merge that would cut a comment in two is not offered", () => {
		const before = note("a[^1] b[^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source]] %% see", "", "below %% then prose.", "");
		expect(mergeDuplicateSources(audit(before), audit(before).findings.find((finding) => finding.kind === "duplicate-source")!)).toEqual([]);
	});
});

describe("keepsRoles", () => {
	it("is false when the text left after a deletion changes role", () => {
		const text = note("[^2]: y %% a", "", "b %%", "", "End.");
		expect(keepsRoles(text, [{ from: 0, to: text.indexOf("\n") + 1, insert: "" }])).toBe(false);
	});

	it("is true for a label rewritten inside its brackets", () => {
		const text = "Claim[^11] and $x$.";
		expect(keepsRoles(text, [{ from: 7, to: 9, insert: "10" }])).toBe(true);
	});

	it("checks an insertion beside a dollar (a digit after it stops math closing)", () => {
		const text = "Cost $x$y and $z$.";
		expect(keepsRoles(text, [{ from: 8, to: 8, insert: "5" }])).toBe(false);
	});
});
