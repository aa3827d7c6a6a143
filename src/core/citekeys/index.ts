export { scanCitekeys, type CitekeyOccurrence } from "./scan-citekeys";
export { matchKeyAfterAt, isSimpleKey, writeKey } from "./citekey";
export { readFrontmatterBibliography, type BibliographyReference, type FrontmatterBibliography } from "./frontmatter-bibliography";
export { checkCitekeys, readCitekeySources, type CitekeySources, type KeyedEntry } from "./citekey-checks";
export { suggestCitekeys } from "./suggest-citekeys";
export { bibliographyCandidates } from "./bibliography-paths";
export {
	DEFAULT_LITERATURE_TEMPLATE,
	hasLiteratureSource,
	isLibraryConfigured,
	keyFromLiteratureFileName,
	literatureFileName,
	literatureNotePath,
	type CitekeyLibrary,
	type LiteratureSettings,
} from "./citekey-library";
export { literatureNoteText, planLiteratureNote, type LiteratureNotePlan, type YamlStringifier } from "./literature-note";
export { literatureSettingsOf, templateProblem, NO_CITEKEY_SOURCES, type CitekeyLibraryOptions } from "./library-options";
export { LiteratureIndex, type LiteratureSource } from "./literature-index";
export { makeCitekeyLibrary } from "./make-library";
