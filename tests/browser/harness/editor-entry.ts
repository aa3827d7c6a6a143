/**
 * The editor page of the browser harness: a real CodeMirror EditorView (the pinned @codemirror packages)
 * with the plugin's REAL editor path wired as main.ts wires it: AuditController (the audit the panel shows),
 * FixActions (the row actions), createEditorBridge (the CitationEditor extension: marks, hover tooltip,
 * gutter), the controller's audits published into the editor, a live audit after each burst of typing, and
 * the three editor commands behind hotkeys, as a writer would bind them (the plugin sets none).
 * `obsidian` is editor-obsidian.ts; the app around the view is the least the plugin reads (a workspace with
 * one markdown leaf, a vault over the example vault's files, a metadata cache that parses frontmatter with the
 * command line's reader). Links resolve with the engine's vault resolver, as the command line's do.
 * Bundled into tests/browser/.artifacts/editor.js; dev-only, never part of main.js.
 */
import { history, undo, undoDepth } from "@codemirror/commands";
import { EditorState, Transaction } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import type * as O from "obsidian";
import { parseFrontmatter } from "../../../src/cli/note-properties";
import type { Finding } from "../../../src/core/types";
import { AuditController } from "../../../src/plugin/audit-controller";
import type { CitationEditor } from "../../../src/plugin/editor/citation-editor";
import { allMarks } from "../../../src/plugin/editor/citation-marks";
import { createEditorBridge, editorViewOf, toEditorAudit } from "../../../src/plugin/editor/editor-bridge";
import { goToProblem } from "../../../src/plugin/editor/navigation";
import { showProblemAtCursor } from "../../../src/plugin/editor/problem-tooltip";
import { FixActions } from "../../../src/plugin/fix-actions";
import type { ObsidianLinkResolver } from "../../../src/plugin/obsidian-resolver";
import { DEFAULT_SETTINGS, type CitationAuditorSettings } from "../../../src/plugin/settings";
import { editorOver } from "./editor-adapter";
import type { EditorHarnessApi, EditorOpenOptions, EditRecord, FindingData, MarkData } from "./editor-api";
import { MarkdownView, Notice, TFile, editorInfoField, notices } from "./editor-obsidian";
import { installObsidianDom } from "./obsidian-dom";
import { vaultResolver, type VaultSnapshot } from "./vault-audit";

declare const HARNESS_VAULT: VaultSnapshot;
declare const HARNESS_NOTE_PATH: string;

installObsidianDom();

/** The hotkeys the tests press (a writer's own bindings; the plugin has no default hotkeys). */
export const HOTKEYS = { show: "Ctrl-Alt-p", next: "Ctrl-Alt-n", previous: "Ctrl-Alt-b" } as const;

interface Session {
	view: EditorView;
	controller: AuditController;
	audits: number;
	edits: EditRecord[];
	/** Each edit's inverted changes (what the history would apply to undo it). */
	created: string[];
	timer: number | null;
}

let session: Session | null = null;
let host: HTMLElement | null = null;

function current(): Session {
	if (!session) throw new Error("open() a note first");
	return session;
}

/** The least of Obsidian's App the controller, the fix actions and the note properties read. */
function pageApp(vault: VaultSnapshot, leaf: () => { view: MarkdownView } | null, created: string[]): O.App {
	const notes = { ...vault.notes };
	const files = new Map(vault.paths.map((path) => [path, new TFile(path)]));
	const app = {
		workspace: {
			getLeavesOfType: (type: string) => (type === "markdown" && leaf() ? [leaf()] : []),
			getLeaf: () => leaf(),
			setActiveLeaf: () => undefined,
		},
		vault: {
			getFileByPath: (path: string) => files.get(path) ?? null,
			getFolderByPath: (path: string) => ({ path }),
			cachedRead: (file: TFile) => Promise.resolve(notes[file.path] ?? ""),
			create: (path: string, data: string) => {
				created.push(path);
				notes[path] = data;
				return Promise.resolve(new TFile(path));
			},
			createFolder: () => Promise.resolve(),
		},
		fileManager: { getNewFileParent: () => ({ path: "" }) },
		metadataCache: {
			getFileCache: (file: TFile) => {
				const text = notes[file.path];
				if (text === undefined) return null;
				const { properties } = parseFrontmatter(text);
				return properties ? { frontmatter: properties } : {};
			},
		},
	};
	return app as unknown as O.App;
}

