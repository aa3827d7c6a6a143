/**
 * `citation-audit <vault-dir> [note ...] [options]`: the options as one declarative table read by Node's
 * `util.parseArgs`. To add an option, add a field to CliOptions (and its default in `defaultOptions`) and one
 * row to OPTIONS; a constraint between options goes into CHECKS. The help text is written from the table.
 *
 * `util.parseArgs` runs with `strict: false` and `tokens: true` so that every message stays one line in our
 * words (its own strict errors are long and name `--` tricks): the tokens are checked here, in order, and the
 * last occurrence of a repeated option wins, as in eslint.
 */
import { parseArgs as parseNodeArgs } from "node:util";
import { SEVERITY_ORDER, type FindingKind, type Severity } from "../core/types";
import { parseRequiredProperties, propertyListError, type PropertyRequirement } from "../core/sources/required-properties";
import type { CitekeyLibraryOptions } from "../core/citekeys/library-options";
import { CITEKEY_OPTIONS } from "./citekey-options";

export type OutputFormat = "text" | "json" | "markdown" | "sarif";

export interface CliOptions {
	vault: string;
	notes: string[];
	format: OutputFormat;
	checkBodyLinks: boolean;
	fix: boolean;
	renumber: boolean;
	dryRun: boolean;
	/** Least serious severity reported (`--min-severity`, `--quiet`); undefined: not given (the configuration or info). */
	minSeverity?: Severity;
	/** `--quiet`: errors only wherever it stands, as in eslint (a later `--min-severity` cannot widen it). */
	quiet: boolean;
	/** `--max-warnings N`: exit 1 when more than N warnings are reported (eslint's rule); undefined: no limit. */
	maxWarnings?: number;
	/** `--color` / `--no-color`; undefined: colours on a terminal unless NO_COLOR is set. */
	color?: boolean;
	/** `--require-properties "author,year|date"`: what every cited note should have; undefined: not given (none). */
	requireProperties?: PropertyRequirement[];
	/** `--identity-properties "pmid,arxiv"`: more property names that identify a work; undefined: not given. */
	identityProperties?: string[];
	/**
	 * Where Pandoc citation keys are looked up besides a note's own `bibliography:`: `--bibliography FILE`
	 * (repeatable, relative to the working folder), `--literature-folder`, `--literature-template`,
	 * `--citekey-property`. One object, so a configuration file can fill it the same way.
	 */
	citekeys: CitekeyLibraryOptions;
	/**
	 * `--property-suggestions on|off|auto`: whether did-you-mean also compares the notes' aliases, title, author
	 * and year (read from each note's frontmatter) or names only; undefined: auto (on up to
	 * {@link PROPERTY_SUGGESTIONS_UP_TO} notes).
	 */
	propertySuggestions?: PropertySuggestions;
	/**
	 * `--concurrency <n>|auto|off` (eslint's option): how many threads a whole-vault audit uses, the auditing one
	 * included (off: 1; the others read and parse the notes ahead, read-ahead.ts); undefined: auto.
	 */
	concurrency?: number | "auto";
	/** From .citation-audit.json only: bibliography files as vault paths (not used when --bibliography is given). */
	vaultBibliographies?: string[];
	/** From .citation-audit.json only (no option): kinds off, severities, folders the vault audit skips. */
	disabledKinds?: FindingKind[];
	severities?: Partial<Record<FindingKind, Severity>>;
	ignoredFolders?: string[];
}

/** A bound for typing mistakes: the workers share the notes' reading, and more of them than cores only take turns. */
export const MAX_CONCURRENCY = 16;

export type PropertySuggestions = "on" | "off" | "auto";
const PROPERTY_SUGGESTIONS: readonly PropertySuggestions[] = ["on", "off", "auto"];
/**
 * Up to this many notes, `auto` reads every note's frontmatter for did-you-mean. Measured (issue 17): one essay
 * in a 50,000-note vault took 2.0 s with them against 0.45 s by names (a short read of each note, then an index
 * of all names and properties); the plugin has them from the metadata cache at no cost.
 */
export const PROPERTY_SUGGESTIONS_UP_TO = 20_000;

/**
 * `50000` → `50,000`. Not `toLocaleString("en-US")`: this help text is built as the module loads, and the
 * first locale call loads ICU's data, 7 ms of every run's start (node --cpu-prof).
 */
function groupedDigits(count: number): string {
	return String(count).replace(/\B(?=(\d{3})+$)/g, ",");
}

export type ParsedArgs = { kind: "run"; options: CliOptions } | { kind: "help" } | { kind: "version" } | { kind: "error"; message: string };

