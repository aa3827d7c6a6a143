/**
 * Obsidian's own command line (1.12): `obsidian citation-auditor [path=<note>] [format=text|json|markdown]`
 * audits the active note or the note at `path`; `obsidian citation-auditor:vault [format=…]` audits every note
 * with footnotes. Both answer from the running app (Obsidian's resolver and metadata cache, the open editor's
 * text) and print what `citation-audit <vault> [note] --format …` prints for the same vault: the same report
 * builder, the same formatter, the same terminal-safe text.
 *
 * What this relies on (obsidian.d.ts 1.13.1 and docs.obsidian.md, Plugin.registerCliHandler, CliData, CliFlag):
 * the handler receives `CliData`, an object of strings, where a flag given without a value is the string
 * `"true"`; the string it returns (or resolves to) is what the command prints. Parameters are written
 * `key=value` on Obsidian's command line (`obsidian create name="My note"`). Whether Obsidian itself refuses
 * flags a handler did not declare is not documented, so the handlers check them and answer a bad one with a
 * single line. Obsidian's own `vault=<name>` chooses the vault before the command runs; should it also reach
 * the handler it is not ours to refuse, so it is ignored.
 *
 * Registration itself (guarded by `requireApiVersion("1.12.2")`) happens in main.ts.
 */
import { normalizePath, TFile, type App, type CliData, type CliFlags } from "obsidian";
import type { VaultCitekeyLibrary } from "../citekeys/vault-citekey-library";
import { auditNote, type LinkResolver } from "../../core/index";
import { formatReport } from "../../core/report/format-report";
import { buildAuditReport, type AuditReport } from "../../core/report/json-report";
import { reportedFindings } from "../../core/report/min-severity";
import { oneLineField, terminalSafe } from "../../core/report/terminal-text";
import type { Severity } from "../../core/types";
import { pluginAuditOptions } from "../audit-options";
import type { CitationAuditorSettings } from "../settings";
import { readNoteText, runVaultAudit } from "../vault/vault-audit";

export type CliReportFormat = "text" | "json" | "markdown";
export const CLI_FORMATS: readonly CliReportFormat[] = ["text", "json", "markdown"];

const FORMAT_FLAG = { value: CLI_FORMATS.join("|"), description: "Report format (default: text)" };

/** `citation-auditor`: the active note, or the note at `path`. */
export const NOTE_FLAGS: CliFlags = {
	path: { value: "<note>", description: "Vault path of the note to audit (default: the active note)" },
	format: FORMAT_FLAG,
};

/** `citation-auditor:vault`: every note with footnotes. */
export const VAULT_FLAGS: CliFlags = { format: FORMAT_FLAG };

/** Parameters Obsidian's command line may hand over that belong to it, not to the command. */
const OBSIDIAN_PARAMS = new Set(["vault"]);

export interface CliCommandDeps {
	app: App;
	resolver: LinkResolver;
	settings: () => CitationAuditorSettings;
	/** The note "Audit citations" would audit now. */
	activeFile: () => TFile | null;
	/** Least serious severity reported (the shared configuration's minSeverity); "info": all. */
	minSeverity: () => Severity;
	/** Aborted when the plugin unloads. */
	signal: AbortSignal;
	/** Bibliographies and literature notes for the Pandoc keys, as the panel uses them. */
	citekeys?: VaultCitekeyLibrary;
}

/** A bad flag or value, answered as one line. */
class CliUsageError extends Error {}

export class ObsidianCliCommands {
	constructor(
		private readonly commandId: string,
		private readonly deps: CliCommandDeps,
	) {}

	/** `citation-auditor`. */
	async auditNote(params: CliData): Promise<string> {
		return this.answer(this.commandId, params, NOTE_FLAGS, async (format) => {
			const file = this.noteFor(params.path);
			const { app, resolver, settings, citekeys } = this.deps;
			const audit = auditNote(await readNoteText(app, file), file.path, resolver, pluginAuditOptions(app, settings(), citekeys?.library));
			return this.format(buildAuditReport([audit]), format);
		});
	}

	/** `citation-auditor:vault`. */
	async auditVault(params: CliData): Promise<string> {
		return this.answer(`${this.commandId}:vault`, params, VAULT_FLAGS, async (format) => {
			const { app, resolver, settings, signal, citekeys } = this.deps;
			const outcome = await runVaultAudit({ app, resolver, settings: settings(), citekeys }, { signal });
			if (outcome.cancelled) throw new CliUsageError("the audit was cancelled (the plugin was unloaded)");
			return this.format(buildAuditReport(outcome.notes), format);
		});
	}

	private async answer(
		command: string,
		params: CliData,
		flags: CliFlags,
		run: (format: CliReportFormat) => Promise<string>,
	): Promise<string> {
		try {
			return terminalSafe(await run(checkedFormat(params, flags)));
		} catch (error) {
			if (!(error instanceof CliUsageError)) throw error;
			// One line whatever the note's name holds: line breaks become \u000a with the other controls.
			return `${command}: ${oneLineField(terminalSafe(error.message))}\n`;
		}
	}

	private format(report: AuditReport, format: CliReportFormat): string {
		return formatReport(reportedFindings(report, this.deps.minSeverity()), format);
	}

	/** The note at `path` (a vault path; `.md` may be left out), or the active note. */
	private noteFor(path: string | undefined): TFile {
		const { app } = this.deps;
		if (path === undefined) {
			const active = this.deps.activeFile();
			if (!active) throw new CliUsageError("no note is active; give one with path=<note>");
			return active;
		}
		if (path === "true" || path.trim() === "") throw new CliUsageError("path= takes the vault path of a note");
		const normalized = normalizePath(path);
		const file = app.vault.getFileByPath(normalized) ?? (/\.md$/i.test(normalized) ? null : app.vault.getFileByPath(`${normalized}.md`));
		if (!(file instanceof TFile)) throw new CliUsageError(`no note at "${path}" in this vault`);
		if (file.extension !== "md") throw new CliUsageError(`"${path}" is not a markdown note`);
		return file;
	}
}

/** The report format from `format=`, after refusing flags the command does not have. */
function checkedFormat(params: CliData, flags: CliFlags): CliReportFormat {
	for (const key of Object.keys(params)) {
		if (!Object.prototype.hasOwnProperty.call(flags, key) && !OBSIDIAN_PARAMS.has(key)) {
			throw new CliUsageError(`unknown flag "${key}" (flags: ${Object.keys(flags).join(", ")})`);
		}
	}
	const format = params.format;
	if (format === undefined) return "text";
	if (!CLI_FORMATS.includes(format as CliReportFormat)) {
		throw new CliUsageError(`format= takes text, json or markdown (got ${format === "true" ? "nothing" : `"${format}"`})`);
	}
	return format as CliReportFormat;
}
