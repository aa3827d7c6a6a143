/**
 * CSL-JSON (`[{"id": "key", "title": …, "author": [{"family", "given"} | {"literal"}], "issued": {"date-parts":
 * [[2021]]}, "DOI", "URL"}]`, as Zotero and Better BibTeX export it) and CSL-YAML (the same items in YAML, as a
 * list or under `references:`, Pandoc's own layout). The YAML parser is injected: the `yaml` package in the command
 * line, Obsidian's `parseYaml` in the plugin, so the engine stays pure and the plugin bundle carries no second one.
 */
import type { BibEntry, ParsedBibliography, YamlParser } from "./bibliography";
import { jsonErrorOffset } from "./json-error-offset";

export function parseCslJson(text: string): ParsedBibliography {
	let data: unknown;
	try {
		data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (problem) {
		const message = problem instanceof Error ? problem.message : String(problem);
		return { format: "csl-json", entries: [], error: { line: jsonErrorLine(text, message), message: `not valid JSON: ${message}` } };
	}
	return readItems(data, "csl-json", lineFinder(text, /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g));
}

export function parseCslYaml(text: string, parseYaml: YamlParser): ParsedBibliography {
	let data: unknown;
	const body = text.replace(/^\uFEFF?---[ \t]*\r?\n/, "").replace(/\r?\n(?:---|\.\.\.)[ \t]*\s*$/, "\n");
	try {
		data = parseYaml(body);
	} catch (problem) {
		const message = problem instanceof Error ? problem.message : String(problem);
		return { format: "csl-yaml", entries: [], error: { line: yamlErrorLine(problem, message), message: `not valid YAML: ${firstLine(message)}` } };
	}
	return readItems(data, "csl-yaml", lineFinder(text, /^[ \t]*-?[ \t]*id:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*(?:#.*)?$/gm));
}

function readItems(data: unknown, format: "csl-json" | "csl-yaml", lineOf: (key: string) => number): ParsedBibliography {
	const items = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.references) ? data.references : null;
	if (!items) return { format, entries: [], error: { line: 1, message: "expected a list of CSL items (or `references:` holding one)" } };
	const entries: BibEntry[] = [];
	let error: ParsedBibliography["error"];
	items.forEach((item: unknown, index: number) => {
		const id: unknown = isRecord(item) ? (item.id ?? item["citation-key"]) : undefined;
		if (typeof id !== "string" && typeof id !== "number") {
			error ??= { line: 1, message: `item ${index + 1} has no \`id\`` };
			return;
		}
		const key = String(id);
		const record = item as Record<string, unknown>;
		const entry: BibEntry = { key, authors: names(record.author ?? record.editor), line: lineOf(key) };
		if (typeof record.title === "string") entry.title = record.title.trim();
		const year = issuedYear(record.issued);
		if (year) entry.year = year;
		const doi = record.DOI ?? record.doi;
		if (typeof doi === "string" && doi.trim() !== "") entry.doi = doi.trim();
		const url = record.URL ?? record.url;
		if (typeof url === "string" && url.trim() !== "") entry.url = url.trim();
		entries.push(entry);
	});
	const parsed: ParsedBibliography = { format, entries };
	if (error) parsed.error = error;
	return parsed;
}

function names(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((name: unknown) => {
			if (!isRecord(name)) return typeof name === "string" ? name : "";
			if (typeof name.literal === "string") return name.literal;
			const parts = [name.given, name["non-dropping-particle"] ?? name["dropping-particle"], name.family].filter((part): part is string => typeof part === "string" && part !== "");
			return parts.join(" ");
		})
		.filter((name) => name.trim() !== "");
}

/** `{"date-parts": [[2021, 3]]}`, `{"raw": "2021-03"}`, `{"literal": "…2021…"}` or a plain string/number. */
function issuedYear(value: unknown): string | undefined {
	if (typeof value === "number") return String(value);
	if (typeof value === "string") return /\d{4}/.exec(value)?.[0];
	if (!isRecord(value)) return undefined;
	const parts = value["date-parts"];
	if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
		const year: unknown = parts[0][0];
		if (typeof year === "number" || typeof year === "string") return String(year);
	}
	for (const field of ["raw", "literal"]) {
		const text = value[field];
		if (typeof text === "string") return /\d{4}/.exec(text)?.[0];
	}
	return undefined;
}

/** Where each id is written, from one scan of the text: `lineOf(key)` answers from that map (line 1 if unseen). */
function lineFinder(text: string, pattern: RegExp): (key: string) => number {
	let lines: Map<string, number> | null = null;
	return (key) => {
		if (!lines) {
			lines = new Map();
			let line = 1;
			let counted = 0;
			for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
				for (let at = text.indexOf("\n", counted); at !== -1 && at < match.index; at = text.indexOf("\n", at + 1)) {
					line++;
					counted = at + 1;
				}
				const id = match[1].replace(/\\(.)/g, "$1");
				if (!lines.has(id)) lines.set(id, line);
			}
		}
		return lines.get(key) ?? 1;
	};
}

/** Node and Chromium name the position of a JSON error ("… at position 123" / "(line 4 column 2)"). */
function jsonErrorLine(text: string, message: string): number {
	const line = /line (\d+)/.exec(message);
	if (line) return Number(line[1]);
	const position = /position (\d+)/.exec(message);
	return lineOfOffset(text, position ? Number(position[1]) : jsonErrorOffset(text));
}

/** The `yaml` package gives `linePos`; other parsers say "at line N". */
function yamlErrorLine(problem: unknown, message: string): number {
	const linePos = isRecord(problem) ? problem.linePos : undefined;
	if (Array.isArray(linePos) && isRecord(linePos[0]) && typeof linePos[0].line === "number") return linePos[0].line;
	const line = /line (\d+)/.exec(message);
	return line ? Number(line[1]) : 1;
}

function lineOfOffset(text: string, offset: number): number {
	let line = 1;
	for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
	return line;
}

function firstLine(message: string): string {
	return message.split("\n")[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
