/**
 * The label surgery merges and removals share, computed in one pass against one text: rename labels in
 * references, delete whole definitions, and collapse the references that end up side by side.
 *
 * Labels are mapped, never occurrences (the Linter's re-index bug): every `[^11]` becomes `[^10]`, wherever
 * and however often it is cited, so a footnote cited twice keeps working.
 */
import type { CitationDocument, FootnoteReference } from "../parse/citation-document";
import { labelKey } from "../parse/citation-document";
import { deleteDefinitionLines, definitionsByKey, referencesIn } from "./definition-lines";
import type { TextEdit } from "./edits";

export interface LabelPlan {
	/** Label key → the label its references are rewritten to (as the kept definition writes it). */
	rename: ReadonlyMap<string, string>;
	/** Indices into `document.definitions` to delete, whole lines. */
	remove: ReadonlySet<number>;
}

/** The edits of a plan, sorted; null when a definition to delete does not stand alone on its lines. */
export function planLabelEdits(document: CitationDocument, plan: LabelPlan): TextEdit[] | null {
	const text = document.text;
	const removed = [...plan.remove].sort((a, b) => a - b).map((index) => document.definitions[index]);
	const deletions = deleteDefinitionLines(text, removed);
	if (!deletions) return null;
	const edits: TextEdit[] = [...deletions];
	let deletion = 0;
	let run: { key: string; rewritten: boolean; end: number } | null = null;
	for (const reference of document.references) {
		// References inside a deleted definition go with it.
		while (deletion < deletions.length && deletions[deletion].to <= reference.from) deletion++;
		const inDeletion = deletion < deletions.length && deletions[deletion].from <= reference.from;
		if (inDeletion) {
			run = null;
			continue;
		}
		const renamed = plan.rename.get(reference.key);
		const rewritten = renamed !== undefined && renamed !== reference.label;
		const key = renamed !== undefined ? labelKey(renamed) : reference.key;
		// [^10] [^11] [^12]  →  [^10]: a reference that ends up beside one to the same label, with only
		//      ^ run.end      spaces between, goes with the spaces before it (if the merge put it there).
		if (run && run.key === key && /^[ \t]*$/.test(text.slice(run.end, reference.from)) && (run.rewritten || rewritten)) {
			edits.push({ from: run.end, to: reference.to, insert: "" });
			run.end = reference.to;
			run.rewritten = true;
			continue;
		}
		// [^11]  →  [^10]: only the label between `[^` and `]` changes.
		if (rewritten) edits.push({ from: reference.from + 2, to: reference.to - 1, insert: renamed });
		run = { key, rewritten, end: reference.to };
	}
	return edits.sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * Definitions to delete so that no definition is left unreferenced, until nothing changes (so removing twice
 * removes nothing more): with `scope` "all", every label nobody cites, then those cited only from inside
 * definitions being deleted; with "cascade", only the labels left uncited by deleting `alreadyRemoved`.
 * `rename` maps merged labels to the kept one; `alreadyRemoved` are deleted for another reason and are not
 * returned. A label is deleted only if all its definitions can be (each stands alone on its lines).
 */
export function unusedDefinitions(
	document: CitationDocument,
	rename: ReadonlyMap<string, string>,
	alreadyRemoved: ReadonlySet<number>,
	canDelete: (index: number) => boolean,
	scope: "all" | "cascade" = "all",
): Set<number> {
	const byKey = definitionsByKey(document);
	const keyOf = (reference: FootnoteReference): string => {
		const renamed = rename.get(reference.key);
		return renamed !== undefined ? labelKey(renamed) : reference.key;
	};
	const removed = new Set(alreadyRemoved);
	// How often each label is cited from text that stays.
	const uses = new Map<string, number>();
	const cite = (reference: FootnoteReference, count: number): void => {
		const key = keyOf(reference);
		uses.set(key, (uses.get(key) ?? 0) + count);
	};
	for (const reference of document.references) cite(reference, 1);
	const pending = scope === "all" ? [...byKey.keys()].filter((key) => !uses.get(key)) : [];
	const uncite = (index: number): void => {
		// A definition that goes stops citing what it cited: that may leave another label unused.
		const definition = document.definitions[index];
		for (const reference of referencesIn(document, definition.from, definition.to)) {
			cite(reference, -1);
			const key = keyOf(reference);
			if (uses.get(key) === 0 && byKey.has(key)) pending.push(key);
		}
	};
	for (const index of removed) uncite(index);
	const added = new Set<number>();
	while (pending.length > 0) {
		const indices = byKey.get(pending.pop()!)!;
		if (indices.every((index) => removed.has(index)) || !indices.every(canDelete)) continue;
		for (const index of indices) {
			if (removed.has(index)) continue;
			removed.add(index);
			added.add(index);
			uncite(index);
		}
	}
	return added;
}
