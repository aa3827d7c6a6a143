/**
 * Random vaults for the read-ahead tests: essays citing sources by footnote, by heading and block subpaths
 * (some missing), by names that exist nowhere, and Pandoc keys; sources with plain, library-parsed and broken
 * frontmatters, shared identifiers (one work filed twice), an `@` or a footnote of their own, a BOM, invalid
 * UTF-8; attachments and daily notes that cite nothing. Seeded, so a failure can be replayed.
 */
import { makeTree } from "./cli-harness";

export function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FRONTMATTERS = [
	"",
	"---\ndoi: 10.1234/shared\n---\n",
	"---\ntitle: A plain title\nauthor: Someone\nyear: 2001\n---\n",
	"---\naliases: [Other name, Third name]\ntags:\n  - reading\n---\n",
	"---\ntitle: [unclosed\n---\n",
	"---\n- a list, not properties\n---\n",
	"\uFEFF---\nurl: https://example.org/a\n---\n",
];

const BODIES = [
	"# Overview\n\nSome notes.\n\n## Method\n\nA step. ^step-1\n",
	"Plain text, no heading.\n",
	"```\n# not a heading\n```\n\n### Late heading\n",
	"Mail me at someone@example.org.\n",
	"A source that cites.[^1]\n\n[^1]: [[Nowhere at all]]\n",
	"%% # commented heading %%\n\n# Real heading ^block-two\n",
];

export function randomVault(seed: number, sources: number, essays: number): string {
	const random = seeded(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const files: Record<string, string | Buffer> = {};
	for (let index = 0; index < sources; index++) {
		const body = `${pick(FRONTMATTERS)}${pick(BODIES)}`;
		files[`Sources/Source ${index}.md`] = random() < 0.05 ? Buffer.concat([Buffer.from(body), Buffer.from([0xff, 0x0a])]) : body;
	}
	for (let index = 0; index < sources; index++) files[`Daily/2024-01-${String(index).padStart(3, "0")}.md`] = `Walked. Read ${index} pages.\n`;
	files["attachments/figure.png"] = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
	const targets = ["Overview", "Method", "Missing heading", "Late heading", "Real heading"];
	for (let index = 0; index < essays; index++) {
		const lines: string[] = [];
		const definitions: string[] = [];
		const footnotes = 2 + Math.floor(random() * 6);
		for (let footnote = 1; footnote <= footnotes; footnote++) {
			lines.push(`Claim ${footnote}.[^${footnote}]`);
			const source = `Source ${Math.floor(random() * sources)}`;
			const roll = random();
			const target = roll < 0.2 ? `${source}#${pick(targets)}` : roll < 0.3 ? `${source}#^${pick(["step-1", "block-two", "gone"])}` : roll < 0.35 ? `Sorce ${footnote}` : source;
			definitions.push(`[^${footnote}]: [[${target}]]`);
		}
		if (random() < 0.3) lines.push("As argued [@smith2020, p. 4].");
		files[`Essays/Essay ${index}.md`] = `${lines.join(" ")}\n\n${definitions.join("\n")}\n`;
	}
	return makeTree(files);
}
