/**
 * A DOI as written in a note's `doi` (or `url`) property, reduced to the form two notes can compare.
 * DOIs are case-insensitive (the DOI Handbook, 2.4), and writers paste them in several dresses:
 *
 *     10.1234/ABC  ·  doi:10.1234/abc  ·  https://doi.org/10.1234/abc  ·  http://dx.doi.org/10.1234/abc
 *     ^ all → "10.1234/abc"
 */

/** `doi:` or a doi.org resolver address (any scheme, `dx.` and `www.` or not), before the DOI itself. */
const DOI_PREFIX = /^(?:doi:\s*|(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\/)/i;
/** `10.` + registrant code + `/` + suffix: what every DOI looks like. */
const DOI_SHAPE = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;

/** The DOI in lower case without prefix, or null when `written` is not a DOI. */
export function normaliseDoi(written: string): string | null {
	let doi = written.trim().replace(DOI_PREFIX, "");
	// In an address the DOI may be percent-encoded (`10.1234%2Fabc`); a stray `%` is left as written.
	if (doi.includes("%")) {
		try {
			doi = decodeURIComponent(doi);
		} catch {
			// not valid percent-encoding: compare it as written
		}
	}
	doi = doi.trim().toLowerCase();
	return DOI_SHAPE.test(doi) ? doi : null;
}

/** Whether a URL is a DOI's resolver address (`https://doi.org/10.…`): then it names that DOI. */
export function doiOfUrl(written: string): string | null {
	const trimmed = written.trim();
	if (!/^(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\//i.test(trimmed)) return null;
	return normaliseDoi(trimmed.replace(/[?#].*$/, ""));
}
