import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyValue } from "../../../src/core/vault/note-properties";

/** The rule written out: the name as written, else the first key (in the object's order) equal to it ignoring case. */
function byTheRule(properties: Record<string, unknown>, name: string): unknown {
	if (Object.prototype.hasOwnProperty.call(properties, name)) return properties[name];
	const key = Object.keys(properties).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : properties[key];
}

describe("propertyValue", () => {
	it("matches names as Obsidian does, ignoring case, the first spelling winning", () => {
		const properties = { DOI: "10.1/a", doi: "10.1/b", Title: "T", "İd": 1 };
		expect(propertyValue(properties, "doi")).toBe("10.1/b");
		expect(propertyValue(properties, "Doi")).toBe("10.1/a");
		expect(propertyValue(properties, "title")).toBe("T");
		expect(propertyValue(properties, "url")).toBeUndefined();
	});

	it("answers as the rule says, asked many times about the same objects (property, 500 cases)", () => {
		const names = fc.constantFrom("doi", "DOI", "Doi", "url", "URL", "isbn", "citekey", "citeKey", "CitationKey", "title", "İ", "i̇", "K", "k", "ß", "SS");
		fc.assert(
			fc.property(fc.array(fc.tuple(names, fc.integer()), { maxLength: 6 }), fc.array(names, { minLength: 1, maxLength: 10 }), (entries, asked) => {
				const properties: Record<string, unknown> = {};
				for (const [key, value] of entries) properties[key] ??= value;
				for (const name of [...asked, ...asked]) expect(propertyValue(properties, name)).toBe(byTheRule(properties, name));
			}),
			{ numRuns: 500, seed: 1706 },
		);
	});
});
