/**
 * Quick fixes: each a pure function from a NoteAudit (and what it names) to a CitationFix — a title and
 * sorted, non-overlapping edits against `audit.document.text` — or null when it does not apply or is not
 * safe. They change footnote and link syntax only; every other character of the note stays, in order.
 * Apply the edits in one transaction, and only while `isAuditCurrent(audit, text)` holds.
 */
export { addDefinition } from "./add-definition";
export { applyCitekeySuggestion } from "./apply-citekey-suggestion";
export { applySuggestion, shortestLinktext } from "./apply-suggestion";
export { isAuditCurrent, type CitationFix } from "./citation-fix";
export { closeMalformedLink, type ClosingResolver } from "./close-malformed-link";
export { applyEdits, editBetween, EditConflictError, sortEdits, type TextEdit } from "./edits";
export { fixAllSafe, mergeAllDuplicateSources, type SafeFixSelection } from "./fix-all";
export { fixAllToFixpoint, type FixpointResult } from "./fix-to-fixpoint";
export { candidateFixesForFinding, fixesForFinding } from "./fixes-for-finding";
export { mergeDuplicateSources } from "./merge-duplicate-sources";
export { removeUnusedDefinition, removeUnusedDefinitions } from "./remove-unused";
export { planRenumber, renumberFootnotes } from "./renumber";
export { keepsRoles } from "./role-guard";