function open(options: EditorOpenOptions): void {
	if (session?.timer) window.clearTimeout(session.timer);
	session?.view.destroy();
	host?.detach();
	notices.length = 0;
	const theme = options.theme ?? "light";
	document.body.toggleClass("theme-light", theme === "light");
	document.body.toggleClass("theme-dark", theme === "dark");

	const path = options.path ?? HARNESS_NOTE_PATH;
	const notes = { ...HARNESS_VAULT.notes, ...options.notes, [path]: options.text };
	const vault: VaultSnapshot = { paths: [...new Set([...HARNESS_VAULT.paths, ...Object.keys(notes)])].sort(), notes };
	const resolver = vaultResolver(vault) as unknown as ObsidianLinkResolver;
	const settings: CitationAuditorSettings = {
		...DEFAULT_SETTINGS,
		editorMinSeverity: options.minSeverity ?? DEFAULT_SETTINGS.editorMinSeverity,
		editorGutter: options.gutter ?? DEFAULT_SETTINGS.editorGutter,
	};
	const created: string[] = [];
	let markdownView: MarkdownView | null = null;
	const app = pageApp(vault, () => markdownView?.leaf ?? null, created);
	// The plugin's code takes obsidian.d.ts's TFile; the page's has what it reads of one (path, name, extension).
	const file = new TFile(path) as unknown as O.TFile;

	// As main.ts's onload: controller, fix actions, the editor extension, the controller's audits published.
	const controller = new AuditController(app, resolver, () => settings);
	const fixes = new FixActions(app, controller, resolver);
	const citationEditor = createEditorBridge(controller, fixes, settings);
	const delay = options.liveAuditDelay === undefined ? settings.liveAuditDelay : options.liveAuditDelay;

	host = document.body.createDiv({ cls: ["harness-editor", "workspace-leaf-content", "markdown-source-view"] });
	host.setCssProps({ width: `${options.width ?? 640}px` });
	const view = new EditorView({ parent: host });
	markdownView = new MarkdownView(file, editorOver(view));
	const info = markdownView as unknown as O.MarkdownFileInfo;
	const state: Session = { view, controller, audits: 0, edits: [], created, timer: null };
	session = state;
	view.setState(
		EditorState.create({
			doc: options.text,
			extensions: [
				editorInfoField.init(() => info),
				// Obsidian's editor keeps CodeMirror's own undo history (@codemirror/commands, bundled in the app).
				history(),
				citationEditor.extension,
				commandHotkeys(citationEditor, info),
				EditorView.lineWrapping,
				EditorView.contentAttributes.of({ "aria-label": "Note text" }),
				EditorView.updateListener.of((update) => {
					for (const tr of update.transactions) {
						if (!tr.docChanged) continue;
						state.edits.push({
							before: tr.startState.doc.toString(),
							after: tr.newDoc.toString(),
							undone: tr.changes.invert(tr.startState.doc).apply(tr.newDoc).toString(),
							userEvent: tr.annotation(Transaction.userEvent) ?? null,
						});
					}
					// main.ts: workspace "editor-change" → the debounced live audit of the editor's text.
					if (update.docChanged && delay !== null) {
						if (state.timer) window.clearTimeout(state.timer);
						state.timer = window.setTimeout(() => {
							state.timer = null;
							controller.auditText(file, view.state.doc.toString());
						}, delay);
					}
				}),
			],
		}),
	);
	controller.subscribe((auditState) => {
		if (auditState.kind !== "empty") state.audits++;
		citationEditor.publish(toEditorAudit(auditState));
	});
	// "file-open": the note is audited from its editor's text.
	void controller.auditFile(file);
}

