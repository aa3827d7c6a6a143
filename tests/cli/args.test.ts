/**
 * The argument table read through util.parseArgs: every option, one-line messages for bad ones, help written
 * from the table, and the rows a later option adds.
 */
import { describe, expect, it } from "vitest";
import { OPTIONS, parseArgs, PROPERTY_SUGGESTIONS_UP_TO, usage, type CliOptions, type ParsedArgs } from "../../src/cli/args";

function options(parsed: ParsedArgs): CliOptions {
	if (parsed.kind !== "run") throw new Error(`expected a run, got ${JSON.stringify(parsed)}`);
	return parsed.options;
}

function message(parsed: ParsedArgs): string {
	if (parsed.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
	return parsed.message;
}

describe("parseArgs", () => {
	it("reads the vault, the notes and the defaults", () => {
		expect(options(parseArgs(["v", "a.md", "b.md"]))).toEqual({
			vault: "v",
			notes: ["a.md", "b.md"],
			format: "text",
			checkBodyLinks: true,
			fix: false,
			renumber: false,
			dryRun: false,
			quiet: false,
			citekeys: { bibliographies: [] },
		});
	});

	it("reads the citation-key sources: --bibliography repeats and keeps its order, the rest are single values", () => {
		const parsed = options(
			parseArgs(["v", "--bibliography", "b.bib", "--literature-folder", "Literature/", "--bibliography=refs/c.json", "--literature-template", "{{citekey}}", "--citekey-property", "citekey"]),
		);
		expect(parsed.citekeys).toEqual({ bibliographies: ["b.bib", "refs/c.json"], literatureFolder: "Literature", literatureTemplate: "{{citekey}}", citekeyProperty: "citekey" });
	});

	it("refuses bad citation-key options with one line each", () => {
		expect(message(parseArgs(["v", "--bibliography"]))).toBe("--bibliography takes a bibliography file (got nothing)");
		expect(message(parseArgs(["v", "--literature-folder", "../outside"]))).toBe('--literature-folder takes a folder inside the vault, relative to it (got "../outside")');
		expect(message(parseArgs(["v", "--literature-folder", "/abs"]))).toBe('--literature-folder takes a folder inside the vault, relative to it (got "/abs")');
		expect(message(parseArgs(["v", "--literature-template", "@key"]))).toBe('--literature-template: the literature-note template must contain {{citekey}} once (got "@key")');
		expect(message(parseArgs(["v", "--literature-template", "a/{{citekey}}"]))).toBe(
			'--literature-template: the literature-note template is a file name and cannot contain / \\ or : (got "a/{{citekey}}")',
		);
		expect(message(parseArgs(["v", "--citekey-property", "a: b"]))).toBe('--citekey-property takes a property name such as "citekey" (got "a: b")');
		for (const argv of [["v", "--literature-folder"], ["v", "--citekey-property", "--fix"]]) expect(message(parseArgs(argv))).not.toContain("\n");
	});

	it("reads options before, between and after positionals, with = or a separate value", () => {
		const parsed = options(parseArgs(["--format=json", "v", "--no-body-links", "a.md", "--fix", "--max-warnings", "3"]));
		expect(parsed).toMatchObject({ vault: "v", notes: ["a.md"], format: "json", checkBodyLinks: false, fix: true, maxWarnings: 3 });
	});

	it("the last of a repeated option wins", () => {
		expect(options(parseArgs(["v", "--format", "json", "--format", "markdown"])).format).toBe("markdown");
	});

	it("after -- everything is a note, and - is a positional", () => {
		expect(options(parseArgs(["v", "--", "--fix", "-"])).notes).toEqual(["--fix", "-"]);
		expect(options(parseArgs(["v", "-"])).notes).toEqual(["-"]);
	});

	it("--min-severity takes error, warning or info; --quiet is errors only wherever it stands", () => {
		for (const severity of ["error", "warning", "info"] as const) expect(options(parseArgs(["v", "--min-severity", severity])).minSeverity).toBe(severity);
		expect(options(parseArgs(["v"])).minSeverity).toBeUndefined();
		expect(options(parseArgs(["v", "--quiet"])).minSeverity).toBe("error");
		expect(options(parseArgs(["v", "--quiet", "--min-severity", "info"])).minSeverity).toBe("error");
		expect(message(parseArgs(["v", "--min-severity", "fatal"]))).toBe('--min-severity takes error, warning or info (got "fatal")');
	});

	it("--max-warnings takes a whole number", () => {
		expect(options(parseArgs(["v", "--max-warnings", "0"])).maxWarnings).toBe(0);
		expect(options(parseArgs(["v"])).maxWarnings).toBeUndefined();
		for (const bad of ["-1", "1.5", "many", ""]) expect(message(parseArgs(["v", `--max-warnings=${bad}`]))).toMatch(/^--max-warnings takes a whole number/);
	});

	it("--concurrency takes a number of threads, auto or off (one thread)", () => {
		expect(parseArgs(["v", "--concurrency", "3"])).toMatchObject({ kind: "run", options: { concurrency: 3 } });
		expect(parseArgs(["v", "--concurrency", "off"])).toMatchObject({ kind: "run", options: { concurrency: 1 } });
		expect(parseArgs(["v", "--concurrency=auto"])).toMatchObject({ kind: "run", options: { concurrency: "auto" } });
		expect(options(parseArgs(["v"])).concurrency).toBeUndefined();
		for (const bad of ["0", "-1", "1.5", "17", "two", "", "03"]) {
			expect(parseArgs(["v", `--concurrency=${bad}`]), bad).toEqual({ kind: "error", message: `--concurrency takes a number of threads from 1 to 16, auto or off (got ${bad === "" ? "nothing" : `"${bad}"`})` });
		}
	});

	it("--color and --no-color, the last one winning", () => {
		expect(options(parseArgs(["v"])).color).toBeUndefined();
		expect(options(parseArgs(["v", "--no-color"])).color).toBe(false);
		expect(options(parseArgs(["v", "--no-color", "--color"])).color).toBe(true);
	});

	it("--help and --version answer alone, even beside a bad option", () => {
		expect(parseArgs(["--frob", "-h"])).toEqual({ kind: "help" });
		expect(parseArgs(["--help"])).toEqual({ kind: "help" });
		expect(parseArgs(["v", "-v"])).toEqual({ kind: "version" });
		expect(parseArgs(["--version", "--help"])).toEqual({ kind: "version" });
	});

	it("bad options get one-line messages in our words", () => {
		const cases: [string[], string][] = [
			[[], "missing <vault-dir>"],
			[["v", "--frobnicate"], "unknown option --frobnicate"],
			[["v", "-x"], "unknown option -x"],
			[["v", "--format", "yaml"], '--format takes text, json, markdown or sarif (got "yaml")'],
			[["v", "--format"], "--format takes text, json, markdown or sarif (got nothing)"],
			[["v", "--format", "--fix"], "--format takes text, json, markdown or sarif (got nothing)"],
			[["v", "--fix=yes"], '--fix takes no value (got "yes")'],
			[["v", "--dry-run"], "--dry-run goes with --fix or --renumber"],
		];
		for (const [argv, expected] of cases) {
			const text = message(parseArgs(argv));
			expect(text).toBe(expected);
			expect(text).not.toContain("\n");
		}
	});
});

describe("usage", () => {
	it("lists every row of the table with its placeholder", () => {
		const text = usage();
		for (const row of OPTIONS) expect(text).toContain(`--${row.name}${row.value ? ` ${row.value}` : ""}`);
		expect(text).toContain("-h, --help");
	});

	it("writes the property-suggestion limit with its thousands grouped", () => {
		expect(usage()).toContain(`on up to ${String(PROPERTY_SUGGESTIONS_UP_TO).replace(/(\d)(\d{3})$/, "$1,$2")} notes`);
		expect(PROPERTY_SUGGESTIONS_UP_TO).toBeGreaterThanOrEqual(1000);
	});

	it("a row added to the table is parsed and shown in the help", () => {
		const row = {
			name: "test-only-extra",
			value: "X",
			help: ["a row a test adds"],
			apply(parsed: CliOptions, value: string) {
				parsed.checkBodyLinks = value !== "off";
				return value === "bad" ? "--test-only-extra is bad" : undefined;
			},
		};
		OPTIONS.push(row);
		try {
			expect(options(parseArgs(["v", "--test-only-extra", "off"])).checkBodyLinks).toBe(false);
			expect(options(parseArgs(["v", "--test-only-extra", "on"])).checkBodyLinks).toBe(true);
			expect(message(parseArgs(["v", "--test-only-extra=bad"]))).toBe("--test-only-extra is bad");
			expect(usage()).toContain("--test-only-extra X");
		} finally {
			OPTIONS.splice(OPTIONS.indexOf(row), 1);
		}
	});
});

describe("--require-properties and --identity-properties", () => {
	it("require nothing and add no identity property unless given", () => {
		const read = options(parseArgs(["v"]));
		expect(read.requireProperties).toBeUndefined();
		expect(read.identityProperties).toBeUndefined();
	});

	it("read the list: commas, | alternatives, whitespace around names", () => {
		expect(options(parseArgs(["v", "--require-properties", " author , year|date,url | doi"])).requireProperties).toEqual([
			["author"],
			["year", "date"],
			["url", "doi"],
		]);
		expect(options(parseArgs(["v", "--require-properties=author"])).requireProperties).toEqual([["author"]]);
		expect(options(parseArgs(["v", "--identity-properties", "pmid, arxiv"])).identityProperties).toEqual(["pmid", "arxiv"]);
	});

	it.each([
		[["--require-properties", "author,,year"], "--require-properties has an empty entry (entry 2 of"],
		[["--require-properties", "author,year|"], "--require-properties has an empty alternative (entry 2 of"],
		[["--require-properties", ""], "--require-properties takes property names separated by commas"],
		[["--identity-properties", "pmid,"], "--identity-properties has an empty entry (entry 2 of"],
		[["--identity-properties", " "], "--identity-properties takes property names separated by commas"],
	])("reject %j with a clear message", (args, expected) => {
		const text = message(parseArgs(["v", ...args]));
		expect(text.startsWith(expected)).toBe(true);
		expect(text).not.toContain("\n");
	});
});
