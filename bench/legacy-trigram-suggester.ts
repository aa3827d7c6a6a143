/**
 * "Did you mean" for links that resolve to nothing.
 *
 * Writers' near-misses are mostly mechanical: a web clipper replaced a `?` or `:` (which Obsidian file names
 * cannot hold) with `-` or dropped it, a quote is curly on one side and straight on the other, a word is
 * mistyped, cased or spaced differently, or one word is missing. So names are compared after a normalisation
 * that erases exactly those differences, then scored by a bounded edit distance and by word overlap.
 *
 * Cost: a trigram index over the normalised names is built on the first lookup; each lookup counts shared
 * trigrams and scores only the few dozen best candidates, so 10,000 files and hundreds of lookups stay cheap.
 *
 * Kept for the bench's comparison only; its edit distance is the new suggester's (the same function).
 */
import { boundedEditDistance } from "../src/core/suggest/edit-distance";

export interface Suggester {
	suggest(linkpath: string, limit: number): string[];
	/**
	 * Builds the name index ahead of the first `suggest`, a few files at a time, until `shouldPause()` says
	 * so; returns true once it is complete. Lets a time-sliced caller (the plugin's vault audit) keep every
	 * slice short instead of paying the whole index inside one `suggest`.
	 */
	prepare(shouldPause: () => boolean): boolean;
}

/** Below this a candidate is not a near-miss but a different title. */
const MIN_SCORE = 0.7;
/** How many trigram-ranked candidates are scored in full. */
const SHORTLIST = 40;
/** Word overlap alone counts a little less than the same edit similarity: order and small words matter. */
const TOKEN_WEIGHT = 0.9;
/** A word one typo away from another counts this much of a shared word. */
const TYPO_WORD_CREDIT = 0.8;
/**
 * Edits allowed, as a fraction of the longer name; beyond that the distance is not computed exactly. More
 * edits than this would put the edit similarity below {@link MIN_SCORE}, where it can no longer matter.
 */
const MAX_EDIT_FRACTION = 1 - MIN_SCORE;

/** One way of naming a file: a note by its name without `.md`, other files also with their extension. */
interface NameForm {
	file: number;
	text: string;
	tokens: string[];
	trigramCount: number;
}

interface Scored {
	file: number;
	score: number;
}

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Erase the differences that do not make two titles different: case, Unicode compatibility forms and
 * accents, and all punctuation, which becomes a word break. Quotes are punctuation, so curly and straight
 * ones (`won’t`, `won't`) come out the same without a mapping between them.
 */
export function normalizeName(name: string): string {
	return name
		.normalize("NFKD")
		.replace(COMBINING_MARKS, "")
		.normalize("NFKC")
		.toLowerCase()
		.replace(NOT_LETTER_OR_DIGIT, " ")
		.trim();
}

function stripMarkdownExtension(name: string): string {
	return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

function fileName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

function isMarkdownPath(path: string): boolean {
	return path.toLowerCase().endsWith(".md");
}

function trigramsOf(text: string): Set<string> {
	const padded = ` ${text} `;
	const grams = new Set<string>();
	for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
	return grams;
}

/** 1 for identical names, falling linearly with each edit; 0 once the edits exceed the allowance. */
function editSimilarity(a: string, b: string): number {
	const longer = Math.max(a.length, b.length);
	if (longer === 0) return 1;
	const max = Math.max(1, Math.floor(longer * MAX_EDIT_FRACTION));
	const distance = boundedEditDistance(a, b, max);
	return distance > max ? 0 : 1 - distance / longer;
}

/**
 * How much two words count as the same: 1 if equal, {@link TYPO_WORD_CREDIT} if one typo apart and both long
 * enough for a typo to be a typo (`the`/`teh` could as well be two words), else 0.
 */
function wordCredit(a: string, b: string): number {
	if (a === b) return 1;
	return a.length >= 4 && b.length >= 4 && boundedEditDistance(a, b, 1) <= 1 ? TYPO_WORD_CREDIT : 0;
}

/** Dice coefficient over words, with typo-tolerant word equality: catches reordered and one-word-off titles. */
function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) return 0;
	const used = new Array<boolean>(b.length).fill(false);
	let shared = 0;
	for (const word of a) {
		let bestIndex = -1;
		let bestCredit = 0;
		for (let i = 0; i < b.length && bestCredit < 1; i++) {
			const credit = used[i] ? 0 : wordCredit(word, b[i]);
			if (credit > bestCredit) [bestIndex, bestCredit] = [i, credit];
		}
		if (bestIndex >= 0) {
			used[bestIndex] = true;
			shared += bestCredit;
		}
	}
	return (2 * shared) / (a.length + b.length);
}

function scoreNames(query: string, queryTokens: readonly string[], form: NameForm): number {
	return Math.max(editSimilarity(query, form.text), TOKEN_WEIGHT * tokenSimilarity(queryTokens, form.tokens));
}

