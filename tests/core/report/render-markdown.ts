/**
 * Two independent GFM readers for the markdown report's tests: markdown-it (the parser family the engine
 * uses, tables on by default) and remark with remark-gfm (micromark, the reference implementation of the
 * GFM spec). A test states what a reader must see in a table cell; both readers must agree with it.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** A table body cell as read: the text shown, and the code spans in it. */
export interface ReadCell {
	text: string;
	code: string[];
}

const markdownIt = new MarkdownIt();
const remark = unified().use(remarkParse).use(remarkGfm);

function fromMarkdownIt(markdown: string): ReadCell[][] {
	const rows: ReadCell[][] = [];
	let inBody = false;
	for (const token of markdownIt.parse(markdown, {})) {
		if (token.type === "tbody_open") inBody = true;
		if (token.type === "tbody_close") break;
		if (!inBody) continue;
		if (token.type === "tr_open") rows.push([]);
		if (token.type === "inline") rows[rows.length - 1].push(readInline(token.children ?? []));
	}
	return rows;
}

function readInline(children: Token[]): ReadCell {
	const cell: ReadCell = { text: "", code: [] };
	for (const child of children) {
		if (child.type === "code_inline") cell.code.push(child.content);
		if (child.type === "text" || child.type === "code_inline") cell.text += child.content;
		if (child.type === "softbreak") cell.text += "\n";
	}
	return cell;
}

interface MdNode {
	type: string;
	value?: string;
	children?: MdNode[];
}

function fromRemark(markdown: string): ReadCell[][] {
	const table = (remark.parse(markdown) as MdNode).children?.find((node) => node.type === "table");
	return (table?.children ?? []).slice(1).map((row) =>
		(row.children ?? []).map((cell) => {
			const read: ReadCell = { text: "", code: [] };
			const visit = (node: MdNode) => {
				if (node.type === "inlineCode") read.code.push(node.value ?? "");
				if (node.type === "text" || node.type === "inlineCode") read.text += node.value ?? "";
				for (const child of node.children ?? []) visit(child);
			};
			visit(cell);
			return read;
		}),
	);
}

export const READERS: Record<string, (markdown: string) => ReadCell[][]> = { "markdown-it": fromMarkdownIt, "remark-gfm": fromRemark };

/** The first paragraph of `markdown` as read, in the shape of a cell. */
export const PARAGRAPH_READERS: Record<string, (markdown: string) => ReadCell> = {
	"markdown-it": (markdown) => readInline(markdownIt.parse(markdown, {}).find((token) => token.type === "inline")?.children ?? []),
	"remark-gfm": (markdown) => {
		const read: ReadCell = { text: "", code: [] };
		const paragraph = (remark.parse(markdown) as MdNode).children?.find((node) => node.type === "paragraph");
		for (const node of paragraph?.children ?? []) {
			if (node.type === "inlineCode") read.code.push(node.value ?? "");
			if (node.type === "text" || node.type === "inlineCode") read.text += node.value ?? "";
		}
		return read;
	},
};

/** A one-column table holding `cell` in its only body row. */
export function oneCellTable(cell: string): string {
	return `| head |\n| --- |\n| ${cell} |\n`;
}
