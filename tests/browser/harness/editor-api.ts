/**
 * The contract between the editor page (editor-entry.ts, bundled into tests/browser/.artifacts/editor.js) and
 * the tests that drive it: `window.__editor`. Types only.
 */
import type { FindingKind, Severity } from "../../../src/core/types";
import type { Theme } from "./api";

export interface EditorOpenOptions {
	/** The note's text as the file holds it (CRLF allowed: the editor shows it with `\n`, as Obsidian's does). */
	text: string;
	/** Its vault path (default: the example essay's). */
	path?: string;
	/** Notes added to the example vault (or replacing some), path to text. */
	notes?: Record<string, string>;
	theme?: Theme;
	/** The editor's minimum severity setting (default: the plugin's default). */
	minSeverity?: Severity;
	/** Live audit delay in ms (default 300, the plugin's); null: no live audit, only `auditNow()`. */
	liveAuditDelay?: number | null;
	/** Width of the editor in CSS pixels (default 640). */
	width?: number;
	/** The "Gutter markers" setting (default: the plugin's default, off). */
	gutter?: boolean;
}

export interface FindingData {
	kind: FindingKind;
	severity: Severity;
	offset: number;
	length: number;
	line: number;
	message: string;
	suggestions: string[];
}

export interface MarkData {
	from: number;
	to: number;
	kind: string;
	severity: string;
}

/** One transaction of the editor that changed its text. */
export interface EditRecord {
	before: string;
	after: string;
	/** `before` again if undoing this transaction alone (its inverted changes) restores the text exactly. */
	undone: string;
	userEvent: string | null;
}

export interface EditorHarnessApi {
	/** A fresh editor and plugin (controller, fix actions, editor extension) on a note; audited once, as on opening. */
	open(options: EditorOpenOptions): void;
	text(): string;
	/** The controller's current audit (the one the panel and status bar would show). */
	findings(): FindingData[];
	/** The marks in the editor's state (the shown ones), in text order. */
	marks(): MarkData[];
	/** The underlined ranges as drawn: each `.citation-auditor-mark` element's range, pieces of one mark joined. */
	drawnMarks(): MarkData[];
	/** `marks` as `drawnMarks` joins them (pieces split at line breaks or by nesting joined). */
	joinedMarks(): MarkData[];
	/** How many audits the controller ran since `open`. */
	audits(): number;
	auditNow(): void;
	edits(): EditRecord[];
	/** Undo of the last edit: its inverted changes as one transaction (what the history does for one transaction). */
	undoLast(): void;
	/** The gutter markers as drawn: the 1-based line each stands beside (from its position on screen), and its severity. */
	gutterMarkers(): { line: number; severity: string }[];
	/** Undo steps in the editor's history (CodeMirror's history(), as in Obsidian). */
	undoDepth(): number;
	notices(): string[];
	/** Notes the page's vault was asked to create. */
	created(): string[];
	setCursor(offset: number): void;
	cursor(): number;
	/** Whether `window.__pwned` was set (hostile text must never run). */
	pwned(): boolean;
}

declare global {
	interface Window {
		__editor: EditorHarnessApi;
		__pwned?: unknown;
	}
}
