/**
 * fast-check generators for the robustness suites. Three shapes of note:
 *   - `hostileNote`: a soup of syntax fragments (footnote references and definitions, wikilinks well-formed,
 *     unclosed, nested and with escaped pipes, markdown links, code fences closed and unclosed, frontmatter,
 *     `%%` and HTML comments, math, CRLF/LF/CR mixes, a BOM, astral-plane characters, lone surrogates), glued
 *     together at random so the parser meets every construct in every context, half-typed ones included;
 *   - `codeEssay`: well-formed blocks in which the marker label `[^incode]` (and `[^incode]:`) stands only inside
 *     code — fenced, indented, inline spans — so it must never be a reference or a definition;
 *   - `gfmEssay`: plain GFM (no Obsidian-only syntax) for the differential test against micromark.
 */
import fc from "fast-check";

/** The vault the generated notes cite from (bare names, a folder path, a twin name, a PDF). */
export const ROBUST_VAULT = ["Alpha.md", "Beta.md", "Sources/Gamma.md", "x/Twin.md", "y/Twin.md", "paper.pdf"];

/** The contents of the vault's notes, for subpath checks. */
export const ROBUST_NOTES: Record<string, string> = {
	"Alpha.md": "# Intro\n\n## Method\n\nA claim. ^claim\n",
	"Beta.md": "# Beta\n",
	"Sources/Gamma.md": "Gamma has no headings.\n",
};

// ---------------------------------------------------------------------------------------------------------------
// Hostile notes: fragments glued at random.

const LABELS = ["1", "2", "10", "a", "A", "note", "Note", "x-y", "é", "😀", "𝔘"];
const TARGETS = ["Alpha", "alpha", "Beta", "Gamma", "Sources/Gamma", "Twin", "Missing", "Alpha#Intro", "Alpha#Nope", "Alpha#^claim", "#Intro", "paper.pdf", "../Alpha", "/etc/passwd", "C:\\Windows\\x", "C:/x", "😀 note", ""];

const label = fc.constantFrom(...LABELS);
const target = fc.constantFrom(...TARGETS);

/** One piece of a hostile note. Many are deliberately broken. */
const fragment: fc.Arbitrary<string> = fc.oneof(
	// Prose, including astral-plane characters, CJK, combining marks and a lone surrogate.
	{ weight: 6, arbitrary: fc.constantFrom("word", " ", " ", "\t", "Émile", "数据", "😀", "𝔘𝔫𝔦", "e\u0301", "\uD83D", "\uDE00", ".", ",", "!", "^", "\\", "|", "#", "*", "_", "~", "-") },
	// Line breaks of every kind, and the block markers that may follow them.
	{ weight: 5, arbitrary: fc.constantFrom("\n", "\n", "\r\n", "\r\n", "\r", "\n\n", "\r\n\r\n") },
	{ weight: 2, arbitrary: fc.constantFrom("> ", "- ", "1. ", "# ", "    ", "\t", "   ", "---", "===", "| a | b |", "|---|---|") },
	// Footnote references and definitions, whole and half-typed.
	{ weight: 5, arbitrary: label.map((value) => `[^${value}]`) },
	{ weight: 3, arbitrary: label.map((value) => `\n[^${value}]: `) },
	{ weight: 2, arbitrary: fc.tuple(label, fc.constantFrom("Alpha", "Beta", "Missing", "Twin")).map(([value, name]) => `\n[^${value}]: [[${name}]]`) },
	{ weight: 2, arbitrary: fc.constantFrom("[^", "[^]", "[^ ]", "[^a b]", "[^a", "]:", "^[", "^[see ", "[^[^1]]", "\\[^1]") },
	// Wikilinks: well-formed, aliased, with subpaths, embeds, escaped pipes, unclosed, nested brackets.
	{ weight: 4, arbitrary: target.map((value) => `[[${value}]]`) },
	{ weight: 2, arbitrary: fc.tuple(target, fc.constantFrom("|alias", "\\|alias", "|", "|a|b", "#", "#^", "]")).map(([value, tail]) => `[[${value}${tail}]]`) },
	{ weight: 2, arbitrary: target.map((value) => `![[${value}]]`) },
	{ weight: 3, arbitrary: fc.constantFrom("[[", "[[Alpha", "[[Alpha|A]", "[[[Alpha]]]", "[[a [[Beta]]", "[[Al[pha]]", "[[Al]pha]]", "]]", "[[]]", "[[|]]", "[[#]]", "[[ ]]") },
	// Markdown links, internal and external, whole and broken.
	{ weight: 2, arbitrary: fc.constantFrom("[t](Alpha.md)", "[t](<Sources/Gamma.md>)", "[t](Missing%20Note.md)", "[t](https://example.org)", "![i](paper.pdf)", "[t](", "](", "[t](<a", '[t](a "t', "[t](a(b)c)", "[t](%zz.md)", "[t](../x.md)") },
	// Code: spans, fences (closed or not), indentation.
	{ weight: 3, arbitrary: fc.constantFrom("`", "``", "`[^1]`", "``[^a] ` x``", "\n```\n", "\n~~~\n", "\n```js\n", "\n````\n", "```") },
	// Frontmatter, comments, math, HTML.
	{ weight: 3, arbitrary: fc.constantFrom("---\n", "\n---\n", "%%", "%% [^1] %%", "<!--", "-->", "<!-- [^a] -->", "$", "$$", "$x$", "$ x $", "\n$$\n", "<div>", "</div>", "<span>") },
);

