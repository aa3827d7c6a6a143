/**
 * The Pandoc citation-key part of a note's audit (core/citekeys/ does the work): occurrences, the sources read,
 * and their findings. Without a library the note's own frontmatter is all the audit can see: when it names a
 * bibliography, nothing can be checked; when nothing is configured at all, one `no-bibliography` finding.
 */
import type { CitationDocument } from "../parse/citation-document";
import type { CitekeyLibrary } from "../citekeys/citekey-library";
import { checkCitekeys, readCitekeySources, type CitekeySources } from "../citekeys/citekey-checks";
import { scanCitekeys, type CitekeyOccurrence } from "../citekeys/scan-citekeys";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";

export interface CitekeyAudit {
	occurrences: CitekeyOccurrence[];
	sources: CitekeySources;
	findings: Finding[];
}

export function auditCitekeys(document: CitationDocument, path: string, lines: LineIndex, library: CitekeyLibrary | undefined): CitekeyAudit {
	const occurrences = scanCitekeys(document, lines);
	const sources = readCitekeySources(document.text, path, lines, library, occurrences[0] ?? null);
	const findings = [...sources.findings];
	if (library || !sources.configured) findings.push(...checkCitekeys(occurrences, sources, lines, library));
	return { occurrences, sources, findings };
}
