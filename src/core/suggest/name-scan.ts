/**
 * The suggester's way to answer a few lookups without indexing the vault (see suggester.ts): for one link,
 * which files an index must hold so that it gathers exactly what the whole vault's index gathers, and how
 * many forms of the vault hold each word the link asks for.
 *
 * The whole index visits at most {@link VISIT_BUDGET} forms of a word, the first ones, and otherwise uses
 * only how many forms hold it (to order and skip words). So a small index of the files holding a rare word,
 * or one of the first holders of a common one, with each word's posting padded to its vault-wide count,
 * gathers the same forms in the same order. Names are cut once into runs of letters and digits, and each
 * distinct run is read into words once (a vault's names share most of their words): a lookup then costs a
 * look at each distinct run and a pass over small integers, and real forms only for the files it keeps.
 */
import { isAdjacentSwap } from "./edit-distance";
import type { LinkQuery } from "./link-query";
import type { NameForm } from "./name-forms";
import { hasTypoKeys, typoKeys, VISIT_BUDGET } from "./word-index";
import { isNumber, nameWords, stem, wordWeight } from "./words";

/** Text that words.ts's `foldText` leaves as it is (printable ASCII): cut into runs without folding. */
const FOLDS_TO_ITSELF = /^[ -~\t\n\r]*$/;
/** For such text, what `[^\p{L}\p{N}]+` matches: camelCase and letter/digit breaks fall inside a run. */
const NOT_ASCII_LETTER_OR_DIGIT = /[^A-Za-z0-9]+/;
/** name-forms.ts's subtitle break: a name with one gets a second form, read in full rather than counted. */
const SUBTITLE_BREAK = /:|\s[-–—]\s/u;

export interface ScanResult {
	/** Files (indexes into the scan's `paths`, ascending) the small index must hold. */
	files: number[];
	/** For each word the link looks up (or that may be near one), how many forms of the vault hold it. */
	counts: Map<string, number>;
}

/** A run that camelCase and letter/digit breaks cannot cut: one word, lower-cased, without the splitting passes. */
const ONE_WORD_RUN = /^(?:[0-9]+|[A-Z]?[a-z]+|[A-Z]+)$/;

/**
 * Whether the word index may count `key` as near `word` (word-index.ts's `nearWords`, read as a test on one
 * pair): an adjacent swap in a short word, or one deletion from one or from both.
 */
function mayBeNear(word: string, key: string, wordKeys: ReadonlySet<string>): boolean {
	if (key === word) return false;
	if (word.length >= 2 && word.length <= 3 && isAdjacentSwap(word, key)) return true;
	if (!hasTypoKeys(word) && !(word.length === 3 && !isNumber(word))) return false;
	if (key.length === word.length - 1) return wordKeys.has(key);
	if (!hasTypoKeys(key)) return false;
	if (key.length === word.length + 1) return typoKeys(key).includes(word);
	if (key.length === word.length) return typoKeys(key).some((typo) => wordKeys.has(typo));
	return false;
}

/** How one file's forms are counted without reading them (see {@link NameScan.filesFor}). */
const enum Shape {
	/** Its name's form only (a note, or a file without extension). */
	Name,
	/** Its name without the extension, and with it (an attachment). */
	NameAndExtension,
	/** Folded characters or a subtitle: its real forms are read (the suggester keeps them) and counted. */
	Read,
}

export class NameScan {
	/** Run ids, file after file: `starts[file]` .. `ends[file]` the name's, then up to `starts[file + 1]` the extension's. */
	private readonly runIds: Int32Array;
	private readonly starts: Int32Array;
	private readonly ends: Int32Array;
	private readonly shapes: Uint8Array;
	/** Each distinct run's index keys (each word and its stem), and its stems run together. */
	private readonly runKeys: string[][] = [];
	private readonly runJoined: string[] = [];
	private readonly runs = new Map<string, number>();
	private readonly ids: number[] = [];
	/** Inverted: each run's files (ascending), and the files whose name begins with it (for `joined`). */
	private readonly runFiles: number[][] = [];
	private readonly firstRunFiles: (number[] | null)[] = [];
	/** The keys' vocabulary: which runs hold a key, and the keys by length (to find the ones near a word). */
	private readonly keyRuns = new Map<string, number[]>();
	private readonly keysByLength: string[][] = [];
	private readonly readFiles: number[] = [];

