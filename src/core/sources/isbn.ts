/**
 * An ISBN as written in a note's `isbn` property, as its ISBN-13: a book carries both forms (the ISBN-10 is
 * the ISBN-13 without its `978` prefix and with its own check digit), so `0-262-03384-4` and
 * `978-0-262-03384-8` are the same book.
 *
 *     ISBN 0-262-03384-4   →   "9780262033848"
 *     978 0 262 03384 8    →   "9780262033848"
 *     0-262-03384-5        →   null (the check digit is wrong: a typo, not an identifier)
 *
 * A wrong check digit makes the text no identifier at all: two notes sharing the same typo are not known to
 * be one book, and a typo in one of them must not join it to a different book.
 */

/** The ISBN-13 digits, or null when `written` is not a valid ISBN-10 or ISBN-13 (`978`/`979`, right check digit). */
export function normaliseIsbn(written: string): string | null {
	const compact = written
		.trim()
		.replace(/^isbn(?:-1[03])?:?\s*/i, "")
		.replace(/[\s\u2010-\u2015-]/g, "")
		.toUpperCase();
	if (/^97[89]\d{10}$/.test(compact)) return String(ean13CheckDigit(compact)) === compact[12] ? compact : null;
	if (!/^\d{9}[\dX]$/.test(compact) || !hasValidIsbn10CheckDigit(compact)) return null;
	const twelve = `978${compact.slice(0, 9)}`;
	return twelve + String(ean13CheckDigit(twelve));
}

/** ISBN-10: the sum of each digit times its weight (10 down to 1, `X` = 10) is a multiple of 11. */
function hasValidIsbn10CheckDigit(isbn10: string): boolean {
	let sum = 0;
	for (let i = 0; i < 10; i++) {
		const digit = isbn10[i] === "X" ? 10 : Number(isbn10[i]);
		if (digit === 10 && i !== 9) return false;
		sum += digit * (10 - i);
	}
	return sum % 11 === 0;
}

/** EAN-13: digits weighted 1, 3, 1, 3 …; the check digit brings the sum to a multiple of 10. */
function ean13CheckDigit(twelve: string): number {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
	return (10 - (sum % 10)) % 10;
}
