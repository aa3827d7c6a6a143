/**
 * Generated essays for the benchmark and the linear-path test: deterministic (seeded), any size, with the
 * footnote count scaled alike. An essay has a frontmatter, headings, paragraphs, lists, quotes, code blocks
 * and comments (whose `[^x]` and `[[x]]` are not citations), body links (wikilinks with and without aliases,
 * markdown links, external links, embeds), reference runs like `[^7] [^8] .[^9]`, inline footnotes, and at
 * the end the definitions: citing source notes by name, alias, heading and block, with continuation
 * paragraphs, some external or plain-text ones, some unresolved, some with a missing heading. Mixed in:
 * duplicated labels, unused definitions, undefined references and re-citations.
 */
import { Random } from "./random";
import { sentence, type SourceVault } from "./source-vault";

export interface EssayOptions {
	/** Target length in characters (≈ bytes: the text is ASCII but for a few accents and quotes). */
	chars: number;
	/** Footnote definitions to write, inline footnotes included: the essay's `stats.definitions`. */
	footnotes: number;
	seed: number;
	vault: SourceVault;
}

export interface GeneratedEssay {
	text: string;
	/** What the audit must count: definitions (block and inline) and `[^x]` references outside code. */
	expected: {
		definitions: number;
		references: number;
		duplicateLabels: number;
		unusedDefinitions: number;
		undefinedLabels: number;
	};
}

/** A citation in the body: a `[^label]` reference or an inline footnote `^[…]`. */
type CitationEvent = { kind: "reference"; label: string } | { kind: "inline" };

const INLINE_SHARE = 0.005;
const DUPLICATE_SHARE = 0.01;
const UNUSED_SHARE = 0.02;
const UNDEFINED_SHARE = 0.02;
const RECITE_SHARE = 0.08;

export function generateEssay(options: EssayOptions): GeneratedEssay {
	return new EssayWriter(options).write();
}

class EssayWriter {
	private readonly random: Random;
	private readonly vault: SourceVault;
	private body: string[] = [];
	private bodyLength = 0;
	private references = 0;

	constructor(private readonly options: EssayOptions) {
		this.random = new Random(options.seed);
		this.vault = options.vault;
	}

	write(): GeneratedEssay {
		const { footnotes } = this.options;
		const random = this.random;
		const inlineCount = Math.floor(footnotes * INLINE_SHARE);
		const blockCount = footnotes - inlineCount;
		const duplicateCount = Math.floor(footnotes * DUPLICATE_SHARE);
		const uniqueCount = blockCount - duplicateCount;

		// Labels: mostly numbers, some named (cited once with different case, as writers do).
		const labels = Array.from({ length: uniqueCount }, (_, index) => (random.chance(0.05) ? `smith${index + 1}` : `${index + 1}`));

		// Definitions in text order; a duplicate re-defines an earlier label with other content.
		const definitionLines: string[] = [];
		const duplicated = new Set<string>();
		let duplicatesLeft = duplicateCount;
		labels.forEach((label, index) => {
			definitionLines.push(this.definition(label));
			const remaining = uniqueCount - index;
			if (duplicatesLeft > 0 && random.next() < duplicatesLeft / remaining) {
				const again = labels[random.int(index + 1)];
				definitionLines.push(this.definition(again));
				duplicated.add(again);
				duplicatesLeft--;
			}
		});

		// Citations in the body, in label order, with undefined ones, re-citations and inline footnotes mixed in.
		const unused = new Set<number>();
		while (unused.size < Math.floor(footnotes * UNUSED_SHARE)) unused.add(random.int(uniqueCount));
		const events: CitationEvent[] = [];
		let undefinedLeft = Math.floor(footnotes * UNDEFINED_SHARE);
		let inlineLeft = inlineCount;
		let undefinedLabels = 0;
		labels.forEach((label, index) => {
			const remaining = uniqueCount - index;
			if (!unused.has(index)) events.push({ kind: "reference", label: index % 7 === 3 ? label.toUpperCase() : label });
			const earlier = random.int(Math.max(1, index));
			if (random.chance(RECITE_SHARE) && index > 0 && !unused.has(earlier)) events.push({ kind: "reference", label: labels[earlier] });
			if (undefinedLeft > 0 && random.next() < undefinedLeft / remaining) {
				events.push({ kind: "reference", label: `missing${undefinedLeft}` });
				undefinedLeft--;
				undefinedLabels++;
			}
			if (inlineLeft > 0 && random.next() < inlineLeft / remaining) {
				events.push({ kind: "inline" });
				inlineLeft--;
			}
		});

		const frontmatter = [
			"---",
			"title: Generated essay",
			"tags: [draft, essay]",
			'note: "[^frontmatter] and [[Not A Link]] in properties are not citations"',
			"---",
			"",
			"# Generated essay",
			"",
		].join("\n");
		const definitions = definitionLines.join("\n");
		const bodyBudget = Math.max(events.length * 40, this.options.chars - frontmatter.length - definitions.length - 2);
		this.writeBody(events, bodyBudget);
		const text = `${frontmatter}${this.body.join("")}\n${definitions}\n`;
		return {
			text,
			expected: {
				definitions: footnotes,
				references: this.references,
				duplicateLabels: duplicated.size,
				unusedDefinitions: unused.size,
				undefinedLabels,
			},
		};
	}

