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
import { endsWithMd, isPlainAscii } from "../text/ascii";
import { isAdjacentSwap } from "./edit-distance";
import { FilesOfRuns } from "./files-of-runs";
import type { LinkQuery } from "./link-query";
import type { NameForm } from "./name-forms";
import { RunDictionary } from "./name-runs";
import { hasTypoKeys, typoKeys, VISIT_BUDGET } from "./word-index";
import { isNumber, nameWords, stem, wordWeight } from "./words";

/** For text that folds to itself, `\s` of name-forms.ts's subtitle break. */
function isAsciiSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Whether `path[from, to)`, all of it printable ASCII, holds name-forms.ts's subtitle break (`:|\s[-–—]\s`;
 * its dashes other than `-` are not ASCII): such a name gets a second form, read in full rather than counted.
 */
function hasSubtitleBreak(path: string, from: number, to: number): boolean {
	for (let at = from; at < to; at++) {
		const code = path.charCodeAt(at);
		//     Title: a subtitle        Title - a subtitle
		//          ^                         ^
		if (code === 0x3a) return true;
		if (code === 0x2d && at > from && at + 1 < to && isAsciiSpace(path.charCodeAt(at - 1)) && isAsciiSpace(path.charCodeAt(at + 1))) return true;
	}
	return false;
}

export interface ScanResult {
	/** Files (indexes into the scan's `paths`, ascending) the small index must hold. */
	files: number[];
	/** For each word the link looks up (or that may be near one), how many forms of the vault hold it. */
	counts: Map<string, number>;
}

/**
 * A word without digits is never near a key of digits alone (mayBeNear): a swap keeps the characters, a
 * deletion from the word leaves some of its own, and a number has no typo keys. So the thousands of numbers in
 * a vault's names (`Letter 10303`) are tried only for a word holding a digit.
 */
const HAS_DIGIT = /[0-9]/;

