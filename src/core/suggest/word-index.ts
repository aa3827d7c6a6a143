/**
 * An inverted index from word stems to name forms, kept up to date one file at a time: adding or removing a
 * file touches only the entries of its own words (and, for a word the vault did not have yet or no longer
 * has, that word's typo keys), never the rest of the vault.
 *
 * A lookup gathers the forms that share a word with the link, or a word one typo away (found through
 * deletion keys over the vocabulary, SymSpell's idea: `forest` and `forrest` share the key `forest`), and
 * passes only the best {@link SHORTLIST} to the scorer. Its cost does not grow with the vault: words are
 * visited rarest first and a word whose forms would overrun {@link VISIT_BUDGET} is left out of the
 * gathering (it still counts when the shortlist is scored), so a common word like `notes` in a vault of
 * 200,000 names costs no more than in one of 10,000.
 */
import { ShardedMap } from "../collections/sharded-map";
import { FormWordIds } from "./form-word-ids";
import type { NameForm } from "./name-forms";
import { isNumber, wordWeight } from "./words";

/** Forms scored in full per lookup. */
export const SHORTLIST = 24;
/** Form entries visited per lookup while gathering candidates. */
export const VISIT_BUDGET = 128;
/** Query words whose neighbours {@link WordIndex} remembers at most. */
const MAX_NEAR_CACHED = 10_000;
/** Words this long or longer get no typo keys: a typo in them is caught by their other words. */
const MAX_TYPO_WORD = 24;

export interface IndexedForm {
	file: number;
	form: NameForm;
}

export function typoKeys(word: string): string[] {
	const keys: string[] = [];
	for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
	return keys;
}

export function hasTypoKeys(word: string): boolean {
	return word.length >= 4 && word.length <= MAX_TYPO_WORD && !isNumber(word);
}

