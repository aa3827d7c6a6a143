/** The `--format json` document: exactly the shape of the spec's section 4. */
import { describe, expect, it } from "vitest";
import { buildAuditReport, describeSummary } from "../../../src/core/report/json-report";
import { CLEAN, ESSAY, WARNED } from "./sample";
import { nth } from "../../fixtures/helpers";

describe("buildAuditReport", () => {
	it("has schemaVersion, notes sorted by path, and a summary counting severities", () => {
		const report = buildAuditReport([WARNED, ESSAY, CLEAN]);
		expect(Object.keys(report)).toEqual(["schemaVersion", "notes", "summary"]);
		expect(report.schemaVersion).toBe(1);
		expect(report.notes.map((note) => note.path)).toEqual(["Alpha.md", "Essays/On Risk.md", "b/Zed.md"]);
		expect(report.summary).toEqual({ notes: 3, error: 2, warning: 2, info: 1 });
		expect(Object.keys(report.summary)).toEqual(["notes", "error", "warning", "info"]);
	});

	it("each note has exactly path, stats and findings, in that order", () => {
		const report = buildAuditReport([{ ...ESSAY, document: "not to be copied", outcomes: [] } as typeof ESSAY]);
		expect(Object.keys(nth(report.notes, 0))).toEqual(["path", "stats", "findings"]);
		expect(Object.keys(nth(report.notes, 0).stats)).toEqual(["definitions", "references", "citedNotes", "citekeys", "citedWorks"]);
	});

	it("serialises to the documented JSON, without nulls, findings as given (already sorted by offset)", () => {
		const json = JSON.stringify(buildAuditReport([ESSAY]));
		expect(json).not.toContain("null");
		expect(JSON.parse(json)).toEqual({
			schemaVersion: 1,
			notes: [
				{
					path: "Essays/On Risk.md",
					stats: { definitions: 3, references: 4, citedNotes: 2, citekeys: 0, citedWorks: 0 },
					findings: ESSAY.findings,
				},
			],
			summary: { notes: 1, error: 2, warning: 1, info: 1 },
		});
		expect(json.indexOf('"kind":"duplicate-source"')).toBeLessThan(json.indexOf('"kind":"unresolved-target"'));
		expect(json).toContain(
			'{"kind":"duplicate-source","severity":"warning","message":"[^10] and [^11] cite the same source \\"A|B [[C]]\\"","line":7,"column":1,"offset":90,"length":5,"labels":["10","11"],"target":"A|B [[C]]","resolved":"Sources/A.md","related":[{"line":8,"column":1,"offset":120,"length":5,"label":"11"}]}',
		);
	});

	it("an empty run", () => {
		expect(buildAuditReport([])).toEqual({ schemaVersion: 1, notes: [], summary: { notes: 0, error: 0, warning: 0, info: 0 } });
	});

	it("sorts paths by code unit, not by locale", () => {
		const paths = ["b.md", "B.md", "a/z.md", "a.md", "É.md"];
		const report = buildAuditReport(paths.map((path) => ({ ...CLEAN, path })));
		expect(report.notes.map((note) => note.path)).toEqual(["B.md", "a.md", "a/z.md", "b.md", "É.md"]);
	});
});

describe("describeSummary", () => {
	it("pluralises", () => {
		expect(describeSummary({ notes: 1, error: 1, warning: 1, info: 1 })).toBe("1 note audited: 1 error, 1 warning, 1 info");
		expect(describeSummary({ notes: 2, error: 0, warning: 3, info: 0 })).toBe("2 notes audited: 0 errors, 3 warnings, 0 info");
	});
});
