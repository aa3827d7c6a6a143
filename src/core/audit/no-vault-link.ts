/**
 * Footnotes that cite nothing in the vault: plain text, or only an external URL (the seed's `[^6]`).
 * Informational: a web source is a legitimate citation, but a writer who keeps source notes wants to know.
 */
import type { CitationDocument } from "../parse/citation-document";
import type { LineIndex } from "../text/line-index";
import type { Finding } from "../types";
import { ForwardSearch } from "../parse/forward-search";
import { makeFinding } from "./finding";

/** Where a URL found by {@link findBareUrl} ends: the first white space, `<`, `>`, `(` or `)`. */
const URL_BODY = /[^\s<>()]+/y;

export function findFootnotesWithoutVaultLinks(document: CitationDocument, lines: LineIndex): Finding[] {
	const findings: Finding[] = [];
	for (const definition of document.definitions) {
		// A malformed link is the writer's attempt at a vault link: that finding says it all.
		const cited = definition.links.map((index) => document.links[index]);
		if (cited.some((link) => !link.external)) continue;
		const url = cited[0]?.target ?? findBareUrl(document.text.slice(definition.contentFrom, definition.to));
		const range = definition.inline ? definition : definition.labelRange;
		const label = definition.inline ? "This inline footnote" : `[^${definition.label}]`;
		const message = url ? `${label} cites only an external URL, no note in the vault` : `${label} cites no note in the vault`;
		const details = definition.inline ? {} : { labels: [definition.label] };
		findings.push(makeFinding("no-vault-link", range, lines, message, url ? { ...details, target: url } : details));
	}
	return findings;
}

/**
 * The first bare or angle-bracketed URL in `text` (`https://…`, `<https://…>`, `www.…`): the leftmost match of
 * `/(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s<>()]+/`, found in linear time. That regular expression restarts
 * its scheme scan at every letter of a word, so a definition holding one long word took quadratic time
 * (40,000 letters: seconds). Here each run of scheme characters is read once: a match in it starts at its
 * first letter when the run is followed by `://` and more, otherwise at its first `www.` with something after.
 */
export function findBareUrl(text: string): string | undefined {
	const www = new ForwardSearch(text, "www.");
	for (let at = 0; at < text.length; ) {
		if (!isSchemeCharacter(text.charCodeAt(at))) {
			at++;
			continue;
		}
		const runStart = at;
		let firstLetter = -1;
		for (; at < text.length && isSchemeCharacter(text.charCodeAt(at)); at++) {
			if (firstLetter === -1 && isLetter(text.charCodeAt(at))) firstLetter = at;
		}
		let start = -1;
		if (firstLetter !== -1 && text.startsWith("://", at) && continuesUrl(text, at + 3)) start = firstLetter;
		else {
			const found = www.next(runStart);
			// `www.` lies inside the run (all four are scheme characters); only at its very end does it need more.
			if (found !== -1 && found + 4 <= at && (found + 4 < at || continuesUrl(text, at))) start = found;
		}
		if (start !== -1) {
			URL_BODY.lastIndex = start;
			URL_BODY.test(text);
			return text.slice(start, URL_BODY.lastIndex);
		}
	}
	return undefined;
}

/** `[A-Za-z0-9+.-]` */
function isSchemeCharacter(code: number): boolean {
	return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2e || code === 0x2d;
}

function isLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Whether a URL body character (not white space, `<`, `>`, `(` or `)`) stands at `at`. */
function continuesUrl(text: string, at: number): boolean {
	URL_BODY.lastIndex = at;
	return at < text.length && URL_BODY.test(text);
}
