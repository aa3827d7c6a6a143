// The abstract `Editor` of obsidian.d.ts, with the concrete helpers the app implements on the
// base class (getDoc, setLine, somethingSelected, setCursor, processLines), written after the
// app bundle. `setCursor(line)` without `ch` puts the cursor at the END of the line, because
// the app converts a missing `ch` (non-finite) to the line end.
import type * as O from "obsidian";

export abstract class Editor implements O.Editor {
	getDoc(): this {
		return this;
	}

	abstract refresh(): void;
	abstract getValue(): string;
	abstract setValue(content: string): void;
	abstract getLine(line: number): string;
	abstract lineCount(): number;
	abstract lastLine(): number;
	abstract getSelection(): string;
	abstract getRange(from: O.EditorPosition, to: O.EditorPosition): string;
	abstract replaceSelection(replacement: string, origin?: string): void;
	abstract replaceRange(replacement: string, from: O.EditorPosition, to?: O.EditorPosition, origin?: string): void;
	abstract getCursor(side?: "from" | "to" | "head" | "anchor"): O.EditorPosition;
	abstract listSelections(): O.EditorSelection[];
	abstract setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void;
	abstract setSelections(ranges: O.EditorSelectionOrCaret[], main?: number): void;
	abstract focus(): void;
	abstract blur(): void;
	abstract hasFocus(): boolean;
	abstract getScrollInfo(): { top: number; left: number };
	abstract scrollTo(x?: number | null, y?: number | null): void;
	abstract scrollIntoView(range: O.EditorRange, center?: boolean): void;
	abstract undo(): void;
	abstract redo(): void;
	abstract exec(command: O.EditorCommandName): void;
	abstract transaction(tx: O.EditorTransaction, origin?: string): void;
	abstract wordAt(pos: O.EditorPosition): O.EditorRange | null;
	abstract posToOffset(pos: O.EditorPosition): number;
	abstract offsetToPos(offset: number): O.EditorPosition;

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	somethingSelected(): boolean {
		return !!this.getSelection();
	}

	setCursor(pos: O.EditorPosition | number, ch?: number): void {
		if (typeof pos === "number") this.setSelection({ line: pos, ch: ch as number });
		else this.setSelection(pos);
	}

	processLines<T>(read: (line: number, lineText: string) => T | null,
		write: (line: number, lineText: string, value: T | null) => O.EditorChange | void, ignoreEmpty = true): void {
		const selections = this.listSelections();
		const lineSet = new Set<number>();
		for (const sel of selections) {
			for (let l = Math.min(sel.anchor.line, sel.head.line); l <= Math.max(sel.anchor.line, sel.head.line); l++) lineSet.add(l);
		}
		const lines = Array.from(lineSet).sort((a, b) => a - b);
		const values = lines.map((l) => {
			const text = this.getLine(l);
			return ignoreEmpty && lines.length > 1 && !text.trim() ? null : read(l, text);
		});
		const changes: O.EditorChange[] = [];
		lines.forEach((l, i) => {
			if (ignoreEmpty && values[i] === null) return;
			const change = write(l, this.getLine(l), values[i]);
			if (change) changes.push(change);
		});
		if (changes.length === 0) return;
		if (selections.length === 1) {
			const first = changes[0];
			const from = { ...selections[0].anchor };
			const head = selections[0].head;
			if (from.ch === 0 && from.line === head.line && from.ch === head.ch && from.line === first.from.line) {
				from.ch = Math.max(0, from.ch + first.text.length - (first.to ? first.to.ch - first.from.ch : 0));
				this.transaction({ changes, selection: { from } });
				return;
			}
		}
		this.transaction({ changes });
	}
}
