/**
 * `--format markdown` and the plugin's "Export citation report": a note a writer can keep in the vault and
 * read in Obsidian. Each audited note's heading links to it (`[[path|name]]`), and everything quoted from the
 * notes (labels, targets, paths) is shown as inline code, so the report reads as the notes are written and
 * still creates no footnote, link, tag, comment or table cell of its own (markdown-inline.ts says how).
 */
import { describeSummary, type AuditReport } from "./json-report";
import { escapeMarkdown, inlineCode, noteLink, tableCode } from "./markdown-inline";
import { messageParts, type MessagePart } from "./message-parts";
import type { Finding } from "../types";

export { escapeMarkdown } from "./markdown-inline";

/** Frontmatter key that marks a report the plugin may overwrite (a writer's own note never has it). */
export const REPORT_MARKER = "citation-audit-report";

export function formatMarkdownReport(report: AuditReport): string {
	const out: string[] = ["---", `${REPORT_MARKER}: true`, "---", "", "# Citation audit", "", `${escapeMarkdown(describeSummary(report.summary))}.`, ""];
	for (const note of report.notes) {
		const { definitions, references, citedNotes } = note.stats;
		out.push(`## ${noteLink(note.path)}`, "");
		out.push(`${inlineCode(note.path)}: ${definitions} definitions, ${references} references, ${citedNotes} cited notes.`, "");
		if (note.findings.length === 0) {
			out.push("No problems found.", "");
			continue;
		}
		out.push("| Line | Severity | Problem | Kind | Labels |", "| ---: | --- | --- | --- | --- |");
		for (const finding of note.findings) {
			const labels = (finding.labels ?? []).map((label) => tableCode(`[^${label}]`)).join(" ");
			out.push(`| ${finding.line}:${finding.column} | ${finding.severity} | ${problemCell(finding)} | \`${finding.kind}\` | ${labels} |`);
		}
		out.push("");
	}
	return out.join("\n");
}

/** The message with its quoted parts as code, and the close names it does not already give. */
function problemCell(finding: Finding): string {
	const parts = messageParts(finding);
	const cell = parts
		.map((part) => (part.kind === "words" ? escapeMarkdown(part.text) : tableCode(shownPart(part))))
		.join("");
	const named = new Set(parts.filter((part) => part.kind === "quoted" || part.kind === "citekey").map((part) => (part.kind === "citekey" ? bareKey(part.text) : part.text)));
	const more = (finding.suggestions ?? []).filter((path) => !named.has(path));
	if (more.length === 0) return cell;
	const lead = more.length < (finding.suggestions ?? []).length ? "Also close" : "Did you mean";
	return `${cell}<br>${lead}: ${more.map((path) => tableCode(path)).join(", ")}`;
}

function shownPart(part: MessagePart): string {
	if (part.kind === "label") return `[^${part.text}]`;
	return part.kind === "citekey" ? `@${part.text}` : part.text;
}

/** `{Haugen 2021}` names the key `Haugen 2021`. */
function bareKey(key: string): string {
	return key.startsWith("{") && key.endsWith("}") ? key.slice(1, -1) : key;
}