/** One option: `--name`, or `--name <value>` when `value` names its placeholder. */
export interface OptionRow {
	name: string;
	short?: string;
	/** Placeholder shown in the help (`N`, `text|json`); present means the option takes a value. */
	value?: string;
	/** Help lines, the first beside the option. */
	help: readonly string[];
	/** Stores the option (a flag gets `""`); returns a one-line message when the value is bad. */
	apply(options: CliOptions, value: string): string | undefined;
}

export const FORMATS: readonly OutputFormat[] = ["text", "json", "markdown", "sarif"];

/** `a, b or c` for messages and help. */
function orList(values: readonly string[]): string {
	return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

function quoted(value: string): string {
	return value === "" ? "nothing" : `"${value}"`;
}

export const OPTIONS: OptionRow[] = [
	{
		name: "format",
		value: "text|json|markdown|sarif",
		help: ["output format (default: text); sarif: SARIF 2.1.0 for code scanning"],
		apply(options, value) {
			if (!FORMATS.includes(value as OutputFormat)) return `--format takes ${orList(FORMATS)} (got ${quoted(value)})`;
			options.format = value as OutputFormat;
			return undefined;
		},
	},
	{
		name: "no-body-links",
		help: ["do not check links outside footnotes"],
		apply(options) {
			options.checkBodyLinks = false;
			return undefined;
		},
	},
	{
		name: "fix",
		help: ["apply the safe fixes (merge duplicate sources, remove unused", "definitions, close unclosed links), then report what remains"],
		apply(options) {
			options.fix = true;
			return undefined;
		},
	},
	{
		name: "renumber",
		help: ["renumber numeric footnotes in order of first reference"],
		apply(options) {
			options.renumber = true;
			return undefined;
		},
	},
	{
		name: "dry-run",
		help: ["with --fix or --renumber: print a unified diff, write nothing"],
		apply(options) {
			options.dryRun = true;
			return undefined;
		},
	},
	{
		name: "min-severity",
		value: SEVERITY_ORDER.join("|"),
		help: ["report findings at least this serious (default: info, all)"],
		apply(options, value) {
			if (!SEVERITY_ORDER.includes(value as Severity)) return `--min-severity takes ${orList(SEVERITY_ORDER)} (got ${quoted(value)})`;
			options.minSeverity = value as Severity;
			return undefined;
		},
	},
	{
		name: "quiet",
		help: ["report errors only (same as --min-severity error)"],
		apply(options) {
			options.quiet = true;
			return undefined;
		},
	},
	{
		name: "max-warnings",
		value: "N",
		help: ["exit 1 when more than N warnings are reported"],
		apply(options, value) {
			if (!/^\d+$/.test(value)) return `--max-warnings takes a whole number of warnings (got ${quoted(value)})`;
			options.maxWarnings = Number(value);
			return undefined;
		},
	},
	{
		name: "color",
		help: ["colour the text report even when not on a terminal"],
		apply(options) {
			options.color = true;
			return undefined;
		},
	},
	{
		name: "no-color",
		help: ["never colour (also: the NO_COLOR environment variable)"],
		apply(options) {
			options.color = false;
			return undefined;
		},
	},
	{
		name: "require-properties",
		value: "LIST",
		help: ["properties every cited note should have: commas separate", "requirements, | joins alternatives (\"author,year|date,url|doi\")"],
		apply(options, value) {
			const error = propertyListError(value, "--require-properties", true);
			if (error !== null) return error;
			options.requireProperties = parseRequiredProperties(value);
			return undefined;
		},
	},
	{
		name: "identity-properties",
		value: "LIST",
		help: ["more properties that identify a work, besides doi, url, isbn and", "citekey/citationKey, separated by commas (\"pmid,arxiv\")"],
		apply(options, value) {
			const error = propertyListError(value, "--identity-properties", false);
			if (error !== null) return error;
			options.identityProperties = value.split(",").map((name) => name.trim());
			return undefined;
		},
	},
	{
		name: "property-suggestions",
		value: PROPERTY_SUGGESTIONS.join("|"),
		help: ["did you mean: also compare the notes' aliases, title, author and", `year (default auto: on up to ${groupedDigits(PROPERTY_SUGGESTIONS_UP_TO)} notes; off: names only)`],
		apply(options, value) {
			if (!PROPERTY_SUGGESTIONS.includes(value as PropertySuggestions)) return `--property-suggestions takes ${orList(PROPERTY_SUGGESTIONS)} (got ${quoted(value)})`;
			options.propertySuggestions = value as PropertySuggestions;
			return undefined;
		},
	},
	{
		name: "concurrency",
		value: "N|auto|off",
		help: ["threads for a whole-vault audit: one audits, the others read and parse", "notes ahead (default auto: two from 20,000 notes on two cores; off: one)"],
		apply(options, value) {
			if (value === "auto" || value === "off") {
				options.concurrency = value === "off" ? 1 : value;
				return undefined;
			}
			const count = /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : NaN;
			if (!(count <= MAX_CONCURRENCY)) return `--concurrency takes a number of threads from 1 to ${MAX_CONCURRENCY}, auto or off (got ${quoted(value)})`;
			options.concurrency = count;
			return undefined;
		},
	},
	...CITEKEY_OPTIONS,
	{ name: "help", short: "h", help: ["show this help"], apply: () => undefined },
	{ name: "version", short: "v", help: ["show the version"], apply: () => undefined },
];

/** Constraints between options, checked after all of them are read; each returns a message or undefined. */
export const CHECKS: ((options: CliOptions) => string | undefined)[] = [
	(options) => (options.dryRun && !options.fix && !options.renumber ? "--dry-run goes with --fix or --renumber" : undefined),
];

export function defaultOptions(vault: string, notes: string[]): CliOptions {
	return { vault, notes, format: "text", checkBodyLinks: true, fix: false, renumber: false, dryRun: false, quiet: false, citekeys: { bibliographies: [] } };
}

export function usage(): string {
	const heads = OPTIONS.map((row) => `${row.short ? `-${row.short}, ` : ""}--${row.name}${row.value ? ` ${row.value}` : ""}`);
	const width = Math.max(...heads.map((head) => head.length)) + 2;
	const lines = OPTIONS.flatMap((row, index) =>
		row.help.map((text, line) => `  ${(line === 0 ? heads[index] : "").padEnd(width)}${text}`),
	);
	return `Usage: citation-audit <vault-dir> [note ...] [options]

Audits the footnote citations and Pandoc citation keys ([@key]) of the notes of an Obsidian
vault. With no note given, every markdown note that has a footnote, or that cites keys and has a
bibliography to check them against, is audited.

Options:
${lines.join("\n")}

Exit status: 0 no errors (and no more warnings than --max-warnings), 1 errors found or too many
warnings, 2 usage or I/O problem.`;
}

/** The help text as it stands when this module loads (rows added later show in `usage()`). */
export const USAGE = usage();

export function parseArgs(argv: readonly string[]): ParsedArgs {
	const rows = new Map<string, OptionRow>();
	for (const row of OPTIONS) {
		rows.set(row.name, row);
		if (row.short) rows.set(row.short, row);
	}
	const { tokens } = parseNodeArgs({
		args: [...argv],
		options: Object.fromEntries(
			OPTIONS.map((row) => [row.name, { type: row.value ? "string" : "boolean", ...(row.short ? { short: row.short } : {}) }] as const),
		),
		allowPositionals: true,
		strict: false,
		tokens: true,
	});
	// --help or --version anywhere answers alone, whatever else is wrong (the first of them wins).
	for (const token of tokens) {
		if (token.kind === "option" && (token.name === "help" || token.name === "h")) return { kind: "help" };
		if (token.kind === "option" && (token.name === "version" || token.name === "v")) return { kind: "version" };
	}
	const positional: string[] = [];
	const options = defaultOptions("", []);
	for (const token of tokens) {
		if (token.kind === "positional") positional.push(token.value);
		if (token.kind !== "option") continue;
		const row = rows.get(token.name);
		if (!row) return { kind: "error", message: `unknown option ${token.rawName}` };
		const message = optionValueProblem(row, token.rawName, token.value, token.inlineValue) ?? row.apply(options, token.value ?? "");
		if (message) return { kind: "error", message };
	}
	const [vault, ...notes] = positional;
	if (!vault) return { kind: "error", message: "missing <vault-dir>" };
	options.vault = vault;
	options.notes = notes;
	if (options.quiet) options.minSeverity = "error";
	for (const check of CHECKS) {
		const message = check(options);
		if (message) return { kind: "error", message };
	}
	return { kind: "run", options };
}

/**
 * A flag given a value (`--fix=yes`), or an option missing its value: at the end, or followed by another option
 * (`--format --fix` would otherwise read "--fix" as the format).
 */
function optionValueProblem(row: OptionRow, rawName: string, value: string | undefined, inline: boolean | undefined): string | undefined {
	if (!row.value) return value === undefined ? undefined : `${rawName} takes no value (got ${quoted(value)})`;
	// The row's own message for an empty value names what it takes (`--format takes text, json ... (got nothing)`).
	if (value === undefined || (!inline && value.startsWith("-") && value !== "-")) return row.apply(defaultOptions("", []), "") ?? `${rawName} needs a value`;
	return undefined;
}
