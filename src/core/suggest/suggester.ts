/**
 * "Did you mean" for links that resolve to nothing: a name index kept up to date one file at a time, and a
 * lookup whose cost does not grow with the vault (see word-index.ts), scored by score.ts.
 *
 * The index is built on the first lookup (a vault with no broken links pays nothing) or ahead of it, a few
 * files at a time, through `prepare` (the plugin's time-sliced vault audit). After that, `add`, `remove`,
 * `rename` and `refresh` change only the entries of the file named: the plugin calls them from the vault's
 * create, rename and delete events and the metadata cache's `changed` event instead of rebuilding.
 */
import { ShardedMap } from "../collections/sharded-map";
import { propertyForms, textForms, makeForm, type NameForm } from "./name-forms";
import { readLinkQuery, type LinkQuery } from "./link-query";
import { MIN_SCORE, scoreForm } from "./score";
import { NameScan } from "./name-scan";
import { WordIndex } from "./word-index";
import { nameWords } from "./words";

export interface Suggester {
	/**
	 * Up to `limit` vault paths whose names are close to `linkpath`, best first; never `sourcePath` (the note
	 * that holds the link). Empty when nothing scores {@link MIN_SCORE} or more.
	 */
	suggest(linkpath: string, limit: number, sourcePath?: string): string[];
	/**
	 * Builds the name index a few files at a time until `shouldPause()` says so; true once it is complete.
	 * Lets a time-sliced caller keep every slice short instead of paying the whole index in one `suggest`.
	 */
	prepare(shouldPause: () => boolean): boolean;
	/** A file was created. */
	add(path: string): void;
	/** A file was deleted. */
	remove(path: string): void;
	rename(oldPath: string, newPath: string): void;
	/** A note's properties changed (aliases, title, author, year). */
	refresh(path: string): void;
}

export interface SuggesterOptions {
	/**
	 * A note's frontmatter properties (the seam of core/vault/note-properties.ts), read when the note is
	 * indexed: `aliases`, `title`, `author` and `year`/`date` become names it can be suggested by.
	 */
	properties?: (path: string) => Readonly<Record<string, unknown>> | null;
	/**
	 * Answer this many lookups by scanning the names (name-scan.ts) before building the index: a run that
	 * asks for a handful of suggestions (one essay on the command line) never pays for indexing a large
	 * vault. The answers are the same either way. Only without `properties` (the scan reads names only);
	 * 0 or absent: the index from the first lookup on.
	 */
	scanLookups?: number;
}

interface FileEntry {
	path: string;
	note: boolean;
	/** Lower-cased extension of a file that is not a note; "" for notes. */
	extension: string;
	/** Ids of its forms in the index, or null while it waits to be indexed. */
	forms: number[] | null;
}

function makeEntry(path: string): FileEntry {
	const note = /\.md$/i.test(path);
	const dot = path.lastIndexOf(".");
	const extension = note || dot <= path.lastIndexOf("/") ? "" : path.slice(dot + 1).toLowerCase();
	return { path, note, extension, forms: null };
}

/** A file's own names: a note by its name; another file by its name with and without the extension. */
function fileForms(entry: FileEntry): NameForm[] {
	const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
	if (entry.note) return textForms("name", name.slice(0, -3));
	const dot = name.lastIndexOf(".");
	const forms = textForms("name", dot > 0 ? name.slice(0, dot) : name);
	const withExtension = makeForm("name", nameWords(name));
	if (dot > 0 && withExtension) forms.push(withExtension);
	return forms;
}

/**
 * The forms without those that say again what another says (an alias or title written as the name, as web
 * clippers and templates do): the same words, capitals and cap score the same, and each repeat would take a
 * place of the lookup's shortlist, where another file's name could then be missed (measured: 208 of 4,700
 * suggestions of the 12 MB bench essay went missing when every note had its name as an alias).
 */
