/** `citation-audit <vault-dir> [note ...] [--format text|json|markdown] [--no-body-links] [--fix] [--renumber] [--dry-run]` */

export type OutputFormat = "text" | "json" | "markdown";

export interface CliOptions {
	vault: string;
	notes: string[];
	format: OutputFormat;
	checkBodyLinks: boolean;
	fix: boolean;
	renumber: boolean;
	dryRun: boolean;
}

export type ParsedArgs = { kind: "run"; options: CliOptions } | { kind: "help" } | { kind: "version" } | { kind: "error"; message: string };

export const USAGE = `Usage: citation-audit <vault-dir> [note ...] [options]

Audits the footnote citations of the notes of an Obsidian vault. With no note given, every
markdown note that has a footnote is audited.

Options:
  --format text|json|markdown  output format (default: text)
  --no-body-links              do not check links outside footnotes
  --fix                        apply the safe fixes (merge duplicate sources, remove unused
                               definitions, close unclosed links), then report what remains
  --renumber                   renumber numeric footnotes in order of first reference
  --dry-run                    with --fix or --renumber: print a unified diff, write nothing
  -h, --help                   show this help
  -v, --version                show the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

const FORMATS: readonly OutputFormat[] = ["text", "json", "markdown"];

export function parseArgs(argv: readonly string[]): ParsedArgs {
	const positional: string[] = [];
	let format: OutputFormat = "text";
	let checkBodyLinks = true;
	let fix = false;
	let renumber = false;
	let dryRun = false;
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (arg === "--") {
			positional.push(...argv.slice(index + 1));
			break;
		}
		if (arg === "-h" || arg === "--help") return { kind: "help" };
		if (arg === "-v" || arg === "--version") return { kind: "version" };
		if (arg === "--format" || arg.startsWith("--format=")) {
			const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++index];
			if (!value || !FORMATS.includes(value as OutputFormat)) {
				return { kind: "error", message: `--format takes text, json or markdown (got ${value ? `"${value}"` : "nothing"})` };
			}
			format = value as OutputFormat;
		} else if (arg === "--no-body-links") checkBodyLinks = false;
		else if (arg === "--fix") fix = true;
		else if (arg === "--renumber") renumber = true;
		else if (arg === "--dry-run") dryRun = true;
		else if (arg.startsWith("-") && arg !== "-") return { kind: "error", message: `unknown option ${arg}` };
		else positional.push(arg);
	}
	const [vault, ...notes] = positional;
	if (!vault) return { kind: "error", message: "missing <vault-dir>" };
	if (dryRun && !fix && !renumber) return { kind: "error", message: "--dry-run goes with --fix or --renumber" };
	return { kind: "run", options: { vault, notes, format, checkBodyLinks, fix, renumber, dryRun } };
}
