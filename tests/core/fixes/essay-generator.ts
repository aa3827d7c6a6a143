/**
 * fast-check generators for the fix properties: short essays with footnotes of every kind (duplicates,
 * unused, undefined, case variants, unclosed links, lossy duplicates, references inside definitions,
 * continuation lines, a definition in a quote) among what is not prose (frontmatter, fenced and inline code,
 * `%%` comments, math), with LF or CRLF line breaks and with or without a final line break.
 */
import fc from "fast-check";
import { parseCitations } from "../../../src/core/parse/parse-citations";

/** Every note a generated essay may cite; `Open/OpenN` are the targets of unclosed links, one per link. */
export const ESSAY_VAULT = [
	"Alpha.md",
	"Beta.md",
	"Gamma.md",
	"Sources/Delta.md",
	...Array.from({ length: 30 }, (_, index) => `Open/Open${index}.md`),
];

/**
 * What is not prose, each holding citation syntax that is not a citation: a fix must leave every one of them
 * exactly as it was (a property checks it on top of the skeleton comparison).
 */
export const HIDDEN = {
	frontmatter: '---\ntitle: "Notes [^1]"\nsource: "[[Alpha]]"\n---',
	fence: "```\nCode cites[^1] and [[Alpha\n[^2]: [[Beta]]\n```",
	comment: "%%\n[^3]: [[Gamma]]\nhidden[^4]\n%%",
	inline: "Use `[^5]` and %% [^6] [[Beta %% here.",
	math: "$$\n[^7]: [[Alpha]]\n$$",
};

const LABELS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "14", "20", "a", "B", "b", "note", "Note"];
/** Resolving, missing, near misses ("Alpah" suggests "Alpha"), a folder path. */
const TARGETS = ["Alpha", "Beta", "Gamma", "Delta", "Sources/Delta", "alpha", "Missing Source", "Alpah", "Gama"];

type Content =
	| { kind: "link"; target: string; alias: boolean; page: boolean }
	| { kind: "web" }
	| { kind: "text" }
	| { kind: "unclosed"; half: boolean };

interface DefinitionSpec {
	label: string;
	content: Content;
	continuation: boolean;
	innerReference: string | null;
	blankBefore: boolean;
	quoted: boolean;
}

interface ReferenceSpec {
	label: string;
	before: string;
}

type BlockSpec =
	| { kind: "paragraph"; words: string; references: ReferenceSpec[]; tail: string }
	| { kind: "fence" }
	| { kind: "comment" }
	| { kind: "inline-hidden" }
	| { kind: "heading" }
	| { kind: "body-links"; target: string }
	| { kind: "math" }
	| { kind: "definitions"; definitions: DefinitionSpec[] };

export interface EssaySpec {
	frontmatter: boolean;
	blocks: BlockSpec[];
	footnotes: DefinitionSpec[];
	crlf: boolean;
	finalLineBreak: boolean;
}

const label = fc.constantFrom(...LABELS);
/** True about one time in `n`. */
const oneIn = (n: number): fc.Arbitrary<boolean> => fc.integer({ min: 1, max: n }).map((value) => value === 1);
const content: fc.Arbitrary<Content> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant("link" as const), target: fc.constantFrom(...TARGETS), alias: fc.boolean(), page: oneIn(4) }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "web" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "text" as const }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant("unclosed" as const), half: fc.boolean() }) },
);
const definition: fc.Arbitrary<DefinitionSpec> = fc.record({
	label,
	content,
	continuation: oneIn(4),
	innerReference: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: label }),
	blankBefore: oneIn(3),
	quoted: oneIn(12),
});
const reference: fc.Arbitrary<ReferenceSpec> = fc.record({ label, before: fc.constantFrom("", "", " ", " ", ".", ",", "\t", " and ") });
const block: fc.Arbitrary<BlockSpec> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant("paragraph" as const),
			words: fc.constantFrom("Machines repeat what they read", "Émile wrote 😀 this", "Cheap text spreads fast", "数据 matters"),
			references: fc.array(reference, { maxLength: 5 }),
			tail: fc.constantFrom("", ".", " (see above)", "?"),
		}),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: "fence" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "comment" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "inline-hidden" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "heading" as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("body-links" as const), target: fc.constantFrom(...TARGETS) }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "math" as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("definitions" as const), definitions: fc.array(definition, { maxLength: 2 }) }) },
);

