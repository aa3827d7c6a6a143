/**
 * "Go to next/previous citation problem": moves the cursor to the start of the next shown mark after the
 * cursor (or the previous one before it), wrapping around at the ends of the note, like a spell checker's
 * next-error command. Works on the mapped marks, so it is right between audits too.
 */
import type { EditorView } from "@codemirror/view";
import { allMarks, type MarkedFinding } from "./citation-marks";

export function goToProblem(view: EditorView, direction: 1 | -1): MarkedFinding | null {
	const marks = allMarks(view.state);
	if (marks.length === 0) return null;
	const head = view.state.selection.main.head;
	const target =
		direction === 1
			? (marks.find((mark) => mark.from > head) ?? marks[0])
			: (findLast(marks, (mark) => mark.from < head) ?? marks[marks.length - 1]);
	view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true, userEvent: "select" });
	return target;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
	for (let index = items.length - 1; index >= 0; index--) if (test(items[index])) return items[index];
	return undefined;
}
