/**
 * The command line's citation-key options, rows of the option table in args.ts: `--bibliography FILE`
 * (repeatable: each one adds a file, in order, unlike the other options where the last one wins),
 * `--literature-folder DIR`, `--literature-template TEMPLATE`, `--citekey-property NAME`. They fill
 * `CliOptions.citekeys`, the same CitekeyLibraryOptions the plugin's settings fill.
 */
import { templateProblem } from "../core/citekeys/library-options";
import type { OptionRow } from "./args";

function quoted(value: string): string {
	return value === "" ? "nothing" : `"${value}"`;
}

export const CITEKEY_OPTIONS: OptionRow[] = [
	{
		name: "bibliography",
		value: "FILE",
		help: ["a BibTeX, BibLaTeX, CSL-JSON or CSL-YAML file whose keys every note", "may cite, after the note's own bibliography: (repeatable)"],
		apply(options, value) {
			if (value.trim() === "") return "--bibliography takes a bibliography file (got nothing)";
			options.citekeys = { ...options.citekeys, bibliographies: [...options.citekeys.bibliographies, value] };
			return undefined;
		},
	},
	{
		name: "literature-folder",
		value: "DIR",
		help: ["vault folder of the literature notes, one note per citation key;", "a known key without one is reported (citekey-without-note)"],
		apply(options, value) {
			const folder = value.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "");
			if (value.trim() === "") return "--literature-folder takes a folder of the vault (got nothing)";
			if (folder.startsWith("/") || /^[A-Za-z]:/.test(folder) || folder.split("/").includes("..")) {
				return `--literature-folder takes a folder inside the vault, relative to it (got ${quoted(value)})`;
			}
			options.citekeys = { ...options.citekeys, literatureFolder: folder === "." ? "" : folder };
			return undefined;
		},
	},
	{
		name: "literature-template",
		value: "TEMPLATE",
		help: ["a literature note's file name, {{citekey}} standing for the key", "(default: @{{citekey}})"],
		apply(options, value) {
			const problem = templateProblem(value);
			if (problem) return `--literature-template: ${problem}`;
			options.citekeys = { ...options.citekeys, literatureTemplate: value };
			return undefined;
		},
	},
	{
		name: "citekey-property",
		value: "NAME",
		help: ["a frontmatter property that holds a literature note's key (\"citekey\")"],
		apply(options, value) {
			if (!/^[^\s:#][^:#]*$/.test(value.trim())) return `--citekey-property takes a property name such as "citekey" (got ${quoted(value)})`;
			options.citekeys = { ...options.citekeys, citekeyProperty: value.trim() };
			return undefined;
		},
	},
];
