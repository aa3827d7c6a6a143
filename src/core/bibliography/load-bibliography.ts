/**
 * One entry point for every bibliography format, chosen by the file's extension as Pandoc chooses it, and a
 * cache so each file is parsed once and again only when it changes: the caller says what "changed" means (the
 * command line passes the file's modification time, the plugin a counter bumped on the vault's `modify` event).
 */
import { formatOfPath, type ParsedBibliography, type YamlParser } from "./bibliography";
import { parseBibtex } from "./bibtex";
import { parseCslJson, parseCslYaml } from "./csl";

export function parseBibliography(path: string, text: string, parseYaml: YamlParser): ParsedBibliography {
	const format = formatOfPath(path);
	if (format === "csl-json") return parseCslJson(text);
	if (format === "csl-yaml") return parseCslYaml(text, parseYaml);
	if (format === "bibtex") return parseBibtex(text);
	// Pandoc refuses an unknown extension; a JSON array or a BibTeX `@` says what the file is.
	const start = text.trimStart();
	if (start.startsWith("[")) return parseCslJson(text);
	if (start.startsWith("@") || start.startsWith("%")) return parseBibtex(text);
	return parseCslYaml(text, parseYaml);
}

interface Cached {
	version: string | number;
	parsed: ParsedBibliography;
}

export class BibliographyCache {
	private readonly cache = new Map<string, Cached>();
	/** How many files were parsed (not answered from the cache): for tests and the bench. */
	parses = 0;

	constructor(private readonly parseYaml: YamlParser) {}

	/** The parse of `path` at `version`; `read` is called only when the version differs from the cached one. */
	get(path: string, version: string | number, read: () => string): ParsedBibliography {
		const cached = this.cache.get(path);
		if (cached && cached.version === version) return cached.parsed;
		this.parses++;
		const parsed = parseBibliography(path, read(), this.parseYaml);
		this.cache.set(path, { version, parsed });
		return parsed;
	}

	/** Forgets a file (deleted or renamed). */
	forget(path: string): void {
		this.cache.delete(path);
	}
}
