/** The SARIF formatter on hand-made audits: shape, rules from the kind registry, regions, URIs, schema validity. */
import { describe, expect, it } from "vitest";
import { ALL_FINDING_KINDS, KIND_DESCRIPTIONS, SEVERITY_OF } from "../../../src/core/index";
import { buildAuditReport } from "../../../src/core/report/json-report";
import { formatSarifReport, vaultRelativeUri } from "../../../src/core/report/sarif-report";
import { sarifSchemaErrors } from "../../fixtures/sarif-schema";
import { CLEAN, ESSAY, WARNED } from "./sample";

interface Log {
	version: string;
	runs: {
		tool: { driver: { name: string; version: string; rules: { id: string; name: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
		originalUriBaseIds?: Record<string, { uri: string }>;
		artifacts: { location: { uri: string; uriBaseId: string } }[];
		results: {
			ruleId: string;
			ruleIndex: number;
			level: string;
			message: { text: string };
			locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string; index: number }; region: Record<string, number> } }[];
		}[];
		columnKind: string;
	}[];
}

const report = buildAuditReport([ESSAY, CLEAN, WARNED]);

function sarif(options: Parameters<typeof formatSarifReport>[1] = { toolVersion: "1.2.3" }): Log {
	return JSON.parse(formatSarifReport(report, options)) as Log;
}

describe("kind registry", () => {
	it("every finding kind has a title and help text", () => {
		for (const kind of ALL_FINDING_KINDS) {
			const description = KIND_DESCRIPTIONS[kind] as (typeof KIND_DESCRIPTIONS)[typeof kind] | undefined;
			expect(description, kind).toBeDefined();
			expect(description!.title.trim().length, kind).toBeGreaterThan(0);
			expect(description!.title, kind).not.toMatch(/\.$/);
			expect(description!.help, kind).toMatch(/^[A-Z].*\.$/s);
		}
		expect(Object.keys(KIND_DESCRIPTIONS).sort()).toEqual([...ALL_FINDING_KINDS].sort());
	});
});

describe("formatSarifReport", () => {
	it("is valid against the SARIF 2.1.0 schema, with and without the vault folder", () => {
		expect(sarifSchemaErrors(sarif())).toEqual([]);
		expect(sarifSchemaErrors(sarif({ toolVersion: "1", vaultUri: "file:///home/writer/My%20Vault/" }))).toEqual([]);
		expect(sarifSchemaErrors(JSON.parse(formatSarifReport(buildAuditReport([]), { toolVersion: "1" })))).toEqual([]);
	});

	it("the schema check itself rejects a broken log", () => {
		const broken = sarif();
		(broken.runs[0] as unknown as Record<string, unknown>).columnKind = "bytes";
		expect(sarifSchemaErrors(broken).length).toBeGreaterThan(0);
	});

	it("one rule per kind, with its help text and default level", () => {
		const { rules } = sarif().runs[0].tool.driver;
		expect(rules.map((rule) => rule.id)).toEqual(ALL_FINDING_KINDS);
		for (const rule of rules) {
			const kind = rule.id as (typeof ALL_FINDING_KINDS)[number];
			expect(rule.shortDescription.text).toBe(KIND_DESCRIPTIONS[kind].title);
			expect(rule.help.text).toBe(KIND_DESCRIPTIONS[kind].help);
			expect(rule.defaultConfiguration.level).toBe({ error: "error", warning: "warning", info: "note" }[SEVERITY_OF[kind]]);
			expect(rule.name).toMatch(/^[A-Z][A-Za-z]*$/);
		}
		expect(rules.find((rule) => rule.id === "unresolved-target")?.name).toBe("UnresolvedTarget");
	});

	it("one result per finding, pointing at its rule, note and 1-based position", () => {
		const run = sarif().runs[0];
		expect(run.columnKind).toBe("utf16CodeUnits");
		expect(run.tool.driver).toMatchObject({ name: "citation-audit", version: "1.2.3" });
		const findings = report.notes.flatMap((note) => note.findings.map((finding) => ({ note, finding })));
		expect(run.results).toHaveLength(findings.length);
		run.results.forEach((result, at) => {
			const { note, finding } = findings[at];
			expect(result.ruleId).toBe(finding.kind);
			expect(run.tool.driver.rules[result.ruleIndex].id).toBe(finding.kind);
			expect(result.level).toBe({ error: "error", warning: "warning", info: "note" }[finding.severity]);
			expect(result.message.text).toBe(finding.message);
			const { artifactLocation, region } = result.locations[0].physicalLocation;
			expect(run.artifacts[artifactLocation.index].location.uri).toBe(artifactLocation.uri);
			expect(decodeURIComponent(artifactLocation.uri)).toBe(note.path);
			expect(artifactLocation.uriBaseId).toBe("%SRCROOT%");
			// No text given: the region starts at the finding and ends with its line.
			expect(region).toEqual({ startLine: finding.line, startColumn: finding.column });
		});
	});

	it("with the note's text, a region ends just past the finding's last code unit", () => {
		const text = "a\n😀 [^x]\r\nmore";
		const offset = text.indexOf("[^x]");
		const audit = {
			path: "N.md",
			stats: { definitions: 0, references: 1, citedNotes: 0, citekeys: 0, citedWorks: 0 },
			findings: [{ kind: "undefined-reference" as const, severity: "error" as const, message: "m", line: 2, column: offset - 2 + 1, offset, length: 4 }],
		};
		const log = JSON.parse(formatSarifReport(buildAuditReport([audit]), { toolVersion: "1", textOf: () => text })) as Log;
		// "😀" is two UTF-16 code units: the label starts at column 4 of line 2 and ends before column 8.
		expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 4, endLine: 2, endColumn: 8 });
	});

	it("a text that does not match the finding's position is not used", () => {
		const log = sarif({ toolVersion: "1", textOf: () => "short" });
		for (const result of log.runs[0].results) expect(Object.keys(result.locations[0].physicalLocation.region)).toEqual(["startLine", "startColumn"]);
	});

	it("the vault folder is the base of every artifact when known", () => {
		expect(sarif().runs[0].originalUriBaseIds).toBeUndefined();
		expect(sarif({ toolVersion: "1", vaultUri: "file:///v/" }).runs[0].originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///v/" } });
	});
});

describe("vaultRelativeUri", () => {
	it("percent-encodes each segment and keeps the slashes", () => {
		expect(vaultRelativeUri("Essays/On risk #2 (50%).md")).toBe("Essays/On%20risk%20%232%20(50%25).md");
		expect(vaultRelativeUri("Über/ß?.md")).toBe("%C3%9Cber/%C3%9F%3F.md");
		for (const path of ["a b/c#d.md", "x%y/z?.md", "日本/ノート.md"]) {
			expect(new URL(vaultRelativeUri(path), "file:///vault/").pathname).toBe(`/vault/${path.split("/").map(encodeURIComponent).join("/")}`);
			expect(decodeURIComponent(vaultRelativeUri(path))).toBe(path);
		}
	});
});
