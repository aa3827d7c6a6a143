/**
 * A DOI as written in a note's `doi` (or `url`) property, reduced to the form two notes can compare.
 * DOIs are case-insensitive (the DOI Handbook, 2.4), and writers paste them in several dresses:
 *
 *     10.1234/ABC  ·  doi:10.1234/abc  ·  https://doi.org/10.1234/abc  ·  http://dx.doi.org/10.1234/abc
 *     ^ all → "10.1234/abc"
 */

/** `doi:` before the DOI itself. */
const DOI_SCHEME = /^doi:\s*/i;
/** A doi.org resolver address (any scheme, `dx.` and `www.` or not) before the DOI itself. */
const DOI_RESOLVER = /^(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\//i;
/** `10.` + registrant code + `/` + suffix: what every DOI looks like. */
const DOI_SHAPE = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;

/** The DOI in lower case without prefix, or null when `written` is not a DOI. */
export function normaliseDoi(written: string): string | null {
	let doi = written.trim();
	if (DOI_RESOLVER.test(doi)) {
		// In an address `?` and `#` start the query and the fragment (a DOI holding them is percent-encoded
		// there), so `https://doi.org/10.1234/abc?utm_source=feed` names 10.1234/abc.
		doi = doi.replace(DOI_RESOLVER, "").replace(/[?#].*$/, "");
	} else {
		doi = doi.replace(DOI_SCHEME, "");
	}
	// The DOI may be percent-encoded (`10.1234%2Fabc`, as in an address); a stray `%` is left as written.
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
	return DOI_RESOLVER.test(trimmed) ? normaliseDoi(trimmed) : null;
}
