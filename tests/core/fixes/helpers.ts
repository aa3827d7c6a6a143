/** Shared by the fix tests: audit a text against a small vault, apply a fix, write notes line by line. */
import { auditNote, type NoteAudit } from "../../../src/core/audit/audit-note";
import { applyEdits } from "../../../src/core/fixes/edits";
import type { CitationFix } from "../../../src/core/fixes/citation-fix";
import type { LinkResolver } from "../../../src/core/types";
import { createVaultResolver } from "../../../src/core/vault/vault-resolver";

/** The vault the examples cite from. */
export const VAULT_PATHS = [
	"Sources/Same Source.md",
	"Sources/Other Source.md",
	"Sources/Third Source.md",
	"Sources/What Search Engines Should Fear.md",
	"Sources/Heading Note.md",
	"Archive/Twin.md",
	"Inbox/Twin.md",
	"attachments/paper.pdf",
];

export function resolverFor(paths: readonly string[] = VAULT_PATHS, notes: Record<string, string> = {}): LinkResolver {
	return createVaultResolver({ paths, readNote: (path) => notes[path] ?? "# Search\n" });
}

export function audit(text: string, paths: readonly string[] = VAULT_PATHS, path = "Essay.md"): NoteAudit {
	return auditNote(text, path, resolverFor(paths));
}

/** The note's text after the fix; throws when there is no fix, so a test reads as before → after. */
export function applied(text: string, fix: CitationFix | null | undefined): string {
	if (!fix) throw new Error("expected a fix, got none");
	return applyEdits(text, fix.edits);
}

/** A note written one line per argument, `\n` between them. */
export function note(...lines: string[]): string {
	return lines.join("\n");
}

export function kindsOf(audit: NoteAudit): string[] {
	return audit.findings.map((finding) => finding.kind);
}
