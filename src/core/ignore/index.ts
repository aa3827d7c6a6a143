export { applyIgnoreMarkers, type IgnoreOutcome } from "./apply-ignores";
export { readNoteIgnores, FRONTMATTER_KEY, type NoteIgnoreEntry } from "./frontmatter-ignore";
export { findLineMarkers, readLineDirective, LINE_DIRECTIVE, type LineMarker } from "./line-markers";
export { ignoreFinding } from "./ignore-finding";
