/**
 * A {@link LinkResolver} over a snapshot of a vault: a list of paths and a way to read a note. The command
 * line builds one from the file system; tests build one from an object literal. Notes are read only when a
 * link's subpath needs checking, and each note's outline is extracted once.
 */

import type { LinkResolution, LinkResolver } from "../types";
import { extractOutline, outlineHasSubpath, type NoteOutline } from "./outline";
import { detached, detachStrings } from "../text/detached";
import { createPathResolver } from "./resolve-linkpath";
import { createSuggester } from "../suggest/index";
import type { NoteProperties } from "./note-properties";

export interface VaultResolverOptions {
	/** Vault-relative file paths, forward slashes, with extensions. */
	paths: readonly string[];
	/** The text of the note at a vault path, or null when it cannot be read. */
	readNote: (path: string) => string | null;
	/**
	 * The outline of the note at a vault path (null when it cannot be read), from a reader that keeps outlines
	 * itself; without it, notes are read with `readNote` and their outlines kept here.
	 */
	outlineOf?: (path: string) => NoteOutline | null;
	/** Notes' properties, so `aliases`, `title`, `author` and `year` can name a suggestion; none when absent. */
	properties?: NoteProperties;
	/**
	 * Suggestions asked for before the name index is built: answered by scanning the names (same answers,
	 * see suggester.ts). For a run that audits a few named notes; a whole-vault audit asks thousands and
	 * indexes from the start (the scan's garbage raised its peak memory by about 0.2 GB at 100,000 notes).
	 */
	scanLookups?: number;
}

/** A note's outline, kept for a run: its headings must not hold the note's text (see detached.ts). */
export function outlineOfText(text: string | null): NoteOutline | null {
	return text === null ? null : detachStrings(extractOutline(text));
}

function isMarkdownPath(path: string): boolean {
	return path.toLowerCase().endsWith(".md");
}

export function createVaultResolver(options: VaultResolverOptions): LinkResolver {
	const paths = [...options.paths];
	const pathResolver = createPathResolver(paths);
	const properties = options.properties;
	const suggester = createSuggester(paths, properties ? { properties: (path) => properties.properties(path) } : { scanLookups: options.scanLookups ?? 0 });
	/** Outline per path; null records a note that could not be read, so it is not read again. */
	const outlines = new Map<string, NoteOutline | null>();

	function readOutline(path: string): NoteOutline | null {
		if (outlines.has(path)) return outlines.get(path) ?? null;
		const outline = outlineOfText(options.readNote(path));
		outlines.set(path, outline);
		return outline;
	}
	const outlineOf = options.outlineOf ?? readOutline;

	// The vault is a fixed snapshot, so suggestions never change: remember them; the same missing note recurs
	// across a vault's essays. Resolutions are not remembered: a lookup in the path index costs less than a
	// cache keyed by folder and link path did (a 100,000-note vault held 231,000 entries; measured, issue 15).
	const suggestions = new Map<string, string[]>();

	return {
		resolve(linkpath: string, sourcePath: string): LinkResolution {
			return pathResolver.resolve(linkpath, sourcePath);
		},
		hasSubpath(targetPath: string, subpath: string): boolean | null {
			// Only notes have headings and block ids; a PDF's `#page=3` is not ours to judge.
			if (!isMarkdownPath(targetPath)) return null;
			const outline = outlineOf(targetPath);
			return outline === null ? null : outlineHasSubpath(outline, subpath);
		},
		prepare(shouldPause: () => boolean): boolean {
			return suggester.prepare(shouldPause);
		},
		suggest(linkpath: string, sourcePath: string, limit: number): string[] {
			// Remembered per link path, one more than asked: the note holding the link is dropped afterwards.
			const key = `${limit}\u0000${linkpath}`;
			let found = suggestions.get(key);
			if (!found) {
				found = suggester.suggest(linkpath, limit + 1);
				// A key cut from the essay would keep its text for the run (see detached.ts).
				suggestions.set(detached(key), found);
			}
			return found.filter((path) => path !== sourcePath).slice(0, limit);
		},
	};
}