	constructor(
		readonly paths: readonly string[],
		/** The suggester's own reading of a file's forms, for the files whose shape is {@link Shape.Read}. */
		private readonly formsOf: (file: number) => readonly NameForm[],
	) {
		const starts = new Int32Array(paths.length + 1);
		const ends = new Int32Array(paths.length);
		const shapes = new Uint8Array(paths.length);
		for (let file = 0; file < paths.length; file++) {
			starts[file] = this.ids.length;
			const path = paths[file];
			const name = path.slice(path.lastIndexOf("/") + 1);
			// As suggester.ts's fileForms reads a name: a note without `.md`; another file without its extension.
			const note = /\.md$/i.test(path);
			const dot = note ? -1 : name.lastIndexOf(".");
			const base = note ? name.slice(0, -3) : dot > 0 ? name.slice(0, dot) : name;
			if (!FOLDS_TO_ITSELF.test(name) || SUBTITLE_BREAK.test(base)) {
				shapes[file] = Shape.Read;
				ends[file] = this.ids.length;
				this.readFiles.push(file);
				continue;
			}
			shapes[file] = dot > 0 ? Shape.NameAndExtension : Shape.Name;
			this.addRuns(base, file);
			ends[file] = this.ids.length;
			if (dot > 0) this.addRuns(name.slice(dot + 1), file);
			if (this.ids.length > starts[file]) (this.firstRunFiles[this.ids[starts[file]]] ??= []).push(file);
		}
		starts[paths.length] = this.ids.length;
		this.runIds = Int32Array.from(this.ids);
		this.ids.length = 0;
		this.starts = starts;
		this.ends = ends;
		this.shapes = shapes;
	}

	private addRuns(text: string, file: number): void {
		for (const run of text.split(NOT_ASCII_LETTER_OR_DIGIT)) {
			if (run === "") continue;
			let id = this.runs.get(run);
			if (id === undefined) {
				id = this.runKeys.length;
				this.runs.set(run, id);
				this.addRun(run, id);
			}
			this.ids.push(id);
			const files = this.runFiles[id];
			if (files[files.length - 1] !== file) files.push(file);
		}
	}

	private addRun(run: string, id: number): void {
		const keys: string[] = [];
		const stems: string[] = [];
		for (const word of ONE_WORD_RUN.test(run) ? [run.toLowerCase()] : nameWords(run)) {
			const stemmed = stem(word);
			stems.push(stemmed);
			if (!keys.includes(stemmed)) keys.push(stemmed);
			if (word !== stemmed && !keys.includes(word)) keys.push(word);
		}
		this.runKeys.push(keys);
		this.runJoined.push(stems.join(""));
		this.runFiles.push([]);
		this.firstRunFiles.push(null);
		for (const key of keys) {
			const runs = this.keyRuns.get(key);
			if (runs) {
				runs.push(id);
				continue;
			}
			this.keyRuns.set(key, [id]);
			(this.keysByLength[key.length] ??= []).push(key);
		}
	}

	/** For a file read in full: whether its key is one the link may look up (the runs' keys were decided already). */
	private readMayWant(key: string, wanted: Set<string>, near: readonly string[]): boolean {
		if (wanted.has(key)) return true;
		if (this.keyRuns.has(key)) return false;
		for (const word of near) if (mayBeNear(word, key, new Set(typoKeys(word)))) return true;
		return false;
	}