const LINE_BREAK_STYLE = fc.constantFrom("as-is", "lf", "crlf");

/**
 * A hostile note: up to 60 fragments, maybe behind frontmatter and a BOM, with its line breaks left mixed or made
 * all LF or all CRLF.
 */
export const hostileNote: fc.Arbitrary<string> = fc
	.record({
		bom: fc.boolean(),
		frontmatter: fc.constantFrom("", "", "---\ntitle: x [^1] [[Alpha]]\n---\n", "---\nopen: [[Beta]]\n"),
		fragments: fc.array(fragment, { maxLength: 60 }),
		breaks: LINE_BREAK_STYLE,
	})
	.map(({ bom, frontmatter, fragments, breaks }) => {
		let text = frontmatter + fragments.join("");
		if (breaks === "lf") text = text.replace(/\r\n?/g, "\n");
		if (breaks === "crlf") text = text.replace(/\r\n?|\n/g, "\r\n");
		return (bom ? "\uFEFF" : "") + text;
	});

// ---------------------------------------------------------------------------------------------------------------
// Essays where a marker label stands only inside code.

export const MARKER = "incode";

/** Prose that cannot open or close code: no backtick, no fence, no indentation. */
const proseLine = fc
	.array(
		fc.oneof(
			{ weight: 4, arbitrary: fc.constantFrom("Machines repeat", "what they read", "数据", "😀", "Émile", "[[Alpha]]", "[t](Beta.md)") },
			{ weight: 2, arbitrary: label.map((value) => `[^${value}]`) },
		),
		{ minLength: 1, maxLength: 6 },
	)
	.map((words) => words.join(" "));

/** A block of code holding the marker, as a reference and as a definition. */
const codeBlock: fc.Arbitrary<string> = fc.constantFrom(
	// Fenced, backticks and tildes, with an info string, longer fences, indented up to 3 spaces.
	`\`\`\`\nCode cites[^${MARKER}] and [[Alpha]]\n[^${MARKER}]: [[Beta]]\n\`\`\``,
	`~~~python\nx = "[^${MARKER}]"\n~~~`,
	`\`\`\`\`\n\`\`\`\n[^${MARKER}]\n\`\`\`\n\`\`\`\``,
	`   \`\`\`\n   [^${MARKER}]: not a definition\n   \`\`\``,
	// Indented code, after a paragraph at the margin (after a list item or a definition, an indented line would
	// be their next paragraph), with a tab too.
	`Plain paragraph.\n\n    [^${MARKER}]: [[Alpha]]\n    text[^${MARKER}]`,
	`Plain paragraph.\n\n\t[^${MARKER}] in tab-indented code`,
	// Fenced code inside a quote and inside a list item.
	`> \`\`\`\n> [^${MARKER}]\n> \`\`\``,
	`- item\n\n  \`\`\`\n  [^${MARKER}]: x\n  \`\`\``,
);

