/**
 * The citation-key settings: read from saved data (wrong types and unusable templates dropped) and mapped onto
 * the same CitekeyLibraryOptions the command line's options fill.
 */
import { describe, expect, it } from "vitest";
import { citekeyLibraryOptions, DEFAULT_CITEKEY_SETTINGS, readCitekeySettings } from "../../../src/plugin/citekeys/citekey-settings";
import { parseArgs } from "../../../src/cli/args";

describe("citation-key settings", () => {
	it("keep saved values of the right type and fall back to the defaults for the rest", () => {
		expect(readCitekeySettings({ bibliographyFiles: ["a.bib", 3, " ", "b.json"], literatureFolder: 7, literatureTemplate: "no key", citekeyProperty: "citekey" })).toEqual({
			...DEFAULT_CITEKEY_SETTINGS,
			bibliographyFiles: ["a.bib", "b.json"],
			citekeyProperty: "citekey",
		});
		expect(readCitekeySettings({}).literatureTemplate).toBe("@{{citekey}}");
	});

	it("map onto the options the command line fills from --bibliography, --literature-folder, --literature-template, --citekey-property", () => {
		const settings = { bibliographyFiles: ["refs/a.bib", "b.json"], literatureFolder: "/Literature/", literatureTemplate: "{{citekey}}", citekeyProperty: " citekey " };
		const parsed = parseArgs(["v", "--bibliography", "refs/a.bib", "--bibliography", "b.json", "--literature-folder", "Literature", "--literature-template", "{{citekey}}", "--citekey-property", "citekey"]);
		if (parsed.kind !== "run") throw new Error("unexpected arguments");
		expect(citekeyLibraryOptions(settings)).toEqual(parsed.options.citekeys);
		// Empty folder and property are "not set", not the vault root.
		expect(citekeyLibraryOptions(DEFAULT_CITEKEY_SETTINGS)).toEqual({ bibliographies: [], literatureTemplate: "@{{citekey}}" });
	});
});
