/**
 * The live audit of a long note: after an edit, only what the edit can have changed is computed again.
 *
 * The parse is incremental (incremental-parse.ts). The checks split in two (audit-note.ts):
 *   - the document's findings (links resolved, label groups, duplicate sources, footnotes without a vault
 *     link, source properties) depend on the references, definitions and links and on the vault alone;
 *   - the citation keys and the ignore markers are read from the text, and run again on every edit (they
 *     are one scan each).
 * When an edit touches no reference, definition or link (a letter typed in a paragraph, a line break between
 * two sentences) and the pieces parsed again hold the same citations as before, moved by the edit, the
 * document's findings are the previous ones moved by the edit: same kinds, messages, labels and targets,
 * offsets past the edit shifted by its length, lines and columns read again from the new text. Otherwise,
 * and whenever anything is in doubt, the whole audit runs. Either way the result is the audit of the whole
 * text; tests/core/incremental/incremental-audit.test.ts compares the two on random edit sequences.
 *
 * What is not seen from the text (the resolver's answers, the cited notes' properties) is taken as unchanged
 * until reset(): call it when the vault changes.
 */
import { documentFindings, finishAudit, type DocumentFindings, type NoteAudit } from "../audit/audit-note";
import type { CitationDocument } from "../parse/citation-document";
import { buildLineIndex, type LineIndex } from "../text/line-index";
import type { AuditOptions, Finding, LinkResolver, Location, RelatedLocation } from "../types";
import { IncrementalParser, type FreshItems } from "./incremental-parse";
import { sameCitationsMoved, touchesCitation } from "./same-citations";
import type { TextChange } from "./text-diff";

interface Previous {
	text: string;
	path: string;
	resolver: LinkResolver;
	/** The options the document's findings depend on, as one string. */
	signature: string;
	document: CitationDocument;
	base: DocumentFindings;
	/** A link resolves into this very note: its headings are read from the text, so no edit is safe. */
	selfLinks: boolean;
}

export class IncrementalAuditor {
	private readonly parser: IncrementalParser;
	private previous: Previous | null = null;
	/** How the last audit was made (for tests and the benchmark). */
	lastPath: "full" | "moved" = "full";

	constructor(minPiece?: number) {
		this.parser = new IncrementalParser(minPiece);
	}

	/** Forget the previous audit and parse (the vault or the note changed in a way the text does not show). */
	reset(): void {
		this.previous = null;
		this.parser.reset();
	}

	audit(text: string, path: string, resolver: LinkResolver, options: AuditOptions = {}): NoteAudit {
		const previous = this.previous;
		const signature = optionsSignature(options);
		const reusable = previous !== null && previous.path === path && previous.resolver === resolver && previous.signature === signature && !previous.selfLinks;
		const document = this.parser.parse(text);
		const lines = buildLineIndex(text);
		let base: DocumentFindings | null = null;
		if (reusable && previous.text !== text) base = movedFindings(previous, document, this.parser.changeBetween(previous.text, text), lines, this.parser.lastFresh);
		this.lastPath = base ? "moved" : "full";
		base ??= documentFindings(document, path, resolver, lines, options);
		this.previous = {
			text,
			path,
			resolver,
			signature,
			document,
			base,
			selfLinks: base.outcomes.some((outcome) => outcome.status === "resolved" && outcome.path === path),
		};
		return finishAudit(document, path, lines, base, options);
	}
}

function optionsSignature(options: AuditOptions): string {
	return JSON.stringify([options.checkBodyLinks ?? true, options.requireProperties ?? [], options.identityProperties ?? []]);
}

/** The previous document's findings moved by `change`, or null when the edit may have changed them. */
function movedFindings(previous: Previous, document: CitationDocument, change: TextChange, lines: LineIndex, fresh: FreshItems | null): DocumentFindings | null {
	const before = previous.document;
	if (touchesCitation(before, change)) return null;
	if (!sameCitationsMoved(before, document, change, fresh)) return null;
	const move = new OffsetMove(previous.text, document.text, change, lines);
	const found: Finding[] = [];
	for (const finding of previous.base.found) {
		const moved = movedFinding(finding, change, move);
		if (!moved) return null;
		found.push(moved);
	}
	return { found, outcomes: previous.base.outcomes, works: previous.base.works, notes: previous.base.notes };
}

/**
 * Where an offset of the text before the edit is after it, with its line and column. Before the edit nothing
 * changes; past the end of the edited line only the line number shifts (by the line breaks the edit added or
 * removed); on the edited line itself the position is looked up in the new line index.
 */
class OffsetMove {
	private readonly delta: number;
	private readonly lineShift: number;
	/** Offset (in the text before) of the line break that ends the edited line. */
	private readonly editedLineEnd: number;

	constructor(before: string, after: string, private readonly change: TextChange, private readonly lines: LineIndex) {
		this.delta = change.afterTo - change.beforeTo;
		this.lineShift = countLineBreaks(after, change.from, change.afterTo) - countLineBreaks(before, change.from, change.beforeTo);
		const end = before.indexOf("\n", change.beforeTo);
		this.editedLineEnd = end === -1 ? before.length : end;
	}

	/**
	 * The same location after the edit; `location` is not touched by it (the caller checked). A copy with the
	 * same keys in the same order; `Object.assign` rather than a spread: findings come in a dozen shapes, and
	 * spreading them took twice as long (1 MB note: 1.1 → 0.5 ms per keystroke).
	 */
	moved<T extends Location>(location: T): T {
		if (location.offset < this.change.from) return location;
		const offset = location.offset + this.delta;
		if (location.offset > this.editedLineEnd) {
			const copy = Object.assign({}, location);
			copy.offset = offset;
			copy.line = location.line + this.lineShift;
			return copy;
		}
		const { line, column } = this.lines.position(offset);
		const copy = Object.assign({}, location);
		copy.line = line;
		copy.column = column;
		copy.offset = offset;
		return copy;
	}
}

function countLineBreaks(text: string, from: number, to: number): number {
	let count = 0;
	for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) count++;
	return count;
}

/** Whether `[from, to]` lies clear of the edit, not even touching it. */
function clearOf(from: number, to: number, change: TextChange): boolean {
	return to < change.from || from > change.beforeTo;
}

/**
 * `finding` moved by the edit, or null when the edit touches it or one of its related locations. One copy per
 * moved finding (its related list copied only when a location in it moves): on a 1 MB note this runs for
 * every finding after the edit on every keystroke.
 */
function movedFinding(finding: Finding, change: TextChange, move: OffsetMove): Finding | null {
	if (!clearOf(finding.offset, finding.offset + finding.length, change)) return null;
	const related = finding.related;
	if (related === undefined) return move.moved(finding);
	let movedRelated: RelatedLocation[] | null = null;
	for (let index = 0; index < related.length; index++) {
		const location = related[index];
		if (!clearOf(location.offset, location.offset + location.length, change)) return null;
		const moved = move.moved(location);
		if (movedRelated === null && moved !== location) movedRelated = related.slice(0, index);
		movedRelated?.push(moved);
	}
	const moved = move.moved(finding);
	if (movedRelated === null) return moved;
	// `moved` is a new object when it differs from `finding` (its key order is the finding's, `related` included).
	if (moved === finding) return { ...finding, related: movedRelated };
	moved.related = movedRelated;
	return moved;
}