	/** Whether the stems of the runs `from`..`to`, or of a first part of them, run together into `joined`. */
	private startsJoined(from: number, to: number, joined: string): boolean {
		let at = 0;
		for (let run = from; run < to; run++) {
			const text = this.runJoined[this.runIds[run]];
			if (!joined.startsWith(text, at)) return false;
			at += text.length;
			if (at === joined.length) return true;
		}
		return false;
	}

	/**
	 * The files to index for `query` and the vault-wide counts (see the file comment). Words "near" a link's
	 * word are taken generously (within two edits: every pair the index's typo keys relate is): a word the
	 * index does not count as near only adds files, and the index, not the scan, decides nearness.
	 */
	filesFor(query: LinkQuery): ScanResult {
		const exact = new Set<string>();
		const near: string[] = [];
		for (const form of query.forms) {
			for (const word of form.keys) {
				// Words that weigh nothing are not looked up by the index at all.
				if (wordWeight(word) === 0 || exact.has(word)) continue;
				exact.add(word);
				if (!isNumber(word)) near.push(word);
			}
		}
		// The vocabulary's keys the index may look up for this link, and the runs that hold them.
		const runWanted = new Map<number, string[]>();
		const want = (key: string): void => {
			for (const run of this.keyRuns.get(key) ?? []) {
				const keys = runWanted.get(run);
				if (!keys) runWanted.set(run, [key]);
				else if (!keys.includes(key)) keys.push(key);
			}
		};
		for (const word of exact) want(word);
		for (const word of near) {
			const wordKeys = new Set(typoKeys(word));
			for (let length = word.length - 1; length <= word.length + 1; length++) {
				for (const key of this.keysByLength[length] ?? []) if (mayBeNear(word, key, wordKeys)) want(key);
			}
		}
		const joined = query.forms.map((form) => form.joined);
		const candidates = new Set<number>(this.readFiles);
		for (const run of runWanted.keys()) for (const file of this.runFiles[run]) candidates.add(file);
		for (let run = 0; run < this.runJoined.length; run++) {
			const first = this.firstRunFiles[run];
			if (first && joined.some((text) => text.startsWith(this.runJoined[run]))) for (const file of first) candidates.add(file);
		}
		const readWanted = new Set(runWanted.size > 0 ? [...runWanted.values()].flat() : []);
		for (const word of exact) readWanted.add(word);

		const counts = new Map<string, number>();
		const files: number[] = [];
		const held = new Set<string>();
		const add = (word: string, forms: number): boolean => {
			const before = counts.get(word) ?? 0;
			counts.set(word, before + forms);
			return before < VISIT_BUDGET;
		};
		for (const file of [...candidates].sort((a, b) => a - b)) {
			let take = false;
			if ((this.shapes[file] as Shape) === Shape.Read) {
				for (const form of this.formsOf(file)) {
					for (const word of form.keys) if (this.readMayWant(word, readWanted, near) && add(word, 1)) take = true;
					if (joined.includes(form.joined)) take = true;
				}
				if (take) files.push(file);
				continue;
			}
			const from = this.starts[file];
			const end = this.ends[file];
			const to = this.starts[file + 1];
			held.clear();
			for (let run = from; run < to; run++) for (const word of runWanted.get(this.runIds[run]) ?? []) held.add(word);
			for (const word of held) {
				let inName = false;
				for (let run = from; run < end && !inName; run++) inName = runWanted.get(this.runIds[run])?.includes(word) ?? false;
				// The name's form holds the words of the name; an attachment's second form those of its whole name.
				const forms = (inName ? 1 : 0) + ((this.shapes[file] as Shape) === Shape.NameAndExtension ? 1 : 0);
				if (forms > 0 && add(word, forms)) take = true;
			}
			if (!take && from < to) take = joined.some((text) => this.startsJoined(from, to, text));
			if (take) files.push(file);
		}
		return { files, counts };
	}
}
