/**
 * "Cited by": which essays cite a source note, and under which footnote labels. Candidates come cheaply
 * from `metadataCache.resolvedLinks` (source → target → count): only notes that link to the source at all
 * are read and audited, and of those only the footnote definitions whose citation links resolve (with the
 * engine and Obsidian's resolver, as in the panel) to the source are kept. Body links do not count.
 */
import type { App, TFile } from "obsidian";
import { auditNote, buildLineIndex, type LinkResolver } from "../../core/index";
import { isSkippedPath, normalizeFolders } from "./candidates";
import { TimeSlicer, type SliceClock } from "./slicer";
import { readNoteText } from "./vault-audit";

export interface CitingLabel {
	/** As written; "" for an inline footnote `^[…]`. */
	label: string;
	inline: boolean;
	/** The `[^label]` of the definition (or the `^[` of an inline footnote): where a jump selects. */
	offset: number;
	length: number;
	/** 1-based. */
	line: number;
}

export interface CitingNote {
	path: string;
	labels: CitingLabel[];
}

export interface CitedByOutcome {
	notes: CitingNote[];
	cancelled: boolean;
}

/** Notes whose links resolve to `targetPath`, by Obsidian's own index, sorted by path. */
export function citingCandidates(app: App, targetPath: string, ignoredFolders: readonly string[]): TFile[] {
	const folders = normalizeFolders(ignoredFolders);
	const files: TFile[] = [];
	for (const [source, targets] of Object.entries(app.metadataCache.resolvedLinks)) {
		if (source === targetPath || !targets[targetPath] || isSkippedPath(source, folders)) continue;
		const file = app.vault.getFileByPath(source);
		if (file && file.extension === "md") files.push(file);
	}
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The footnote definitions of `text` (a note at `path`) that cite `targetPath`. */
export function labelsCiting(text: string, path: string, targetPath: string, resolver: LinkResolver): CitingLabel[] {
	const audit = auditNote(text, path, resolver, { checkBodyLinks: false });
	const lines = buildLineIndex(text);
	const labels: CitingLabel[] = [];
	for (const definition of audit.document.definitions) {
		const cites = definition.links.some((index) => {
			const outcome = audit.outcomes[index];
			return outcome.status === "resolved" && outcome.path === targetPath;
		});
		if (!cites) continue;
		const { from, to } = definition.labelRange;
		labels.push({ label: definition.label, inline: definition.inline, offset: from, length: to - from, line: lines.position(from).line });
	}
	return labels;
}

export async function findCitingNotes(
	deps: { app: App; resolver: LinkResolver; ignoredFolders: readonly string[] },
	target: TFile,
	options: { signal: AbortSignal; budgetMs?: number; clock?: SliceClock },
): Promise<CitedByOutcome> {
	const slicer = new TimeSlicer(options.signal, options.budgetMs, options.clock);
	const notes: CitingNote[] = [];
	for (const file of citingCandidates(deps.app, target.path, deps.ignoredFolders)) {
		if (!(await slicer.checkpoint())) break;
		let text: string;
		try {
			text = await readNoteText(deps.app, file);
		} catch {
			continue;
		}
		if (slicer.cancelled) break;
		const labels = labelsCiting(text, file.path, target.path, deps.resolver);
		if (labels.length > 0) notes.push({ path: file.path, labels });
	}
	slicer.finish();
	return { notes, cancelled: slicer.cancelled };
}