/** A paragraph (or heading, quote, list item, definition) with the marker inside an inline code span. */
const spanBlock: fc.Arbitrary<string> = fc
	.tuple(
		proseLine,
		fc.constantFrom(`\`[^${MARKER}]\``, `\`\` a\`[^${MARKER}]\` \`\``, `\`x [^${MARKER}]: y\``, `\`\`\`[^${MARKER}]\`\`\``),
		proseLine,
		fc.constantFrom("", "# ", "> ", "- ", "1. ", "[^a]: ", "[^note]: see "),
	)
	.map(([before, span, after, prefix]) => `${prefix}${before} ${span} ${after}`);

/** Essays of prose, real footnotes and code holding the marker; maybe an unclosed fence at the very end. */
export const codeEssay: fc.Arbitrary<string> = fc
	.record({
		blocks: fc.array(fc.oneof({ weight: 3, arbitrary: proseLine }, { weight: 2, arbitrary: codeBlock }, { weight: 2, arbitrary: spanBlock }), { minLength: 1, maxLength: 8 }),
		definitions: fc.uniqueArray(label, { selector: (value) => value.toLowerCase(), maxLength: 5 }),
		unclosedFence: fc.boolean(),
		crlf: fc.boolean(),
	})
	.map(({ blocks, definitions, unclosedFence, crlf }) => {
		const parts = [...blocks, definitions.map((value) => `[^${value}]: [[Alpha]]`).join("\n")];
		if (unclosedFence) parts.push(`\`\`\`\nnever closed [^${MARKER}]\n[^${MARKER}]: [[Alpha]]`);
		// Blank lines between blocks: indented code needs one before it.
		const text = parts.filter((part) => part !== "").join("\n\n");
		return crlf ? text.replace(/\n/g, "\r\n") : text;
	});

// ---------------------------------------------------------------------------------------------------------------
// Plain GFM essays for the differential test: nothing Obsidian-only (no wikilinks, `%%`, `$`, `^[`, frontmatter).

/** ASCII and Latin labels in both cases: GFM and Obsidian fold these the same way. */
const GFM_LABELS = ["1", "2", "10", "a", "A", "b", "note", "Note", "x-y", "é", "É", "😀"];
const gfmLabel = fc.constantFrom(...GFM_LABELS);

const gfmInline: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom("text", "more words", "数据", "😀", ".", ",", " and ") },
	{ weight: 6, arbitrary: gfmLabel.map((value) => `[^${value}]`) },
	{
		weight: 4,
		arbitrary: gfmLabel.chain((value) => fc.constantFrom(
			`\\[^${value}]`, // escaped: text
			`\`[^${value}]\``, // code span
			`[see [^${value}]](https://example.org)`, // inside link text
			`![^${value}]`, // after an exclamation mark
			`[x][^${value}]`, // after a bracketed word
			`[^${value}][^${value}]`, // two in a row
			`*[^${value}]*`, // emphasis
			`<!-- [^${value}] -->`, // HTML comment
			`<span>[^${value}]</span>`, // inline HTML
			`[^${value} `, // never closed (a space after it: `[^a\[^b]:` is a GFM label with an escaped bracket)
			`[^${value} x]`, // space in the label
			`[t](u) [^${value}]`,
			`[^${value}]:`, // not at the start of a line
		)),
	},
	// A lone `[` is followed by a space: `[[` opens a wikilink in Obsidian (see the differences table).
	{ weight: 1, arbitrary: fc.constantFrom("[^]", "[^ ]", "[ ", "]", "\\", "`", "<") },
);

const gfmText = fc.array(gfmInline, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(""));

interface GfmDefinitionSpec {
	label: string;
	text: string;
	/** Lines after the first: indented continuation, lazy line, continuation paragraph, nested code. */
	more: ("indented" | "lazy" | "paragraph" | "code")[];
}

