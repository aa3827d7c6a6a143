/**
 * The browser harness page: Obsidian's element helpers (stand-ins), then the REAL CitationPanel from src/
 * mounted in a sidebar-sized leaf, fed the real engine's audit of the example vault's essay (audited here,
 * in the page, from the vault's files embedded by build.ts), with the plugin's real fix buttons
 * (FixActions; `obsidian` itself is an inert module in the page). Bundled into
 * tests/browser/.artifacts/harness.js; dev-only, never part of main.js.
 *
 * URL parameters: `theme=light|dark`, `surface=sidebar|main`, `width=<px>`, `actions=plugin|sample|none`.
 */
import type { App } from "obsidian";
import type { Finding } from "../../../src/core/types";
import type { AuditController } from "../../../src/plugin/audit-controller";
import { FixActions } from "../../../src/plugin/fix-actions";
import type { ObsidianLinkResolver } from "../../../src/plugin/obsidian-resolver";
import { CitationPanel, type PanelAction, type PanelState } from "../../../src/plugin/panel/citation-panel";
import type { ContrastSample, HarnessApi, HarnessEvent, MountOptions, NoteAuditData } from "./api";
import { installObsidianDom } from "./obsidian-dom";
import { auditVaultNote, noteName, vaultResolver, type VaultSnapshot } from "./vault-audit";

/** Replaced by build.ts: the example vault, and the path of the note to show. */
declare const HARNESS_VAULT: VaultSnapshot;
declare const HARNESS_NOTE_PATH: string;

installObsidianDom();

const resolver = vaultResolver(HARNESS_VAULT);
const audit = auditVaultNote(HARNESS_VAULT, HARNESS_NOTE_PATH, resolver);
const essay: NoteAuditData = { noteName: noteName(HARNESS_NOTE_PATH), notePath: HARNESS_NOTE_PATH, findings: audit.findings, stats: audit.stats };

/** The plugin's fix buttons, from its controller's current audit: here, always the essay's. */
const fixActions = new FixActions(
	{} as unknown as App,
	{ current: { kind: "note", file: null, text: audit.document.text, audit } } as unknown as AuditController,
	resolver as unknown as ObsidianLinkResolver,
);

let panel: CitationPanel | null = null;
let leafEl: HTMLElement | null = null;

function record(event: HarnessEvent): void {
	window.__events.push(event);
}

/** Keeps each button's title; clicking records what would run instead of editing a note. */
function recorded(actions: PanelAction[]): PanelAction[] {
	return actions.map(({ title }) => ({ title, run: (current) => record({ type: "action", title, kind: current.kind, offset: current.offset }) }));
}

function sampleActions(finding: Finding): PanelAction[] {
	const first = finding.labels?.[0];
	return recorded([{ title: first === undefined ? "Open the note" : `Fix [^${first}]`, run: () => undefined }]);
}

function essayState(): PanelState {
	return { kind: "note", ...essay };
}

function mount(state?: PanelState, options: MountOptions = {}): void {
	const theme = options.theme ?? "light";
	const actions = options.actions ?? (state === undefined ? "plugin" : "none");
	document.body.toggleClass("theme-light", theme === "light");
	document.body.toggleClass("theme-dark", theme === "dark");
	window.__events = [];
	leafEl?.detach();
	const surface = options.surface ?? "sidebar";
	leafEl = document.body.createDiv({
		cls: ["harness-leaf", "workspace-leaf-content", surface === "sidebar" ? "is-sidebar" : "is-main"],
		attr: { "data-type": "citation-auditor-panel" },
	});
	leafEl.setCssProps({ width: `${options.width ?? 300}px` });
	const contentEl = leafEl.createDiv({ cls: ["view-content", "citation-auditor-view"] });
	panel = new CitationPanel(contentEl, {
		jump: (finding) => record({ type: "jump", kind: finding.kind, offset: finding.offset, length: finding.length, line: finding.line }),
		openTarget: (path, event) =>
			record({ type: "open-target", path, newTab: event.ctrlKey || event.metaKey, keyboard: event instanceof KeyboardEvent || event.detail === 0 }),
		hoverTarget: (path) => record({ type: "hover-target", path }),
		reaudit: () => record({ type: "reaudit" }),
		actionsFor:
			actions === "plugin" ? (finding) => recorded(fixActions.actionsFor(finding)) : actions === "sample" ? sampleActions : undefined,
	});
	panel.setState(state ?? essayState());
}

