/**
 * The note the editor tests open (written for these tests): one finding of each kind that has a row action,
 * astral characters (𝒜, outside the BMP: two UTF-16 code units each) and CJK text before the findings, and
 * hostile text (an HTML element in a link target and in a footnote label) that must stay text. The page
 * audits it with the example vault around it; `cliFindings` runs the command line on the same files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "../../../src/cli/run";
import { readExampleVault } from "../harness/essay-audit";

export const NOTE_PATH = "Essays/Ranges.md";

export const HOSTILE_TARGET = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_LABEL = "<b/onmouseover=window.__pwned=1>";

export const NOTE = [
	"# Archives and their 漢字 names",
	"",
	"Archivists keep paper for centuries[^ghost], yet 𝒜𝒷𝒸 links fade within years[^1].",
	"Scholars 研究者 cite one survey twice[^2] and again[^3], with an aside[^aside] and a loose end[^5].",
	`A body link to nowhere: [[Nowhere 漢字]], one to [[${HOSTILE_TARGET}]] and a label[^${HOSTILE_LABEL}].`,
	"",
	"[^1]: [[Why Link Rot]]",
	"[^2]: [[Sources/Why Links Rot]]",
	"[^3]: [[Sources/Why Links Rot]]",
	"[^unused]: [[Sources/Reading Notes]]",
	"[^aside]: 𝒜 an explanatory aside, citing no note.",
	"[^5]: [[Sources/Interview with a Librarian",
	"",
].join("\n");

export interface CliFinding {
	kind: string;
	line: number;
	offset: number;
	length: number;
}

/** The command line's findings (json) for `path` in the example vault with `notes` added or replaced. */
export function cliFindings(notes: Record<string, string>, path: string): CliFinding[] {
	const root = mkdtempSync(join(tmpdir(), "citation-audit-editor-"));
	try {
		const vault = readExampleVault();
		for (const [file, text] of Object.entries({ ...vault.notes, ...notes })) {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), text);
		}
		for (const file of vault.paths.filter((candidate) => !(candidate in vault.notes))) {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), "");
		}
		let stdout = "";
		let stderr = "";
		runCli([root, path, "--format", "json"], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: root, version: "0" });
		if (stdout === "") throw new Error(`the command line printed nothing: ${stderr}`);
		const report = JSON.parse(stdout) as { notes: { findings: CliFinding[] }[] };
		return report.notes[0].findings.map(({ kind, line, offset, length }) => ({ kind, line, offset, length }));
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}
