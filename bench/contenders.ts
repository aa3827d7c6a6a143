/**
 * What the audit is compared with, each set up once for the process:
 *   - markdown-it + markdown-it-footnote, the full parse (block + inline) with `footnote_tail` disabled: the
 *     floor for an engine built on them;
 *   - the same with `footnote_tail` on (its default): quadratic in the number of footnotes;
 *   - markdown-it with only the block rules, configured as the engine configures it (for reference: it is
 *     the part of markdown-it the engine runs);
 *   - unified + remark-parse + remark-gfm + remark-lint's no-undefined-references, no-unused-definitions and
 *     no-duplicate-definitions: what a writer would run instead;
 *   - one regular-expression pass finding `[^` and `[[`: the memory-speed ceiling.
 * All markdown-it instances use `html: true`, as the engine does.
 */
import MarkdownIt, { type PluginSimple } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import remarkGfm from "remark-gfm";
import remarkLint from "remark-lint";
import remarkLintNoDuplicateDefinitions from "remark-lint-no-duplicate-definitions";
import remarkLintNoUndefinedReferences from "remark-lint-no-undefined-references";
import remarkLintNoUnusedDefinitions from "remark-lint-no-unused-definitions";
import remarkParse from "remark-parse";
import { unified } from "unified";

function markdownIt(): MarkdownIt {
	// @types/markdown-it-footnote is written against the CommonJS typings of markdown-it; the function is the same.
	return new MarkdownIt({ html: true }).use(footnotePlugin as unknown as PluginSimple);
}

const fullParser = markdownIt();
fullParser.core.ruler.disable("footnote_tail");

const tailParser = markdownIt();

const blockParser = markdownIt();
// The engine's configuration (src/core/parse/block-structure.ts): only the `block` core rule runs.
blockParser.core.ruler.disable(["normalize", "inline", "linkify", "replacements", "smartquotes", "text_join", "footnote_tail"]);

const remark = unified()
	.use(remarkParse)
	.use(remarkGfm)
	.use(remarkLint)
	.use(remarkLintNoUndefinedReferences)
	.use(remarkLintNoUnusedDefinitions)
	.use(remarkLintNoDuplicateDefinitions)
	.use(countMessages)
	.freeze();

let lastMessageCount = 0;

/** Runs last: remembers how many lint messages the file got (the file itself is made inside unified). */
function countMessages() {
	return (_tree: unknown, file: { messages: unknown[] }): void => {
		lastMessageCount = file.messages.length;
	};
}

/** Token count, so the parse cannot be skipped. */
export function markdownItParse(text: string): number {
	return fullParser.parse(text, {}).length;
}

export function markdownItParseWithTail(text: string): number {
	return tailParser.parse(text, {}).length;
}

export function markdownItBlocks(text: string): number {
	return blockParser.parse(text, {}).length;
}

/** The lint messages (undefined references, unused and duplicate definitions). */
export function remarkLintPipeline(text: string): number {
	remark.runSync(remark.parse(text), text);
	return lastMessageCount;
}

const MARKERS = /\[\^|\[\[/g;

/** Occurrences of `[^` and `[[`. */
export function regexScan(text: string): number {
	MARKERS.lastIndex = 0;
	let count = 0;
	while (MARKERS.exec(text) !== null) count++;
	return count;
}