// --- Contrast measurement (WCAG 2.x relative luminance) ----------------------------------------------

type Rgba = [number, number, number, number];

/** A computed colour: `rgb()`/`rgba()`, or `color(srgb …)` (what Chromium computes for `color-mix(in srgb …)`). */
function parseColor(value: string): Rgba {
	const rgb = /^rgba?\(([^)]+)\)$/.exec(value.trim());
	if (rgb) {
		const parts = rgb[1].split(/[\s,/]+/).filter(Boolean).map(Number);
		return [parts[0], parts[1], parts[2], parts[3] ?? 1];
	}
	const srgb = /^color\(srgb ([^)]+)\)$/.exec(value.trim());
	if (srgb) {
		const parts = srgb[1].split(/[\s/]+/).filter(Boolean).map(Number);
		return [parts[0] * 255, parts[1] * 255, parts[2] * 255, parts[3] ?? 1];
	}
	throw new Error(`Unexpected computed colour: ${value}`);
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
	const a = top[3];
	return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** The opaque colour behind `el`: its own and its ancestors' backgrounds composited, over white. */
function backgroundBehind(el: Element): Rgba {
	const layers: Rgba[] = [];
	for (let node: Element | null = el; node; node = node.parentElement) {
		const color = parseColor(getComputedStyle(node).backgroundColor);
		if (color[3] > 0) layers.push(color);
		if (color[3] === 1) break;
	}
	let result: Rgba = [255, 255, 255, 1];
	for (const layer of layers.reverse()) result = over(layer, result);
	return result;
}

function luminance([r, g, b]: Rgba): number {
	const channel = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const css = (color: Rgba) => `rgb(${color.slice(0, 3).map(Math.round).join(", ")})`;

function textContrast(): ContrastSample[] {
	if (!leafEl) return [];
	const samples: ContrastSample[] = [];
	for (const el of Array.from(leafEl.querySelectorAll("*"))) {
		const ownText = Array.from(el.childNodes)
			.filter((node) => node.nodeType === Node.TEXT_NODE)
			.map((node) => node.textContent ?? "")
			.join("")
			.trim();
		if (!ownText || el.getClientRects().length === 0) continue;
		const style = getComputedStyle(el);
		const background = backgroundBehind(el);
		const color = over(parseColor(style.color), background);
		const size = parseFloat(style.fontSize);
		const bold = Number(style.fontWeight) >= 700;
		samples.push({
			text: ownText.slice(0, 60),
			classes: el.getAttribute("class") ?? el.tagName.toLowerCase(),
			color: css(color),
			background: css(background),
			ratio: Math.round(contrast(color, background) * 100) / 100,
			required: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5,
		});
	}
	return samples;
}

function focusOutlineContrast(): number | null {
	const el = document.activeElement;
	if (!el || el === document.body) return null;
	const style = getComputedStyle(el);
	if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0) return null;
	const background = backgroundBehind(el);
	return Math.round(contrast(over(parseColor(style.outlineColor), background), background) * 100) / 100;
}

const api: HarnessApi = {
	essay,
	mount,
	setState: (state) => panel?.setState(state),
	rowBuilds: () => panel?.rowBuilds ?? 0,
	rowOffset: (el) => panel?.findingOf(el)?.offset ?? null,
	textContrast,
	focusOutlineContrast,
};
window.__harness = api;
window.__events = [];

const params = new URLSearchParams(location.search);
mount(undefined, {
	theme: params.get("theme") === "dark" ? "dark" : "light",
	surface: params.get("surface") === "main" ? "main" : "sidebar",
	width: params.has("width") ? Number(params.get("width")) : undefined,
	actions: (["plugin", "sample", "none"] as const).find((mode) => mode === params.get("actions")),
});
