// Free functions of obsidian.d.ts that need no app: YAML (the `yaml` package, as Obsidian
// uses), base64/hex, HTML helpers, search helpers, network requests (disabled unless a test
// installs a handler) and math/library loaders (no-ops).
import "./dom-env";
import type * as O from "obsidian";
import { parse, stringify } from "yaml";

export function parseYaml(yaml: string): unknown {
	return parse(yaml) as unknown;
}

export function stringifyYaml(obj: unknown): string {
	return stringify(obj, { nullStr: "", lineWidth: 0, aliasDuplicateObjects: false });
}

export function arrayBufferToBase64(buffer: ArrayBuffer): string {
	let binary = "";
	for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

export function base64ToArrayBuffer(base64: string): ArrayBuffer {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes.buffer;
}

export function arrayBufferToHex(data: ArrayBuffer): string {
	return Array.from(new Uint8Array(data), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function hexToArrayBuffer(hex: string): ArrayBuffer {
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substring(i * 2, i * 2 + 2), 16);
	return bytes.buffer;
}

export function getBlobArrayBuffer(blob: Blob): Promise<ArrayBuffer> {
	return blob.arrayBuffer();
}

/** Parse HTML into a fragment, dropping scripts, styles, iframes and `on*` attributes. */
export function sanitizeHTMLToDom(html: string): DocumentFragment {
	const doc = new DOMParser().parseFromString(html, "text/html");
	for (const el of Array.from(doc.body.querySelectorAll("script, style, iframe, object, embed"))) el.remove();
	for (const el of Array.from(doc.body.querySelectorAll("*"))) {
		for (const attr of Array.from(el.attributes)) if (attr.name.startsWith("on") || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
	}
	const frag = new DocumentFragment();
	for (const node of Array.from(doc.body.childNodes)) frag.appendChild(node);
	return frag;
}

/** Simplified: the text content (Obsidian converts markup with Turndown). */
export function htmlToMarkdown(html: string | HTMLElement | Document | DocumentFragment): string {
	if (typeof html === "string") return new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
	if ("body" in html) return html.body.textContent ?? "";
	return html.textContent ?? "";
}

/** Every space-separated word must occur (case-insensitive); matches are the word ranges. */
export function prepareSimpleSearch(query: string): (text: string) => O.SearchResult | null {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return (text: string) => {
		const lower = text.toLowerCase();
		const matches: O.SearchMatches = [];
		for (const word of words) {
			const at = lower.indexOf(word);
			if (at === -1) return null;
			matches.push([at, at + word.length]);
		}
		return { score: -matches.reduce((sum, [start]) => sum + start, 0) / 100, matches: matches.sort((a, b) => a[0] - b[0]) };
	};
}

/** Fuzzy: the query's characters must appear in order; consecutive matches score higher. */
export function prepareFuzzySearch(query: string): (text: string) => O.SearchResult | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	return (text: string) => {
		const lower = text.toLowerCase();
		const matches: O.SearchMatches = [];
		let from = 0;
		for (const ch of q) {
			const at = lower.indexOf(ch, from);
			if (at === -1) return null;
			const last = matches[matches.length - 1];
			if (last && last[1] === at) last[1] = at + 1;
			else matches.push([at, at + 1]);
			from = at + 1;
		}
		return { score: -matches.length - (matches[0]?.[0] ?? 0) / 100, matches };
	};
}

export function sortSearchResults(results: O.SearchResultContainer[]): void {
	results.sort((a, b) => b.match.score - a.match.score);
}

export function renderMatches(el: HTMLElement | DocumentFragment, text: string, matches: O.SearchMatches | null, offset = 0): void {
	let last = 0;
	for (const [start, end] of matches ?? []) {
		const s = start + offset;
		const e = end + offset;
		if (s < last || s >= text.length) continue;
		el.appendText(text.substring(last, s));
		el.createSpan({ cls: "suggestion-highlight", text: text.substring(s, e) });
		last = e;
	}
	el.appendText(text.substring(last));
}

export function renderResults(el: HTMLElement, text: string, result: O.SearchResult, offset?: number): void {
	renderMatches(el, text, result.matches, offset);
}

type RequestHandler = (request: O.RequestUrlParam) => O.RequestUrlResponse | Promise<O.RequestUrlResponse>;
let requestHandler: RequestHandler | null = null;

/** Test hook: answer `requestUrl`/`request` calls (null restores the default, which rejects). */
export function setRequestUrlHandler(handler: RequestHandler | null): void {
	requestHandler = handler;
}

export function requestUrl(request: O.RequestUrlParam | string): O.RequestUrlResponsePromise {
	const param = typeof request === "string" ? { url: request } : request;
	const response = (async () => {
		if (!requestHandler) throw new Error(`requestUrl is disabled in the obsidian test double (${param.url})`);
		const result = await requestHandler(param);
		if (result.status >= 400 && param.throw !== false) throw Object.assign(new Error(`Request failed, status ${result.status}`), { status: result.status });
		return result;
	})();
	return Object.assign(response, {
		arrayBuffer: response.then((r) => r.arrayBuffer),
		json: response.then((r) => r.json as unknown),
		text: response.then((r) => r.text),
	});
}

export async function request(req: O.RequestUrlParam | string): Promise<string> {
	return (await requestUrl(req)).text;
}

export function getLanguage(): string { return "en"; }
export async function loadMathJax(): Promise<void> { /* not available */ }
export async function loadMermaid(): Promise<unknown> { return null; }
export async function loadPdfJs(): Promise<unknown> { return null; }
export async function loadPrism(): Promise<unknown> { return null; }
export async function finishRenderMath(): Promise<void> { /* nothing pending */ }
export function renderMath(source: string, display: boolean): HTMLElement {
	return createEl(display ? "div" : "span", { cls: "math", text: source });
}
