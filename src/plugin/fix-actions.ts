/**
 * The quick fixes inside Obsidian: row buttons in the panel and the whole-note commands. The fixes
 * themselves are pure (src/core/fixes); this file only decides when to offer them, asks before a merge
 * that would delete text, and applies edits through editor-glue (one transaction, refused when stale).
 */
import { App, Modal, Notice, Setting, TFile, normalizePath, stringifyYaml } from "obsidian";
import { planLiteratureNote, type LiteratureNotePlan } from "../core/citekeys/literature-note";
import type { VaultCitekeyLibrary } from "./citekeys/vault-citekey-library";
import { auditNote, type NoteAudit } from "../core/index";
import {
	candidateFixesForFinding,
	fixAllToFixpoint,
	fixesForFinding,
	mergeAllDuplicateSources,
	removeUnusedDefinitions,
	renumberFootnotes,
	type CitationFix,
} from "../core/fixes/index";
import { ignoreFinding } from "../core/ignore/index";
import type { Finding } from "../core/types";
import type { AuditController } from "./audit-controller";
import { applyEditsToNote, revealRange, type ApplyOutcome } from "./editor-glue";
import type { ObsidianLinkResolver } from "./obsidian-resolver";
import type { PanelAction } from "./panel/citation-panel";

export class FixActions {
	constructor(
		private readonly app: App,
		private readonly controller: AuditController,
		private readonly resolver: ObsidianLinkResolver,
		private readonly citekeys?: VaultCitekeyLibrary,
	) {}

	/**
	 * Buttons for a panel row. Titles come from the audit shown; the fix is recomputed when clicked, and only
	 * then checked to keep every character's role (the check parses the note again: for every row of a long
	 * note it cost seconds), so a button may say that its fix was refused.
	 */
	actionsFor(finding: Finding): PanelAction[] {
		const state = this.controller.current;
		if (state.kind !== "note") return [];
		const actions: PanelAction[] = candidateFixesForFinding(state.audit, finding, this.resolver).map((fix) => ({
			title: fix.title,
			run: (current) => void this.applyRowFix(current, fix.title),
		}));
		const linkpath = finding.kind === "unresolved-target" ? missingNotePath(state.audit, finding) : null;
		if (linkpath) actions.push({ title: `Create note "${linkpath}"`, run: () => void this.createMissingNote(linkpath) });
		const literature = this.literatureNotePlan(finding);
		if (literature) actions.push({ title: `Create literature note "${literature.path}"`, run: (current) => void this.createLiteratureNote(current) });
		if (ignoreFinding(state.audit.document.text, finding)) actions.push({ title: IGNORE_TITLE, run: (current) => void this.ignore(current) });
		return actions;
	}

	/** "Ignore": writes `%% citation-audit-ignore-next-line KIND %%` before the finding's line (one transaction). */
	private async ignore(finding: Finding): Promise<void> {
		const state = this.controller.current;
		if (state.kind !== "note") return;
		const edits = ignoreFinding(state.audit.document.text, finding);
		if (!edits) return;
		await this.apply(state.file, state.audit, { title: `Ignored ${finding.kind} on line ${finding.line}`, edits });
	}

	/** Recomputes the row's fix on the latest audit (offsets may have moved) and applies it. */
	private async applyRowFix(finding: Finding, title: string): Promise<void> {
		const state = this.controller.current;
		if (state.kind !== "note") return;
		const fix = fixesForFinding(state.audit, finding, this.resolver).find((candidate) => candidate.title === title);
		if (!fix && candidateFixesForFinding(state.audit, finding, this.resolver).some((candidate) => candidate.title === title)) {
			new Notice(REFUSED_BY_ROLE_CHECK);
			return;
		}
		if (!fix) {
			new Notice("This fix no longer applies; the citation panel has been updated.");
			await this.controller.refresh();
			return;
		}
		if (fix.lossy && !(await confirmRemoval(this.app, fix))) return;
		await this.apply(state.file, state.audit, fix);
	}

	/** Whole-note commands: "Merge duplicate citations", "Remove unused footnotes", … */
	async runNoteFix(kind: "merge" | "unused" | "renumber" | "all"): Promise<void> {
		const file = this.controller.file;
		if (!file) {
			new Notice("Open a Markdown note to fix its citations.");
			return;
		}
		const state = await this.controller.auditFile(file);
		if (state.kind !== "note") return;
		const fix = noteFix(state.audit, kind, this.resolver, (text) => auditNote(text, file.path, this.resolver));
		if (!fix) {
			new Notice(NOTHING_TO_DO[kind]);
			return;
		}
		await this.apply(file, state.audit, fix);
	}

	private async apply(file: TFile, audit: NoteAudit, fix: CitationFix): Promise<void> {
		let outcome: ApplyOutcome | null = null;
		try {
			outcome = await applyEditsToNote(this.app, file, audit.document.text, fix.edits);
			new Notice(outcome === "stale" ? "The note changed since it was audited; nothing was changed. Audit again and retry." : fix.title);
		} catch (error) {
			// A write the vault refused (permissions, a full disk, the file gone): nothing was applied; say so.
			new Notice(`Could not change the note: ${error instanceof Error ? error.message : String(error)}`);
		}
		const after = await this.controller.auditFile(file);
		if (outcome === "applied" && fix.cursor !== undefined && after.kind === "note") await revealRange(this.app, file, fix.cursor, fix.cursor);
	}

