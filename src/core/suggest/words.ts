/**
 * How the suggester reads a name: as the words a writer would recognise, whatever the spelling convention.
 * `yuanInhibitingHistoneDeacetylase2015`, `yuan-inhibiting-histone-deacetylase-2015`,
 * `Yuan_Inhibiting_Histone_Deacetylase_2015` and `Yuan – Inhibiting histone deacetylases (2015)` all come
 * out as the same words. Accents, compatibility forms, NFC/NFD and case are erased; every run of
 * punctuation is a word break, so a clipper's `?` → `-` and curly versus straight quotes change nothing.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** `yuanInhibiting` → `yuan Inhibiting`; `HTMLParser` → `HTML Parser`; `Smith2020` → `Smith 2020`. */
const CAMEL_BOUNDARY = /(\p{Ll})(\p{Lu})|(\p{Lu})(\p{Lu}\p{Ll})|(\p{L})(\p{N})|(\p{N})(\p{L})/gu;
const DIGITS = /^\p{N}+$/u;
const NOT_ASCII = /[^ -~\t\n\r]/;

/** Case, accents (in any normal form) and compatibility forms erased; punctuation kept. */
export function foldText(text: string): string {
	// Printable ASCII has no accents or compatibility forms: skip three passes over most names.
	if (!NOT_ASCII.test(text)) return text;
	return text.normalize("NFKD").replace(COMBINING_MARKS, "").normalize("NFKC");
}

/**
 * Erase the differences that do not make two titles different: case, Unicode compatibility forms and
 * accents, and all punctuation, which becomes a word break (`Google won’t` and `Google won't` are equal).
 */
export function normalizeName(name: string): string {
	return foldText(name).toLowerCase().replace(NOT_LETTER_OR_DIGIT, " ").trim();
}

/**
 * The same classes for text of printable ASCII only (most names and links), where they mean the same and
 * match without Unicode mode: names and links are split by the thousand when a vault is indexed.
 */
const CAMEL_BOUNDARY_ASCII = /([a-z])([A-Z])|([A-Z])([A-Z][a-z])|([A-Za-z])([0-9])|([0-9])([A-Za-z])/g;
const NOT_LETTER_OR_DIGIT_ASCII = /[^A-Za-z0-9]+/g;

/** The words of a name as written (case kept): camelCase, kebab-case, snake_case and letter/digit runs split apart. */
function splitWords(name: string): string[] {
	const ascii = !NOT_ASCII.test(name);
	const folded = ascii ? name : foldText(name);
	const boundary = ascii ? CAMEL_BOUNDARY_ASCII : CAMEL_BOUNDARY;
	const split = breakCamelCase(folded, boundary);
	// A second pass: overlapping boundaries (`a1b`) are left by the first. A first pass that found none (the
	// text came back unchanged) leaves none, as most names are written.
	const again = split === folded ? split : breakCamelCase(split, boundary);
	return again.split(ascii ? NOT_LETTER_OR_DIGIT_ASCII : NOT_LETTER_OR_DIGIT).filter((word) => word !== "");
}

/** A space at each camelCase or letter/digit boundary `boundary` finds (not overlapping ones). */
function breakCamelCase(text: string, boundary: RegExp): string {
	return text.replace(boundary, (_m, a, b, c, d, e, f, g, h) => `${a ?? c ?? e ?? g} ${b ?? d ?? f ?? h}`);
}

/** The words of a name, lower-cased (see {@link splitWords}). */
export function nameWords(name: string): string[] {
	return splitWords(name).map((word) => word.toLowerCase());
}

const ACRONYM = /^\p{Lu}{2,}$/u;

/**
 * The words written in capitals (`NLO`, `SQED`, `QCD`), lower-cased: names of things, where one letter more
 * or less is another thing (`LO`/`NLO`/`NNLO`), never a typo.
 */
export function acronymsIn(name: string): ReadonlySet<string> {
	return acronymsOf(splitWords(name));
}

/** What most names hold: one shared empty set, not one per name form (100,000 of them in a large vault's index). */
export const NO_ACRONYMS: ReadonlySet<string> = new Set();

function acronymsOf(written: readonly string[]): ReadonlySet<string> {
	let found: Set<string> | null = null;
	for (const word of written) if (ACRONYM.test(word)) (found ??= new Set()).add(word.toLowerCase());
	return found ?? NO_ACRONYMS;
}

/** {@link nameWords} and {@link acronymsIn} of one name, from one split (indexing a vault splits every name). */
export function wordsAndAcronyms(name: string): { words: string[]; acronyms: ReadonlySet<string> } {
	const written = splitWords(name);
	return { words: written.map((word) => word.toLowerCase()), acronyms: acronymsOf(written) };
}

export function isNumber(word: string): boolean {
	// An ASCII letter is never a numeric character: most words are answered by their first one, without the
	// Unicode pattern (it ran for every word of every scored name, 22 ms of the 12 MB bench essay's lookups).
	const first = word.charCodeAt(0) | 0x20;
	if (first >= 0x61 && first <= 0x7a) return false;
	return DIGITS.test(word);
}

/** A four-digit year, as an author-year name writes it. */
export function isYear(word: string): boolean {
	return word.length === 4 && isNumber(word) && (word[0] === "1" || word[0] === "2");
}

/**
 * A light English stem: enough that singular and plural, and `-ing`/`-ed` forms of one verb, meet
 * (`histones` ~ `histone`, `inhibiting` ~ `inhibit`, `studies` ~ `study`). Short words and numbers are
 * kept whole: `bus`, `is`, `2015`.
 */
export function stem(word: string): string {
	if (word.length <= 3 || isNumber(word)) return word;
	if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
	if (/(?:ss|us|is)$/.test(word)) return word;
	if (/(?:sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
	if (word.endsWith("s")) return word.slice(0, -1);
	if (word.endsWith("ing") && word.length >= 6) return word.slice(0, -3);
	if (word.endsWith("ed") && word.length >= 5) return word.slice(0, -2);
	return word;
}

/** Words that say little about which note is meant: they count a quarter of a word. */
const SMALL_WORDS = new Set(["a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "by", "at", "from", "is", "de", "la", "le", "der", "die", "das", "und"]);
/** Words of an author list (`Smith et al. 2020`, `Smith and Jones`): they count nothing. */
const AUTHOR_LIST_WORDS = new Set(["et", "al"]);

/** How much a word counts when two names are compared. */
export function wordWeight(word: string): number {
	if (AUTHOR_LIST_WORDS.has(word)) return 0;
	return SMALL_WORDS.has(word) ? 0.25 : 1;
}

/** A word that names something on its own (not a small word, not `et al`). */
export function isContentWord(word: string): boolean {
	return wordWeight(word) === 1;
}
