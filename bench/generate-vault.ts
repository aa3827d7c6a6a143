/**
 * Issue 5's scale case on disk: a vault of 10,000 notes in a temporary folder, a tenth of them essays with
 * 50 footnotes citing the vault's source notes; the rest source notes (headings, block ids; a few kept in two
 * folders), daily notes without footnotes (some with `[^1]` inside code, so they pass the command line's
 * cheap text test and must be parsed to be skipped) and a few attachments.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateEssay } from "./generate-essay";
import { Random } from "./random";
import { createSourceVault, sentence } from "./source-vault";

export interface VaultShape {
	notes: number;
	essayShare: number;
	footnotesPerEssay: number;
	essayChars: number;
	seed: number;
}

export interface WrittenVault {
	/** Markdown notes written. */
	notes: number;
	essays: number;
	/** Footnote definitions over all essays. */
	footnotes: number;
	files: number;
	bytes: number;
}

export function writeVault(root: string, shape: VaultShape): WrittenVault {
	const essays = Math.round(shape.notes * shape.essayShare);
	const sourceCount = Math.round(shape.notes * 0.6);
	const vault = createSourceVault(sourceCount, shape.seed);
	const written: WrittenVault = { notes: 0, essays, footnotes: 0, files: 0, bytes: 0 };
	const folders = new Set<string>();
	const write = (path: string, text: string | Buffer): void => {
		const absolute = join(root, path);
		const folder = dirname(absolute);
		if (!folders.has(folder)) {
			mkdirSync(folder, { recursive: true });
			folders.add(folder);
		}
		writeFileSync(absolute, text);
		written.files++;
		written.bytes += typeof text === "string" ? Buffer.byteLength(text) : text.length;
		if (path.endsWith(".md")) written.notes++;
	};

	for (const path of vault.paths) {
		const text = vault.readNote(path);
		write(path, text ?? Buffer.from(`%PDF-1.4 generated attachment ${path}\n`));
	}
	for (let i = 0; i < essays; i++) {
		const essay = generateEssay({ chars: shape.essayChars, footnotes: shape.footnotesPerEssay, seed: shape.seed * 100_003 + i, vault });
		written.footnotes += essay.expected.definitions;
		write(`Essays/${folderOf(i)}Essay ${String(i + 1).padStart(4, "0")}.md`, essay.text);
	}
	const random = new Random(shape.seed + 1);
	for (let day = 0; written.notes < shape.notes; day++) {
		write(`Daily/${dailyName(day)}.md`, dailyNote(random, vault.titles));
	}
	return written;
}

function folderOf(index: number): string {
	return ["", "Drafts/", "Published/", "Published/2023/"][index % 4];
}

function dailyName(day: number): string {
	const date = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000);
	return date.toISOString().slice(0, 10);
}

/** A short daily note: a heading, a few lines, sometimes links, sometimes a code block with `[^1]` in it. */
function dailyNote(random: Random, titles: readonly string[]): string {
	const lines = ["# Daily note", ""];
	for (let i = random.between(1, 4); i > 0; i--) lines.push(`- ${sentence(random)}`);
	if (random.chance(0.3)) lines.push("", `Read [[${random.pick(titles)}]] today.`);
	if (random.chance(0.05)) lines.push("", "```js", "const first = notes[^1];", "```");
	lines.push("");
	return lines.join("\n");
}
