/**
 * Which work a source note describes, read from its properties. Each identifier is normalised so that two
 * notes written by different tools compare equal (see doi.ts, url.ts, isbn.ts):
 *
 *     doi: https://doi.org/10.1234/ABC      →  { kind: "doi", value: "10.1234/abc" }
 *     url: https://www.example.org/a/       →  { kind: "url", value: "example.org/a" }
 *     isbn: 0-262-03384-4                   →  { kind: "isbn", value: "9780262033848" }
 *     citekey: yuanInhibiting2015           →  { kind: "citekey", value: "yuanInhibiting2015" }  (exact, `@` dropped)
 *
 * A property may hold one value or a list. Property names match case-insensitively (`DOI:`, `URL:`).
 */
import { propertyValue } from "../vault/note-properties";
import { doiOfUrl, normaliseDoi } from "./doi";
import { normaliseIsbn } from "./isbn";
import { normaliseUrl } from "./url";

export interface WorkIdentifier {
	/** `doi`, `url`, `isbn`, `citekey`, or a property named in the settings (lower case). */
	kind: string;
	/** Normalised: equal values name the same work. */
	value: string;
}

/** The citekey's property names (Zotero and Citations plugins write `citekey`, Better BibTeX `citationKey`). */
export const CITEKEY_PROPERTIES: readonly string[] = ["citekey", "citationKey"];

const BUILT_IN: ReadonlySet<string> = new Set(["doi", "url", "isbn", ...CITEKEY_PROPERTIES.map((name) => name.toLowerCase())]);

/** Every identifier a note's properties carry; `extraProperties` are compared exactly (trimmed). */
export function workIdentifiers(properties: Readonly<Record<string, unknown>>, extraProperties: readonly string[] = []): WorkIdentifier[] {
	const found: WorkIdentifier[] = [];
	const add = (kind: string, value: string | null): void => {
		if (value !== null && value !== "" && !found.some((known) => known.kind === kind && known.value === value)) found.push({ kind, value });
	};
	for (const written of valuesOf(propertyValue(properties, "doi"))) add("doi", normaliseDoi(written));
	for (const written of valuesOf(propertyValue(properties, "url"))) {
		// `url: https://doi.org/10.1234/abc` names a DOI as surely as `doi:` does.
		add("doi", doiOfUrl(written));
		add("url", normaliseUrl(written));
	}
	for (const written of valuesOf(propertyValue(properties, "isbn"), 10)) add("isbn", normaliseIsbn(written));
	for (const name of CITEKEY_PROPERTIES) {
		for (const written of valuesOf(propertyValue(properties, name))) add("citekey", written.trim().replace(/^@/, ""));
	}
	for (const name of extraProperties) {
		const kind = name.trim().toLowerCase();
		// The built-in names are read above, normalised; a setting repeating one adds nothing.
		if (kind === "" || BUILT_IN.has(kind)) continue;
		for (const written of valuesOf(propertyValue(properties, name.trim()))) add(kind, written.trim());
	}
	return found;
}

/** How an identifier kind reads in a message: "same DOI 10.1234/abc". */
export function identifierName(kind: string): string {
	switch (kind) {
		case "doi":
		case "url":
		case "isbn":
			return kind.toUpperCase();
		default:
			return kind;
	}
}

/**
 * A property's values as text: a string or number, or the strings and numbers of a list. `digits`: a number
 * is written with at least that many digits, leading zeros restored — YAML reads `isbn: 0262033844` as the
 * number 262033844.
 */
function valuesOf(value: unknown, digits = 0): string[] {
	if (typeof value === "string") return [value];
	if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return [String(value).padStart(digits, "0")];
	if (typeof value === "number" && Number.isFinite(value)) return [String(value)];
	if (Array.isArray(value)) return value.flatMap((item: unknown) => (typeof item === "string" || typeof item === "number" ? valuesOf(item, digits) : []));
	return [];
}
