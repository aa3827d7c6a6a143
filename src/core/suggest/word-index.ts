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
import type { NameForm } from "./name-forms";
import { isNumber, wordWeight } from "./words";

/** Forms scored in full per lookup. */
export const SHORTLIST = 24;
/** Form entries visited per lookup while gathering candidates. */
export const VISIT_BUDGET = 1500;
/** Words this long or longer get no typo keys: a typo in them is caught by their other words. */
const MAX_TYPO_WORD = 24;

export interface IndexedForm {
	file: number;
	form: NameForm;
}

/** A form is found by its words and by their stems: `expandng` is one typo from `expanding`, two from `expand`. */
function keysOf(form: NameForm): Set<string> {
	return new Set([...form.stems, ...form.words]);
}

function typoKeys(word: string): string[] {
	const keys: string[] = [];
	for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
	return keys;
}

function hasTypoKeys(word: string): boolean {
	return word.length >= 4 && word.length <= MAX_TYPO_WORD && !isNumber(word);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (set) set.add(value);
	else map.set(key, new Set([value]));
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (!set) return;
	set.delete(value);
	if (set.size === 0) map.delete(key);
}

export class WordIndex {
	/** Form slots; a removed form leaves null, and its slot is reused. */
	readonly forms: (IndexedForm | null)[] = [];
	private readonly free: number[] = [];
	private readonly postings = new Map<string, Set<number>>();
	private readonly joined = new Map<string, Set<number>>();
	/** Typo key → the vocabulary stems that give it. */
	private readonly typos = new Map<string, Set<string>>();

	/** Indexes the forms of one file; returns their ids, for {@link remove}. */
	add(file: number, forms: readonly NameForm[]): number[] {
		const ids: number[] = [];
		for (const form of forms) {
			const id = this.free.pop() ?? this.forms.length;
			this.forms[id] = { file, form };
			ids.push(id);
			for (const word of keysOf(form)) {
				const known = this.postings.has(word);
				addTo(this.postings, word, id);
				if (!known && hasTypoKeys(word)) for (const key of typoKeys(word)) addTo(this.typos, key, word);
			}
			addTo(this.joined, form.joined, id);
		}
		return ids;
	}

	remove(ids: readonly number[]): void {
		for (const id of ids) {
			const entry = this.forms[id];
			if (!entry) continue;
			for (const word of keysOf(entry.form)) {
				removeFrom(this.postings, word, id);
				if (!this.postings.has(word) && hasTypoKeys(word)) for (const key of typoKeys(word)) removeFrom(this.typos, key, word);
			}
			removeFrom(this.joined, entry.form.joined, id);
			this.forms[id] = null;
			this.free.push(id);
		}
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
		const lists: { ids: Set<number>; weight: number }[] = [];
		const seen = new Set<string>();
		for (const query of queries) {
			const joined = this.joined.get(query.joined);
			if (joined) lists.push({ ids: joined, weight: 8 });
			for (const word of keysOf(query)) {
				const weight = wordWeight(word);
				if (seen.has(word) || weight === 0) continue;
				seen.add(word);
				const exact = this.postings.get(word);
				if (exact) lists.push({ ids: exact, weight });
				if (isNumber(word)) continue;
				for (const near of this.nearWords(word)) lists.push({ ids: this.postings.get(near)!, weight: 0.8 * weight });
			}
		}
		lists.sort((a, b) => a.ids.size - b.ids.size);
		const counts = new Map<number, number>();
		const skipped: typeof lists = [];
		let visited = 0;
		for (const list of lists) {
			if (visited + list.ids.size > VISIT_BUDGET && counts.size > 0) {
				skipped.push(list);
				continue;
			}
			for (const id of list.ids) {
				counts.set(id, (counts.get(id) ?? 0) + list.weight);
				// Only a first list larger than the budget gets here: a bounded part of it, in index order.
				if (++visited >= VISIT_BUDGET) break;
			}
		}
		// Words left out for being common still tell the gathered forms apart: a membership test each.
		for (const list of skipped) {
			for (const [id, count] of counts) if (list.ids.has(id)) counts.set(id, count + list.weight);
		}
		return topIds(counts, SHORTLIST);
	}
}

/** The `size` ids with the highest counts, best first; ties go to the lower id, for determinism. */
function topIds(counts: Map<number, number>, size: number): number[] {
	const top: [number, number][] = [];
	for (const entry of counts) {
		if (top.length === size) {
			const last = top[size - 1];
			if (entry[1] < last[1] || (entry[1] === last[1] && entry[0] > last[0])) continue;
		}
		let at = top.length;
		while (at > 0 && (top[at - 1][1] < entry[1] || (top[at - 1][1] === entry[1] && top[at - 1][0] > entry[0]))) at--;
		top.splice(at, 0, entry);
		if (top.length > size) top.pop();
	}
	return top.map(([id]) => id);
}
