/**
 * `--format markdown` and the plugin's "Export citation report": a note a writer can keep in the vault.
 * Everything quoted from notes is escaped, so the report itself creates no links, footnotes or tags.
 */
import { describeSummary, type AuditReport } from "./json-report";

/** Frontmatter key that marks a report the plugin may overwrite (a writer's own note never has it). */
export const REPORT_MARKER = "citation-audit-report";

export function formatMarkdownReport(report: AuditReport): string {
	const out: string[] = ["---", `${REPORT_MARKER}: true`, "---", "", "# Citation audit", "", `${escapeMarkdown(describeSummary(report.summary))}.`, ""];
	for (const note of report.notes) {
		const { definitions, references, citedNotes } = note.stats;
		out.push(`## ${escapeMarkdown(note.path)}`, "");
		out.push(`${definitions} definitions, ${references} references, ${citedNotes} cited notes.`, "");
		if (note.findings.length === 0) {
			out.push("No problems found.", "");
			continue;
		}
		out.push("| Line | Severity | Problem | Kind | Labels |", "| ---: | --- | --- | --- | --- |");
		for (const finding of note.findings) {
			const labels = (finding.labels ?? []).map((label) => escapeMarkdown(`[^${label}]`)).join(" ");
			const suggestions = finding.suggestions?.length
				? `<br>Did you mean: ${finding.suggestions.map((path) => escapeMarkdown(path)).join(", ")}`
				: "";
			out.push(
				`| ${finding.line}:${finding.column} | ${finding.severity} | ${escapeMarkdown(finding.message)}${suggestions} | \`${finding.kind}\` | ${labels} |`,
			);
		}
		out.push("");
	}
	return out.join("\n");
}

/**
 * Backslash-escapes markdown and Obsidian syntax (`[[`, `[^x]`, `#tag`, `%%`, `$`, `|` in tables, HTML) and
 * flattens line breaks, so quoted note text renders literally inside a table cell.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]{}()<>#+!|^%$~=&-]/g, (char) => `\\${char}`);
}
