/**
 * `--format sarif` through the command line: schema-valid on the example vault and on hostile notes, each region
 * covering exactly the finding's characters (checked by slicing the note's lines here, not with the engine's
 * line index), and artifact URIs that lead back to the files relative to the vault folder.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { sarifSchemaErrors } from "../fixtures/sarif-schema";
import { makeTree, run } from "./cli-harness";

const EXAMPLE_VAULT = fileURLToPath(new URL("../../examples/vault", import.meta.url));

interface Region {
	startLine: number;
	startColumn: number;
	endLine: number;
	endColumn: number;
}

interface Log {
	runs: {
		originalUriBaseIds: Record<string, { uri: string }>;
		results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Region } }[] }[];
	}[];
}

interface JsonReport {
	notes: { path: string; findings: { offset: number; length: number; message: string }[] }[];
}

/** The text a region covers, read by splitting the note at `\n` (columns count UTF-16 code units). */
function regionText(text: string, region: Region): string {
	const lines = text.split("\n");
	const startOf = (line: number) => lines.slice(0, line - 1).reduce((sum, content) => sum + content.length + 1, 0);
	return text.slice(startOf(region.startLine) + region.startColumn - 1, startOf(region.endLine) + region.endColumn - 1);
}

function audit(vault: string, extra: string[] = []): { log: Log; report: JsonReport; status: number } {
	const sarif = run([vault, "--format", "sarif", ...extra]);
	const json = run([vault, "--format", "json", ...extra]);
	expect(sarif.stderr).toBe(json.stderr);
	expect(sarif.status).toBe(json.status);
	return { log: JSON.parse(sarif.stdout) as Log, report: JSON.parse(json.stdout) as JsonReport, status: sarif.status };
}

function expectFaithful(vault: string, extra: string[] = []): Log {
	const { log, report } = audit(vault, extra);
	expect(sarifSchemaErrors(log)).toEqual([]);
	const [sarifRun] = log.runs;
	const base = sarifRun.originalUriBaseIds["%SRCROOT%"].uri;
	expect(base).toBe(pathToFileURL(vault).href + "/");
	const findings = report.notes.flatMap((note) => note.findings.map((finding) => ({ path: note.path, finding })));
	expect(sarifRun.results).toHaveLength(findings.length);
	sarifRun.results.forEach((result, at) => {
		const { path, finding } = findings[at];
		const { artifactLocation, region } = result.locations[0].physicalLocation;
		const file = fileURLToPath(new URL(artifactLocation.uri, base));
		expect(file).toBe(join(vault, path));
		const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
		expect(regionText(text, region)).toBe(text.slice(finding.offset, finding.offset + finding.length));
		expect(result.message.text).toBe(finding.message);
	});
	return log;
}

describe("--format sarif", () => {
	it("the example vault: schema-valid, one result per finding at its exact characters", () => {
		const log = expectFaithful(EXAMPLE_VAULT);
		expect(log.runs[0].results.length).toBeGreaterThan(5);
		expect(new Set(log.runs[0].results.map((result) => result.level))).toEqual(new Set(["error", "warning", "note"]));
	});

	it("exit status as for the other formats", () => {
		expect(audit(EXAMPLE_VAULT).status).toBe(1);
	});

	it("hostile notes: names needing escapes, astral and CJK text, CRLF, a BOM, controls and quotes in targets", () => {
		const vault = makeTree({
			"Essays/On risk #2 (50%).md": "Claim[^a] 😀😀 [[Gone?]].\n\n[^a]: [[Missing \"quoted\" <b>x</b>]]\n",
			"日本/ノート.md": "主張[^注]。\r\n\r\n[^注]: [[存在しない]]\r\n[^余]: [[Source]]\r\n",
			"Bom.md": "\uFEFFText[^1] and[^2]\n\n[^1]: [[Source\u001b]2;x\u0007]]\n",
			"Unclosed.md": "See[^u].\n\n[^u]: [[Never closed\n",
			"Source.md": "# Source\n",
		});
		const log = expectFaithful(vault);
		expect(log.runs[0].results.length).toBeGreaterThan(5);
	});

	it("with --quiet only error results remain, still schema-valid", () => {
		const log = expectFaithful(EXAMPLE_VAULT, ["--quiet"]);
		expect(log.runs[0].results.every((result) => result.level === "error")).toBe(true);
	});

	it("a clean vault gives an empty results array, not none", () => {
		const vault = makeTree({ "A.md": "x[^1]\n\n[^1]: [[B]]\n", "B.md": "b\n" });
		const log = expectFaithful(vault);
		expect(log.runs[0].results).toEqual([]);
	});
});
