import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../src/core/fixes/edits";
import { fixAllToFixpoint } from "../../../src/core/fixes/fix-to-fixpoint";
import { audit, kindsOf, note, resolverFor } from "./helpers";

describe("fixAllToFixpoint (issue 12, item 5)", () => {
	it("merges in the same run the duplicate that closing a link creates", () => {
		const before = note("a[^1] b[^2]", "", "[^1]: [[Same Source]]", "[^2]: [[Same Source", "");
		const result = fixAllToFixpoint(audit(before), (text) => audit(text), { resolver: resolverFor() });
		const after = applyEdits(before, result!.fix.edits);
		expect(after).toBe(note("a[^1] b[^1]", "", "[^1]: [[Same Source]]", ""));
		expect(result!.titles).toEqual(["Close 1 link", "Merge 1 duplicate footnote"]);
		expect(kindsOf(audit(after))).toEqual([]);
		expect(fixAllToFixpoint(audit(after), (text) => audit(text), { resolver: resolverFor() })).toBeNull();
	});
});
