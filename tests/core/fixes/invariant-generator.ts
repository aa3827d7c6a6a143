/**
 * Notes written the way writers write them, for the invariant properties of issue 12 (see
 * invariant-checks.ts): footnote definitions whose comments, math and code start or end on their lines,
 * list items, quotes and callouts whose text starts with math or a comment, aliases and markdown link texts with
 * page numbers, wrapped and commented unclosed links, note names with spaces, format characters (U+200F,
 * U+200B, a ZWJ sequence), frontmatter, a BOM and CRLF. Small label and target sets make duplicates, unused and
 * undefined footnotes, closable links and near-miss names (which get suggestions) frequent.
 */
import fc from "fast-check";

/** The vault the notes cite from: names with spaces, a folder, a name in NFD-free Latin. */
export const INVARIANT_VAULT = ["Alpha.md", "Beta Notes.md", "Sources/Gamma Ray.md", "Smith 2020.md"];

/** Resolving names, and near misses that suggest one of them ("Alpah" → Alpha). */
const TARGETS = ["Alpha", "Alpha", "Beta Notes", "Gamma Ray", "Sources/Gamma Ray", "Smith 2020", "Alpah", "Beta Note", "Missing Work"];
const LABELS = ["1", "2", "3", "4", "5", "10", "a", "note", "Note"];

/** What follows a definition's link on its line, some of it running onto the next line (a lazy continuation). */
const TAILS = [
	", p. 12",
	" %% to check: the\nedition we quote %%",
	" %% to check: the\n\nedition we quote %%",
	" %% open\n\n- a list %% after",
	" %% check the page %%",
	" $$a\n= b$$",
	" $$a\n\n= b$$   ",
	" $x$ and more",
	" `code [^1]` here",
	" `starts here\nends here` then",
	" <!-- a note -->",
	"\n    More about this source.",
	"\n\n        indented %% code cell",
];

/** The cited part of a definition: a wikilink with or without alias, a markdown link, or plain text. */
function writeCitation(kind: number, target: string): string {
	const encoded = target.replace(/ /g, "%20");
	switch (kind) {
		case 0:
			return `[[${target}]]`;
		case 1:
			return `[[${target}|${target}, p. 12]]`;
		case 2:
			return `[Smith 2020, p. 9](${encoded}.md)`;
		case 3:
			return `[Smith 2020](<${target}.md>)`;
		case 4:
			return `[[${target}|\u200F${target}\u200F]]`;
		case 5:
			return `%% seen %% [[${target}]]`;
		default:
			return "A printed book, chapter two.";
	}
}

/** Unclosed links: plain, with a page after a comma, before a comment or math, half-closed, wrapped. */
function writeUnclosed(kind: number, target: string): string {
	switch (kind) {
		case 0:
			return `[[${target}`;
		case 1:
			return `[[${target}, p. 12`;
		case 2:
			return `[[${target} %% check the page %%`;
		case 3:
			return `[[${target} <!-- x -->`;
		case 4:
			return `[[${target} $x$`;
		case 5:
			return `[[${target}|${target}]`;
		default:
			// Wrapped onto the next line, whose `]]` is there.
			return `[[${target.replace(" ", "\n")} more]]`;
	}
}

interface DefinitionSpec {
	label: string;
	target: string;
	citation: number;
	unclosed: number | null;
	tail: string;
	blankBefore: boolean;
}

const definition: fc.Arbitrary<DefinitionSpec> = fc.record({
	label: fc.constantFrom(...LABELS),
	target: fc.constantFrom(...TARGETS),
	citation: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }),
	unclosed: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) }),
	tail: fc.oneof({ weight: 1, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(...TAILS) }),
	blankBefore: fc.integer({ min: 1, max: 4 }).map((value) => value === 1),
});

function writeDefinition(spec: DefinitionSpec): string {
	const body = spec.unclosed === null ? writeCitation(spec.citation, spec.target) + spec.tail : writeUnclosed(spec.unclosed, spec.target);
	return `${spec.blankBefore ? "\n" : ""}[^${spec.label}]: ${body}`;
}

const reference = fc.constantFrom(...LABELS).map((label) => `[^${label}]`);
const references = fc.array(reference, { minLength: 1, maxLength: 3 }).map((refs) => refs.join(" "));

/** Prose words, some with format characters: a right-to-left mark, a zero-width space, a ZWJ emoji. */
const words = fc.constantFrom("Machines repeat what they read", "Text\u200F with a mark", "zero\u200Bwidth words", "The 👩‍🔬 wrote", "Émile said");

/** Blocks of the body. `R` stands for the block's references. */
const BODY = [
	"W R.",
	"W R and [[Beta Notes]] too.",
	"- $x$ is the phase R",
	"> %%note%% as shown R",
	"> [!note] A callout\n> $y$ holds R",
	"1. %% aside %% item R",
	"- $$a$$ display R",
	"> [!tip]\n> ```\n> %% not a comment R\n> ```",
	"W.\n\n    %% MATLAB cell\n    x = 1 % R",
	"```\ncode cites R\n[^3]: [[Alpha]]\n```",
	"%%\n[^4]: [[Gamma Ray]]\nhidden R\n%%",
	"$$\n[^5]: [[Alpha]]\n$$",
	"W `R` and R.",
	"## A heading R",
];

const block = fc.record({ shape: fc.constantFrom(...BODY), words, refs: references }).map(({ shape, words: text, refs }) => shape.replace("W", text).replace(/R/g, refs));

/**
 * A note: maybe a BOM and frontmatter, 1–6 body blocks, 1–8 definitions with distinct labels (now and then a
 * second definition of one of them), some placed before or between the blocks, LF or CRLF, with or without a final
 * line break.
 */
export const invariantNote: fc.Arbitrary<string> = fc
	.record({
		bom: fc.integer({ min: 1, max: 6 }).map((value) => value === 1),
		frontmatter: fc.constantFrom("", "", "---\ntitle: \"Notes [^1]\"\nsource: \"[[Alpha]]\"\n---"),
		blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
		definitions: fc.uniqueArray(definition, { selector: (value) => value.label.toLowerCase(), minLength: 1, maxLength: 8 }),
		twice: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: definition }),
		inner: fc.integer({ min: 0, max: 2 }),
		at: fc.integer({ min: 0, max: 2 }),
		crlf: fc.integer({ min: 1, max: 4 }).map((value) => value === 1),
		finalLineBreak: fc.boolean(),
	})
	.map(({ bom, frontmatter, blocks, definitions, twice, inner, at, crlf, finalLineBreak }) => {
		const all = twice ? [...definitions, { ...twice, label: definitions[0].label }] : definitions;
		const between = all.slice(0, Math.min(inner, all.length - 1));
		const parts = [frontmatter, ...blocks];
		// Right after the frontmatter slot; without frontmatter the note starts with a definition, so a fix changes
		// its first line (the line a BOM is on).
		if (between.length > 0) parts.splice(Math.min(at + 1, parts.length), 0, between.map(writeDefinition).join("\n"));
		parts.push(all.slice(between.length).map(writeDefinition).join("\n"));
		let text = parts.filter((part) => part !== "").join("\n\n");
		if (finalLineBreak) text += "\n";
		if (crlf) text = text.replace(/\n/g, "\r\n");
		return (bom ? "\uFEFF" : "") + text;
	});
