/**
 * One test per normalisation of a work's identifiers: DOI, URL, ISBN. Expected values are written by hand
 * (the ISBN check digits were worked out on paper, see the comments), never computed by the code under test.
 */
import { describe, expect, it } from "vitest";
import { doiOfUrl, normaliseDoi } from "../../../src/core/sources/doi";
import { normaliseIsbn } from "../../../src/core/sources/isbn";
import { normaliseUrl } from "../../../src/core/sources/url";

describe("DOI", () => {
	it.each([
		["10.1234/abc", "10.1234/abc"],
		["10.1234/ABC", "10.1234/abc"],
		["  10.1234/AbC  ", "10.1234/abc"],
		["doi:10.1234/abc", "10.1234/abc"],
		["DOI: 10.1234/abc", "10.1234/abc"],
		["https://doi.org/10.1234/ABC", "10.1234/abc"],
		["http://doi.org/10.1234/abc", "10.1234/abc"],
		["http://dx.doi.org/10.1234/abc", "10.1234/abc"],
		["https://www.doi.org/10.1234/abc", "10.1234/abc"],
		["doi.org/10.1234/abc", "10.1234/abc"],
		["HTTPS://DOI.ORG/10.1234/abc", "10.1234/abc"],
		["10.1000.10/xyz", "10.1000.10/xyz"],
	])("%s is %s", (written, doi) => {
		expect(normaliseDoi(written)).toBe(doi);
	});

	it("decodes percent-encoding, as a DOI in an address is written", () => {
		expect(normaliseDoi("https://doi.org/10.1234%2Fabc%28d%29")).toBe("10.1234/abc(d)");
		expect(normaliseDoi("10.1234/abc%3Cx%3E")).toBe("10.1234/abc<x>");
	});

	it("leaves a stray % as written", () => {
		expect(normaliseDoi("10.1234/50%off")).toBe("10.1234/50%off");
	});

	it("drops the query and fragment of a resolver address, not of a bare DOI", () => {
		expect(normaliseDoi("https://doi.org/10.1234/abc?utm_source=feed#top")).toBe("10.1234/abc");
		expect(normaliseDoi("10.1234/abc#1")).toBe("10.1234/abc#1");
	});

	it.each(["", "abc", "10.12/abc", "10.1234", "10.1234/", "https://example.org/10.1234/abc", "doi:", "11.1234/abc", "10.1234/a b"])(
		"%j is not a DOI",
		(written) => {
			expect(normaliseDoi(written)).toBeNull();
		},
	);

	it("reads a DOI from a resolver address in a url property, and nothing from another address", () => {
		expect(doiOfUrl("https://doi.org/10.1234/ABC")).toBe("10.1234/abc");
		expect(doiOfUrl("http://dx.doi.org/10.1234/abc?x=1")).toBe("10.1234/abc");
		expect(doiOfUrl("https://example.org/10.1234/abc")).toBeNull();
		expect(doiOfUrl("10.1234/abc")).toBeNull();
	});
});

