/**
 * The text of a new literature note for a key, from its bibliography entry: YAML frontmatter with the key (under
 * the configured property, `citekey` by default), title, authors, year and DOI or URL, then a heading. Values are
 * written as quoted YAML strings, so no title (with `:` or `#` in it) can change the frontmatter's structure.
 *
 *   ---
 *   citekey: "mullerKernelsOrchard2021"
 *   title: "Kernels of the Orchard: A Field Study"
 *   authors:
 *     - "Jörg Müller"
 *   year: "2021"
 *   doi: "10.5555/orchard.2021.012"
 *   ---
 *   # Kernels of the Orchard: A Field Study
 */
import type { BibEntry } from "../bibliography/bibliography";

export function literatureNoteText(entry: BibEntry, property = "citekey"): string {
	const lines = ["---", `${yamlKey(property || "citekey")}: ${quote(entry.key)}`];
	if (entry.title) lines.push(`title: ${quote(entry.title)}`);
	if (entry.authors.length > 0) lines.push("authors:", ...entry.authors.map((author) => `  - ${quote(author)}`));
	if (entry.year) lines.push(`year: ${quote(entry.year)}`);
	if (entry.doi) lines.push(`doi: ${quote(entry.doi)}`);
	if (entry.url) lines.push(`url: ${quote(entry.url)}`);
	lines.push("---", "", `# ${(entry.title ?? entry.key).replace(/\s+/g, " ")}`, "");
	return lines.join("\n");
}

/** A double-quoted YAML scalar: backslash and quote escaped, control characters as escapes. */
function quote(value: string): string {
	let out = "";
	for (const char of value) {
		const code = char.charCodeAt(0);
		if (char === "\\" || char === '"') out += `\\${char}`;
		else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
		else out += char;
	}
	return `"${out}"`;
}

function yamlKey(name: string): string {
	return /^[A-Za-z_][\w-]*$/.test(name) ? name : quote(name);
}
