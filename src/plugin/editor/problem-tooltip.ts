/**
 * The tooltip of a marked citation problem: its severity and kind, the message, the did-you-mean
 * suggestions and the same actions as its panel row. Everything from the note (messages, targets, paths)
 * goes in as text. Shown on hover (`hoverTooltip`) and from the keyboard ("Show citation problem at
 * cursor", a tooltip kept in a StateField and focused so Tab reaches its buttons and Escape closes it).
 */
import { StateEffect, StateField, type EditorState, type Extension } from "@codemirror/state";
import { hoverTooltip, keymap, showTooltip, type EditorView, type Tooltip } from "@codemirror/view";
import type {} from "obsidian"; // the HTMLElement helpers' types (createEl, setText …); nothing at run time
import type { Finding } from "../../core/types";
import type { PanelAction } from "../panel/citation-panel";
import { citationEditorOptions, marksAt, type MarkedFinding } from "./citation-marks";

/** What the tooltip needs from the plugin: the row's actions, and a way to run one on the current finding. */
export interface ProblemActions {
	actionsFor(finding: Finding): PanelAction[];
	/** Runs `action` on `finding` as it stands in the note now (the audit may be older than the text). */
	run(action: PanelAction, finding: Finding): void;
}

const SEVERITY_NAMES = { error: "Error", warning: "Warning", info: "Info" } as const;

/** The tooltip's DOM for the problems at one place (usually one). */
export function renderProblemTooltip(marks: readonly MarkedFinding[], actions: ProblemActions, onDone: () => void): HTMLElement {
	const dom = createDiv({ cls: "citation-auditor-tooltip", attr: { role: "group", "aria-label": "Citation problem" } });
	for (const { finding } of marks) {
		const problem = dom.createDiv({ cls: ["citation-auditor-tooltip-problem", `citation-auditor-${finding.severity}`] });
		const heading = problem.createDiv({ cls: "citation-auditor-tooltip-heading" });
		heading.createSpan({ cls: "citation-auditor-tooltip-severity", text: SEVERITY_NAMES[finding.severity] });
		heading.createSpan({ cls: "citation-auditor-tooltip-kind", text: finding.kind });
		problem.createDiv({ cls: "citation-auditor-tooltip-message", text: finding.message });
		if (finding.suggestions && finding.suggestions.length > 0) {
			const suggestions = problem.createDiv({ cls: "citation-auditor-tooltip-suggestions" });
			suggestions.createSpan({ text: "Did you mean:" });
			const list = suggestions.createEl("ul");
			// A key's suggestions are keys: written as cited, `@Smith2020`.
			for (const suggestion of finding.suggestions) list.createEl("li", { text: finding.citekey !== undefined ? `@${suggestion}` : suggestion });
		}
		const rowActions = actions.actionsFor(finding);
		if (rowActions.length > 0) {
			const bar = problem.createDiv({ cls: "citation-auditor-actions" });
			for (const action of rowActions) {
				const button = bar.createEl("button", { cls: "citation-auditor-action", text: action.title, attr: { type: "button" } });
				button.addEventListener("mousedown", (event) => event.preventDefault()); // keep the editor's selection
				button.addEventListener("click", (event) => {
					event.preventDefault();
					onDone();
					actions.run(action, finding);
				});
			}
		}
	}
	return dom;
}

export const openProblemTooltip = StateEffect.define<readonly MarkedFinding[]>();
export const closeProblemTooltip = StateEffect.define<null>();

function tooltipFor(marks: readonly MarkedFinding[], actions: ProblemActions, focus: boolean): Tooltip {
	return {
		pos: Math.min(...marks.map((mark) => mark.from)),
		end: Math.max(...marks.map((mark) => mark.to)),
		above: true,
		create(view) {
			// Closing a keyboard tooltip that is not open changes nothing; a hover tooltip closes on the edit.
			const close = () => view.dispatch({ effects: closeProblemTooltip.of(null) });
			const dom = renderProblemTooltip(marks, actions, close);
			if (focus) {
				dom.tabIndex = -1;
				dom.addEventListener("keydown", (event) => {
					if (event.key !== "Escape") return;
					event.preventDefault();
					close();
					view.focus();
				});
			}
			return {
				dom,
				mount: focus ? () => (dom.querySelector<HTMLElement>("button") ?? dom).focus() : undefined,
			};
		},
	};
}

interface KeyboardTooltip {
	marks: readonly MarkedFinding[];
	tooltip: Tooltip;
}

/** The tooltip "Show citation problem at cursor" opened, until Escape, an edit, or the cursor leaving it. */
function keyboardTooltipField(actions: ProblemActions): StateField<KeyboardTooltip | null> {
	return StateField.define<KeyboardTooltip | null>({
		create: () => null,
		update(value, tr) {
			for (const effect of tr.effects) {
				if (effect.is(closeProblemTooltip)) return null;
				if (effect.is(openProblemTooltip)) return { marks: effect.value, tooltip: tooltipFor(effect.value, actions, true) };
			}
			if (value && (tr.docChanged || (tr.selection && !touches(value.marks, tr.state)))) return null;
			return value;
		},
		provide: (field) => showTooltip.compute([field], (state) => state.field(field)?.tooltip ?? null),
	});
}

function touches(marks: readonly MarkedFinding[], state: EditorState): boolean {
	const head = state.selection.main.head;
	return marks.some((mark) => head >= mark.from && head <= mark.to);
}

/** Opens the tooltip of the problems under the cursor; false when there is none. */
export function showProblemAtCursor(view: EditorView): boolean {
	const head = view.state.selection.main.head;
	const marks = marksAt(view.state, head);
	if (marks.length === 0) return false;
	view.dispatch({ effects: openProblemTooltip.of(marks) });
	return true;
}

/** Hover on a shown mark, and the keyboard tooltip with Escape to close it. */
export function problemTooltips(actions: ProblemActions): Extension {
	const keyboardTooltip = keyboardTooltipField(actions);
	return [
		keyboardTooltip,
		hoverTooltip(
			(view, pos, side) => {
				if (!view.state.facet(citationEditorOptions).underlines) return null;
				const marks = marksAt(view.state, pos).filter((mark) => (side < 0 ? mark.from < pos : mark.to > pos));
				return marks.length === 0 ? null : tooltipFor(marks, actions, false);
			},
			{ hideOnChange: true },
		),
		keymap.of([
			{
				key: "Escape",
				run: (view) => {
					if (!view.state.field(keyboardTooltip, false)) return false;
					view.dispatch({ effects: closeProblemTooltip.of(null) });
					return true;
				},
			},
		]),
	];
}
