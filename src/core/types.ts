/**
 * The vocabulary shared by the engine, the command line and the panel.
 * Everything here is plain data so that an audit can be serialised as JSON unchanged.
 */
import type { CitekeyLibrary } from "./citekeys/citekey-library";

import type { NoteProperties } from "./vault/note-properties";
import type { SourceNotes } from "./sources/source-notes";

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
	| "unused-ignore"
	| "incomplete-source"
	| "invalid-frontmatter"
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
	/** Cited notes' frontmatter properties (identity of a source, completeness); none when absent. */
	properties?: NoteProperties;
	/**
	 * Properties every cited note should have: each entry lists alternatives, any one of which will do
	 * (`[["author"], ["year", "date"]]`, from `author,year|date`; see parseRequiredProperties). Default none.
	 */
	requireProperties?: readonly (readonly string[])[];
	/** Property names that identify a work beyond `doi`, `url`, `isbn`, `citekey`/`citationKey`; compared exactly. */
	identityProperties?: readonly string[];
	/**
	 * The cited notes' properties and work identifiers, read once for every audit given this object: for a
	 * caller under which no cited note changes between audits (the command line's run; its frontmatters are
	 * parsed once per run already). Made from `properties` and `identityProperties`, which it must agree with.
	 * Without it each audit reads them afresh (the plugin, whose notes change between audits).
	 */
	sourceNotes?: SourceNotes;
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
	"unused-ignore": "info",
	"incomplete-source": "info",
	"invalid-frontmatter": "warning",
	"unknown-citekey": "error",
	"duplicate-citekey": "warning",
	"missing-bibliography": "error",
	"citekey-without-note": "info",
	"invalid-bibliography": "error",
	"no-bibliography": "info",
};

export const ALL_FINDING_KINDS = Object.keys(SEVERITY_OF) as FindingKind[];

/** What a finding kind means, for help texts (SARIF rules, documentation): a short title and a sentence of help. */
export interface KindDescription {
	/** A noun phrase, sentence case, no final period. */
	title: string;
	/** What is wrong and what to do about it. */
	help: string;
}

/**
 * One entry per kind: a kind added to FindingKind adds a line here (the compiler asks for it, and a test checks
 * every kind has a title and help).
 */
export const KIND_DESCRIPTIONS: Readonly<Record<FindingKind, KindDescription>> = {
	"unresolved-target": {
		title: "Citation cites a missing note",
		help: "A link in a footnote definition resolves to no file in the vault. Fix the name (the finding lists close existing names) or create the source note.",
	},
	"missing-subpath": {
		title: "Cited heading or block not found",
		help: "The cited note exists but has no heading or block with this name. Correct the #heading or ^block part of the link, or link to the note itself.",
	},
	"duplicate-source": {
		title: "Several footnotes cite the same source",
		help: "Two or more footnote definitions cite the same note. Merge them into one footnote and reuse its label, unless the definitions cite different places in the source.",
	},
	"undefined-reference": {
		title: "Footnote reference without a definition",
		help: "A footnote reference [^x] has no definition, so it renders as plain text. Add the definition or correct the label.",
	},
	"unused-definition": {
		title: "Footnote definition never referenced",
		help: "A footnote definition is never referenced in the text, so readers never see it. Reference it where the claim is made, or remove it.",
	},
	"duplicate-label": {
		title: "Footnote label defined twice",
		help: "The same footnote label is defined more than once; only one definition is shown. Give each definition its own label or merge them.",
	},
	"malformed-link": {
		title: "Malformed link in a citation",
		help: "A wikilink is never closed on its line, or its target is empty, so it links nowhere. Close the link with ]] or write its target.",
	},
	"no-vault-link": {
		title: "Footnote cites no vault note",
		help: "A footnote is plain text or only an external URL, so it cites no source note in the vault. Link a source note if the footnote is a citation; explanatory footnotes can stay as they are.",
	},
	"ambiguous-target": {
		title: "Link name matches several notes",
		help: "A bare note name matches several files; Obsidian opens the one named in the finding. Write the folder path to cite the intended note.",
	},
	"unresolved-link": {
		title: "Body link to a missing note",
		help: "An internal link in the body text resolves to no file in the vault. Fix the name or create the note.",
	},
	"unused-ignore": {
		title: "Ignore marker that silences nothing",
		help: "A citation-audit-ignore marker (a %% comment line or the citation-audit-ignore property) matches no finding, or names no kind. Remove it, or correct the kind it names.",
	},
	"incomplete-source": {
		title: "Source note missing required properties",
		help: "A cited source note lacks a property the vault requires of sources (requireProperties). Add the property to the source note's frontmatter.",
	},
	"invalid-frontmatter": {
		title: "Source note properties do not parse",
		help: "The frontmatter of a cited source note is not valid YAML, so its properties cannot be read. Correct the frontmatter of the source note.",
	},
	"unknown-citekey": {
		title: "Citation key found in no bibliography",
		help: "A Pandoc citation key such as [@smith2020] is in none of the note's bibliographies and has no literature note, so an export cannot render it. Correct the key (the finding lists close known keys) or add the work to a bibliography.",
	},
	"duplicate-citekey": {
		title: "Citation key defined twice",
		help: "The cited key is defined by two or more bibliography entries that differ, so which work is cited depends on the order of the bibliographies. Keep one entry or give the other its own key.",
	},
	"missing-bibliography": {
		title: "Bibliography file not found",
		help: "A file named in the note's bibliography property exists neither beside the note nor at the vault root. Correct the path or add the file.",
	},
	"citekey-without-note": {
		title: "Cited key has no literature note",
		help: "The key is in a bibliography but the literature-note folder has no note for it. Create the literature note from the bibliography entry.",
	},
	"invalid-bibliography": {
		title: "Bibliography does not parse",
		help: "A bibliography file (BibTeX, BibLaTeX, CSL-JSON or CSL-YAML) could not be read; the finding names the file and the line. Keys it holds cannot be checked until it is corrected.",
	},
	"no-bibliography": {
		title: "Citation keys without a bibliography",
		help: "The note cites Pandoc keys but no bibliography or literature-note folder is configured: name one in the note's bibliography property, in the settings or in .citation-audit.json.",
	},
};
