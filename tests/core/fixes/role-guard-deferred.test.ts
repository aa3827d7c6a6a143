/**
 * withRoleGuardDeferred: inside it the fixes come back unchecked (candidates to list), outside it (and after
 * it, even when it throws) the check refuses them as before.
 */
import { describe, expect, it } from "vitest";
import { candidateFixesForFinding, fixesForFinding, removeUnusedDefinition } from "../../../src/core/fixes/index";
import { withRoleGuardDeferred } from "../../../src/core/fixes/role-guard";
import { audit, resolverFor } from "./helpers";

/** Removing [^2]'s line would change what the lines after it are (the fence in [^1] reaches further). */
const TEXT = "Prose[^1].\n\n[^1]: ```\n[^2]: \n\nMore prose.\n";

describe("withRoleGuardDeferred", () => {
	it("lists the removal the check refuses, and only inside", () => {
		const result = audit(TEXT);
		expect(removeUnusedDefinition(result, "2")).toBeNull();
		expect(withRoleGuardDeferred(() => removeUnusedDefinition(result, "2"))?.title).toBe("Remove unused footnote [^2]");
		expect(removeUnusedDefinition(result, "2")).toBeNull();
		const finding = result.findings.find((candidate) => candidate.kind === "unused-definition")!;
		expect(fixesForFinding(result, finding, resolverFor())).toEqual([]);
		expect(candidateFixesForFinding(result, finding, resolverFor()).map((fix) => fix.title)).toEqual(["Remove unused footnote [^2]"]);
	});

	it("checks again after a listing that threw", () => {
		const result = audit(TEXT);
		expect(() =>
			withRoleGuardDeferred(() => {
				throw new Error("listing failed");
			}),
		).toThrow("listing failed");
		expect(removeUnusedDefinition(result, "2")).toBeNull();
	});
});
