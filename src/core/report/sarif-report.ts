/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning, in the shape eslint's (@microsoft/eslint-formatter-sarif)
 * and markdownlint-cli2's SARIF formatters write: one run, the tool's rules in `tool.driver.rules`, one result per
 * finding with `ruleId`/`ruleIndex`, `level`, a plain-text `message` and one physical location.
 *
 * Unlike eslint's absolute `file:` URIs, artifact locations are relative to the vault (`uriBaseId` `%SRCROOT%`, as
 * GitHub's SARIF documentation writes it), so a report made in CI points at the repository's files; the absolute
 * vault folder is given once in `originalUriBaseIds` when known. Columns count UTF-16 code units, as the engine's do
 * (`columnKind`). Every kind is a rule, in a fixed order, so rule indices are stable between runs.
 */
import { buildLineIndex } from "../text/line-index";
import { ALL_FINDING_KINDS, KIND_DESCRIPTIONS, SEVERITY_OF, type Finding, type FindingKind, type Severity } from "../types";
import type { AuditReport } from "./json-report";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const VAULT_BASE_ID = "%SRCROOT%";

export interface SarifOptions {
	toolVersion: string;
	/** `file:` URI of the vault folder, ending in `/`; omitted when unknown (the plugin, tests). */
	vaultUri?: string;
	/** The audited text of a note, to place where each finding ends; without it a region ends with its line. */
	textOf?: (path: string) => string | undefined;
}

type SarifLevel = "error" | "warning" | "note";

interface SarifRegion {
	startLine: number;
	startColumn: number;
	endLine?: number;
	endColumn?: number;
}

const LEVEL_OF: Readonly<Record<Severity, SarifLevel>> = { error: "error", warning: "warning", info: "note" };

export function formatSarifReport(report: AuditReport, options: SarifOptions): string {
	const ruleIndex = new Map<FindingKind, number>(ALL_FINDING_KINDS.map((kind, index) => [kind, index]));
	const artifacts = report.notes.map((note) => ({ location: { uri: vaultRelativeUri(note.path), uriBaseId: VAULT_BASE_ID } }));
	const results = report.notes.flatMap((note, index) => {
		const text = options.textOf?.(note.path);
		const endOf = text === undefined ? undefined : endFinder(text);
		return note.findings.map((finding) => ({
			ruleId: finding.kind,
			ruleIndex: ruleIndex.get(finding.kind),
			level: LEVEL_OF[finding.severity],
			message: { text: finding.message },
			locations: [
				{
					physicalLocation: {
						artifactLocation: { uri: vaultRelativeUri(note.path), uriBaseId: VAULT_BASE_ID, index },
						region: region(finding, endOf),
					},
				},
			],
		}));
	});
	const log = {
		$schema: SARIF_SCHEMA_URI,
		version: "2.1.0",
		runs: [
			{
				tool: { driver: { name: "citation-audit", version: options.toolVersion, rules: ALL_FINDING_KINDS.map(rule) } },
				...(options.vaultUri ? { originalUriBaseIds: { [VAULT_BASE_ID]: { uri: options.vaultUri } } } : {}),
				artifacts,
				// SARIF §3.14.23: results is present even when empty, the positive sign that nothing was found.
				results,
				columnKind: "utf16CodeUnits",
			},
		],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
}

function rule(kind: FindingKind) {
	const { title, help } = KIND_DESCRIPTIONS[kind];
	return {
		id: kind,
		// SARIF validator rule SARIF2012: a rule name is PascalCase (markdownlint-cli2's formatter does the same).
		name: kind.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
		shortDescription: { text: title },
		fullDescription: { text: help },
		help: { text: help },
		defaultConfiguration: { level: LEVEL_OF[SEVERITY_OF[kind]] },
	};
}

/** `Essays/On risk #2.md` → `Essays/On%20risk%20%232.md`: each segment percent-encoded, slashes kept. */
export function vaultRelativeUri(path: string): string {
	return path.split("/").map(encodeURIComponent).join("/");
}

/** Where a finding ends: the 1-based line and the column just past its last code unit (SARIF's `endColumn`). */
function endFinder(text: string): (finding: Finding) => { line: number; column: number } | undefined {
	const lines = buildLineIndex(text);
	return (finding) => {
		const end = finding.offset + finding.length;
		// The report's positions come from this very text; a text that changed since is not used to guess.
		const start = lines.position(finding.offset);
		if (end > text.length || start.line !== finding.line || start.column !== finding.column) return undefined;
		return lines.position(end);
	};
}

function region(finding: Finding, endOf: ((finding: Finding) => { line: number; column: number } | undefined) | undefined): SarifRegion {
	const start = { startLine: finding.line, startColumn: finding.column };
	const end = endOf?.(finding);
	return end ? { ...start, endLine: end.line, endColumn: end.column } : start;
}
