/**
 * The marks of an editor: one CodeMirror mark decoration per finding, at the finding's exact range
 * (offsets are UTF-16 code units of the editor's text, as CodeMirror's are). Built once per audit, from the
 * audit the panel and the status bar show (the `setCitationFindings` effect); between audits the set is
 * mapped through every change, so marks stay on their characters and a mark whose text is deleted goes
 * (an empty mark range is dropped by CodeMirror's mapping).
 *
 * Pure CodeMirror, no Obsidian: the node tests and the browser harness run it in a real EditorView.
 */
import { Facet, StateEffect, StateField, type EditorState, type Range } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";
import { meetsMinSeverity, type Finding, type Severity } from "../../core/types";

export interface CitationEditorOptions {
	/** Underlines (and hover) in the text; off leaves the panel as it is. */
	underlines: boolean;
	/** A marker in the gutter on each line with a problem. */
	gutter: boolean;
	/** Findings less serious than this are not marked. */
	minSeverity: Severity;
}

export const DEFAULT_EDITOR_OPTIONS: CitationEditorOptions = { underlines: true, gutter: false, minSeverity: "warning" };

export const citationEditorOptions = Facet.define<CitationEditorOptions, CitationEditorOptions>({
	combine: (values) => values[0] ?? DEFAULT_EDITOR_OPTIONS,
});

/** Replaces the marks with those of a new audit of exactly the editor's current text. */
export const setCitationFindings = StateEffect.define<readonly Finding[]>();

export interface CitationMarks {
	/** Every finding, whatever its severity. */
	all: DecorationSet;
	/** Those the options show. */
	shown: DecorationSet;
}

/** The finding a mark stands for (as audited: its offsets are those of the audit, the mark's range is current). */
export function findingOf(decoration: Decoration): Finding {
	return (decoration.spec as { finding: Finding }).finding;
}

const MARK_CLASSES: Record<Severity, string> = {
	error: "citation-auditor-mark citation-auditor-mark-error",
	warning: "citation-auditor-mark citation-auditor-mark-warning",
	info: "citation-auditor-mark citation-auditor-mark-info",
};

/** One mark per finding that fits the document; sorted by CodeMirror (findings come sorted by offset). */
export function buildMarks(findings: readonly Finding[], docLength: number): DecorationSet {
	const ranges: Range<Decoration>[] = [];
	for (const finding of findings) {
		const from = finding.offset;
		const to = finding.offset + finding.length;
		if (from < 0 || to > docLength || to <= from) continue;
		// The spec carries the finding (CodeMirror keeps extra spec fields); the DOM gets class and kind only.
		ranges.push(Decoration.mark({ class: MARK_CLASSES[finding.severity], finding, attributes: { "data-citation-kind": finding.kind } }).range(from, to));
	}
	return Decoration.set(ranges, true);
}

function shownMarks(all: DecorationSet, options: CitationEditorOptions): DecorationSet {
	if (options.minSeverity === "info") return all;
	return all.update({ filter: (_from, _to, value) => meetsMinSeverity(findingOf(value).severity, options.minSeverity) });
}

export const citationMarksField = StateField.define<CitationMarks>({
	create: () => ({ all: Decoration.none, shown: Decoration.none }),
	update(marks, tr) {
		let { all, shown } = marks;
		if (tr.docChanged) {
			all = all.map(tr.changes);
			shown = shown.map(tr.changes);
		}
		let replaced = false;
		for (const effect of tr.effects) {
			if (effect.is(setCitationFindings)) {
				all = buildMarks(effect.value, tr.state.doc.length);
				replaced = true;
			}
		}
		const options = tr.state.facet(citationEditorOptions);
		if (replaced || options !== tr.startState.facet(citationEditorOptions)) shown = shownMarks(all, options);
		return all === marks.all && shown === marks.shown ? marks : { all, shown };
	},
	provide: (field) =>
		EditorView.decorations.compute([field, citationEditorOptions], (state) =>
			state.facet(citationEditorOptions).underlines ? state.field(field).shown : Decoration.none,
		),
});

export interface MarkedFinding {
	from: number;
	to: number;
	finding: Finding;
}

/** The shown marks touching `[from, to]`, most serious first, then in text order. */
export function marksAt(state: EditorState, from: number, to = from): MarkedFinding[] {
	const found: MarkedFinding[] = [];
	state.field(citationMarksField, false)?.shown.between(from, to, (markFrom, markTo, value) => {
		found.push({ from: markFrom, to: markTo, finding: findingOf(value) });
	});
	const rank = { error: 0, warning: 1, info: 2 };
	return found.sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity] || a.from - b.from);
}

/** Every shown mark in text order. */
export function allMarks(state: EditorState): MarkedFinding[] {
	const found: MarkedFinding[] = [];
	const iter = state.field(citationMarksField, false)?.shown.iter();
	for (; iter?.value; iter.next()) found.push({ from: iter.from, to: iter.to, finding: findingOf(iter.value) });
	return found;
}