function pushTo<V>(map: ShardedMap<V[]>, key: string, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function dropFrom<V>(map: ShardedMap<V[]>, key: string, value: V): void {
	const list = map.get(key);
	if (!list) return;
	const at = list.indexOf(value);
	if (at >= 0) list.splice(at, 1);
	if (list.length === 0) map.delete(key);
}

/**
 * Postings are plain arrays (a Set per word costs several times the time and memory at 200,000 names). A
 * removed form leaves its slot null and its ids in the postings as tombstones, skipped when read; ids are
 * never reused, so a tombstone can never point at another form. Removing is then proportional to the
 * file's own words, and a vault that renames many files grows its postings only by what was renamed.
 */
export class WordIndex {
	/** Form slots; a removed form leaves null. */
	readonly forms: (IndexedForm | null)[] = [];
	/**
	 * Word → the ids of the forms that hold it (tombstones included) and how many of them are live: the word
	 * leaves the vocabulary, and its typo keys are dropped, when none is.
	 */
	private readonly postings = new ShardedMap<{ ids: number[]; live: number; wordId: number }>();
	/** Each form's words by {@link postings}' `wordId`s (see form-word-ids.ts), for the last pass of a lookup. */
	private readonly formWords = new FormWordIds();
	/** The next `wordId`: a word that leaves the vocabulary and comes back gets a new one (no live form has the old). */
	private nextWordId = 0;
	private readonly joined = new ShardedMap<number[]>();
	/** Typo key → the vocabulary words that give it (mostly one: arrays, not Sets, to keep 200,000 names light). */
	private readonly typos = new ShardedMap<string[]>();
	/**
	 * {@link nearWords} per query word, while the vocabulary stays as it is (any word added to it or dropped
	 * clears this): the words of broken links recur from lookup to lookup, and finding a word's neighbours
	 * probes the large vocabulary and typo maps once per typo key (0.3 s of the 100,000-note vault's 21,500
	 * lookups). Bounded like outline.ts's subpaths: past {@link MAX_NEAR_CACHED} words (a long plugin session)
	 * all are forgotten and found anew.
	 */
	private readonly nearCache = new Map<string, readonly string[]>();
	/** See {@link counts}. */
	private countById = new Float64Array(0);

	/** Indexes the forms of one file; returns their ids, for {@link remove}. */
	add(file: number, forms: readonly NameForm[]): number[] {
		const ids: number[] = [];
		for (const form of forms) {
			const id = this.forms.length;
			this.forms.push({ file, form });
			this.formWords.beginForm();
			ids.push(id);
			for (const word of form.keys) {
				const posting = this.postings.get(word);
				if (posting) {
					posting.ids.push(id);
					posting.live++;
					this.formWords.push(posting.wordId);
					continue;
				}
				const wordId = this.nextWordId++;
				this.postings.set(word, { ids: [id], live: 1, wordId });
				this.formWords.push(wordId);
				this.vocabularyChanged();
				if (hasTypoKeys(word)) for (const key of typoKeys(word)) pushTo(this.typos, key, word);
			}
			pushTo(this.joined, form.joined, id);
		}
		return ids;
	}

	remove(ids: readonly number[]): void {
		for (const id of ids) {
			const entry = this.forms[id];
			if (!entry) continue;
			for (const word of entry.form.keys) {
				const posting = this.postings.get(word);
				if (posting && --posting.live > 0) continue;
				this.postings.delete(word);
				this.vocabularyChanged();
				if (hasTypoKeys(word)) for (const key of typoKeys(word)) dropFrom(this.typos, key, word);
			}
			this.forms[id] = null;
		}
	}

	/**
	 * Makes `word`'s posting `length` long with tombstones, for an index of part of a vault that must order
	 * and skip words by their vault-wide counts (name-scan.ts): tombstones are counted, never visited.
	 */
	padPosting(word: string, length: number): void {
		const posting = this.postings.get(word);
		if (!posting || posting.ids.length >= length) return;
		if (this.tombstone === -1) {
			this.tombstone = this.forms.length;
			this.forms.push(null);
			this.formWords.beginForm();
		}
		while (posting.ids.length < length) posting.ids.push(this.tombstone);
	}

	private tombstone = -1;

	private vocabularyChanged(): void {
		if (this.nearCache.size > 0) this.nearCache.clear();
	}

	/** {@link nearWords}, remembered (see {@link nearCache}); the same words in the same order. */
	private nearWordsOf(word: string): readonly string[] {
		let near = this.nearCache.get(word);
		if (!near) {
			near = [...this.nearWords(word)];
			if (this.nearCache.size >= MAX_NEAR_CACHED) this.nearCache.clear();
			this.nearCache.set(word, near);
		}
		return near;
	}

	/** Vocabulary stems within one typo of `word` (itself excluded); the scorer decides which really count. */
	private nearWords(word: string): Set<string> {
		const near = new Set<string>();
		if (word.length >= 2 && word.length <= 3) {
			for (let i = 0; i + 1 < word.length; i++) {
				const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
				if (this.postings.has(swapped)) near.add(swapped);
			}
		}
		if (!hasTypoKeys(word) && !(word.length === 3 && !isNumber(word))) return near;
		for (const longer of this.typos.get(word) ?? []) near.add(longer);
		for (const key of typoKeys(word)) {
			if (this.postings.has(key)) near.add(key);
			for (const other of this.typos.get(key) ?? []) near.add(other);
		}
		near.delete(word);
		return near;
	}

	/** Ids of the forms most likely to match one of `queries`, at most {@link SHORTLIST}, best first. */
	candidates(queries: readonly NameForm[]): number[] {
		const lists: { ids: number[]; weight: number; wordId: number | null }[] = [];
		const seen = new Set<string>();
		for (const query of queries) {
			const joined = this.joined.get(query.joined);
			if (joined) lists.push({ ids: joined, weight: 8, wordId: null });
			for (const word of query.keys) {
				const weight = wordWeight(word);
				if (seen.has(word) || weight === 0) continue;
				seen.add(word);
				const exact = this.postings.get(word);
				if (exact) lists.push({ ids: exact.ids, weight, wordId: exact.wordId });
				if (isNumber(word)) continue;
				for (const near of this.nearWordsOf(word)) {
					const posting = this.postings.get(near)!;
					lists.push({ ids: posting.ids, weight: 0.8 * weight, wordId: posting.wordId });
				}
			}
		}
		lists.sort((a, b) => a.ids.length - b.ids.length);
		const counts = this.counts();
		const counted: number[] = [];
		const skipped: typeof lists = [];
		let visited = 0;
		for (const list of lists) {
			if (visited + list.ids.length > VISIT_BUDGET && counted.length > 0) {
				skipped.push(list);
				continue;
			}
			for (const id of list.ids) {
				if (this.forms[id] === null) continue;
				// Every weight is positive, so a count of 0 is a form not gathered yet.
				if (counts[id] === 0) counted.push(id);
				counts[id] += list.weight;
				// Only a first list larger than the budget gets here: a bounded part of it, in index order.
				if (++visited >= VISIT_BUDGET) break;
			}
		}
		// Words left out for being common still tell the gathered forms apart: one look at each form's keys.
		const commonIds: number[] = [];
		const commonWeights: number[] = [];
		for (const list of skipped) {
			if (list.wordId === null) continue;
			const at = commonIds.indexOf(list.wordId);
			if (at < 0) {
				commonIds.push(list.wordId);
				commonWeights.push(list.weight);
			} else commonWeights[at] = Math.max(commonWeights[at], list.weight);
		}
		if (commonIds.length > 0) {
			for (const id of counted) counts[id] += this.formWords.weightOf(id, commonIds, commonWeights);
		}
		const top = topIds(counted, counts, SHORTLIST);
		for (const id of counted) counts[id] = 0;
		return top;
	}

	/**
	 * Each form's count during one {@link candidates} call, by id, all 0 between calls: an array indexed by id
	 * rather than a Map (hashing each visited id was most of a lookup's own time, 58 ms of the 12 MB bench
	 * essay's 1,492 lookups). Grown with the index, never shrunk.
	 */
	private counts(): Float64Array {
		if (this.countById.length < this.forms.length) {
			this.countById = new Float64Array(Math.max(this.forms.length, this.countById.length * 2));
		}
		return this.countById;
	}
}

/** The `size` ids of `ids` with the highest counts, best first; ties go to the lower id, for determinism. */
function topIds(ids: readonly number[], counts: Float64Array, size: number): number[] {
	const top: [number, number][] = [];
	for (const id of ids) {
		const count = counts[id];
		if (top.length === size) {
			const last = top[size - 1];
			if (count < last[1] || (count === last[1] && id > last[0])) continue;
		}
		let at = top.length;
		while (at > 0 && (top[at - 1][1] < count || (top[at - 1][1] === count && top[at - 1][0] > id))) at--;
		top.splice(at, 0, [id, count]);
		if (top.length > size) top.pop();
	}
	return top.map(([id]) => id);
}
