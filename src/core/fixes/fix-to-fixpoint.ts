/**
 * Fix all, until nothing is left to fix ("Fix all citation problems", `--fix`): one fix can make another
 * possible (closing `[[Alpha` makes it a second citation of Alpha, which then merges; a merge leaves a
 * definition unused), so fixAllSafe runs on the audit of what the previous round left, until a round finds
 * nothing. Each round is a whole, checked fix; the rounds are bounded, and running this again on the result
 * changes nothing:
 *
 *     [^1]: [[Alpha]]         round 1: close   →  [^2]: [[Alpha]]
 *     [^2]: [[Alpha           round 2: merge   →  (line deleted, [^2] cited as [^1])
 *
 * When the whole plan of a round is refused (one of its edits would change a character's role), the round
 * falls back to the first single safe fix that is accepted, so one doubtful citation does not block the rest.
 */
import type { NoteAudit } from "../audit/audit-note";
import type { CitationFix } from "./citation-fix";
import { applyEdits, editBetween } from "./edits";
import { fixAllSafe, type SafeFixSelection } from "./fix-all";
import { fixesForFinding } from "./fixes-for-finding";

/** Enough for every chain seen (close → merge → remove); a round that changes nothing ends it sooner. */
const MAX_ROUNDS = 8;

export interface FixpointResult {
	/** One fix against the first audit's text: all the rounds' edits as one (a round's own edits when one). */
	fix: CitationFix;
	/** The audit of the fixed text. */
	audit: NoteAudit;
	/** Each round's title, in order. */
	titles: string[];
}

/**
 * Fixes `audit` round by round, auditing each result with `reaudit`, until a round finds nothing; null when
 * the first round finds nothing. `selection.resolver` lets links be closed (see fixAllSafe).
 */
export function fixAllToFixpoint(
	audit: NoteAudit,
	reaudit: (text: string) => NoteAudit,
	selection: SafeFixSelection = {},
): FixpointResult | null {
	let current = audit;
	const titles: string[] = [];
	const removedText: string[] = [];
	let first: CitationFix | null = null;
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const fix = fixAllSafe(current, selection) ?? singleSafeFix(current, selection);
		if (!fix) break;
		const text = applyEdits(current.document.text, fix.edits);
		if (text === current.document.text) break;
		first ??= fix;
		titles.push(fix.title);
		removedText.push(...(fix.removedText ?? []));
		current = reaudit(text);
	}
	if (!first) return null;
	const edits = titles.length === 1 ? first.edits : editBetween(audit.document.text, current.document.text);
	return { fix: { title: titles.join("; "), edits, removedText }, audit: current, titles };
}

/** The first fix a row would offer for a safe kind of finding, lossless, that passes its checks. */
function singleSafeFix(audit: NoteAudit, selection: SafeFixSelection): CitationFix | null {
	const { merge = true, removeUnused = true, closeLinks = true, resolver } = selection;
	const kinds = new Set<string>();
	if (merge) kinds.add("duplicate-source");
	if (removeUnused) kinds.add("unused-definition");
	if (closeLinks && resolver) kinds.add("malformed-link");
	for (const finding of audit.findings) {
		if (!kinds.has(finding.kind)) continue;
		const fix = fixesForFinding(audit, finding, resolver ?? NO_RESOLVER).find((candidate) => !candidate.lossy);
		if (fix) return fix;
	}
	return null;
}

const NO_RESOLVER = { resolve: () => ({ path: null, alternatives: [] }) };
