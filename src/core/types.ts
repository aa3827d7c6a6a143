/**
 * The vocabulary shared by the engine, the command line and the panel.
 * Everything here is plain data so that an audit can be serialised as JSON unchanged.
 */
import type { CitekeyLibrary } from "./citekeys/citekey-library";

export type Severity = "error" | "warning" | "info";

export type FindingKind =
	| "unresolved-target"
	| "missing-subpath"
	| "duplicate-source"
	| "undefined-reference"
	| "unused-definition"
	| "duplicate-label"
	| "malformed-link"
	| "no-vault-link"
	| "ambiguous-target"
	| "unresolved-link"
	| "unknown-citekey"
	| "duplicate-citekey"
	| "missing-bibliography"
	| "citekey-without-note"
	| "invalid-bibliography"
	| "no-bibliography";

/**
 * A place in the audited text. `offset`/`length` count UTF-16 code units (what JavaScript strings and
 * CodeMirror use); `line`/`column` are 1-based and derived from `offset`.
 */
export interface Location {
	line: number;
	column: number;
	offset: number;
	length: number;
}

export interface RelatedLocation extends Location {
	label: string;
}

/** One problem. Optional fields are omitted, never null, so the JSON output has no nulls. */
export interface Finding extends Location {
	kind: FindingKind;
	severity: Severity;
	message: string;
	/** Footnote labels involved, as written, without `^`, in order of definition. */
	labels?: string[];
	/** The link target as written, with `#subpath`, without alias (or the URL of a markdown link). */
	target?: string;
	/** Vault-relative path the target resolved to. */
	resolved?: string;
	/** Vault-relative paths of close existing files, best first (unresolved kinds only). */
	suggestions?: string[];
	related?: RelatedLocation[];
	/** The Pandoc citation key concerned, without `@` and braces (citation-key kinds only). */
	citekey?: string;
}

export interface NoteStats {
	/** Footnote definitions, inline footnotes included. */
	definitions: number;
	/** Reference occurrences `[^x]` in the text. */
	references: number;
	/** Distinct files that citation links resolve to. */
	citedNotes: number;
	/** Pandoc citation key occurrences (`[@key]`, `@key`) in the text. */
	citekeys: number;
	/** Distinct citation keys cited. */
	citedWorks: number;
}

/** How a link path resolves in the vault, in the shape of Obsidian's `getFirstLinkpathDest`. */
export interface LinkResolution {
	/** Vault-relative path of the file Obsidian would open, or null. */
	path: string | null;
	/**
	 * Other files a bare name also matches (for `ambiguous-target`); empty when the link names a folder
	 * path or only one file matches.
	 */
	alternatives: string[];
}

/**
 * The seam between the engine and a vault (obsidian-tasks' style: inject the one function you need).
 * The command line implements it over the file system, the plugin over `app.metadataCache`.
 */
export interface LinkResolver {
	/** `linkpath` is the link target without `#subpath`, as written (not URL-decoded for wikilinks). */
	resolve(linkpath: string, sourcePath: string): LinkResolution;
	/**
	 * Whether `subpath` (`#Heading`, `#A#B`, `#^block`, without the leading `#` removed) exists in the file at
	 * `targetPath`. `null` when it cannot be checked (not a markdown note, note unreadable).
	 */
	hasSubpath(targetPath: string, subpath: string): boolean | null;
	/** Up to `limit` vault-relative paths of existing files whose names are close to `linkpath`, best first. */
	suggest(linkpath: string, sourcePath: string, limit: number): string[];
	/**
	 * Optional: build lookup indexes ahead of time, a little at a time, until `shouldPause()` is true;
	 * returns true when they are complete. A time-sliced caller uses it so no single slice pays for them.
	 */
	prepare?(shouldPause: () => boolean): boolean;
}

/** Which finding kinds to report, and whether to check links in the body text. */
export interface AuditOptions {
	/** Check internal links outside footnotes (default true). */
	checkBodyLinks?: boolean;
	/** Kinds to leave out of the result (default none). */
	disabledKinds?: readonly FindingKind[];
	/** Severity to report a kind with instead of its default (`SEVERITY_OF`); the configuration file sets these. */
	severities?: Readonly<Partial<Record<FindingKind, Severity>>>;
	/** Where Pandoc citation keys are looked up (bibliographies, literature notes); without it only the note's own frontmatter counts as configuration. */
	citekeys?: CitekeyLibrary;
}

/** Severities from most to least serious; a minimum severity keeps the ones at or before it. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Whether `severity` is at least as serious as `minimum` (`meetsMinSeverity("warning", "info")` is true). */
export function meetsMinSeverity(severity: Severity, minimum: Severity): boolean {
	return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(minimum);
}

export const SEVERITY_OF: Readonly<Record<FindingKind, Severity>> = {
	"unresolved-target": "error",
	"missing-subpath": "warning",
	"duplicate-source": "warning",
	"undefined-reference": "error",
	"unused-definition": "warning",
	"duplicate-label": "error",
	"malformed-link": "error",
	"no-vault-link": "info",
	"ambiguous-target": "warning",
	"unresolved-link": "warning",
	"unknown-citekey": "error",
	"duplicate-citekey": "warning",
	"missing-bibliography": "error",
	"citekey-without-note": "info",
	"invalid-bibliography": "error",
	"no-bibliography": "info",
};

export const ALL_FINDING_KINDS = Object.keys(SEVERITY_OF) as FindingKind[];
