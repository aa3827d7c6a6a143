/**
 * What `--fix` leaves for the writer: a duplicate-source group whose merge would lose something (a page
 * number, a different display text, another note of the same work). The plugin asks before such a merge;
 * the command line cannot ask, so it leaves the group and says so, one line per merge on stderr:
 *
 *     citation-audit: Essay.md:14:1: not merged: Merge [^2] into [^1] would remove "[^2]: [[Yuan-2015]]"
 */
import type { NoteAudit } from "../core/index";
import { mergeDuplicateSources } from "../core/fixes/index";

/** One line per lossy merge left in the note, in the order of the findings. */
export function lossyMergesLeft(audit: NoteAudit): string[] {
	const lines: string[] = [];
	for (const finding of audit.findings) {
		if (finding.kind !== "duplicate-source") continue;
		for (const fix of mergeDuplicateSources(audit, finding)) {
			if (!fix.lossy) continue;
			const removed = (fix.removedText ?? []).map((text) => JSON.stringify(text)).join(", ");
			lines.push(`${audit.path}:${finding.line}:${finding.column}: not merged: ${fix.title} would remove ${removed}`);
		}
	}
	return lines;
}
