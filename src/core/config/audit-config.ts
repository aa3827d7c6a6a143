/**
 * `.citation-audit.json` at the vault root: one configuration for the command line and the plugin. This file
 * reads and checks it by the rules of the shipped schema (schemas/citation-audit.schema.json); a test checks
 * on thousands of generated files that both accept and refuse the same ones, at the same keys.
 *
 * Why a hand-written check rather than ajv in the plugin: ajv with its compiler adds about 125 KB to main.js
 * (measured: a bundle importing it and compiling one schema is 124.8 KB minified), which the 300 KB budget
 * cannot take, and its messages name JSON pointers, not the writer's keys. ajv stays in the tests.
 *
 * Problems are collected, each naming its key (`severities.unused-definition`); a key with a problem keeps
 * its default (an entry of `kinds` or `severities` alone, the other entries still count).
 */
import { ALL_FINDING_KINDS, SEVERITY_ORDER, type FindingKind, type Severity } from "../types";

export const CONFIG_FILE_NAME = ".citation-audit.json";

export interface LiteratureNotesConfig {
	folder?: string;
	template?: string;
	property?: string;
}

export interface AuditConfig {
	kinds: Partial<Record<FindingKind, boolean>>;
	severities: Partial<Record<FindingKind, Severity>>;
	minSeverity?: Severity;
	checkBodyLinks?: boolean;
	ignoredFolders?: string[];
	requireProperties?: string[];
	identityProperties?: string[];
	bibliography?: string[];
	literatureNotes?: LiteratureNotesConfig;
}

export interface ConfigProblem {
	/** JSON pointer of the value (`/severities/unused-definition`, `/ignoredFolders/2`); "" the whole file. */
	pointer: string;
	/** One line naming the key: `severities.unused-definition: takes error, warning or info (got "high")`. */
	message: string;
}

export interface ReadConfig {
	config: AuditConfig;
	problems: ConfigProblem[];
}

export function emptyConfig(): AuditConfig {
	return { kinds: {}, severities: {} };
}

type Check = (value: unknown) => string | undefined;

