/**
 * "Export citation report": writes the markdown report to the note at the `reportPath` setting. A note is
 * overwritten only when its text (read from disk, not the possibly stale metadata cache) carries the report
 * marker in its frontmatter, which only this plugin and the command line write; otherwise the next free name
 * is taken (`Citation audit report 1.md`, …), so a writer's own note is never touched. Exporting again finds
 * the report it wrote before and overwrites it: never a second file.
 */
import { normalizePath, TFile, TFolder, type App } from "obsidian";
import { REPORT_MARKER } from "../../core/report/markdown-report";

/** How many numbered names are tried before giving up. */
const MAX_ATTEMPTS = 1000;

export interface ExportResult {
	path: string;
	action: "created" | "updated";
}

/** Whether `text` opens with YAML frontmatter that sets the report marker to true. */
export function hasReportMarker(text: string): boolean {
	const match = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
	if (!match?.[1]) return false;
	const key = REPORT_MARKER.replace(/[-]/g, "\\-");
	return new RegExp(`^(?:${key}|"${key}"|'${key}')[ \\t]*:[ \\t]*true[ \\t]*(?:#.*)?\\r?$`, "im").test(match[1]);
}

/** `Reports/audit` → `Reports/audit.md`; `Citation audit report.md` stays. */
export function reportNotePath(setting: string): string {
	const path = normalizePath(setting.trim() || "Citation audit report.md");
	return /\.md$/i.test(path) ? path : `${path}.md`;
}

/** `X.md`, `X 1.md`, `X 2.md`, … */
export function* reportPathCandidates(path: string): Generator<string> {
	const stem = path.slice(0, -3);
	yield path;
	for (let n = 1; n < MAX_ATTEMPTS; n++) yield `${stem} ${n}.md`;
}

export async function writeReport(app: App, setting: string, markdown: string): Promise<ExportResult> {
	for (const path of reportPathCandidates(reportNotePath(setting))) {
		const existing = app.vault.getAbstractFileByPath(path);
		if (existing === null) {
			await ensureParentFolder(app, path);
			try {
				await app.vault.create(path, markdown);
			} catch {
				// Taken after all (a file differing only in case, or created meanwhile): try the next name.
				if (app.vault.getAbstractFileByPath(path) === null) throw new Error(`Could not create ${path}.`);
				continue;
			}
			return { path, action: "created" };
		}
		if (!(existing instanceof TFile) || !hasReportMarker(await app.vault.read(existing))) continue;
		let ours = false;
		// Checked again inside the atomic read-modify-write, in case the note changed since it was read.
		await app.vault.process(existing, (data) => {
			ours = hasReportMarker(data);
			return ours ? markdown : data;
		});
		if (ours) return { path, action: "updated" };
	}
	throw new Error("No free name for the citation report.");
}

async function ensureParentFolder(app: App, path: string): Promise<void> {
	const slash = path.lastIndexOf("/");
	if (slash <= 0) return;
	const folder = path.slice(0, slash);
	const existing = app.vault.getAbstractFileByPath(folder);
	if (existing instanceof TFolder) return;
	if (existing) throw new Error(`${folder} is a file, not a folder.`);
	await app.vault.createFolder(folder);
}
