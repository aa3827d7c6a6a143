/**
 * Fix 7, renumber footnotes: numeric labels become 1, 2, 3 … in the order of their first reference, and
 * their definitions move into that order. Named labels (`[^smith2020]`) keep their names and places.
 *
 *     First[^3] then[^1], again[^3].        First[^1] then[^2], again[^1].
 *     [^1]: [[B]]                     →     [^1]: [[A]]
 *     [^3]: [[A]]                           [^2]: [[B]]
 *
 * Labels are mapped, not occurrences: every `[^3]` becomes `[^1]`. Definitions move by trading places: the
 * k-th numeric definition in the text receives the definition numbered k, so everything between them (blank
 * lines, named definitions, prose) stays where it was. Numeric definitions nobody cites are numbered after the
 * cited ones, in the order they appear; a reference without a definition gets its number too.
 */
import type { NoteAudit } from "../audit/audit-note";
import type { CitationDocument, FootnoteDefinition } from "../parse/citation-document";
import { parseCitations } from "../parse/parse-citations";
import type { CitationFix } from "./citation-fix";
import { definitionLines, referencesIn } from "./definition-lines";
import { applyEdits, type TextEdit } from "./edits";
import { guarded } from "./role-guard";

const NUMERIC = /^\d+$/;

/**
 * Renumbers numeric footnotes; null when they are already in order, or when a definition that would move
 * shares its line with a quote or list marker (moving it would break the quote or the list).
 */
export function renumberFootnotes(audit: NoteAudit): CitationFix | null {
	const plan = planRenumber(audit);
	return plan !== null && "fix" in plan ? plan.fix : null;
}

/**
 * The renumbering, or why it is refused (a sentence for the writer: the command line says it on stderr);
 * null when the footnotes are in order already, so there is nothing to refuse.
 */
export function planRenumber(audit: NoteAudit): { fix: CitationFix } | { refused: string } | null {
	const { document } = audit;
	const numbers = newNumbers(document);
	const slots = document.definitions.map((_, index) => index).filter((index) => isNumericDefinition(document.definitions[index]));
	const wanted = [...slots].sort(
		(a, b) => Number(numbers.get(document.definitions[a].key)) - Number(numbers.get(document.definitions[b].key)) || a - b,
	);
	const moves = slots.some((slot, position) => wanted[position] !== slot);
	if (moves && slots.some((index) => !definitionLines(document.text, document.definitions[index]))) {
		return { refused: "a definition that would move shares its line with other text (a quote or list marker)" };
	}

	const edits: TextEdit[] = [];
	const inDefinitions = new Set<number>();
	slots.forEach((slot, position) => {
		const target = document.definitions[slot];
		const source = document.definitions[wanted[position]];
		for (const reference of referencesIn(document, source.from, source.to)) inDefinitions.add(reference.from);
		if (source === target) {
			edits.push(...relabelInPlace(document, target, numbers));
		} else {
			// [^3]: [[A]]  ⇄  [^1]: [[B]]: the whole definition, label to last line, trades places.
			edits.push({ from: target.from, to: target.to, insert: rewrittenDefinition(document, source, numbers) });
		}
	});
	for (const reference of document.references) {
		if (inDefinitions.has(reference.from)) continue;
		const number = numbers.get(reference.key);
		if (number !== undefined && number !== reference.label) edits.push({ from: reference.from + 2, to: reference.to - 1, insert: number });
	}
	if (edits.length === 0) return null;
	edits.sort((a, b) => a.from - b.from);
	if (!readsBackInOrder(applyEdits(document.text, edits), document)) {
		return { refused: "the renumbered note would not read back as the same footnotes in order" };
	}
	const fix = guarded(document.text, { title: "Renumber footnotes", edits });
	return fix ? { fix } : { refused: "moving the definitions would change text other than footnote labels (a comment, code or math around them)" };
}

/** Numeric label key → its new number: first-cited first, then uncited definitions in text order. */
function newNumbers(document: CitationDocument): Map<string, string> {
	const numbers = new Map<string, string>();
	const assign = (key: string): void => {
		if (NUMERIC.test(key) && !numbers.has(key)) numbers.set(key, String(numbers.size + 1));
	};
	for (const reference of document.references) assign(reference.key);
	for (const definition of document.definitions) if (!definition.inline) assign(definition.key);
	return numbers;
}

function isNumericDefinition(definition: FootnoteDefinition): boolean {
	return !definition.inline && NUMERIC.test(definition.key);
}

/**
 * [^3]: see also [^7]     →   [^1]: see also [^2]
 *   ^ label    ^ references inside, both rewritten in place
 */
function relabelInPlace(document: CitationDocument, definition: FootnoteDefinition, numbers: Map<string, string>): TextEdit[] {
	const edits: TextEdit[] = [];
	const number = numbers.get(definition.key)!;
	if (number !== definition.label) edits.push({ from: definition.from + 2, to: definition.labelRange.to - 1, insert: number });
	for (const reference of referencesIn(document, definition.contentFrom, definition.to)) {
		const renamed = numbers.get(reference.key);
		if (renamed !== undefined && renamed !== reference.label) edits.push({ from: reference.from + 2, to: reference.to - 1, insert: renamed });
	}
	return edits;
}

/** The definition's text from `[^` to its end, with its label and the references inside it renumbered. */
function rewrittenDefinition(document: CitationDocument, definition: FootnoteDefinition, numbers: Map<string, string>): string {
	const local = relabelInPlace(document, definition, numbers).map((edit) => ({
		...edit,
		from: edit.from - definition.from,
		to: edit.to - definition.from,
	}));
	return applyEdits(document.text.slice(definition.from, definition.to), local);
}

/** The result must parse to the same footnotes, numbered 1, 2, 3 … in order of first reference and definition. */
function readsBackInOrder(text: string, before: CitationDocument): boolean {
	const after = parseCitations(text);
	if (after.references.length !== before.references.length || after.definitions.length !== before.definitions.length) return false;
	if (after.links.length !== before.links.length) return false;
	let expected = 1;
	const seen = new Set<string>();
	for (const reference of after.references) {
		if (!NUMERIC.test(reference.key) || seen.has(reference.key)) continue;
		if (reference.key !== String(expected)) return false;
		seen.add(reference.key);
		expected++;
	}
	let previous = 0;
	for (const definition of after.definitions) {
		if (!isNumericDefinition(definition)) continue;
		if (Number(definition.key) < previous) return false;
		previous = Number(definition.key);
	}
	return true;
}
