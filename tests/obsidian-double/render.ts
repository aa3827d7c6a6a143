// A deliberately small Markdown renderer for `MarkdownRenderer.render` and reading mode.
// Each block (heading, paragraph, list, code fence, footnote definition) becomes one
// `div` section in `el`; internal links render as `a.internal-link[data-href]`, embeds as
// `span.internal-embed[src]`, footnote references as `sup.footnote-ref[data-footnote-id]`.
// Registered post processors run on every section, code block processors replace fences of
// their language. Not rendered: emphasis, tables, callouts, math, HTML.
import "./dom-env";
import type * as O from "obsidian";
import { getFrontMatterInfo } from "./md-lines";
import { parseAliasLink, linkDisplayText } from "./paths";
import type { App } from "./app";

interface Processor { fn: O.MarkdownPostProcessor; sortOrder: number }
/** Post processors registered through `MarkdownPreviewRenderer` or `Plugin.registerMarkdownPostProcessor`. */
export const postProcessors: Processor[] = [];
/** Code block processors by language. */
export const codeBlockProcessors = new Map<string, (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<unknown> | void>();

const INLINE = /(!?)\[\[([^\]\n]*?)\]\]|\[\^([^\]\s^]+)\]/g;

function renderInline(parent: HTMLElement, text: string): void {
	let last = 0;
	for (const m of text.matchAll(INLINE)) {
		parent.appendText(text.substring(last, m.index));
		last = m.index + m[0].length;
		if (m[3] !== undefined) {
			parent.createEl("sup", { cls: "footnote-ref", attr: { "data-footnote-id": m[3] }, text: `[${m[3]}]` });
			continue;
		}
		const alias = parseAliasLink(m[2]);
		if (m[1]) parent.createSpan({ cls: "internal-embed", attr: { src: alias.href, alt: alias.title } });
		else parent.createEl("a", { cls: "internal-link", href: alias.href, attr: { "data-href": alias.href }, text: alias.isAlias ? alias.title : linkDisplayText(alias.href) });
	}
	parent.appendText(text.substring(last));
}

interface Block { kind: "heading" | "paragraph" | "list" | "code" | "footnote"; lines: string[]; lineStart: number; lineEnd: number; level?: number; lang?: string }

function splitBlocks(markdown: string): Block[] {
	const info = getFrontMatterInfo(markdown);
	const skip = info.exists ? markdown.substring(0, info.contentStart).split("\n").length - 1 : 0;
	const lines = markdown.split(/\r?\n/);
	const blocks: Block[] = [];
	for (let i = skip; i < lines.length; i++) {
		const line = lines[i];
		if (!line.trim()) continue;
		const fence = /^\s{0,3}(`{3,}|~{3,})\s*(\S*)/.exec(line);
		if (fence) {
			let j = i + 1;
			while (j < lines.length && !lines[j].trim().startsWith(fence[1])) j++;
			blocks.push({ kind: "code", lines: lines.slice(i + 1, j), lineStart: i, lineEnd: Math.min(j, lines.length - 1), lang: fence[2] });
			i = j;
			continue;
		}
		const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			blocks.push({ kind: "heading", lines: [heading[2]], lineStart: i, lineEnd: i, level: heading[1].length });
			continue;
		}
		const kind = /^\s*([-*+]|\d+[.)])\s/.test(line) ? "list" : /^\[\^[^\]]+\]:/.test(line) ? "footnote" : "paragraph";
		let j = i;
		while (j + 1 < lines.length && lines[j + 1].trim() && !/^\s{0,3}(#{1,6}\s|`{3,}|~{3,})/.test(lines[j + 1])) j++;
		blocks.push({ kind, lines: lines.slice(i, j + 1), lineStart: i, lineEnd: j });
		i = j;
	}
	return blocks;
}

/** Render `markdown` into `el` (see the file comment for what is supported). */
export function renderMarkdownInto(app: App | null, markdown: string, el: HTMLElement, sourcePath: string, component: O.Component): void {
	const sections = new Map<HTMLElement, Block>();
	const frontmatter = app?.metadataCache.getCache(sourcePath)?.frontmatter ?? null;
	const context = (): O.MarkdownPostProcessorContext => ({
		docId: `doc-${sourcePath}`,
		sourcePath,
		frontmatter,
		addChild: (child: O.MarkdownRenderChild) => { component.addChild(child); },
		getSectionInfo: (target: HTMLElement) => {
			const section = [...sections.keys()].find((s) => s === target || s.contains(target));
			const block = section ? sections.get(section) : undefined;
			return block ? { text: markdown, lineStart: block.lineStart, lineEnd: block.lineEnd } : null;
		},
	});
	for (const block of splitBlocks(markdown)) {
		const section = el.createDiv();
		sections.set(section, block);
		const codeProcessor = block.kind === "code" && block.lang ? codeBlockProcessors.get(block.lang) : undefined;
		if (codeProcessor) {
			void codeProcessor(block.lines.join("\n"), section.createDiv(`block-language-${block.lang ?? ""}`), context());
			continue;
		}
		if (block.kind === "code") section.createEl("pre").createEl("code", { text: block.lines.join("\n") });
		else if (block.kind === "heading") renderInline(section.createEl(`h${block.level ?? 1}` as "h1"), block.lines[0]);
		else if (block.kind === "list") {
			const list = section.createEl("ul");
			for (const line of block.lines) renderInline(list.createEl("li"), line.replace(/^\s*([-*+]|\d+[.)])\s+/, ""));
		} else renderInline(section.createEl("p", block.kind === "footnote" ? "footnote-definition" : undefined), block.lines.join("\n"));
		for (const processor of [...postProcessors].sort((a, b) => a.sortOrder - b.sortOrder)) void processor.fn(section, context());
	}
}

export class MarkdownPreviewRenderer implements O.MarkdownPreviewRenderer {
	static registerPostProcessor(postProcessor: O.MarkdownPostProcessor, sortOrder?: number): void {
		postProcessors.push({ fn: postProcessor, sortOrder: sortOrder ?? postProcessor.sortOrder ?? 0 });
	}
	static unregisterPostProcessor(postProcessor: O.MarkdownPostProcessor): void {
		const index = postProcessors.findIndex((p) => p.fn === postProcessor);
		if (index !== -1) postProcessors.splice(index, 1);
	}
	static createCodeBlockPostProcessor(language: string, handler: (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<unknown> | void): (el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => void {
		return (el, ctx) => {
			const code = el.querySelector(`code.language-${language}`);
			if (code) void handler(code.textContent ?? "", el, ctx);
		};
	}
}