/** Whether `text` is one or more ASCII digits. */
function isDigits(text: string): boolean {
	if (text.length === 0) return false;
	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code < 0x30 || code > 0x39) return false;
	}
	return true;
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
	/** Each distinct run's stems run together. */
	private readonly runJoined: string[] = [];
	private readonly dictionary = new RunDictionary();
	/**
	 * The keys' vocabulary: which runs hold a key, and the keys by length (to find the ones near a word). A run
	 * of digits is its own one key and is found in the dictionary instead: a vault's names hold tens of
	 * thousands of distinct numbers (`Letter 10303`), and a Map entry each cost a third of the scan.
	 */
	private readonly keyRuns = new Map<string, number[]>();
	private readonly keysByLength: string[][] = [];
	/** The runs of digits by length: near a word only if it holds a digit (see {@link HAS_DIGIT}). */
	private readonly digitKeysByLength: string[][] = [];
	private readonly readFiles: number[] = [];
	/** Each run's files and the files whose name begins with it, made at the first lookup (see {@link FilesOfRuns}). */
	private inverted: { files: FilesOfRuns; firstFiles: FilesOfRuns } | null = null;

	constructor(
		readonly paths: readonly string[],
		/** The suggester's own reading of a file's forms, for the files whose shape is {@link Shape.Read}. */
		private readonly formsOf: (file: number) => readonly NameForm[],
	) {
		const starts = new Int32Array(paths.length + 1);
		const ends = new Int32Array(paths.length);
		const shapes = new Uint8Array(paths.length);
		const ids: number[] = [];
		for (let file = 0; file < paths.length; file++) {
			starts[file] = ids.length;
			const path = paths[file];
			const nameStart = path.lastIndexOf("/") + 1;
			// As suggester.ts's fileForms reads a name: a note without `.md`; another file without its extension.
			const note = endsWithMd(path);
			const dot = note ? -1 : path.lastIndexOf(".");
			const attachment = dot > nameStart;
			const baseEnd = note ? path.length - 3 : attachment ? dot : path.length;
			let plain = true;
			// Text that words.ts's `foldText` leaves as it is is cut into runs without folding.
			for (let at = nameStart; at < path.length && plain; at++) plain = isPlainAscii(path.charCodeAt(at));
			if (!plain || hasSubtitleBreak(path, nameStart, baseEnd)) {
				shapes[file] = Shape.Read;
				ends[file] = ids.length;
				this.readFiles.push(file);
				continue;
			}
			shapes[file] = attachment ? Shape.NameAndExtension : Shape.Name;
			this.cutRuns(path, nameStart, baseEnd, ids);
			ends[file] = ids.length;
			if (attachment) this.cutRuns(path, dot + 1, path.length, ids);
		}
		starts[paths.length] = ids.length;
		this.runIds = Int32Array.from(ids);
		this.starts = starts;
		this.ends = ends;
		this.shapes = shapes;
	}

	private cutRuns(path: string, from: number, to: number, ids: number[]): void {
		const known = this.dictionary.size;
		this.dictionary.cut(path, from, to, ids);
		for (let id = known; id < this.dictionary.size; id++) this.addRun(this.dictionary.texts[id], id);
	}

	/** Inverts the run ids once: each run's files, and the files whose first run it is. */
	private filesOfRuns(): { files: FilesOfRuns; firstFiles: FilesOfRuns } {
		if (this.inverted) return this.inverted;
		const runs = this.dictionary.size;
		const files = new FilesOfRuns(runs);
		const firstFiles = new FilesOfRuns(runs);
		const each = (visit: (lists: FilesOfRuns, run: number, file: number) => void): void => {
			for (let file = 0; file < this.paths.length; file++) {
				const from = this.starts[file];
				const to = this.starts[file + 1];
				if (from === to) continue;
				for (let run = from; run < to; run++) visit(files, this.runIds[run], file);
				visit(firstFiles, this.runIds[from], file);
			}
		};
		each((lists, run, file) => lists.count(run, file));
		files.allocate();
		firstFiles.allocate();
		each((lists, run, file) => lists.fill(run, file));
		return (this.inverted = { files, firstFiles });
	}

	private addRun(run: string, id: number): void {
		if (isDigits(run)) {
			// As below: one word, its own stem; the only run holding it as a whole, which digitRunOf finds.
			this.runJoined.push(run);
			(this.digitKeysByLength[run.length] ??= []).push(run);
			return;
		}
		const keys: string[] = [];
		const stems: string[] = [];
		for (const word of ONE_WORD_RUN.test(run) ? [run.toLowerCase()] : nameWords(run)) {
			const stemmed = stem(word);
			stems.push(stemmed);
			if (!keys.includes(stemmed)) keys.push(stemmed);
			if (word !== stemmed && !keys.includes(word)) keys.push(word);
		}
		this.runJoined.push(stems.join(""));
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
		if (this.keyRuns.has(key) || this.digitRunOf(key) >= 0) return false;
		for (const word of near) if (mayBeNear(word, key, new Set(typoKeys(word)))) return true;
		return false;
	}

	/** The run that is the digits `key`, or -1 (see {@link keyRuns}). */
	private digitRunOf(key: string): number {
		return isDigits(key) ? this.dictionary.find(key) : -1;
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
		const wantIn = (run: number, key: string): void => {
			const keys = runWanted.get(run);
			if (!keys) runWanted.set(run, [key]);
			else if (!keys.includes(key)) keys.push(key);
		};
		const want = (key: string): void => {
			for (const run of this.keyRuns.get(key) ?? []) wantIn(run, key);
			const digitRun = this.digitRunOf(key);
			if (digitRun >= 0) wantIn(digitRun, key);
		};
		for (const word of exact) want(word);
		for (const word of near) {
			const wordKeys = new Set(typoKeys(word));
			for (let length = word.length - 1; length <= word.length + 1; length++) {
				for (const key of this.keysByLength[length] ?? []) if (mayBeNear(word, key, wordKeys)) want(key);
				if (!HAS_DIGIT.test(word)) continue;
				for (const key of this.digitKeysByLength[length] ?? []) if (mayBeNear(word, key, wordKeys)) want(key);
			}
		}
		const joined = query.forms.map((form) => form.joined);
		const candidates = new Set<number>(this.readFiles);
		const inverted = this.filesOfRuns();
		for (const run of runWanted.keys()) inverted.files.addFilesOf(run, candidates);
		for (let run = 0; run < this.runJoined.length; run++) {
			if (inverted.firstFiles.isEmpty(run)) continue;
			const text = this.runJoined[run];
			for (const form of joined) {
				if (!form.startsWith(text)) continue;
				inverted.firstFiles.addFilesOf(run, candidates);
				break;
			}
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
