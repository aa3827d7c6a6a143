/** characterRoles: one role per character, from the parse's own decisions (code first, then comments and math). */
import { describe, expect, it } from "vitest";
import { characterRoles, roleAt, ROLE_NAMES } from "../../../src/core/parse/character-roles";

const LETTER = { prose: "p", code: "c", comment: "%", math: "$", frontmatter: "f" } as const;

/** The roles as one letter per code unit: p prose, c code, % comment, $ math, f frontmatter. */
function roles(text: string): string {
	const result = characterRoles(text);
	return Array.from(result.codes, (code) => LETTER[result.names[code]]).join("");
}

/** The characters of `text` whose role is `role`, joined. */
function having(text: string, role: keyof typeof LETTER): string {
	const result = characterRoles(text);
	return Array.from(text).filter((_char, index) => roleAt(result, index) === role).join("");
}

describe("characterRoles", () => {
	it("gives one code per UTF-16 code unit, indexing ROLE_NAMES", () => {
		const result = characterRoles("a 😀 b");
		expect(result.codes).toHaveLength("a 😀 b".length);
		expect(result.names).toBe(ROLE_NAMES);
		expect(roles("plain prose\n")).toBe("p".repeat(12));
	});

	it("frontmatter, with a BOM, up to its closing line", () => {
		expect(roles("---\na: 1\n---\nBody")).toBe("f".repeat(12) + "p".repeat(5));
		expect(roles("\uFEFF---\na\n---\nB")).toBe("f".repeat(10) + "pp");
		expect(roles("---\nunclosed\n")).toBe("p".repeat(13));
	});

	it("comments and math with their delimiters", () => {
		expect(roles("a %%b%% c")).toBe("pp%%%%%pp");
		expect(roles("a <!-- b --> c")).toBe("pp" + "%".repeat(10) + "pp");
		expect(roles("x $y$ and $$z$$")).toBe("pp$$$ppppp$$$$$");
		expect(roles("costs $5 and $10")).toBe("p".repeat(16));
		expect(roles("a %% open\nto the end")).toBe("pp" + "%".repeat(18));
	});

	it("code spans, fenced and indented code", () => {
		expect(roles("a `%%` b")).toBe("ppccccpp");
		expect(having("p\n\n```\n%% x\n```\nq %%c%%\n", "code")).toBe("```\n%% x\n```\n");
		expect(having("p\n\n```\n%% x\n```\nq %%c%%\n", "comment")).toBe("%%c%%");
		expect(having("text\n\n    %% cell marker\n\nafter\n", "code")).toBe("    %% cell marker\n");
	});

	it("code inside a callout, a quote or a list item is code: its %% opens no comment", () => {
		const callout = "> [!note]\n> ```\n> %% not a comment\n> ```\n\nClaim[^1] %%c%%\n";
		expect(having(callout, "code")).toBe("> ```\n> %% not a comment\n> ```\n");
		expect(having(callout, "comment")).toBe("%%c%%");
		const list = "- item\n\n      %% indented code in the item\n\nafter %%c%%\n";
		expect(having(list, "code")).toBe("      %% indented code in the item\n");
		expect(having(list, "comment")).toBe("%%c%%");
	});

	it("a comment that encloses a code block leaves the code its role and closes after it", () => {
		const text = "%% hidden\n```\nx %% y\n```\nend %% prose\n";
		expect(having(text, "code")).toBe("```\nx %% y\n```\n");
		expect(having(text, "comment")).toBe("%% hidden\nend %%");
		expect(having(text, "prose")).toBe(" prose\n");
	});

	it("math or a comment opening a list item or a quote is math or a comment, the rest prose", () => {
		expect(roles("- $x$ is[^1]")).toBe("pp$$$" + "p".repeat(7));
		expect(roles("> %%n%% as")).toBe("pp%%%%%ppp");
	});

	it("an HTML comment opening a line is comment; the rest of its raw HTML block is code", () => {
		expect(roles("<!-- a --> b\n\nc")).toBe("%".repeat(10) + "ccc" + "pp");
	});

	it("the roles follow the text: a fix that keeps the syntax keeps them", () => {
		const before = "Claim[^1] $x$.\n\n[^1]: [[A]] %% note %%\n";
		const after = before.replace("[[A]]", "[[B]]");
		expect(roles(after)).toBe(roles(before));
	});
});