const gfmDefinition: fc.Arbitrary<GfmDefinitionSpec> = fc.record({
	label: gfmLabel,
	text: gfmText,
	more: fc.array(fc.constantFrom("indented" as const, "lazy" as const, "paragraph" as const, "code" as const), { maxLength: 2 }),
});

function writeGfmDefinition(spec: GfmDefinitionSpec, follow: string): string {
	const lines = [`[^${spec.label}]: ${spec.text}`];
	// `[^a]: [^b]: …` nests a definition; how far its later lines must be indented differs (see the table).
	const nested = /^\[\^[^\]]*\]:/.test(spec.text);
	for (const kind of spec.more) {
		if (nested && kind === "code") continue;
		if (kind === "indented") lines.push(`    ${follow}`);
		if (kind === "lazy") lines.push(follow);
		if (kind === "paragraph") lines.push("", `    ${follow}`);
		if (kind === "code") lines.push("", `        code [^${spec.label}]`);
	}
	return lines.join("\n");
}

const gfmBlock: fc.Arbitrary<string> = fc.oneof(
	{ weight: 5, arbitrary: fc.array(gfmText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")) },
	{ weight: 4, arbitrary: fc.tuple(gfmDefinition, gfmText).map(([spec, follow]) => writeGfmDefinition(spec, follow)) },
	// A definition interrupting a paragraph, and two definitions back to back.
	{ weight: 1, arbitrary: fc.tuple(gfmText, gfmDefinition, gfmText).map(([text, spec, follow]) => `${text}\n${writeGfmDefinition(spec, follow)}`) },
	{ weight: 1, arbitrary: fc.tuple(gfmDefinition, gfmDefinition, gfmText).map(([a, b, follow]) => `${writeGfmDefinition(a, follow)}\n${writeGfmDefinition(b, follow)}`) },
	// Containers: quotes and list items, holding text or a definition.
	{ weight: 2, arbitrary: fc.tuple(fc.constantFrom("> ", "- ", "1. ", "* "), fc.oneof(gfmText, gfmDefinition.map((spec) => writeGfmDefinition({ ...spec, more: [] }, "")))).map(([marker, body]) => marker + body) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom("# ", "## ", "###### "), gfmText).map(([marker, text]) => marker + text) },
	{ weight: 1, arbitrary: gfmText.map((text) => `${text}\n---`) }, // setext heading
	// Code: fenced (backticks and tildes), indented; definitions and references inside are code.
	{ weight: 2, arbitrary: gfmDefinition.map((spec) => `\`\`\`\n${writeGfmDefinition({ ...spec, more: [] }, "")}\n[^${spec.label}]\n\`\`\``) },
	{ weight: 1, arbitrary: gfmDefinition.map((spec) => `~~~\n${writeGfmDefinition({ ...spec, more: [] }, "")}\n~~~`) },
	{ weight: 1, arbitrary: gfmLabel.map((value) => `    [^${value}]: indented code\n    and [^${value}]`) },
	// HTML blocks (kind 6 ends at a blank line; comments end at -->).
	{ weight: 1, arbitrary: gfmLabel.map((value) => `<div>\n[^${value}]: inside html\n</div>`) },
	{ weight: 1, arbitrary: gfmLabel.map((value) => `<!--\n[^${value}]: commented out\n-->`) },
	{ weight: 1, arbitrary: fc.constant("***") },
);

/** A plain GFM essay: blocks separated by one or two line breaks, LF or CRLF. */
export const gfmEssay: fc.Arbitrary<string> = fc
	.record({
		blocks: fc.array(fc.tuple(gfmBlock, fc.constantFrom("\n\n", "\n\n", "\n")), { minLength: 1, maxLength: 8 }),
		crlf: fc.boolean(),
	})
	.map(({ blocks, crlf }) => {
		const text = blocks.map(([block, gap], index) => (index === 0 ? "" : gap) + block).join("");
		return crlf ? text.replace(/\n/g, "\r\n") : text;
	});