/** main.ts's registerEditorCommands, behind hotkeys: the editor view of the command's editor, or a notice. */
function commandHotkeys(citationEditor: CitationEditor, info: O.MarkdownFileInfo) {
	const command = (run: (view: EditorView) => boolean) => () => {
		const view = editorViewOf(citationEditor, info);
		if (!view || !run(view)) new Notice("No citation problem here.");
		return true;
	};
	return keymap.of([
		{ key: HOTKEYS.show, run: command((view) => showProblemAtCursor(view)) },
		{ key: HOTKEYS.next, run: command((view) => goToProblem(view, 1) !== null) },
		{ key: HOTKEYS.previous, run: command((view) => goToProblem(view, -1) !== null) },
	]);
}

function findingData(finding: Finding): FindingData {
	const { kind, severity, offset, length, line, message } = finding;
	return { kind, severity, offset, length, line, message, suggestions: [...(finding.suggestions ?? [])] };
}

function markData(from: number, to: number, el: { kind: string; severity: string }): MarkData {
	return { from, to, kind: el.kind, severity: el.severity };
}

/**
 * Ranges joined as the DOM splits them: a mark is drawn as one element per line it crosses, and a mark that
 * partly overlaps another is cut into pieces; pieces of one kind that touch (or only a line break apart) join.
 */
function joinPieces(pieces: MarkData[], doc: string): MarkData[] {
	const sorted = [...pieces].sort((a, b) => a.from - b.from || a.to - b.to);
	const joined: MarkData[] = [];
	for (const piece of sorted) {
		let previous: MarkData | undefined;
		for (const mark of joined) if (mark.kind === piece.kind && mark.severity === piece.severity && mark.to <= piece.from) previous = mark;
		if (previous && /^\n?$/.test(doc.slice(previous.to, piece.from))) {
			previous.to = piece.to;
		} else {
			joined.push({ ...piece });
		}
	}
	return joined.sort((a, b) => a.from - b.from || a.to - b.to || a.kind.localeCompare(b.kind));
}

const api: EditorHarnessApi = {
	open,
	text: () => current().view.state.doc.toString(),
	findings: () => {
		const state = current().controller.current;
		return state.kind === "note" ? state.audit.findings.map(findingData) : [];
	},
	marks: () => allMarks(current().view.state).map((mark) => markData(mark.from, mark.to, mark.finding)),
	drawnMarks: () => {
		const { view } = current();
		const pieces = Array.from(view.contentDOM.querySelectorAll<HTMLElement>(".citation-auditor-mark"), (el) =>
			markData(view.posAtDOM(el, 0), view.posAtDOM(el, el.childNodes.length), {
				kind: el.dataset.citationKind ?? "",
				severity: /citation-auditor-mark-(\w+)/.exec(el.className)?.[1] ?? "",
			}),
		);
		return joinPieces(pieces, view.state.doc.toString());
	},
	joinedMarks: () => {
		const { view } = current();
		return joinPieces(api.marks(), view.state.doc.toString());
	},
	audits: () => current().audits,
	auditNow: () => {
		const { controller, view } = current();
		const file = controller.file;
		if (file) controller.auditText(file, view.state.doc.toString());
	},
	edits: () => current().edits,
	undoLast: () => {
		const { view, edits } = current();
		const last = edits[edits.length - 1];
		if (!last || view.state.doc.toString() !== last.after) throw new Error("nothing to undo at this text");
		// One call of the editor's own undo command: what Ctrl/Cmd-Z does.
		if (!undo(view)) throw new Error("the history had nothing to undo");
	},
	undoDepth: () => undoDepth(current().view.state),
	gutterMarkers: () => {
		const { view } = current();
		return Array.from(view.dom.querySelectorAll<HTMLElement>(".citation-auditor-gutter .citation-auditor-gutter-marker")).map((marker) => {
			const rect = marker.getBoundingClientRect();
			const block = view.lineBlockAtHeight(rect.top + rect.height / 2 - view.documentTop);
			const severity = ["error", "warning", "info"].find((name) => marker.classList.contains(`citation-auditor-${name}`)) ?? "";
			return { line: view.state.doc.lineAt(block.from).number, severity };
		});
	},
	notices: () => [...notices],
	created: () => [...current().created],
	setCursor: (offset) => {
		const { view } = current();
		view.focus();
		view.dispatch({ selection: { anchor: offset } });
	},
	cursor: () => current().view.state.selection.main.head,
	pwned: () => window.__pwned !== undefined,
};
window.__editor = api;
