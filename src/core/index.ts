/** The engine's public surface: what the plugin and the command line may use. */
export { auditDocument, auditNote, hasFootnotes, takesPartInVaultAudit, mayTakePartInVaultAudit, type NoteAudit } from "./audit/audit-note";
export type { LinkOutcome } from "./audit/resolve-links";
export { parseCitations } from "./parse/parse-citations";
export type { CitationDocument, FootnoteDefinition, FootnoteReference, ParsedLink, TextRange } from "./parse/citation-document";
export { buildLineIndex, type LineIndex } from "./text/line-index";
export * from "./types";
export { createVaultResolver } from "./vault/vault-resolver";
export { extractOutline, outlineHasSubpath, type NoteOutline } from "./vault/outline";
export { createPathResolver } from "./vault/resolve-linkpath";
export { createSuggester } from "./suggest/index";
export * from "./citekeys/index";
export { BibliographyCache, parseBibliography } from "./bibliography/load-bibliography";
export { formatOfPath, sameWork, type BibEntry, type BibliographyError, type BibliographyFormat, type ParsedBibliography, type YamlParser } from "./bibliography/bibliography";
