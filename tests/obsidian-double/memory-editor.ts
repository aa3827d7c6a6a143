// A concrete in-memory Editor over a string, with CodeMirror 6 semantics where they matter:
// - line separators are normalised to "\n" (CodeMirror does this; offsets and `ch` count
//   UTF-16 code units of the normalised text);
// - `transaction({changes})`: every change refers to the ORIGINAL document; changes are
//   applied as one atomic step (one undo entry, one `editor-change`), mapping each change
//   through the ones applied before it (CodeMirror's ChangeSet.of composition);
//   out-of-range positions throw a RangeError, as CodeMirror does;
// - a `selection`/`selections` given in a transaction refers to the NEW document; without
//   it, selections are mapped through the changes (a cursor stays before text inserted at
//   its position, like CodeMirror's default mapping);
// - `posToOffset` follows the app: a negative line gives 0, a line past the end gives the
//   document length, a missing `ch` gives the line end, `ch` is not clamped to the line.
// Simplification: each transaction is its own undo step (CodeMirror may merge adjacent edits
// made within 500 ms). As CodeMirror's history (@codemirror/commands), a step keeps its changes, not
// the documents before and after it: a long note's history then holds what was typed and deleted, not
// a copy of the note per keystroke (which made the live-edit bench's heap grow by 2 MB per edit).
import type * as O from "obsidian";
import { Editor } from "./editor-base";
import { applyChanges, lineStarts, positionToOffset, type Change, type Sel } from "./editor-changes";

/** One undo step: its changes as applied one after the other, and the text each replaced. */
interface HistoryEntry { applied: Change[]; removed: string[]; selBefore: Sel[]; selAfter: Sel[] }
interface Step { fromLength: number; changes: Change[]; removed: string[] }

const WORD = /[\p{L}\p{N}_]/u;

function normalize(text: string): string {
	return text.replace(/\r\n?/g, "\n");
}

export class InMemoryEditor extends Editor {
	private doc = "";
	/** Line starts, computed when first asked for after a change (CodeMirror's Text keeps them in its tree). */
	private startsCache: number[] | null = [0];
	/** The last change step as applied, until the CodeMirror mirror takes it (see `takeChanges`). */
	private lastStep: Step | null = null;
	private sels: Sel[] = [{ anchor: 0, head: 0 }];
	private main = 0;
	private undoStack: HistoryEntry[] = [];
	private redoStack: HistoryEntry[] = [];
	private focused = false;
	private scroll = { top: 0, left: 0 };
	/** Last `scrollIntoView` call (tests assert on it). */
	lastScrollIntoView: { range: O.EditorRange; center: boolean } | null = null;
	/** Number of document-changing steps applied (transactions, edits, undo/redo). */
	changeCount = 0;

	/** Selection offsets (anchor, head) of every range, for the CodeMirror view that mirrors this editor. */
	get selectionOffsets(): readonly { anchor: number; head: number }[] { return this.sels; }
	get mainSelection(): number { return this.main; }

	/**
	 * `onChange` runs after every document change (the owning MarkdownView uses it); `onSelect` after a
	 * selection-only change (the view's CodeMirror mirror follows it).
	 */
	constructor(text = "", private readonly onChange?: (editor: InMemoryEditor) => void, private readonly onSelect?: () => void) {
		super();
		this.load(text);
	}

	/** Replace the content without history or change notification (loading a file). */
	load(text: string): void {
		this.setDoc(normalize(text));
		this.sels = [{ anchor: 0, head: 0 }];
		this.main = 0;
		this.undoStack = [];
		this.redoStack = [];
	}

	get undoDepth(): number { return this.undoStack.length; }
	get redoDepth(): number { return this.redoStack.length; }

	private setDoc(doc: string): void {
		this.doc = doc;
		this.startsCache = null;
		this.lastStep = null;
	}

	private get starts(): number[] {
		this.startsCache ??= lineStarts(this.doc);
		return this.startsCache;
	}

	/**
	 * The changes of the last step, one after the other, when the text was `fromLength` long before it and the
	 * step was an edit (not a load, undo or redo); null otherwise. Taken once: the CodeMirror mirror replays
	 * them, as CodeMirror itself receives a transaction's changes, instead of comparing whole texts.
	 */
	takeChanges(fromLength: number): Change[] | null {
		const step = this.lastStep;
		this.lastStep = null;
		return step && step.fromLength === fromLength ? step.changes : null;
	}

	private commit(doc: string, sels: Sel[], main: number, step: Step): void {
		if (doc === this.doc) {
			this.sels = sels;
			this.main = main;
			this.onSelect?.();
			return;
		}
		this.undoStack.push({ applied: step.changes, removed: step.removed, selBefore: this.sels, selAfter: sels });
		this.redoStack = [];
		this.replaceDoc(doc, sels, main, step);
	}

