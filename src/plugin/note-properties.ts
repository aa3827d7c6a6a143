/**
 * The engine's {@link NoteProperties} over the running app: a note's properties are
 * `metadataCache.getFileCache(file).frontmatter`, never the file (Obsidian has parsed it already).
 *
 * Obsidian does not say why a frontmatter failed to parse. What its cache shows then (seen in caches logged
 * by users of public plugins, e.g. obsidian-textgenerator-plugin#8, and what the test double does): the
 * note's first section is of type `yaml`, but the cache has no `frontmatter`. An empty frontmatter
 * (`---⏎---`) also has no `frontmatter`, so only a `yaml` section with lines between its fences counts as
 * one that does not parse. (A frontmatter holding only blank lines or YAML comments looks the same and
 * would be reported too; the command line, which reads the text, does not report it.)
 */
import { TFile, type App } from "obsidian";
import type { NoteProperties } from "../core/vault/note-properties";

export class ObsidianNoteProperties implements NoteProperties {
	constructor(private readonly app: App) {}

	properties(path: string): Readonly<Record<string, unknown>> | null {
		const cache = this.cacheOf(path);
		const frontmatter: unknown = cache?.frontmatter;
		return frontmatter !== null && typeof frontmatter === "object" && !Array.isArray(frontmatter) ? (frontmatter as Record<string, unknown>) : null;
	}

	/** "" (no reason known) when the cache shows a frontmatter it could not read; null otherwise. */
	frontmatterError(path: string): string | null {
		const cache = this.cacheOf(path);
		if (!cache || cache.frontmatter) return null;
		const first = cache.sections?.[0];
		if (first?.type !== "yaml" || first.position.start.line !== 0) return null;
		return first.position.end.line - first.position.start.line > 1 ? "" : null;
	}

	private cacheOf(path: string) {
		const file = this.app.vault.getFileByPath(path);
		if (!(file instanceof TFile) || file.extension !== "md") return null;
		return this.app.metadataCache.getFileCache(file);
	}
}