const NON_BLANK = /\S/;
const PROPERTY_NAME = /^[^\s:#][^:#]*$/;

function describe(value: unknown): string {
	if (value === null) return "null";
	if (Array.isArray(value)) return "a list";
	if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return "an object";
}

const isBoolean: Check = (value) => (typeof value === "boolean" ? undefined : `takes true or false (got ${describe(value)})`);
const isSeverity: Check = (value) => (SEVERITY_ORDER.includes(value as Severity) ? undefined : `takes error, warning or info (got ${describe(value)})`);
const stringMatching = (pattern: RegExp, what: string): Check => (value) =>
	typeof value === "string" && pattern.test(value) ? undefined : `takes ${what} (got ${describe(value)})`;

/** The array keys: each item is checked (pointer `/key/index`); the key falls back to its default if one fails. */
const LISTS: Record<"ignoredFolders" | "requireProperties" | "identityProperties" | "bibliography", Check> = {
	ignoredFolders: stringMatching(NON_BLANK, "a folder path"),
	requireProperties: stringMatching(/[^\s,|]/, 'a property name, or alternatives joined by | ("year|date")'),
	identityProperties: stringMatching(NON_BLANK, "a property name"),
	bibliography: stringMatching(NON_BLANK, "a bibliography file path"),
};

const LITERATURE: Record<keyof LiteratureNotesConfig, Check> = {
	folder: (value) => (typeof value === "string" ? undefined : `takes a folder path (got ${describe(value)})`),
	template: stringMatching(/\{\{citekey\}\}/, "a file name holding {{citekey}}"),
	property: stringMatching(PROPERTY_NAME, 'a property name such as "citekey"'),
};

const TOP_KEYS = ["$schema", "kinds", "severities", "minSeverity", "checkBodyLinks", ...Object.keys(LISTS), "literatureNotes"];

/** Reads the file's text. Never throws: a problem is reported and the defaults stand in. */
export function readAuditConfig(text: string): ReadConfig {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ""));
	} catch (error) {
		return { config: emptyConfig(), problems: [{ pointer: "", message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
	}
	return checkAuditConfig(data);
}

/** Checks parsed JSON against the schema's rules. */
export function checkAuditConfig(data: unknown): ReadConfig {
	const config = emptyConfig();
	const problems: ConfigProblem[] = [];
	const report = (path: readonly string[], message: string) =>
		problems.push({ pointer: path.map((part) => `/${part.replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""), message: `${path.join(".") || "the file"}: ${message}` });
	if (data === null || typeof data !== "object" || Array.isArray(data)) {
		report([], `takes an object of settings (got ${describe(data)})`);
		return { config, problems };
	}
	for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
		if (!TOP_KEYS.includes(key)) {
			report([key], `unknown key (known: ${TOP_KEYS.filter((name) => name !== "$schema").join(", ")})`);
			continue;
		}
		if (key === "$schema") {
			if (typeof value !== "string") report([key], `takes the schema's address (got ${describe(value)})`);
		} else if (key === "kinds" || key === "severities") {
			readKindTable(key, value, key === "kinds" ? isBoolean : isSeverity, config, report);
		} else if (key === "minSeverity") {
			const problem = isSeverity(value);
			if (problem) report([key], problem);
			else config.minSeverity = value as Severity;
		} else if (key === "checkBodyLinks") {
			const problem = isBoolean(value);
			if (problem) report([key], problem);
			else config.checkBodyLinks = value as boolean;
		} else if (key === "literatureNotes") {
			readLiterature(value, config, report);
		} else {
			const list = key as keyof typeof LISTS;
			if (!Array.isArray(value)) {
				report([key], `takes a list (got ${describe(value)})`);
				continue;
			}
			let bad = false;
			value.forEach((item: unknown, index) => {
				const problem = LISTS[list](item);
				if (problem) report([key, String(index)], problem);
				bad ||= problem !== undefined;
			});
			if (!bad) config[list] = value as string[];
		}
	}
	return { config, problems };
}

function readKindTable(
	key: "kinds" | "severities",
	value: unknown,
	check: Check,
	config: AuditConfig,
	report: (path: readonly string[], message: string) => void,
): void {
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		report([key], `takes an object of finding kinds (got ${describe(value)})`);
		return;
	}
	for (const [kind, setting] of Object.entries(value as Record<string, unknown>)) {
		if (!(ALL_FINDING_KINDS as readonly string[]).includes(kind)) {
			report([key, kind], "is not a finding kind (see citation-audit --help or the README for the kinds)");
			continue;
		}
		const problem = check(setting);
		if (problem) report([key, kind], problem);
		else if (key === "kinds") config.kinds[kind as FindingKind] = setting as boolean;
		else config.severities[kind as FindingKind] = setting as Severity;
	}
}

function readLiterature(value: unknown, config: AuditConfig, report: (path: readonly string[], message: string) => void): void {
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		report(["literatureNotes"], `takes an object with folder, template and property (got ${describe(value)})`);
		return;
	}
	const read: LiteratureNotesConfig = {};
	let bad = false;
	for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
		if (!Object.prototype.hasOwnProperty.call(LITERATURE, key)) {
			report(["literatureNotes", key], "unknown key (known: folder, template, property)");
			bad = true;
			continue;
		}
		const problem = LITERATURE[key as keyof LiteratureNotesConfig](setting);
		if (problem) report(["literatureNotes", key], problem);
		else read[key as keyof LiteratureNotesConfig] = setting as string;
		bad ||= problem !== undefined;
	}
	if (!bad) config.literatureNotes = read;
}

/** The kinds the configuration turns off. */
export function configDisabledKinds(config: AuditConfig): FindingKind[] {
	return ALL_FINDING_KINDS.filter((kind) => config.kinds[kind] === false);
}
