/**
 * A generated vault in memory, in the shape of issue 5's scale case: source notes with headings (60 %),
 * essays with footnotes citing them (a tenth by default; 50 footnotes each, some duplicated, some to missing
 * notes or headings, some unused), and daily notes without footnotes. Deterministic for a given size.
 */
export interface GeneratedVault {
	files: Record<string, string>;
	essays: string[];
	sources: string[];
	daily: string[];
}

export interface VaultShape {
	notes: number;
	essayShare?: number;
	footnotesPerEssay?: number;
	/** Approximate characters of prose per essay. */
	essayChars?: number;
}

/** A small linear congruential generator: the same vault on every run. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 0x100000000;
	};
}

const WORDS = ["archive", "memory", "press", "library", "forum", "link", "record", "shelf", "paper", "decay", "copy", "index", "margin", "ledger"];
const HEADINGS = ["Introduction", "Methods", "Sources", "Costs", "Summary"];

export function generateVault(shape: VaultShape): GeneratedVault {
	const next = random(shape.notes);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
	const sentence = () => Array.from({ length: 8 + Math.floor(next() * 8) }, () => pick(WORDS)).join(" ");
	const essayCount = Math.round(shape.notes * (shape.essayShare ?? 0.1));
	const sourceCount = Math.round(shape.notes * 0.6);
	const footnotes = shape.footnotesPerEssay ?? 50;
	const essayChars = shape.essayChars ?? 10_000;
	const files: Record<string, string> = {};
	const sources: string[] = [];
	const titles: string[] = [];
	for (let i = 0; i < sourceCount; i++) {
		const title = `Source ${String(i + 1).padStart(5, "0")}`;
		const path = `Sources/${String.fromCharCode(65 + (i % 26))}/${title}.md`;
		titles.push(title);
		sources.push(path);
		files[path] = [`# ${title}`, "", ...HEADINGS.slice(0, 1 + (i % HEADINGS.length)).flatMap((h) => [`## ${h}`, "", sentence(), ""])].join("\n");
	}
	const essays: string[] = [];
	for (let e = 0; e < essayCount; e++) {
		const path = `Essays/${["", "Drafts/", "Published/"][e % 3]}Essay ${String(e + 1).padStart(5, "0")}.md`;
		essays.push(path);
		const body: string[] = [`# Essay ${e + 1}`, ""];
		const definitions: string[] = [];
		const perParagraph = Math.max(1, Math.ceil(footnotes / Math.max(1, Math.round(essayChars / 400))));
		let label = 1;
		while (label <= footnotes) {
			const refs: string[] = [];
			for (let k = 0; k < perParagraph && label <= footnotes; k++, label++) refs.push(`${sentence()}.[^${label}]`);
			body.push(`${refs.join(" ")} ${sentence()}.`, "");
		}
		for (let n = 1; n <= footnotes; n++) {
			const roll = next();
			const title = pick(titles);
			if (roll < 0.04) definitions.push(`[^${n}]: [[Missing source ${e}-${n}]]`);
			else if (roll < 0.08) definitions.push(`[^${n}]: [[${title}#No such heading]]`);
			else if (roll < 0.12) definitions.push(`[^${n}]: [[${titles[e % titles.length]}]]`);
			else if (roll < 0.16) definitions.push(`[^${n}]: [Web source](https://example.org/${e}/${n})`);
			else definitions.push(`[^${n}]: [[${title}#${HEADINGS[0]}]], p. ${n}.`);
		}
		if (e % 7 === 0) definitions.push(`[^unused${e}]: [[${pick(titles)}]]`);
		files[path] = [...body, ...definitions, ""].join("\n");
	}
	const daily: string[] = [];
	for (let d = 0; sources.length + essays.length + daily.length < shape.notes; d++) {
		const path = `Daily/${String(2000 + Math.floor(d / 365))}/Day ${String(d + 1).padStart(5, "0")}.md`;
		daily.push(path);
		files[path] = ["# Daily note", "", `- ${sentence()}`, `- Read [[${pick(titles)}]] today.`, ""].join("\n");
	}
	return { files, essays, sources, daily };
}
