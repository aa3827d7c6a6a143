/** The optional gutter: one marker per line holding a shown mark, coloured by the line's most serious one. */
import { RangeSet, type Extension } from "@codemirror/state";
import { GutterMarker, gutter } from "@codemirror/view";
import type { Severity } from "../../core/types";
import { citationMarksField, findingOf } from "./citation-marks";

class ProblemMarker extends GutterMarker {
	constructor(readonly severity: Severity) {
		super();
	}

	override eq(other: GutterMarker): boolean {
		return other instanceof ProblemMarker && other.severity === this.severity;
	}

	override toDOM(): Node {
		return createSpan({ cls: ["citation-auditor-gutter-marker", `citation-auditor-${this.severity}`], attr: { "aria-hidden": "true" } });
	}
}

const MARKERS = { error: new ProblemMarker("error"), warning: new ProblemMarker("warning"), info: new ProblemMarker("info") };
const RANK = { error: 0, warning: 1, info: 2 };

export function problemGutter(): Extension {
	return gutter({
		class: "citation-auditor-gutter",
		markers(view) {
			const doc = view.state.doc;
			const lines: { from: number; severity: Severity }[] = [];
			const iter = view.state.field(citationMarksField).shown.iter();
			for (; iter.value; iter.next()) {
				const line = doc.lineAt(iter.from);
				const severity = findingOf(iter.value).severity;
				const last = lines[lines.length - 1];
				if (last && last.from === line.from) {
					if (RANK[severity] < RANK[last.severity]) last.severity = severity;
				} else {
					lines.push({ from: line.from, severity });
				}
			}
			return RangeSet.of(lines.map((line) => MARKERS[line.severity].range(line.from)), true);
		},
	});
}