	private replaceDoc(doc: string, sels: Sel[], main: number, step: Step | null = null): void {
		this.setDoc(doc);
		this.lastStep = step;
		this.sels = sels;
		this.main = Math.min(main, sels.length - 1);
		this.changeCount++;
		this.onChange?.(this);
	}

	private checkOffset(offset: number): number {
		if (!(offset >= 0 && offset <= this.doc.length)) throw new RangeError(`Selection points outside of document (${offset} of ${this.doc.length})`);
		return offset;
	}

	/**
	 * Apply changes (original-document offsets) as one step. Selections: `selection` when given
	 * (new-document offsets); after `replaceSelection`, a cursor after each insertion; otherwise
	 * the old selections mapped through the changes.
	 */
	private apply(changes: Change[], selection?: { sels: Sel[]; main: number }, afterReplace = false): void {
		const result = applyChanges(this.doc, changes);
		const mapSel = (s: Sel): Sel => {
			if (afterReplace) {
				const p = result.map(Math.max(s.anchor, s.head), 1);
				return { anchor: p, head: p };
			}
			if (s.anchor === s.head) {
				const p = result.map(s.anchor, -1);
				return { anchor: p, head: p };
			}
			const forward = s.anchor < s.head;
			return { anchor: result.map(s.anchor, forward ? 1 : -1), head: result.map(s.head, forward ? -1 : 1) };
		};
		const fromLength = this.doc.length;
		this.commit(result.doc, selection?.sels ?? this.sels.map(mapSel), selection?.main ?? this.main, { fromLength, changes: result.applied, removed: result.removed });
	}

	refresh(): void { /* nothing to redraw */ }
	getValue(): string { return this.doc; }
	setValue(content: string): void { this.apply([{ from: 0, to: this.doc.length, insert: normalize(content) }]); }
	getLine(line: number): string {
		if (!(line >= 0 && line < this.starts.length)) throw new RangeError(`Invalid line number ${line + 1} in ${this.starts.length}-line document`);
		const end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.doc.length;
		return this.doc.substring(this.starts[line], end);
	}
	lineCount(): number { return this.starts.length; }
	lastLine(): number { return this.starts.length - 1; }