describe("URL", () => {
	it.each([
		["https://example.org/a", "example.org/a"],
		["http://example.org/a", "example.org/a"],
		["example.org/a", "example.org/a"],
		["https://www.example.org/a", "example.org/a"],
		["https://www2.example.org/a", "example.org/a"],
		["https://Example.ORG/a", "example.org/a"],
		["https://example.org/a/", "example.org/a"],
		["https://example.org/", "example.org"],
		["https://example.org", "example.org"],
		["https://example.org:443/a", "example.org/a"],
		["https://user@example.org/a", "example.org/a"],
		["https://example.org/a#section-2", "example.org/a"],
		["https://example.org/a/#", "example.org/a"],
	])("%s is %s", (written, url) => {
		expect(normaliseUrl(written)).toBe(url);
	});

	it("keeps the path's case", () => {
		expect(normaliseUrl("https://example.org/Papers/A")).toBe("example.org/Papers/A");
		expect(normaliseUrl("https://example.org/papers/a")).not.toBe(normaliseUrl("https://example.org/Papers/A"));
	});

	it("drops utm_* in any case, and the click identifiers", () => {
		expect(normaliseUrl("https://example.org/a?utm_source=feed&utm_medium=rss&UTM_Campaign=x")).toBe("example.org/a");
		for (const name of ["fbclid", "gclid", "msclkid", "mc_cid", "igshid", "yclid"]) {
			expect(normaliseUrl(`https://example.org/a?${name}=XYZ`)).toBe("example.org/a");
		}
	});

	it("keeps meaningful parameters, in name order, their values as written", () => {
		expect(normaliseUrl("https://example.org/view?id=7&utm_source=feed")).toBe("example.org/view?id=7");
		expect(normaliseUrl("https://example.org/view?page=2&id=7")).toBe("example.org/view?id=7&page=2");
		expect(normaliseUrl("https://example.org/view?tag=b&tag=a")).toBe("example.org/view?tag=b&tag=a");
		expect(normaliseUrl("https://example.org/view?ref=home")).toBe("example.org/view?ref=home");
		expect(normaliseUrl("https://example.org/view?id=7")).not.toBe(normaliseUrl("https://example.org/view?id=8"));
	});

	it("keeps a single-page site's route fragment", () => {
		expect(normaliseUrl("https://example.org/#/article/5")).toBe("example.org#/article/5");
		expect(normaliseUrl("https://example.org/#!/article/5")).toBe("example.org#!/article/5");
		expect(normaliseUrl("https://example.org/#/article/5")).not.toBe(normaliseUrl("https://example.org/#/article/6"));
	});

	it.each(["", "not a url", "mailto:someone@example.org", "zotero://select/items/ABC", "readme", "https://intranet/page"])("%j is not a web address", (written) => {
		expect(normaliseUrl(written)).toBeNull();
	});
});

describe("ISBN", () => {
	// 0-262-03384-4: 0·10+2·9+6·8+2·7+0·6+3·5+3·4+8·3+4·2+4·1 = 143 = 13·11 ✓.
	// 978026203384?: 9+21+8+0+2+18+2+0+3+9+8+12 = 92, check digit 8 → 9780262033848.
	it.each([
		["0262033844", "9780262033848"],
		["0-262-03384-4", "9780262033848"],
		["0 262 03384 4", "9780262033848"],
		["ISBN 0-262-03384-4", "9780262033848"],
		["ISBN-10: 0-262-03384-4", "9780262033848"],
		["9780262033848", "9780262033848"],
		["978-0-262-03384-8", "9780262033848"],
		["978 0 262 03384 8", "9780262033848"],
		["ISBN-13: 978–0–262–03384–8", "9780262033848"],
	])("%s is %s", (written, isbn) => {
		expect(normaliseIsbn(written)).toBe(isbn);
	});

	// 0-8044-2957-X: 0+72+0+28+12+10+36+15+14+10 = 198 = 18·11 ✓ (X = 10).
	// 978080442957?: 9+21+8+0+8+0+4+12+2+27+5+21 = 117, check digit 3 → 9780804429573.
	it("reads an X check digit, in either case", () => {
		expect(normaliseIsbn("0-8044-2957-X")).toBe("9780804429573");
		expect(normaliseIsbn("080442957x")).toBe("9780804429573");
	});

	it("keeps a 979 ISBN-13 (it has no ISBN-10)", () => {
		// 979-10-90636-07-?: 9+21+9+3+0+27+0+18+3+18+0+21 = 129, check digit 1.
		expect(normaliseIsbn("979-10-90636-07-1")).toBe("9791090636071");
	});

	it.each([
		["0-262-03384-5", "wrong ISBN-10 check digit"],
		["978-0-262-03384-9", "wrong ISBN-13 check digit"],
		["X262033844", "X before the last place"],
		["026203384", "nine digits"],
		["97802620338481", "fourteen digits"],
		["1234567890123", "thirteen digits not starting 978 or 979"],
		["", "nothing"],
	])("%s is not an ISBN (%s)", (written) => {
		expect(normaliseIsbn(written)).toBeNull();
	});
});