export const essaySpec: fc.Arbitrary<EssaySpec> = fc.record({
	frontmatter: fc.boolean(),
	blocks: fc.array(block, { minLength: 1, maxLength: 7 }),
	// Mostly one definition per label; now and then a second definition of one of them (a duplicate label).
	footnotes: fc
		.tuple(fc.uniqueArray(definition, { selector: (value) => value.label.toLowerCase(), maxLength: 10 }), fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: definition }))
		.map(([unique, extra]) => (extra && unique.length > 0 ? [...unique, { ...extra, label: unique[0].label }] : unique)),
	crlf: fc.boolean(),
	finalLineBreak: fc.boolean(),
});

/** The essay a spec describes. */
export function writeEssay(spec: EssaySpec): string {
	let open = 0;
	const writeContent = (value: Content): string => {
		switch (value.kind) {
			case "link":
				return `[[${value.target}${value.alias ? "|An alias" : ""}]]${value.page ? ", p. 12" : ""}`;
			case "web":
				return "[a web page](https://example.org/page?id=3)";
			case "text":
				return "A printed book, chapter two.";
			case "unclosed":
				return `[[Open${open++}${value.half ? "|Open title]" : ""}`;
		}
	};
	const writeDefinition = (value: DefinitionSpec): string => {
		const lines = [`${value.quoted ? "> " : ""}[^${value.label}]: ${writeContent(value.content)}${value.innerReference ? ` see[^${value.innerReference}]` : ""}`];
		if (value.continuation && !value.quoted) lines.push("    More about this source.");
		return (value.blankBefore ? "\n" : "") + lines.join("\n");
	};
	const parts: string[] = [];
	if (spec.frontmatter) parts.push(HIDDEN.frontmatter);
	for (const value of spec.blocks) {
		switch (value.kind) {
			case "paragraph":
				parts.push(value.words + value.references.map((ref) => `${ref.before}[^${ref.label}]`).join("") + value.tail);
				break;
			case "fence":
				parts.push(HIDDEN.fence);
				break;
			case "comment":
				parts.push(HIDDEN.comment);
				break;
			case "inline-hidden":
				parts.push(HIDDEN.inline);
				break;
			case "heading":
				parts.push("## A heading[^a]");
				break;
			case "body-links":
				parts.push(`See [[${value.target}]] and [the note](${encodeURI(value.target)}.md).`);
				break;
			case "math":
				parts.push(HIDDEN.math);
				break;
			case "definitions":
				if (value.definitions.length > 0) parts.push(value.definitions.map(writeDefinition).join("\n"));
				break;
		}
	}
	if (spec.footnotes.length > 0) parts.push(spec.footnotes.map(writeDefinition).join("\n"));
	let text = parts.join("\n\n");
	if (spec.finalLineBreak) text += "\n";
	return spec.crlf ? text.replace(/\n/g, "\r\n") : text;
}

/**
 * What a fix must never change: the note with its citation syntax taken out. Removed are the lines of
 * every footnote definition (with their line break), every footnote reference with the blanks before it,
 * and, when `linkTargets`, the targets of links (for the fix that rewrites them). Everything else —
 * frontmatter, code, comments, math, prose, body links, blank lines — stays, in order. Trailing white space of
 * the note is left out of the comparison: deleting the last definition of a note without a final line break
 * takes the line break before it.
 */
export function skeleton(text: string, options: { linkTargets?: boolean } = {}): string {
	const document = parseCitations(text);
	const cuts: { from: number; to: number }[] = [];
	for (const definition of document.definitions) {
		if (definition.inline) continue;
		const from = text.lastIndexOf("\n", definition.from - 1) + 1;
		const next = text.indexOf("\n", definition.to);
		cuts.push({ from, to: next === -1 ? text.length : next + 1 });
	}
	for (const ref of document.references) {
		let from = ref.from;
		while (from > 0 && (text[from - 1] === " " || text[from - 1] === "\t")) from--;
		cuts.push({ from, to: ref.to });
	}
	if (options.linkTargets) for (const link of document.links) cuts.push({ ...link.targetRange });
	cuts.sort((a, b) => a.from - b.from);
	let result = "";
	let at = 0;
	for (const cut of cuts) {
		if (cut.from > at) result += text.slice(at, cut.from);
		at = Math.max(at, cut.to);
	}
	return (result + text.slice(at)).trimEnd();
}
