/**
 * Which notes are literature notes, and for which key: by file name (a folder and a template such as
 * `@{{citekey}}`) and/or by a frontmatter property (`citekey: smith2020`). Pure: the adapter lists the vault's
 * markdown notes and reads a property; the command line reads frontmatter from disk, the plugin asks the
 * metadata cache, so both find the same notes. Built on first use and again only after `invalidate()`.
 */
import { keyFromLiteratureFileName, type LiteratureSettings } from "./citekey-library";

export interface LiteratureSource {
	/** Vault-relative paths of the markdown notes, in any order. */
	markdownPaths(): Iterable<string>;
	/** The value of frontmatter property `name` in the note at `path` (undefined when absent). */
	property(path: string, name: string): unknown;
}

export class LiteratureIndex {
	private byKey: Map<string, string> | null = null;

	constructor(
		readonly settings: LiteratureSettings,
		private readonly source: LiteratureSource,
	) {}

	/** The notes changed (created, renamed, deleted, properties edited): the next lookup lists them again. */
	invalidate(): void {
		this.byKey = null;
	}

	/** The literature note of `key`, or null. */
	note(key: string): string | null {
		return this.index().get(key) ?? null;
	}

	keys(): Iterable<string> {
		return this.index().keys();
	}

	private index(): Map<string, string> {
		if (this.byKey) return this.byKey;
		const byKey = new Map<string, string>();
		const { folder, template, property } = this.settings;
		if (folder === undefined && !property) return (this.byKey = byKey);
		const prefix = folder ? `${folder.toLowerCase()}/` : "";
		// Sorted, so that when two notes claim one key the same one wins in the command line and the plugin.
		// The template names notes in the folder (and below it); the property counts wherever the note is.
		const paths = [...this.source.markdownPaths()].sort();
		for (const path of paths) {
			if (folder !== undefined && path.toLowerCase().startsWith(prefix)) {
				const base = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
				const key = keyFromLiteratureFileName(template, base);
				if (key !== null && !byKey.has(key)) byKey.set(key, path);
			}
			if (property) {
				for (const key of propertyKeys(this.source.property(path, property))) if (!byKey.has(key)) byKey.set(key, path);
			}
		}
		return (this.byKey = byKey);
	}
}

/** `citekey: smith2020`, `citekey: "@smith2020"` or a list of keys; anything else holds no key. */
function propertyKeys(value: unknown): string[] {
	const values = Array.isArray(value) ? value : [value];
	return values
		.filter((item): item is string | number => typeof item === "string" || typeof item === "number")
		.map((item) => String(item).trim().replace(/^@/, ""))
		.filter((key) => key !== "");
}
