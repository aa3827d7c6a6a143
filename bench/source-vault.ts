/**
 * The vault the generated essays cite: source notes with headings and block ids, a few attachments, and a few
 * titles kept in two folders (ambiguous bare links). It exists only as a list of paths and a function that
 * writes a note's text from its path, so the resolver sees a vault without a disk; `writeVault` in
 * `generate-vault.ts` puts the same notes on disk for the command line.
 */
import { createVaultResolver, type LinkResolver } from "../src/core/index";
import { hashString, Random } from "./random";

const TITLE_WORDS = [
	"Archive", "Memory", "Printing", "Press", "Library", "Forum", "Link", "Record", "Shelf", "Catalogue",
	"Paper", "Digital", "Silence", "Keeper", "Reader", "Margin", "Index", "Letter", "Ledger", "Atlas",
	"Copy", "Preservation", "Decay", "Network", "Commons", "Witness", "Document", "Map", "Census", "Canon",
];
const TITLE_SHAPES = [
	(a: string, b: string) => `The ${a} and Its ${b}s`,
	(a: string, b: string) => `Why ${a}s ${b}`,
	(a: string, b: string) => `On the ${a} of ${b}s`,
	(a: string, b: string) => `${a} Notes on ${b}s`,
	(a: string, b: string) => `A History of the ${a} ${b}`,
	(a: string, b: string) => `Can ${a}s Be ${b}-`,
	(a: string, b: string) => `Interview with a ${a} ${b}`,
];
export const HEADINGS = [
	"Introduction", "Keeping Habits", "Measuring decay", "Chapter Nine", "Methods", "Sources", "The Long View",
	"Costs", "Who Pays", "Copies", "Fragility", "Neutrality", "Selection", "Access", "Loss", "Formats",
	"Migration", "Custody", "Provenance", "Summary",
];

export interface SourceVault {
	/** Every vault path: sources, archive copies, attachments. */
	paths: string[];
	/** Titles of the source notes (bare link names), index-aligned with `sourcePaths`. */
	titles: string[];
	sourcePaths: string[];
	attachments: string[];
	/** The headings a source note has (links to other headings are `missing-subpath`). */
	headingsOf(index: number): string[];
	/** The text of a note, or null for a path that is not a generated note. */
	readNote(path: string): string | null;
	resolver(): LinkResolver;
}

export function createSourceVault(sourceCount: number, seed = 7): SourceVault {
	const random = new Random(seed);
	const titles: string[] = [];
	const seen = new Set<string>();
	while (titles.length < sourceCount) {
		let title = random.pick(TITLE_SHAPES)(random.pick(TITLE_WORDS), random.pick(TITLE_WORDS));
		if (seen.has(title.toLowerCase())) title = `${title} ${titles.length}`;
		seen.add(title.toLowerCase());
		titles.push(title);
	}
	const sourcePaths = titles.map((title, index) => `Sources/${folderOf(index)}${title}.md`);
	// One title in a hundred is also kept in Archive/: bare links to it are ambiguous.
	const archiveCopies = titles.filter((_, index) => index % 100 === 3).map((title) => `Archive/${title}.md`);
	const attachments = Array.from({ length: Math.max(4, Math.floor(sourceCount / 40)) }, (_, index) => `attachments/figure-${index}.pdf`);
	const paths = [...sourcePaths, ...archiveCopies, ...attachments];
	const byPath = new Map<string, number>();
	sourcePaths.forEach((path, index) => byPath.set(path, index));
	archiveCopies.forEach((path) => byPath.set(path, titles.indexOf(path.slice("Archive/".length, -3))));

	const headingsOf = (index: number): string[] => {
		const start = hashString(titles[index]) % HEADINGS.length;
		return [0, 3, 7, 12].map((step) => HEADINGS[(start + step) % HEADINGS.length]);
	};
	const readNote = (path: string): string | null => {
		const index = byPath.get(path);
		return index === undefined ? null : sourceNoteText(titles[index], headingsOf(index));
	};
	return {
		paths,
		titles,
		sourcePaths,
		attachments,
		headingsOf,
		readNote,
		resolver: () => createVaultResolver({ paths, readNote }),
	};
}

/** Sources sit in a few subfolders, as a real vault's do. */
function folderOf(index: number): string {
	const folders = ["", "Books/", "Articles/", "Interviews/"];
	return folders[index % folders.length];
}

/** A small source note: properties, a title, four headings, a block id. */
export function sourceNoteText(title: string, headings: readonly string[]): string {
	const random = new Random(hashString(title));
	const lines = ["---", `aliases: ["${title.toLowerCase()}"]`, "tags: [source]", "---", "", `# ${title}`, ""];
	for (const heading of headings) {
		lines.push(`## ${heading}`, "");
		lines.push(`${sentence(random)} ${sentence(random)}`, "");
	}
	lines.push(`${sentence(random)} ^shelf-note`, "");
	return lines.join("\n");
}

const WORDS = [
	"archive", "memory", "page", "link", "record", "reader", "library", "time", "copy", "shelf", "web", "site",
	"domain", "forum", "book", "press", "paper", "decade", "century", "habit", "keeper", "people", "care", "loss",
	"trust", "note", "essay", "source", "author", "reference", "citation", "version", "edition", "margin", "index",
	"the", "the", "the", "of", "of", "and", "and", "a", "a", "in", "to", "is", "that", "it", "was", "for", "on",
	"with", "as", "but", "not", "by", "from", "which", "where", "when", "rarely", "often", "still", "never",
	"slowly", "quietly", "moves", "lapses", "survives", "vanishes", "changes", "remains", "returns", "holds",
	"café", "naïve", "déjà", "“quoted”", "it’s", "—",
];

export function sentence(random: Random, words = random.between(8, 22)): string {
	const parts: string[] = [];
	for (let i = 0; i < words; i++) parts.push(random.pick(WORDS));
	const first = parts[0];
	parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
	return `${parts.join(" ")}.`;
}
