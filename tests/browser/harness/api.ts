/**
 * The contract between the browser harness page (entry.ts, bundled into tests/browser/.artifacts/) and the
 * tests that drive it with playwright-core. Types only: the page sets `window.__harness` and
 * `window.__events`; the tests read them through `page.evaluate`.
 */
import type { Finding, NoteStats } from "../../../src/core/types";
import type { PanelState } from "../../../src/plugin/panel/citation-panel";

export type Theme = "light" | "dark";

/** Where the panel sits: a sidebar (`--background-secondary`, Obsidian's default) or the main area. */
export type Surface = "sidebar" | "main";

/** The audit of one note, as the harness feeds it to the panel. */
export interface NoteAuditData {
	noteName: string;
	notePath: string;
	findings: Finding[];
	stats: NoteStats;
}

/** What the panel's callbacks reported, in order. */
export type HarnessEvent =
	| { type: "jump"; kind: Finding["kind"]; offset: number; length: number; line: number }
	| { type: "open-target"; path: string; newTab: boolean; keyboard: boolean }
	| { type: "hover-target"; path: string }
	| { type: "reaudit" }
	| { type: "action"; title: string; kind: Finding["kind"]; offset: number };

export interface MountOptions {
	theme?: Theme;
	surface?: Surface;
	/** Width of the leaf in CSS pixels (default 300, a sidebar). */
	width?: number;
	/**
	 * Fix buttons on the rows: the plugin's own (`FixActions.actionsFor` over the page's audit of the essay;
	 * the default for the essay), one sample button per row, or none (the default for other states).
	 * Clicking a button records an `action` event instead of editing a note.
	 */
	actions?: "plugin" | "sample" | "none";
}

export interface ContrastSample {
	/** The text as rendered (trimmed, at most 60 characters). */
	text: string;
	/** Class list of the element holding the text. */
	classes: string;
	color: string;
	background: string;
	ratio: number;
	/** 4.5, or 3 for large text (WCAG 2.x AA). */
	required: number;
}

export interface HarnessApi {
	/** The audit of the example vault's essay, computed in the page by the real engine over the vault's files. */
	readonly essay: NoteAuditData;
	/** Replace the leaf and the panel (fresh DOM, events cleared) and show `state` (default: the essay). */
	mount(state?: PanelState, options?: MountOptions): void;
	/** Feed a new state to the mounted panel (as the view does on every re-audit). */
	setState(state: PanelState): void;
	/** How many rows the panel has (re)built so far. */
	rowBuilds(): number;
	/** The offset of the finding a row element shows (null for an element that is no row). */
	rowOffset(el: Element): number | null;
	/** Text colour against the effective background for every visible run of text in the leaf. */
	textContrast(): ContrastSample[];
	/** Contrast of the focused element's outline against the background behind it, or null without an outline. */
	focusOutlineContrast(): number | null;
}

declare global {
	interface Window {
		__harness: HarnessApi;
		__events: HarnessEvent[];
	}
}
