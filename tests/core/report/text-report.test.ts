/** `--format text`: `path:line:column  severity  message  [kind]`, grouped by note, and a summary line. */
import { describe, expect, it } from "vitest";
import { buildAuditReport } from "../../../src/core/report/json-report";
import { formatTextReport } from "../../../src/core/report/text-report";
import { CLEAN, ESSAY, WARNED } from "./sample";

describe("formatTextReport", () => {
	it("prints one line per finding, notes in path order, a blank line between notes, then the summary", () => {
		expect(formatTextReport(buildAuditReport([WARNED, ESSAY, CLEAN]))).toBe(
			[
				"Essays/On Risk.md:2:5  error    [^x] is referenced but never defined  [undefined-reference]",
				'Essays/On Risk.md:7:1  warning  [^10] and [^11] cite the same source "A|B [[C]]"  [duplicate-source]',
				'Essays/On Risk.md:9:8  error    [^12] cites "Teh Book", which matches no file in the vault; did you mean "Sources/The Book.md"?  [unresolved-target]',
				"Essays/On Risk.md:10:1  info     [^6] cites only an external URL, no note in the vault  [no-vault-link]",
				"",
				'b/Zed.md:1:3  warning  Link to "Nope", which matches no file  [unresolved-link]',
				"",
				"3 notes audited: 2 errors, 2 warnings, 1 info",
				"",
			].join("\n"),
		);
	});

	it("every finding line has the linter shape", () => {
		const lines = formatTextReport(buildAuditReport([ESSAY, WARNED])).split("\n");
		const findingLines = lines.filter((line) => line.includes("  ["));
		expect(findingLines).toHaveLength(5);
		for (const line of findingLines) expect(line).toMatch(/^[^:\n]+:\d+:\d+ {2}(error|warning|info) * {2}\S.* {2}\[[a-z-]+\]$/);
	});

	it("a run without findings prints only the summary", () => {
		expect(formatTextReport(buildAuditReport([CLEAN]))).toBe("1 note audited: 0 errors, 0 warnings, 0 info\n");
		expect(formatTextReport(buildAuditReport([]))).toBe("0 notes audited: 0 errors, 0 warnings, 0 info\n");
	});
});
