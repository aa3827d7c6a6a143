/**
 * The ways a file can be named, as the suggester compares them. A note is named by its file name, by that
 * name without its subtitle (`Title - Subtitle`, `Title: Subtitle`), and by what its properties say:
 * each `aliases` entry, its `title`, and `Surname Year` from `author` and `year`/`date`. A link is read the
 * same way. Each form caps the score it can give: a dropped subtitle or an author and year is a good guess,
 * never as sure as the name itself.
 */
import { foldText, isContentWord, isNumber, isYear, nameWords, NO_ACRONYMS, stem, wordsAndAcronyms } from "./words";

export type FormKind = "name" | "subtitle" | "alias" | "title" | "author-year";

export interface NameForm {
	kind: FormKind;
	/** The words, lower-cased and folded. */
	words: string[];
	/** {@link stem} of each word. */
	stems: string[];
	/** The stems run together: `Dark Forest` meets `Darkforest`. */
	joined: string;
	/** The highest score this form can give. */
	cap: number;
	/** Words written in capitals (see {@link acronymsIn}): they match only exactly. */
	acronyms: ReadonlySet<string>;
	/** The index keys: each distinct word and stem (`expandng` is one typo from `expanding`, two from `expand`). */
	keys: string[];
	/**
	 * Its numbers without leading zeros, sorted, joined by spaces ("" for most names): two forms whose numbers
	 * differ name different things (score.ts), and this is compared for every scored pair.
	 */
	numbers: string;
}

const CAPS: Record<FormKind, number> = { name: 1, alias: 1, title: 1, subtitle: 0.95, "author-year": 0.9 };

/** `Title: Subtitle`, `Title - Subtitle`, `Title – Subtitle`, `Title — Subtitle`: the title is before the first. */
const SUBTITLE_BREAK = /:|\s[-–—]\s/u;

export function makeForm(kind: FormKind, words: string[], acronyms: ReadonlySet<string> = NO_ACRONYMS): NameForm | null {
	if (words.length === 0) return null;
	const stemmed = words.map(stem);
	// Most names' words are their own stems: the form then keeps one array for both (nothing changes them).
	const stems = stemmed.every((word, i) => word === words[i]) ? words : stemmed;
	const distinct: string[] = [];
	for (let i = 0; i < words.length; i++) {
		if (!distinct.includes(stems[i])) distinct.push(stems[i]);
		if (words[i] !== stems[i] && !distinct.includes(words[i])) distinct.push(words[i]);
	}
	// Words that are their own stems, none twice: the keys are the words, in order (one array for all three).
	const keys = stems === words && distinct.length === words.length ? words : distinct;
	return { kind, words, stems, joined: stems.join(""), cap: CAPS[kind], acronyms, keys, numbers: numbersOf(words) };
}

function numbersOf(words: readonly string[]): string {
	const numbers = words.filter(isNumber);
	if (numbers.length === 0) return "";
	return numbers
		.map((word) => word.replace(/^0+(?=\d)/, ""))
		.sort()
		.join(" ");
}

/** The form of `text` itself and, when it has a subtitle and a title of two words or more, the title alone. */
export function textForms(kind: "name" | "alias" | "title", text: string): NameForm[] {
	const forms: NameForm[] = [];
	const { words, acronyms } = wordsAndAcronyms(text);
	const whole = makeForm(kind, words, acronyms);
	if (whole) forms.push(whole);
	// Most names have no subtitle: test the cheap way before folding the text again.
	if (!SUBTITLE_BREAK.test(text)) return forms;
	const folded = foldText(text);
	const cut = folded.search(SUBTITLE_BREAK);
	if (cut > 0) {
		const title = nameWords(folded.slice(0, cut));
		if (title.filter((word) => isContentWord(word)).length >= 2) {
			const form = makeForm("subtitle", title, acronyms);
			if (form) forms.push(form);
		}
	}
	return forms;
}

/** The strings of a property that is one string or a list of them (`aliases: [A, B]`, `aliases: A`). */
function strings(value: unknown): string[] {
	if (typeof value === "string") return [value];
	if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === "string");
	return [];
}

/** `[[Wei Yuan|Yuan]]` → `Wei Yuan`: authors are often links to person notes. */
function unlink(text: string): string {
	const match = /^\s*\[\[([^\]|#]*)/.exec(text);
	return (match ? match[1] : text).trim();
}

/** The surname's words: `Yuan, Wei` → yuan; `Wei Yuan` → yuan; `van der Berg, Jan` → van der berg. */
function surnameWords(author: string): string[] {
	const name = unlink(author);
	const comma = name.indexOf(",");
	if (comma > 0) return nameWords(name.slice(0, comma));
	const words = nameWords(name);
	return words.length === 0 ? [] : [words[words.length - 1]];
}

function yearOf(value: unknown): string | null {
	if (typeof value === "number" && Number.isInteger(value)) return isYear(String(value)) ? String(value) : null;
	if (typeof value === "string") return /\b([12]\d{3})\b/.exec(value)?.[1] ?? null;
	if (value instanceof Date && !Number.isNaN(value.getTime())) return String(value.getUTCFullYear());
	return null;
}

function property(properties: Readonly<Record<string, unknown>>, name: string): unknown {
	for (const key of Object.keys(properties)) if (key.toLowerCase() === name) return properties[key];
	return undefined;
}

/** The forms a note's properties add: aliases, title, and the first author's surname with the year. */
export function propertyForms(properties: Readonly<Record<string, unknown>> | null): NameForm[] {
	if (!properties) return [];
	const forms: NameForm[] = [];
	for (const alias of [...strings(property(properties, "aliases")), ...strings(property(properties, "alias"))]) forms.push(...textForms("alias", alias));
	for (const title of strings(property(properties, "title"))) forms.push(...textForms("title", title));
	const year = yearOf(property(properties, "year")) ?? yearOf(property(properties, "date"));
	const firstAuthor = strings(property(properties, "author"))[0] ?? strings(property(properties, "authors"))[0];
	if (year && firstAuthor) {
		const form = makeForm("author-year", [...surnameWords(firstAuthor), year]);
		if (form && form.words.length > 1) forms.push(form);
	}
	return forms;
}
