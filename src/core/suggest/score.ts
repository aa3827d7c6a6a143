/**
 * How alike a link and one name form are, from 0 to 1, and when they are not alike at all however close
 * they look. Names are compared word by word (Dice over weighted words, in any order): the same word
 * counts 1, the same stem (`note`/`notes`) 0.95, a typo in a long enough word 0.8. A confident wrong
 * suggestion is worse than none, so a pair that differs in a meaningful token scores 0 however many
 * characters it shares: a number or date that differs or is missing (`Note 512`/`Note 513`,
 * `2024-01-02`/`2024-01-01`), or a word swapped for another (`LO impulse SQED`/`NLO impulse SQED`,
 * `S-expression`/`depression`).
 *
 * Author-year names get a rule of their own: `Yuan-2015`, `Yuan et al. 2015` and the citekey
 * `yuanInhibitingHistoneDeacetylase2015` name the same paper when the first word and the year agree.
 */
import { boundedEditDistance, isAdjacentSwap } from "./edit-distance";
import type { NameForm } from "./name-forms";
import { isContentWord, isNumber, isYear, wordWeight } from "./words";

/** Below this nothing is offered: see the README's "Did you mean" section for how it was chosen. */
export const MIN_SCORE = 0.75;
/** What an author-year match scores: a good guess, but the same author may have two papers that year. */
const AUTHOR_YEAR_SCORE = 0.9;
/** Names equal but for spaces between words (`Darkforest`, `Dark Forest`). */
const JOINED_SCORE = 0.97;
const SAME_STEM = 0.95;
const TYPO = 0.8;

const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);

/**
 * How much two words count as one. A typo is a typo only where a word is long enough to tell: in words of
 * six letters or more any one edit; in four or five letters a letter added, dropped or swapped with its
 * neighbour, not replaced (`cats` is not `bats`; `nte` is `note`); in words of three letters or fewer only a
 * swap (`teh`), so `LO` is not `NLO`. Numbers must be equal.
 */
export function wordCredit(queryWord: string, queryStem: string, word: string, wordStem: string): number {
	const same = sameWordCredit(queryWord, queryStem, word, wordStem);
	if (same > 0) return same;
	if (isNumber(queryWord) || isNumber(word)) return 0;
	const a = queryStem;
	const b = wordStem;
	const shorter = Math.min(a.length, b.length);
	if (Math.max(a.length, b.length) <= 3) return isAdjacentSwap(a, b) || isAdjacentSwap(queryWord, word) ? TYPO : 0;
	if (shorter < 3) return 0;
	return oneTypo(a, b) || oneTypo(queryWord, word) ? TYPO : 0;
}

/** {@link wordCredit} when it is SAME_STEM or more (the same word, or the same stem), else 0. */
function sameWordCredit(queryWord: string, queryStem: string, word: string, wordStem: string): number {
	if (queryWord === word) return 1;
	return queryStem === wordStem ? SAME_STEM : 0;
}

function oneTypo(a: string, b: string): boolean {
	if (Math.max(a.length, b.length) <= 3 || Math.min(a.length, b.length) < 3 || boundedEditDistance(a, b, 1) > 1) return false;
	return a.length !== b.length || Math.min(a.length, b.length) >= 6 || isAdjacentSwap(a, b);
}

/**
 * Weighted Dice over aligned words, or 0 when a meaningful token differs. Exact and same-stem pairs are
 * aligned first, then typos, each word used once.
 */
function alignedScore(query: NameForm, form: NameForm): number {
	const used = new Array<boolean>(form.words.length).fill(false);
	const matched = new Array<boolean>(query.words.length).fill(false);
	let shared = 0;
	for (const exactOnly of [true, false]) {
		for (let i = 0; i < query.words.length; i++) {
			if (matched[i]) continue;
			let best = -1;
			let bestCredit = 0;
			const acronym = query.acronyms.has(query.words[i]);
			for (let j = 0; j < form.words.length && bestCredit < 1; j++) {
				if (used[j]) continue;
				// The first pass takes only the same word or stem, the only credits of SAME_STEM or more: no typo test.
				let credit = exactOnly
					? sameWordCredit(query.words[i], query.stems[i], form.words[j], form.stems[j])
					: wordCredit(query.words[i], query.stems[i], form.words[j], form.stems[j]);
				// A word in capitals names a thing: a letter more or less is another thing (`NLO`, `NNLO`).
				if (credit < SAME_STEM && (acronym || form.acronyms.has(form.words[j]))) credit = 0;
				if (exactOnly && credit < SAME_STEM) continue;
				if (credit > bestCredit) [best, bestCredit] = [j, credit];
			}
			if (best < 0) continue;
			used[best] = true;
			matched[i] = true;
			shared += bestCredit * (wordWeight(query.words[i]) + wordWeight(form.words[best]));
		}
	}
	// A content word on each side with no partner: one word was swapped for another, a different title.
	const queryLeft = query.words.some((word, i) => !matched[i] && isContentWord(word) && !isNumber(word));
	const formLeft = form.words.some((word, j) => !used[j] && isContentWord(word) && !isNumber(word));
	if (queryLeft && formLeft) return 0;
	const total = query.words.reduce((sum, word) => sum + wordWeight(word), 0) + form.words.reduce((sum, word) => sum + wordWeight(word), 0);
	return total === 0 ? 0 : shared / total;
}

/** `Yuan 2015`, `Smith et al 2020`, `Smith and Jones 2020`: one to three name words, then a year. */
function authorYear(form: NameForm): { author: string; year: string } | null {
	const words = form.words.filter((word) => isContentWord(word));
	if (words.length < 2 || words.length > 4) return null;
	const year = words[words.length - 1];
	if (!isYear(year) || words.slice(0, -1).some(isNumber)) return null;
	const author = form.words[0];
	if (!isContentWord(author) || MONTHS.has(author)) return null;
	return { author, year };
}

/** `Yuan-2015` against `yuanInhibitingHistoneDeacetylase2015`, either way round. */
function authorYearScore(query: NameForm, form: NameForm): number {
	const short = authorYear(query);
	if (short && form.words[0] === short.author && form.words.includes(short.year)) return AUTHOR_YEAR_SCORE;
	const named = authorYear(form);
	if (named && query.words[0] === named.author && query.words.includes(named.year)) return AUTHOR_YEAR_SCORE;
	return 0;
}

/** The score of `form` for `query`: 0 to 1, 0 when they name different things. */
export function scoreForm(query: NameForm, form: NameForm): number {
	// Numbers (years, dates, volumes, versions) must agree exactly: `Note 512` is not `Note 513`.
	if (query.numbers !== form.numbers) return 0;
	let score = query.joined === form.joined ? JOINED_SCORE : 0;
	if (query.words.length === form.words.length && query.words.every((word, i) => word === form.words[i])) score = 1;
	score = Math.max(score, alignedScore(query, form), authorYearScore(query, form));
	return score * Math.min(query.cap, form.cap);
}