	/** Paragraphs, lists, quotes and code until `budget` characters, the citations spread evenly over them. */
	private writeBody(events: readonly CitationEvent[], budget: number): void {
		const random = this.random;
		const spacing = budget / Math.max(1, events.length);
		let next = 0;
		let section = 1;
		let paragraphs = 0;
		const citationsDue = (): CitationEvent[] => {
			const due: CitationEvent[] = [];
			while (next < events.length && this.bodyLength >= (next + 1) * spacing) due.push(events[next++]);
			// Now and then a run of three, like `[^7] [^8] .[^9]`.
			if (due.length === 1 && next + 2 <= events.length && random.chance(0.05)) due.push(events[next++], events[next++]);
			return due;
		};
		while (this.bodyLength < budget || next < events.length) {
			if (paragraphs % 12 === 0) this.emit(`## Section ${section++}\n\n`);
			paragraphs++;
			const kind = random.next();
			if (kind < 0.01) {
				this.emit("```text\nCode is not prose: [^code] and [[Code Link]] are ignored.\nconst note = notes[^1];\n```\n\n");
				continue;
			}
			if (kind < 0.015) {
				this.emit("%% Draft comment: [^hidden] and [[Hidden Link]] are not citations. %%\n\n");
				continue;
			}
			const prefix = kind < 0.15 ? "- " : kind < 0.2 ? "> " : "";
			const lines = prefix === "" ? 1 : random.between(2, 5);
			for (let line = 0; line < lines; line++) {
				const sentences = prefix === "" ? random.between(2, 6) : 1;
				const parts: string[] = [];
				for (let i = 0; i < sentences; i++) parts.push(this.sentenceWithCitations(citationsDue()));
				this.emit(`${prefix}${parts.join(" ")}\n`);
			}
			this.emit("\n");
		}
	}

	private sentenceWithCitations(due: readonly CitationEvent[]): string {
		const random = this.random;
		let text = sentence(random).slice(0, -1);
		const extra = random.next();
		if (extra < 0.06) text += ` (see ${this.bodyLink()})`;
		else if (extra < 0.075) text += " with `[^code]` in a code span";
		else if (extra < 0.085) text += " at a rate of $p = 1 - e^{-t}$";
		text += ".";
		due.forEach((event, index) => {
			const separator = index === 0 ? "" : random.chance(0.5) ? " ." : " ";
			if (event.kind === "inline") {
				text += `${separator}^[See ${this.citation()}.]`;
			} else {
				text += `${separator}[^${event.label}]`;
				this.references++;
			}
		});
		return text;
	}

	/** A link in the body text: most resolve, some are aliased, some point nowhere. */
	private bodyLink(): string {
		const random = this.random;
		const index = this.sourceIndex();
		const title = this.vault.titles[index];
		const roll = random.next();
		if (roll < 0.3) return `[[${title}]]`;
		if (roll < 0.55) return `[[${title}|${title.toLowerCase().slice(0, 18)}]]`;
		if (roll < 0.65) return `[[${title}#${random.pick(this.vault.headingsOf(index))}]]`;
		if (roll < 0.75) return `[${title}](${encodeURI(this.vault.sourcePaths[index])})`;
		if (roll < 0.85) return `[a web page](https://example.org/${index})`;
		if (roll < 0.9) return `![[${random.pick(this.vault.attachments)}]]`;
		if (roll < 0.95) return `[[A Note Never Written ${index % 50}]]`;
		return `[[${title}]] and [[${this.vault.titles[this.sourceIndex()]}]]`;
	}

	/** `[^label]: …` with what it cites, and now and then a continuation paragraph. */
	private definition(label: string): string {
		const random = this.random;
		const head = `[^${label}]: ${this.citation()}`;
		const roll = random.next();
		if (roll < 0.05) return `${head}\n\n    ${sentence(random)} Compare ${this.citation()}.`;
		if (roll < 0.3) return `${head} ${sentence(random, random.between(4, 12))}`;
		return head;
	}

	/** What a footnote cites: a source note in its many spellings, or something that is not a vault note. */
	private citation(): string {
		const random = this.random;
		const index = this.sourceIndex();
		const title = this.vault.titles[index];
		const alias = title.toLowerCase().replace(/-$/, "?");
		const roll = random.next();
		if (roll < 0.3) return `[[${title}]]`;
		if (roll < 0.5) return `[[${title}|${alias}]]`;
		if (roll < 0.65) return `[[${title}#${random.pick(this.vault.headingsOf(index))}]], p. ${random.between(1, 400)}`;
		if (roll < 0.68) return `[[${title}#${random.pick(this.vault.headingsOf(index))}|${alias}]]`;
		if (roll < 0.71) return `[[${title}#No Such Heading]]`;
		if (roll < 0.73) return `[[${title}#^shelf-note]]`;
		if (roll < 0.76) return `[[Lost Source ${index}]]`;
		if (roll < 0.78) return `[[${typo(title)}|${alias}]]`;
		if (roll < 0.83) return `[${title}](https://example.org/source/${index})`;
		if (roll < 0.85) return `https://example.org/bare/${index}`;
		if (roll < 0.88) return "Personal communication, 2023.";
		if (roll < 0.91) return `[${title}](${encodeURI(this.vault.sourcePaths[index])})`;
		if (roll < 0.93) return `![[${random.pick(this.vault.attachments)}#page=${random.between(1, 30)}]]`;
		return `[[${title}]], pp. ${random.between(1, 200)}–${random.between(201, 400)}`;
	}

	/** Skewed: a few sources are cited often, most rarely. */
	private sourceIndex(): number {
		const r = this.random.next();
		return Math.floor(r * r * this.vault.titles.length);
	}

	private emit(text: string): void {
		this.body.push(text);
		this.bodyLength += text.length;
	}
}

/** Swaps two letters in the middle of a title: a near-miss the suggester should catch. */
function typo(title: string): string {
	const at = Math.max(1, Math.floor(title.length / 2));
	return title.slice(0, at - 1) + title.charAt(at) + title.charAt(at - 1) + title.slice(at + 1);
}