function withoutRepeats(forms: NameForm[]): NameForm[] {
	const seen = new Set<string>();
	return forms.filter((form) => {
		const key = `${form.cap} ${[...form.acronyms].sort().join(" ")}|${form.words.join(" ")}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** Whether a link may be offered this file at all (attachment kinds, the note that holds the link). */
function mayOffer(query: LinkQuery, entry: FileEntry, sourcePath: string | undefined): boolean {
	if (entry.path === sourcePath) return false;
	if (entry.note) return !query.attachment;
	if (query.extension === null) return query.lastWord === entry.extension;
	return query.attachment || query.extension === entry.extension;
}

/** A little extra for a file whose folders share words with the link's folder part: ranks, never admits. */
function folderBonus(query: LinkQuery, entry: FileEntry): number {
	if (query.folderWords.size === 0) return 0;
	const folder = entry.path.slice(0, Math.max(0, entry.path.lastIndexOf("/")));
	let shared = 0;
	for (const word of new Set(nameWords(folder))) if (query.folderWords.has(word)) shared++;
	return 0.01 * Math.min(shared, 3);
}

/**
 * The paths without repeats, each at its first place. A listing comes sorted and without repeats, which one
 * pass of comparisons shows: a Set of 50,000 paths (hashing each) took 20-30 ms of one essay's audit.
 */
function firstOfEach(paths: readonly string[]): string[] {
	let ascending = true;
	for (let index = 1; index < paths.length && ascending; index++) ascending = paths[index - 1] < paths[index];
	return ascending ? paths.slice() : [...new Set(paths)];
}

export function createSuggester(vaultPaths: readonly string[], options: SuggesterOptions = {}): Suggester {
	const index = new WordIndex();
	const files: (FileEntry | null)[] = [];
	const byPath = new ShardedMap<number>();
	/**
	 * Paths not yet indexed, in order; `next` is the first of them. Files are registered as they are indexed,
	 * so even reading the names is spread over `prepare`'s slices. `dropped`: paths removed before their turn.
	 */
	const pending = [...vaultPaths];
	let next = 0;
	const dropped = new Set<string>();
	const building = () => next < pending.length;

	function register(path: string): number {
		const id = files.length;
		files.push(makeEntry(path));
		byPath.set(path, id);
		return id;
	}

	function indexFile(id: number): void {
		const entry = files[id];
		if (!entry || entry.forms) return;
		let forms = fileForms(entry);
		if (entry.note && options.properties) forms = withoutRepeats([...forms, ...propertyForms(options.properties(entry.path))]);
		entry.forms = index.add(id, forms);
	}

	function prepare(shouldPause: () => boolean): boolean {
		while (building()) {
			const path = pending[next++];
			if (!dropped.delete(path) && !byPath.has(path)) indexFile(register(path));
			if ((next & 63) === 0 && shouldPause()) break;
		}
		if (!building() && pending.length > 0) {
			pending.length = 0;
			next = 0;
			dropped.clear();
		}
		return !building();
	}

	function add(path: string): void {
		if (byPath.has(path)) return;
		// While the first build is under way the new file joins its queue; afterwards it is indexed now.
		if (building()) {
			dropped.delete(path);
			pending.push(path);
		} else indexFile(register(path));
	}

	function remove(path: string): void {
		const id = byPath.get(path);
		if (id === undefined) {
			if (building()) dropped.add(path);
			return;
		}
		byPath.delete(path);
		const entry = files[id];
		if (entry?.forms) index.remove(entry.forms);
		files[id] = null;
	}

	function refresh(path: string): void {
		const id = byPath.get(path);
		const entry = id === undefined ? null : files[id];
		if (!entry?.forms) return;
		index.remove(entry.forms);
		entry.forms = null;
		indexFile(id!);
	}

	/** Lazy mode (see {@link SuggesterOptions.scanLookups}): lookups left before indexing, and the scan. */
	let scanLookupsLeft = options.properties ? 0 : (options.scanLookups ?? 0);
	let lookups = 0;
	let scan: { names: NameScan; formsOf: (file: number) => NameForm[] } | null = null;

	/** Leaves lazy mode before the vault changes: the index then is what it would have been without it. */
	function endScan(): void {
		if (scanLookupsLeft === 0 && scan === null) return;
		scanLookupsLeft = 0;
		scan = null;
		// A suggester that had answered a lookup had its index built before this change.
		if (lookups > 0) prepare(() => false);
	}

	/** One lookup answered from an index of the files the scan names, in vault order (name-scan.ts says why it is the same). */
	function suggestByScan(query: LinkQuery, limit: number, sourcePath: string | undefined): string[] {
		if (scan === null) {
			// Paths listed twice are indexed once, at their first place, as `prepare` does.
			const paths = firstOfEach(pending);
			const kept = new Map<number, NameForm[]>();
			const formsOf = (file: number): NameForm[] => {
				let forms = kept.get(file);
				if (!forms) kept.set(file, (forms = fileForms(makeEntry(paths[file]))));
				return forms;
			};
			scan = { names: new NameScan(paths, formsOf), formsOf: (file) => kept.get(file) ?? fileForms(makeEntry(paths[file])) };
		}
		const found = scan.names.filesFor(query);
		const local = new WordIndex();
		const entries: FileEntry[] = [];
		for (const file of found.files) {
			const entry = makeEntry(scan.names.paths[file]);
			entries.push(entry);
			entry.forms = local.add(entries.length - 1, scan.formsOf(file));
		}
		for (const [word, count] of found.counts) local.padPosting(word, count);
		return rank(local, entries, query, limit, sourcePath);
	}

	function suggest(linkpath: string, limit: number, sourcePath?: string): string[] {
		if (limit <= 0) return [];
		const query = readLinkQuery(linkpath);
		if (!query) return [];
		lookups++;
		if (scanLookupsLeft > 0 && files.length === 0) {
			scanLookupsLeft--;
			return suggestByScan(query, limit, sourcePath);
		}
		scan = null;
		prepare(() => false);
		return rank(index, files, query, limit, sourcePath);
	}

	return {
		suggest,
		prepare: (shouldPause: () => boolean) => {
			endScan();
			return prepare(shouldPause);
		},
		add: (path: string) => {
			endScan();
			add(path);
		},
		remove: (path: string) => {
			endScan();
			remove(path);
		},
		rename(oldPath: string, newPath: string) {
			endScan();
			remove(oldPath);
			add(newPath);
		},
		refresh: (path: string) => {
			endScan();
			refresh(path);
		},
	};
}

/** The gathered candidates of `index` scored against `query`, best first (`files` by the index's file numbers). */
function rank(index: WordIndex, files: readonly (FileEntry | null)[], query: LinkQuery, limit: number, sourcePath: string | undefined): string[] {
	const best = new Map<number, number>();
	for (const id of index.candidates(query.forms)) {
		const indexed = index.forms[id]!;
		const entry = files[indexed.file]!;
		if (!mayOffer(query, entry, sourcePath)) continue;
		let score = 0;
		for (const form of query.forms) score = Math.max(score, scoreForm(form, indexed.form));
		if (score >= MIN_SCORE && score > (best.get(indexed.file) ?? 0)) best.set(indexed.file, score);
	}
	// Most broken links have no close name.
	if (best.size === 0) return [];
	// Filled by push, not made by `map`: V8's compiled `map` and its built-in one make arrays of two shapes
	// (maps), and the compiled lookup then left its compiled code at the sort below on most calls (2 to 400
	// deoptimisations in the 12 MB bench essay's run; at most one this way).
	const ranked: { entry: FileEntry; rank: number }[] = [];
	for (const [file, score] of best) ranked.push({ entry: files[file]!, rank: score + folderBonus(query, files[file]!) });
	ranked.sort((x, y) => {
		if (Math.abs(x.rank - y.rank) > 1e-9) return y.rank - x.rank;
		if (x.entry.note !== y.entry.note) return x.entry.note ? -1 : 1;
		if (query.extension && (x.entry.extension === query.extension) !== (y.entry.extension === query.extension)) return x.entry.extension === query.extension ? -1 : 1;
		const a = x.entry.path;
		const b = y.entry.path;
		if (a.length !== b.length) return a.length - b.length;
		return a < b ? -1 : a > b ? 1 : 0;
	});
	return ranked.slice(0, limit).map((entry) => entry.entry.path);
}
