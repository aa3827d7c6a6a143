/**
 * Completeness of a source note: the properties it should have, written as the writer types them in the
 * setting or on the command line. Commas separate requirements, `|` joins alternatives:
 *
 *     author,year|date,url|doi    →    [["author"], ["year", "date"], ["url", "doi"]]
 *            ^ either year or date will do
 *
 * A property is there when its value is not empty: `author:` with nothing after it, `""` and `[]` do not count.
 */
import { propertyValue } from "../vault/note-properties";

export type PropertyRequirement = readonly string[];

/**
 * The requirements a text lists; names are trimmed and empty ones dropped (`"author, ,year"` is two
 * requirements). A list (the configuration file may give one) is read entry by entry, each like one
 * comma-separated part.
 */
export function parseRequiredProperties(written: string | readonly string[]): PropertyRequirement[] {
	const parts = typeof written === "string" ? written.split(",") : written.flatMap((entry) => entry.split(","));
	const requirements: PropertyRequirement[] = [];
	for (const part of parts) {
		const alternatives = part.split("|").map((name) => name.trim()).filter((name) => name !== "");
		if (alternatives.length > 0) requirements.push(alternatives);
	}
	return requirements;
}

/**
 * Why a written list is not one, or null when it is: an empty entry (`author,,year`, `author,`, `year|`)
 * is a slip the command line reports rather than guesses at. The plugin's setting, typed live, reads the
 * same text leniently with {@link parseRequiredProperties}.
 *
 *     propertyListError("author,,year", "--require-properties", true)
 *     → '--require-properties has an empty entry (entry 2 of "author,,year"): write …'
 */
export function propertyListError(written: string, option: string, alternatives: boolean): string | null {
	const example = alternatives ? `"author,year|date,url|doi"` : `"pmid,arxiv"`;
	const how = alternatives ? "property names separated by commas, alternatives joined by |" : "property names separated by commas";
	if (written.trim() === "") return `${option} takes ${how}, such as ${example} (got nothing)`;
	const entries = written.split(",");
	for (const [index, entry] of entries.entries()) {
		const names = alternatives ? entry.split("|") : [entry];
		if (!names.some((name) => name.trim() === "")) continue;
		const what = names.length > 1 ? "an empty alternative" : "an empty entry";
		return `${option} has ${what} (entry ${index + 1} of ${JSON.stringify(written)}): write ${how}, such as ${example}`;
	}
	return null;
}

/** The requirements a note's properties do not meet, in the order given. */
export function missingRequirements(
	properties: Readonly<Record<string, unknown>> | null,
	requirements: readonly PropertyRequirement[],
): PropertyRequirement[] {
	return requirements.filter((alternatives) => !alternatives.some((name) => hasValue(properties === null ? undefined : propertyValue(properties, name))));
}

/** `author`, `year or date`; several: `author; year or date; url or doi`. */
export function describeRequirements(requirements: readonly PropertyRequirement[]): string {
	return requirements.map((alternatives) => alternatives.join(" or ")).join("; ");
}

function hasValue(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === "string") return value.trim() !== "";
	if (Array.isArray(value)) return value.some(hasValue);
	return true;
}
