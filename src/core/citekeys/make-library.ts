/**
 * A CitekeyLibrary from its parts: the options, a way to load one bibliography (each adapter caches its own
 * way: modification time in the command line, vault events in the plugin) and the literature-note index.
 */
import type { ParsedBibliography } from "../bibliography/bibliography";
import type { CitekeyLibrary } from "./citekey-library";
import type { CitekeyLibraryOptions } from "./library-options";
import type { LiteratureIndex } from "./literature-index";

export function makeCitekeyLibrary(
	options: CitekeyLibraryOptions,
	loadBibliography: (path: string) => ParsedBibliography | null,
	literature: LiteratureIndex,
): CitekeyLibrary {
	return {
		loadBibliography,
		bibliographies: options.bibliographies,
		literature: literature.settings,
		literatureNote: (key) => literature.note(key),
		literatureKeys: () => literature.keys(),
	};
}
