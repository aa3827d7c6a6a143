/**
 * Footnotes that cite nothing in the vault: plain text, or only an external URL (the seed's `[^6]`).
 * Informational: a web source is a legitimate citation, but a writer who keeps source notes wants to know.
 */
import type { CitationDocument } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { makeFinding } from "./finding";

/** A bare or angle-bracketed URL in the definition's text: `https://…`, `<https://…>`, `www.…`. */
const BARE_URL = /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s<>()]+/;

export function findFootnotesWithoutVaultLinks(document: CitationDocument, lines: LineIndex): Finding[] {
	const findings: Finding[] = [];
	for (const definition of document.definitions) {
		// A malformed link is the writer's attempt at a vault link: that finding says it all.
		const cited = definition.links.map((index) => document.links[index]);
		if (cited.some((link) => !link.external)) continue;
		const url = cited[0]?.target ?? document.text.slice(definition.contentFrom, definition.to).match(BARE_URL)?.[0];
		const range = definition.inline ? definition : definition.labelRange;
		const label = definition.inline ? "This inline footnote" : `[^${definition.label}]`;
		const message = url ? `${label} cites only an external URL, no note in the vault` : `${label} cites no note in the vault`;
		const details = definition.inline ? {} : { labels: [definition.label] };
		findings.push(makeFinding("no-vault-link", range, lines, message, url ? { ...details, target: url } : details));
	}
	return findings;
}
