/**
 * Which fixes a finding's row offers, in the order a menu shows them. One place decides it, so the panel,
 * the command palette and any other front end agree.
 */
import type { NoteAudit } from "../audit/audit-note";
import type { Finding, LinkResolver } from "../types";
import { addDefinition } from "./add-definition";
import { applyCitekeySuggestion } from "./apply-citekey-suggestion";
import { applySuggestion } from "./apply-suggestion";
import type { CitationFix } from "./citation-fix";
import { closeMalformedLink } from "./close-malformed-link";
import { mergeDuplicateSources } from "./merge-duplicate-sources";
import { removeUnusedDefinition } from "./remove-unused";
import { withRoleGuardDeferred } from "./role-guard";

/**
 * The fixes for one finding: merges for `duplicate-source`, removal for `unused-definition`, closing for
 * `malformed-link`, one change per suggestion for `unresolved-target`/`unresolved-link`, a new definition for
 * `undefined-reference`, one key change per did-you-mean key for `unknown-citekey`. Empty for the other kinds and when no fix is safe. (Creating a missing note is not
 * a text edit: the plugin offers it itself.)
 */
export function fixesForFinding(audit: NoteAudit, finding: Finding, resolver: Pick<LinkResolver, "resolve"> & Partial<Pick<LinkResolver, "hasSubpath">>): CitationFix[] {
	const fixes: (CitationFix | null)[] = [];
	const label = finding.labels?.[0];
	switch (finding.kind) {
		case "duplicate-source":
			return mergeDuplicateSources(audit, finding);
		case "unused-definition":
			if (label !== undefined) fixes.push(removeUnusedDefinition(audit, label));
			break;
		case "malformed-link":
			fixes.push(closeMalformedLink(audit, finding, resolver));
			break;
		case "unresolved-target":
		case "unresolved-link":
			for (const path of finding.suggestions ?? []) fixes.push(applySuggestion(audit, finding, path, resolver));
			break;
		case "unknown-citekey":
			for (const key of finding.suggestions ?? []) fixes.push(applyCitekeySuggestion(audit, finding, key));
			break;
		case "undefined-reference":
			if (label !== undefined) fixes.push(addDefinition(audit, label));
			break;
		default:
			break;
	}
	return fixes.filter((fix): fix is CitationFix => fix !== null);
}

/**
 * The fixes fixesForFinding would offer, before the role check (see withRoleGuardDeferred): for listing
 * titles only. Apply only a fix that fixesForFinding returns.
 */
export function candidateFixesForFinding(audit: NoteAudit, finding: Finding, resolver: Pick<LinkResolver, "resolve"> & Partial<Pick<LinkResolver, "hasSubpath">>): CitationFix[] {
	return withRoleGuardDeferred(() => fixesForFinding(audit, finding, resolver));
}
