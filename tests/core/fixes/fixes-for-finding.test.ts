import { describe, expect, it } from "vitest";
import { fixesForFinding, isAuditCurrent } from "../../../src/core/fixes/index";
import { audit, note, resolverFor } from "./helpers";

describe("fixesForFinding", () => {
	it("offers each finding kind its fixes, by title", () => {
		const text = note(
			"a[^1] [^2] b[^4] c[^9] See [[Other Sorce]].",
			"",
			"[^1]: [[Same Source]]",
			"[^2]: [[Same Source]]",
			"[^3]: [[Third Source]]",
			"[^4]: [[Third Source|Third]",
		);
		const result = audit(text);
		const offered = result.findings.map((finding) => [finding.kind, fixesForFinding(result, finding, resolverFor()).map((fix) => fix.title)]);
		expect(offered).toEqual([
			["undefined-reference", ["Add a definition for [^9]"]],
			["unresolved-link", ['Change link to "Other Source"']],
			["duplicate-source", ["Merge [^2] into [^1]"]],
			["unused-definition", ["Remove unused footnote [^3]"]],
			["malformed-link", ["Close the link in [^4]"]],
		]);
	});
});

describe("isAuditCurrent", () => {
	it("holds for the audited text only", () => {
		const text = note("a[^1]", "", "[^1]: x");
		const result = audit(text);
		expect(isAuditCurrent(result, text)).toBe(true);
		expect(isAuditCurrent(result, `${text} `)).toBe(false);
	});
});
