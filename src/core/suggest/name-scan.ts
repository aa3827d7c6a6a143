/**
 * The suggester's way to answer a few lookups without indexing the vault (see suggester.ts): for one link,
 * the files that may hold a form the word index would gather, found by one scan of the names.
 *
 * Names are cut once into their runs of letters and digits, each distinct run read into words only once
 * (a vault's names share most of their words), so a lookup costs a look at each distinct run and a pass
 * over small integers. The answer may hold more files than the index would gather, never fewer: the
 * suggester indexes just those files, in vault order, and an index of them gathers exactly what the whole
 * index gathers for this link (every form holding a word the link asks for, or one near it, is among them;
 * the others add words the link does not ask for).
 */
import { boundedEditDistance } from "./edit-distance";
import type { LinkQuery } from "./link-query";
import { isNumber, nameWords, stem, wordWeight } from "./words";

/** Text that words.ts's `foldText` leaves as it is (printable ASCII): cut into runs without folding. */
const FOLDS_TO_ITSELF = /^[ -~\t\n\r]*$/;
/** For such text, what `[^\p{L}\p{N}]+` matches: camelCase and letter/digit breaks fall inside a run. */
const NOT_ASCII_LETTER_OR_DIGIT = /[^A-Za-z0-9]+/;

export class NameScan {
	/** Run ids of every file, file after file; `starts[file]` .. `starts[file + 1]` are one file's. */
	private readonly runIds: Int32Array;
	private readonly starts: Int32Array;
	/** Files whose names fold (accents, compatibility forms): always handed to the index, never scanned. */
	private readonly unscanned: Uint8Array;
	/** Each distinct run's index keys (each word and its stem), and the stem of its first word. */
	private readonly runKeys: string[][] = [];
	private readonly runFirstStems: string[] = [];

	constructor(readonly paths: readonly string[]) {
		const runIds: number[] = [];
		const starts = new Int32Array(paths.length + 1);
		const unscanned = new Uint8Array(paths.length);
		const runs = new Map<string, number>();
		for (let file = 0; file < paths.length; file++) {
			starts[file] = runIds.length;
			const path = paths[file];
			const name = path.slice(path.lastIndexOf("/") + 1);
			if (!FOLDS_TO_ITSELF.test(name)) {
				unscanned[file] = 1;
				continue;
			}
			// The whole file name, extension included: a superset of the words of each of its forms.
			for (const run of name.split(NOT_ASCII_LETTER_OR_DIGIT)) {
				if (run === "") continue;
				let id = runs.get(run);
				if (id === undefined) {
					id = this.runKeys.length;
					runs.set(run, id);
					this.addRun(run);
				}
				runIds.push(id);
			}
		}
		starts[paths.length] = runIds.length;
		this.runIds = Int32Array.from(runIds);
		this.starts = starts;
		this.unscanned = unscanned;
	}

	private addRun(run: string): void {
		const keys: string[] = [];
		const words = nameWords(run);
		for (const word of words) {
			const stemmed = stem(word);
			if (!keys.includes(stemmed)) keys.push(stemmed);
			if (word !== stemmed && !keys.includes(word)) keys.push(word);
		}
		this.runKeys.push(keys);
		this.runFirstStems.push(words.length > 0 ? stem(words[0]) : "");
	}

	/**
	 * Files (indexes into `paths`, ascending) that may hold a form sharing a word with `query` or a word
	 * near one (within two edits: every word the index's typo keys relate is), or whose first word starts a
	 * form's run-together stems (the index's `joined` match).
	 */
	filesFor(query: LinkQuery): number[] {
		const exact = new Set<string>();
		const near: string[] = [];
		const joined = query.forms.map((form) => form.joined);
		for (const form of query.forms) {
			for (const word of form.keys) {
				// Words that weigh nothing are not looked up by the index at all.
				if (wordWeight(word) === 0 || exact.has(word)) continue;
				exact.add(word);
				if (!isNumber(word)) near.push(word);
			}
		}
		const wanted = (key: string): boolean => {
			if (exact.has(key)) return true;
			for (const word of near) if (Math.abs(word.length - key.length) <= 1 && boundedEditDistance(key, word, 2) <= 2) return true;
			return false;
		};
		const runWanted = new Uint8Array(this.runKeys.length);
		const runStarts = new Uint8Array(this.runKeys.length);
		for (let run = 0; run < this.runKeys.length; run++) {
			if (this.runKeys[run].some(wanted)) runWanted[run] = 1;
			const first = this.runFirstStems[run];
			if (first !== "" && joined.some((text) => text.startsWith(first))) runStarts[run] = 1;
		}
		const files: number[] = [];
		for (let file = 0; file < this.paths.length; file++) {
			const from = this.starts[file];
			const to = this.starts[file + 1];
			let take = this.unscanned[file] === 1 || (from < to && runStarts[this.runIds[from]] === 1);
			for (let at = from; !take && at < to; at++) take = runWanted[this.runIds[at]] === 1;
			if (take) files.push(file);
		}
		return files;
	}
}