	posToOffset(pos: O.EditorPosition): number {
		return positionToOffset(this.doc, this.starts, pos);
	}
	offsetToPos(offset: number): O.EditorPosition {
		const clamped = Math.min(Math.max(offset, 0), this.doc.length);
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= clamped) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, ch: clamped - this.starts[lo] };
	}

	getRange(from: O.EditorPosition, to: O.EditorPosition): string {
		const a = this.posToOffset(from);
		const b = this.posToOffset(to);
		return this.doc.substring(Math.min(a, b), Math.max(a, b));
	}
	/** Text of every selection range, joined with "\n" (CodeMirror 5 style). */
	getSelection(): string {
		return this.sels.map((s) => this.doc.substring(Math.min(s.anchor, s.head), Math.max(s.anchor, s.head))).join("\n");
	}
	replaceSelection(replacement: string): void {
		this.transaction({ replaceSelection: replacement });
	}
	replaceRange(replacement: string, from: O.EditorPosition, to?: O.EditorPosition): void {
		this.transaction({ changes: [{ from, to, text: replacement }] });
	}
	getCursor(side: "from" | "to" | "head" | "anchor" = "head"): O.EditorPosition {
		const s = this.sels[this.main];
		const offset = side === "from" ? Math.min(s.anchor, s.head) : side === "to" ? Math.max(s.anchor, s.head) : side === "anchor" ? s.anchor : s.head;
		return this.offsetToPos(offset);
	}
	listSelections(): O.EditorSelection[] {
		return this.sels.map((s) => ({ anchor: this.offsetToPos(s.anchor), head: this.offsetToPos(s.head) }));
	}
	setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void {
		const a = this.checkOffset(this.posToOffset(anchor));
		this.sels = [{ anchor: a, head: head ? this.checkOffset(this.posToOffset(head)) : a }];
		this.main = 0;
		this.onSelect?.();
	}
	setSelections(ranges: O.EditorSelectionOrCaret[], main?: number): void {
		if (ranges.length === 0) return;
		this.sels = ranges.map((r) => {
			const a = this.checkOffset(this.posToOffset(r.anchor));
			return { anchor: a, head: r.head ? this.checkOffset(this.posToOffset(r.head)) : a };
		});
		this.main = Math.min(main ?? ranges.length - 1, ranges.length - 1);
		this.onSelect?.();
	}

	focus(): void { this.focused = true; }
	blur(): void { this.focused = false; }
	hasFocus(): boolean { return this.focused; }
	getScrollInfo(): { top: number; left: number } { return { ...this.scroll }; }
	scrollTo(x?: number | null, y?: number | null): void {
		if (x !== undefined && x !== null) this.scroll.left = x;
		if (y !== undefined && y !== null) this.scroll.top = y;
	}
	scrollIntoView(range: O.EditorRange, center = false): void {
		this.lastScrollIntoView = { range: { from: { ...range.from }, to: { ...range.to } }, center };
	}

	undo(): void {
		const entry = this.undoStack.pop();
		if (!entry) return;
		this.redoStack.push(entry);
		// Back through the changes, last first: each put back what it replaced.
		let doc = this.doc;
		for (let i = entry.applied.length - 1; i >= 0; i--) {
			const change = entry.applied[i];
			doc = doc.substring(0, change.from) + entry.removed[i] + doc.substring(change.from + change.insert.length);
		}
		this.replaceDoc(doc, entry.selBefore, 0);
	}
	redo(): void {
		const entry = this.redoStack.pop();
		if (!entry) return;
		this.undoStack.push(entry);
		let doc = this.doc;
		for (const change of entry.applied) doc = doc.substring(0, change.from) + change.insert + doc.substring(change.to);
		this.replaceDoc(doc, entry.selAfter, 0);
	}

	transaction(tx: O.EditorTransaction, _origin?: string): void {
		let changes: Change[] = (tx.changes ?? []).map((c) => {
			const from = this.posToOffset(c.from);
			return { from, to: c.to ? this.posToOffset(c.to) : from, insert: normalize(c.text) };
		});
		if (tx.replaceSelection !== undefined) {
			const text = normalize(tx.replaceSelection);
			changes = changes.concat(this.sels.map((s) => ({ from: Math.min(s.anchor, s.head), to: Math.max(s.anchor, s.head), insert: text })));
		}
		const ranges = tx.selections ?? (tx.selection ? [tx.selection] : null);
		let selection: { sels: Sel[]; main: number } | undefined;
		if (ranges) {
			const newDoc = applyChanges(this.doc, changes).doc;
			const starts = lineStarts(newDoc);
			const toOffset = (p: O.EditorPosition) => positionToOffset(newDoc, starts, p);
			selection = { sels: ranges.map((r) => ({ anchor: toOffset(r.from), head: toOffset(r.to ?? r.from) })), main: ranges.length - 1 };
		}
		this.apply(changes, selection, tx.replaceSelection !== undefined && !ranges);
	}

	wordAt(pos: O.EditorPosition): O.EditorRange | null {
		const line = this.getLine(pos.line);
		let start = pos.ch;
		let end = pos.ch;
		while (start > 0 && WORD.test(line[start - 1])) start--;
		while (end < line.length && WORD.test(line[end])) end++;
		return start === end ? null : { from: { line: pos.line, ch: start }, to: { line: pos.line, ch: end } };
	}

	exec(command: O.EditorCommandName): void {
		const cursor = this.getCursor();
		const move = (offset: number) => this.setSelection(this.offsetToPos(offset));
		const head = this.posToOffset(cursor);
		switch (command) {
			case "goStart": return move(0);
			case "goEnd": return move(this.doc.length);
			case "goLeft": return move(head - 1);
			case "goRight": return move(head + 1);
			case "goUp": return this.setSelection({ line: Math.max(0, cursor.line - 1), ch: Math.min(cursor.ch, this.getLine(Math.max(0, cursor.line - 1)).length) });
			case "goDown": return this.setSelection({ line: Math.min(this.lastLine(), cursor.line + 1), ch: Math.min(cursor.ch, this.getLine(Math.min(this.lastLine(), cursor.line + 1)).length) });
			case "deleteLine": {
				const from = this.starts[cursor.line];
				const to = cursor.line + 1 < this.starts.length ? this.starts[cursor.line + 1] : this.doc.length;
				return this.apply([{ from: cursor.line + 1 < this.starts.length || from === 0 ? from : from - 1, to, insert: "" }]);
			}
			case "newlineAndIndent": return this.replaceSelection(`\n${/^\s*/.exec(this.getLine(cursor.line))?.[0] ?? ""}`);
			case "indentMore": return this.processLines(() => true, (line) => ({ from: { line, ch: 0 }, text: "\t" }), false);
			case "indentLess": return this.processLines(() => true, (line, text) => {
				const indent = /^(\t| {1,4})/.exec(text);
				return indent ? { from: { line, ch: 0 }, to: { line, ch: indent[0].length }, text: "" } : undefined;
			}, false);
			case "swapLineUp":
			case "swapLineDown": {
				const other = command === "swapLineUp" ? cursor.line - 1 : cursor.line + 1;
				if (other < 0 || other > this.lastLine()) return;
				const [a, b] = [Math.min(cursor.line, other), Math.max(cursor.line, other)];
				return this.transaction({ changes: [{ from: { line: a, ch: 0 }, to: { line: b, ch: this.getLine(b).length }, text: `${this.getLine(b)}\n${this.getLine(a)}` }], selection: { from: { line: other, ch: cursor.ch } } });
			}
			default: return; // folding commands have no effect without a view
		}
	}

}
