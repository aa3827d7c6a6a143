/**
 * The parser property of issue 12: turning the first inline content of a list item, numbered item, quote or
 * callout line into math or a comment never changes which references, definitions and links are found anywhere
 * else. A hidden region stands in the block structure as text, as it stands in the note, so the container keeps
 * its paragraph and the blocks after it keep theirs. Generated notes mix those containers with definitions
 * (and their continuation paragraphs), fenced code in containers holding `%%` and `[^x]`, multi-line comments
 * and formulas holding block syntax, inline footnotes, code spans and body links. Fixed seeds, 1,000 cases each.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCitations } from "../../src/core/parse/parse-citations";
import { characterRoles } from "../../src/core/parse/character-roles";
import { codeEssay, hostileNote } from "./generators";

const RUNS = 1000;

const word = fc.constantFrom("phase", "x", "note", "Claim", "alpha", "b2", "étude");
const inlinePiece = fc.constantFrom(
	"[^1]",
	"[^a]",
	"[^ghost]",
	"[[Alpha]]",
	"[[Beta|Beta, p. 4]]",
	"[[Gamma#Part 2]]",
	"[text](Delta.md)",
	"[[2] Smith](https://example.org)",
	"$y$",
	"%%c%%",
	"`code [^1]`",
	"^[see [[Alpha]]]",
	"and",
	"so",
	"$5 and $10",
	"",
);
const rest = fc.array(inlinePiece, { maxLength: 5 }).map((pieces) => pieces.join(" "));

/** A container line whose first inline content is `{w}` (filled in later), then the rest of its text. */
const containerMarker = fc.constantFrom("- ", "* ", "+ ", "1. ", "2) ", "> ", "> > ", "- > ", "> - ", "  - ", "- [ ] ");

interface Container {
	kind: "container";
	/** Text before the word on its line (markers, a callout header line before it). */
	prefix: string;
	word: string;
	suffix: string;
}
type Block = string | Container;

const container: fc.Arbitrary<Container> = fc
	.tuple(containerMarker, fc.boolean(), word, rest)
	.map(([marker, callout, first, tail]) => ({
		kind: "container",
		prefix: callout ? "> [!note] Title\n> " : marker,
		word: first,
		suffix: tail === "" ? "" : ` ${tail}`,
	}));

const otherBlock: fc.Arbitrary<string> = fc.oneof(
	rest.map((tail) => `Prose ${tail}.`),
	fc.constantFrom(
		"[^1]: [[Alpha]], p. 3",
		"[^a]: [[Beta]]\n    more [[Gamma]] here",
		"[^2]: [[Alpha]] %% to check: the\nedition %%",
		"[^b]: $$\nx\n$$ [[Delta]]",
		"```\n%% not a comment [^1]\n```",
		"> [!example]\n> ```matlab\n> %% cell\n> ```",
		"Text\n\n    %% MATLAB cell [^a]\n    b = 1;",
		"%%\n- hidden item [^1]\n# hidden heading\n%%",
		"$$\n[^3]: [[Ghost]]\n$$",
		"<!-- a [^1] -->",
		"---",
		"# Heading [^1]",
		"| a | b |\n|---|---|\n| [^1] | [[Alpha]] |",
	),
);

const note = fc.array(fc.oneof(container, otherBlock), { minLength: 1, maxLength: 8 }).chain((blocks) =>
	fc.tuple(fc.constant(blocks), fc.array(fc.constantFrom("\n\n", "\n"), { minLength: blocks.length, maxLength: blocks.length })),
);

const wrapper = fc.constantFrom(["$", "$"], ["$$", "$$"], ["%%", "%%"], ["%% ", " %%"]);

/** The note's text, with the container at `target` (if any) wrapped; the wrap's offset and lengths. */
function render(blocks: readonly Block[], separators: readonly string[], target: number, wrap: readonly [string, string] | null) {
	let text = "";
	let at = -1;
	blocks.forEach((block, index) => {
		if (typeof block === "string") text += block;
		else {
			text += block.prefix;
			if (index === target && wrap) {
				at = text.length;
				text += `${wrap[0]}${block.word}${wrap[1]}`;
			} else text += block.word;
			text += block.suffix;
		}
		text += separators[index];
	});
	return { text, at };
}

/** What the parser found, with offsets after the wrap mapped back to the plain note. */
function found(text: string, back: (offset: number) => number) {
	const document = parseCitations(text);
	return {
		references: document.references.map((reference) => [back(reference.from), back(reference.to), reference.label]),
		definitions: document.definitions.map((definition) => [back(definition.from), back(definition.to), definition.label, definition.links]),
		links: document.links.map((link) => [back(link.from), back(link.to), link.syntax, link.target, link.owner]),
	};
}

describe("the parser property (issue 12)", () => {
	it("math or a comment as a container's first inline content changes nothing found elsewhere (seed 1201)", () => {
		fc.assert(
			fc.property(note, fc.nat(), wrapper, ([blocks, separators], pick, wrap) => {
				const containers = blocks.flatMap((block, index) => (typeof block === "string" ? [] : [index]));
				fc.pre(containers.length > 0);
				const target = containers[pick % containers.length];
				const plain = render(blocks, separators, target, null).text;
				const wrapped = render(blocks, separators, target, wrap);
				const word = (blocks[target] as Container).word;
				const open = wrapped.at;
				const added = wrap[0].length + wrap[1].length;
				const back = (offset: number): number => (offset <= open ? offset : offset >= open + word.length + added ? offset - added : offset - wrap[0].length);
				expect(found(wrapped.text, back)).toEqual(found(plain, (offset) => offset));
			}),
			{ seed: 1201, numRuns: RUNS },
		);
	});

	it("and every character outside the wrapped word keeps its role (seed 1202)", () => {
		fc.assert(
			fc.property(note, fc.nat(), wrapper, ([blocks, separators], pick, wrap) => {
				const containers = blocks.flatMap((block, index) => (typeof block === "string" ? [] : [index]));
				fc.pre(containers.length > 0);
				const target = containers[pick % containers.length];
				const plain = render(blocks, separators, target, null).text;
				const wrapped = render(blocks, separators, target, wrap);
				const word = (blocks[target] as Container).word;
				const before = characterRoles(plain).codes;
				const after = characterRoles(wrapped.text).codes;
				const open = wrapped.at;
				const close = open + wrap[0].length + word.length + wrap[1].length;
				expect([...after.slice(0, open), ...after.slice(close)]).toEqual([...before.slice(0, open), ...before.slice(open + word.length)]);
			}),
			{ seed: 1202, numRuns: RUNS },
		);
	});
});

describe("the roles and the parse agree", () => {
	it("every reference, definition label and link the parser finds stands in prose (seed 1203)", () => {
		fc.assert(
			fc.property(fc.oneof(hostileNote, codeEssay, note.map(([blocks, separators]) => render(blocks, separators, -1, null).text)), (text) => {
				const roles = characterRoles(text);
				const document = parseCitations(text);
				const starts = [
					...document.references.map((reference) => reference.from),
					...document.definitions.filter((definition) => !definition.inline).map((definition) => definition.from),
					...document.links.map((link) => link.from),
				];
				expect(starts.filter((offset) => roles.codes[offset] !== 0).map((offset) => [offset, text.slice(offset, offset + 12)])).toEqual([]);
			}),
			{ seed: 1203, numRuns: RUNS },
		);
	});
});
