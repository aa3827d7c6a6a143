/**
 * The plugin's CitekeyLibrary. Bibliographies are read through the vault adapter (a `.bib` is not a note, so the
 * metadata cache knows nothing of it) and parsed once; a file is read again only when the vault reports that it
 * changed (`modify`), and forgotten on `rename`/`delete`. Typing in a note never reads a bibliography: the audit
 * asks `loadBibliography`, which answers from the cache.
 *
 * Reading is asynchronous and the audit is not, so the first request for a file answers "pending" (no key is
 * judged, see ParsedBibliography.pending), starts the read, and calls `onLoaded` when the parse is in, so the open
 * note is audited again. While a changed file is re-read, the previous parse keeps answering.
 *
 * Literature notes come from the metadata cache (file names, and the key property of their frontmatter); the
 * index is rebuilt after files are created, renamed or deleted, or a note's key property changed.
 */
import { normalizePath, parseYaml, TFile, type App, type EventRef, type TAbstractFile } from "obsidian";
import { formatOfPath, type ParsedBibliography } from "../../core/bibliography/bibliography";
import { parseBibliography } from "../../core/bibliography/load-bibliography";
import type { CitekeyLibrary } from "../../core/citekeys/citekey-library";
import { literatureSettingsOf, type CitekeyLibraryOptions } from "../../core/citekeys/library-options";
import { LiteratureIndex } from "../../core/citekeys/literature-index";
import { makeCitekeyLibrary } from "../../core/citekeys/make-library";

export class VaultCitekeyLibrary {
	private readonly parsed = new Map<string, ParsedBibliography>();
	private readonly reading = new Map<string, Promise<void>>();
	/** A file modified while it was being read is read once more afterwards. */
	private readonly readAgain = new Set<string>();
	/** The key property of each note as the index last read it, to tell a real change from a save. */
	private indexedProperties = new Map<string, unknown>();
	private options: CitekeyLibraryOptions = { bibliographies: [] };
	private literature: LiteratureIndex;
	private current: CitekeyLibrary;
	/** Bibliography reads started (tests check that a keystroke starts none). */
	reads = 0;

	constructor(
		private readonly app: App,
		private readonly onLoaded: () => void,
	) {
		this.literature = this.makeIndex();
		this.current = this.makeLibrary();
	}

	/** The library for the audit options. */
	get library(): CitekeyLibrary {
		return this.current;
	}

	/** Whether the writer configured any source beyond a note's own frontmatter. */
	get configured(): boolean {
		const settings = this.current.literature;
		return this.options.bibliographies.length > 0 || settings.folder !== undefined || settings.property !== undefined;
	}

	/** New settings: the literature index is rebuilt; parsed bibliographies stay (they depend on the file only). */
	configure(options: CitekeyLibraryOptions): void {
		this.options = { ...options, bibliographies: options.bibliographies.map((path) => normalizePath(path)) };
		this.literature = this.makeIndex();
		this.current = this.makeLibrary();
	}

	/** Resolves when no bibliography is being read (the vault audit waits for it before judging a note's keys). */
	async settled(): Promise<void> {
		while (this.reading.size > 0) await Promise.all([...this.reading.values()]);
	}

	/** The vault events the library follows; the plugin registers them so unloading removes them. */
	events(): EventRef[] {
		const { vault, metadataCache } = this.app;
		return [
			vault.on("modify", (file) => this.modified(file)),
			vault.on("delete", (file) => this.removed(file.path)),
			vault.on("rename", (file, oldPath) => {
				this.removed(oldPath);
				this.removed(file.path);
			}),
			vault.on("create", () => this.literature.invalidate()),
			metadataCache.on("changed", (file) => this.propertiesChanged(file)),
		];
	}

	private load(path: string): ParsedBibliography | null {
		const normalized = normalizePath(path);
		const parsed = this.parsed.get(normalized);
		if (parsed) return parsed;
		if (!(this.app.vault.getAbstractFileByPath(normalized) instanceof TFile)) return null;
		this.read(normalized);
		return { format: formatOfPath(normalized) ?? "bibtex", entries: [], pending: true };
	}

	private read(path: string): void {
		if (this.reading.has(path)) {
			this.readAgain.add(path);
			return;
		}
		this.reads++;
		const done = this.app.vault.adapter
			.read(path)
			.then(
				(text) => parseBibliography(path, text.replace(/^\uFEFF/, ""), parseYaml),
				(error: unknown): ParsedBibliography => ({
					format: formatOfPath(path) ?? "bibtex",
					entries: [],
					error: { line: 1, message: `cannot be read (${error instanceof Error ? error.message : String(error)})` },
				}),
			)
			.then((parsed) => {
				this.reading.delete(path);
				this.parsed.set(path, parsed);
				if (this.readAgain.delete(path)) this.read(path);
				else this.onLoaded();
			});
		this.reading.set(path, done);
	}

	private modified(file: TAbstractFile): void {
		// Only a file the library has read (or is reading) matters; any other change costs nothing here.
		if (this.parsed.has(file.path) || this.reading.has(file.path)) this.read(file.path);
	}

	private removed(path: string): void {
		this.literature.invalidate();
		if (this.parsed.delete(path)) this.onLoaded();
	}

	private propertiesChanged(file: TFile): void {
		const property = this.current.literature.property;
		if (!property) return;
		const value: unknown = this.app.metadataCache.getFileCache(file)?.frontmatter?.[property];
		const indexed = this.indexedProperties.get(file.path);
		if (JSON.stringify(value) !== JSON.stringify(indexed)) this.literature.invalidate();
	}

	private makeIndex(): LiteratureIndex {
		this.indexedProperties = new Map();
		return new LiteratureIndex(literatureSettingsOf(this.options), {
			markdownPaths: () => this.app.vault.getMarkdownFiles().map((file) => file.path),
			property: (path, name) => {
				const file = this.app.vault.getFileByPath(path);
				const value: unknown = file ? this.app.metadataCache.getFileCache(file)?.frontmatter?.[name] : undefined;
				this.indexedProperties.set(path, value);
				return value;
			},
		});
	}

	private makeLibrary(): CitekeyLibrary {
		return makeCitekeyLibrary(this.options, (path) => this.load(path), this.literature);
	}
}