class NameIndex {
	readonly forms: NameForm[] = [];
	private readonly postings = new Map<string, number[]>();
	/** Shared-trigram counters per form, reused across lookups and left zeroed after each. */
	private shared = new Int32Array(0);

	private next = 0;

	constructor(private readonly paths: readonly string[]) {}

	get complete(): boolean {
		return this.next >= this.paths.length;
	}

	/** Indexes files until all are in or `shouldPause()` is true (checked every 64 files). */
	build(shouldPause: () => boolean = () => false): boolean {
		const paths = this.paths;
		while (this.next < paths.length) {
			const file = this.next++;
			const path = paths[file];
			const name = fileName(path);
			const stem = stripMarkdownExtension(name);
			this.add(file, normalizeName(stem));
			if (stem === name) {
				// Not a note: `[[paper]]` and `[[paper.pdf]]` both deserve `paper.pdf` as a suggestion.
				const dot = name.lastIndexOf(".");
				if (dot > 0) this.add(file, normalizeName(name.slice(0, dot)));
			}
			if ((file & 63) === 63 && shouldPause()) break;
		}
		return this.complete;
	}

	private add(file: number, text: string): void {
		if (text === "") return;
		const id = this.forms.length;
		const grams = trigramsOf(text);
		this.forms.push({ file, text, tokens: text.split(" "), trigramCount: grams.size });
		for (const gram of grams) {
			const list = this.postings.get(gram);
			if (list) list.push(id);
			else this.postings.set(gram, [id]);
		}
	}

	/** Form ids sharing the most trigrams with `query` (by Dice coefficient), best first. */
	shortlist(query: string, size: number): number[] {
		const grams = trigramsOf(query);
		if (this.shared.length < this.forms.length) this.shared = new Int32Array(this.forms.length);
		const shared = this.shared;
		const touched: number[] = [];
		for (const gram of grams) {
			for (const id of this.postings.get(gram) ?? []) {
				if (shared[id]++ === 0) touched.push(id);
			}
		}
		const top = new TopList(size);
		for (const id of touched) {
			top.offer(id, (2 * shared[id]) / (grams.size + this.forms[id].trigramCount));
			shared[id] = 0;
		}
		return top.ids();
	}
}

/** The `size` best (id, value) pairs seen, kept sorted; ties keep the lower id, for determinism. */
class TopList {
	private readonly entries: { id: number; value: number }[] = [];

	constructor(private readonly size: number) {}

	offer(id: number, value: number): void {
		const entries = this.entries;
		if (entries.length === this.size && !this.beats(id, value, entries[entries.length - 1])) return;
		let at = entries.length;
		while (at > 0 && this.beats(id, value, entries[at - 1])) at--;
		entries.splice(at, 0, { id, value });
		if (entries.length > this.size) entries.pop();
	}

	ids(): number[] {
		return this.entries.map((entry) => entry.id);
	}

	private beats(id: number, value: number, other: { id: number; value: number }): boolean {
		return value > other.value || (value === other.value && id < other.id);
	}
}

/**
 * Build a suggester over `paths` (vault-relative, with extensions). The trigram index is built on the first
 * call to `suggest`, so a vault with no broken links pays nothing.
 */
export function createSuggester(vaultPaths: readonly string[]): Suggester {
	// A private copy: the index refers to files by position, so the list must not change under it.
	const paths = [...vaultPaths];
	let index: NameIndex | null = null;

	function compare(x: Scored, y: Scored): number {
		if (Math.abs(x.score - y.score) > 1e-9) return y.score - x.score;
		const xNote = isMarkdownPath(paths[x.file]) ? 0 : 1;
		const yNote = isMarkdownPath(paths[y.file]) ? 0 : 1;
		if (xNote !== yNote) return xNote - yNote;
		const a = paths[x.file];
		const b = paths[y.file];
		if (a.length !== b.length) return a.length - b.length;
		return a < b ? -1 : a > b ? 1 : 0;
	}

	function suggest(linkpath: string, limit: number): string[] {
		if (limit <= 0) return [];
		const query = normalizeName(stripMarkdownExtension(fileName(linkpath)));
		if (query === "") return [];
		index ??= new NameIndex(paths);
		if (!index.complete) index.build();
		const tokens = query.split(" ");
		const best = new Map<number, number>();
		for (const id of index.shortlist(query, Math.max(SHORTLIST, limit * 4))) {
			const form = index.forms[id];
			const score = scoreNames(query, tokens, form);
			if (score >= MIN_SCORE && score > (best.get(form.file) ?? 0)) best.set(form.file, score);
		}
		const scored: Scored[] = [...best].map(([file, score]) => ({ file, score }));
		return scored
			.sort(compare)
			.slice(0, limit)
			.map((entry) => paths[entry.file]);
	}

	function prepare(shouldPause: () => boolean): boolean {
		index ??= new NameIndex(paths);
		return index.build(shouldPause);
	}

	return { suggest, prepare };
}