	/**
	 * "Create note": in the folder of Obsidian's "Default location for new notes" setting
	 * (`fileManager.getNewFileParent`), or at the folder path the link itself names.
	 */
	private async createMissingNote(linkpath: string): Promise<void> {
		const source = this.controller.file;
		if (!source) return;
		const name = linkpath.endsWith(".md") ? linkpath : `${linkpath}.md`;
		const path = linkpath.includes("/")
			? normalizePath(name)
			: normalizePath(`${this.app.fileManager.getNewFileParent(source.path, name).path}/${name}`);
		try {
			const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
			if (folder && !this.app.vault.getFolderByPath(folder)) await this.app.vault.createFolder(folder);
			await this.app.vault.create(path, "");
			new Notice(`Created "${path}".`);
		} catch (error) {
			new Notice(`Could not create "${path}": ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	/** What "Create literature note" writes for a `citekey-without-note` row, from the key's bibliography entry. */
	private literatureNotePlan(finding: Finding): LiteratureNotePlan | null {
		const state = this.controller.current;
		if (state.kind !== "note") return null;
		const plan = planLiteratureNote(state.audit, finding, this.citekeys?.library, stringifyYaml);
		if (!plan) return null;
		const path = normalizePath(plan.path);
		return this.app.vault.getAbstractFileByPath(path) ? null : { ...plan, path };
	}

	/**
	 * "Create literature note": a new note in the configured folder, named by the template, with the entry's
	 * title, authors, year and DOI or URL as properties. It never overwrites: an existing file is left alone.
	 */
	private async createLiteratureNote(finding: Finding): Promise<void> {
		const plan = this.literatureNotePlan(finding);
		if (!plan) {
			new Notice("This literature note exists already or can no longer be created.");
			await this.controller.refresh();
			return;
		}
		try {
			const folder = plan.path.includes("/") ? plan.path.slice(0, plan.path.lastIndexOf("/")) : "";
			if (folder && !this.app.vault.getFolderByPath(folder)) await this.app.vault.createFolder(folder);
			await this.app.vault.create(plan.path, plan.text);
			new Notice(`Created "${plan.path}".`);
		} catch (error) {
			new Notice(`Could not create "${plan.path}": ${error instanceof Error ? error.message : String(error)}`);
		}
		await this.controller.refresh();
	}
}

/** The notice for a fix whose edits would change what other text is (prose, code, comment, math, frontmatter). */
export const REFUSED_BY_ROLE_CHECK =
	"This fix was not applied: it would change more than the citation (text around it would become or stop being code, a comment or math). Fix it by hand.";

/** The title of the action that writes an ignore marker (the editor tooltip shows the same actions). */
export const IGNORE_TITLE = "Ignore";

const NOTHING_TO_DO = {
	merge: "No duplicate citations can be merged safely in this note.",
	unused: "This note has no unused footnotes.",
	renumber: "The footnotes are already numbered in order.",
	all: "Nothing to fix safely in this note.",
} as const;

function noteFix(
	audit: NoteAudit,
	kind: keyof typeof NOTHING_TO_DO,
	resolver: ObsidianLinkResolver,
	reaudit: (text: string) => NoteAudit,
): CitationFix | null {
	switch (kind) {
		case "merge":
			// Every whole, lossless merge, all groups in one set of edits; unused footnotes and unclosed links
			// are other commands' business, and a lossy merge needs the writer's confirmation on its row.
			return mergeAllDuplicateSources(audit);
		case "unused":
			return removeUnusedDefinitions(audit);
		case "renumber":
			return renumberFootnotes(audit);
		case "all":
			// Until nothing is left to fix (a closed link may become a duplicate to merge), as one undo step.
			return fixAllToFixpoint(audit, reaudit, { resolver })?.fix ?? null;
	}
}

/** The link path a "Create note" button would create, for an unresolved wikilink to a note. */
function missingNotePath(audit: NoteAudit, finding: Finding): string | null {
	const link = audit.document.links.find((candidate) => candidate.from === finding.offset);
	if (!link || link.problem || link.external || link.linkpath === "") return null;
	if (/[\\:*?"<>|#^[\]]/.test(link.linkpath) || link.linkpath.startsWith("/") || link.linkpath.split("/").includes("..")) return null;
	return link.linkpath;
}

/** Asks before a merge deletes a definition that says more than the one kept; shows exactly what goes. */
function confirmRemoval(app: App, fix: CitationFix): Promise<boolean> {
	return new Promise((resolve) => {
		const modal = new ConfirmRemovalModal(app, fix, resolve);
		modal.open();
	});
}

class ConfirmRemovalModal extends Modal {
	private answered = false;

	constructor(
		app: App,
		private readonly fix: CitationFix,
		private readonly answer: (confirmed: boolean) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(this.fix.title);
		this.contentEl.createEl("p", { text: "This deletes the following footnote text:" });
		for (const removed of this.fix.removedText ?? []) this.contentEl.createEl("pre", { cls: "citation-auditor-removed", text: removed });
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.finish(false)))
			.addButton((button) =>
				button
					.setButtonText("Merge and delete")
					// setDestructive() needs Obsidian 1.13 (minAppVersion is 1.8.7); `mod-warning` is the class
					// the deprecated setWarning() adds, styled by every Obsidian version.
					.onClick(() => this.finish(true)).buttonEl.addClass("mod-warning"),
			);
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) this.answer(false);
	}

	private finish(confirmed: boolean): void {
		this.answered = true;
		this.answer(confirmed);
		this.close();
	}
}
