import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { StateEffect } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { InMemoryEditor } from "../obsidian-double/memory-editor";
import type { MarkdownView as DoubleMarkdownView } from "../obsidian-double/markdown-view";
import { createTestApp, finishStartup, openFile } from "../obsidian-double/testing";

describe("InMemoryEditor positions", () => {
	it("normalises CRLF and converts positions both ways in UTF-16 units", () => {
		const editor = new InMemoryEditor("a😀b\r\nsecond\r\nthird");
		expect(editor.getValue()).toBe("a😀b\nsecond\nthird");
		expect(editor.lineCount()).toBe(3);
		expect(editor.lastLine()).toBe(2);
		expect(editor.getLine(0)).toHaveLength(4);
		expect(editor.posToOffset({ line: 1, ch: 2 })).toBe(7);
		expect(editor.offsetToPos(7)).toEqual({ line: 1, ch: 2 });
		expect(editor.offsetToPos(999)).toEqual({ line: 2, ch: 5 });
		expect(editor.offsetToPos(-4)).toEqual({ line: 0, ch: 0 });
	});

	it("posToOffset follows the app: negative line -> 0, past the end -> length, ch not clamped", () => {
		const editor = new InMemoryEditor("ab\ncd");
		expect(editor.posToOffset({ line: -1, ch: 5 })).toBe(0);
		expect(editor.posToOffset({ line: 9, ch: 0 })).toBe(5);
		expect(editor.posToOffset({ line: 0, ch: 4 })).toBe(4);
		expect(editor.posToOffset({ line: 1, ch: -1 })).toBe(4);
		editor.setCursor(0);
		expect(editor.getCursor()).toEqual({ line: 0, ch: 2 });
		expect(() => editor.getLine(2)).toThrow(RangeError);
	});
});

describe("InMemoryEditor editing", () => {
	it("replaceRange, getRange and setLine", () => {
		const editor = new InMemoryEditor("hello world");
		editor.replaceRange("there", { line: 0, ch: 6 }, { line: 0, ch: 11 });
		expect(editor.getRange({ line: 0, ch: 0 }, { line: 0, ch: 5 })).toBe("hello");
		editor.replaceRange("\r\nnew line", { line: 0, ch: 11 });
		editor.setLine(1, "replaced");
		expect(editor.getValue()).toBe("hello there\nreplaced");
	});

	it("a transaction applies all changes against the ORIGINAL positions, as one step", () => {
		const text = "alpha [^1] beta [^2] gamma";
		const editor = new InMemoryEditor(text);
		const onChange = vi.fn();
		const watched = new InMemoryEditor(text, onChange);
		const tx = {
			changes: [
				{ from: { line: 0, ch: 16 }, to: { line: 0, ch: 20 }, text: "[^b]" },
				{ from: { line: 0, ch: 6 }, to: { line: 0, ch: 10 }, text: "[^aaa]" },
				{ from: { line: 0, ch: 0 }, text: ">> " },
			],
		};
		editor.transaction(tx);
		watched.transaction(tx);
		expect(editor.getValue()).toBe(">> alpha [^aaa] beta [^b] gamma");
		expect(onChange).toHaveBeenCalledTimes(1);
		expect(editor.undoDepth).toBe(1);
		editor.undo();
		expect(editor.getValue()).toBe(text);
		editor.redo();
		expect(editor.getValue()).toBe(">> alpha [^aaa] beta [^b] gamma");
	});

	it("same-position insertions keep their order; adjacent replacements compose", () => {
		const editor = new InMemoryEditor("abcdef");
		editor.transaction({ changes: [
			{ from: { line: 0, ch: 2 }, text: "X" },
			{ from: { line: 0, ch: 2 }, text: "Y" },
			{ from: { line: 0, ch: 2 }, to: { line: 0, ch: 4 }, text: "_" },
			{ from: { line: 0, ch: 4 }, to: { line: 0, ch: 6 }, text: "!" },
		] });
		expect(editor.getValue()).toBe("abXY_!");
	});

	it("undo restores the exact text one transaction at a time", () => {
		const original = "line 1\nline 2\nline 3";
		const editor = new InMemoryEditor(original);
		const states = [original];
		editor.transaction({ changes: [{ from: { line: 1, ch: 0 }, to: { line: 2, ch: 0 }, text: "" }] });
		states.push(editor.getValue());
		editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: "# " }, { from: { line: 1, ch: 6 }, text: "\n" }] });
		states.push(editor.getValue());
		editor.setValue("all new");
		editor.undo();
		expect(editor.getValue()).toBe(states[2]);
		editor.undo();
		expect(editor.getValue()).toBe(states[1]);
		editor.undo();
		expect(editor.getValue()).toBe(states[0]);
		editor.undo();
		expect(editor.getValue()).toBe(original);
		expect(editor.redoDepth).toBe(3);
	});

	it("undoes and redoes random transactions of several changes, step by step (property, seed 1505)", () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom("", "x", "é😀", "\n", "long inserted text\n"), fc.boolean()), { minLength: 1, maxLength: 3 }),
					{ minLength: 1, maxLength: 8 },
				),
				(transactions) => {
					const editor = new InMemoryEditor("The first line of text\nA second, longer line of text\n\nLast.");
					const states = [editor.getValue()];
					for (const changes of transactions) {
						const length = editor.getValue().length;
						// Changes refer to the document before the transaction; from ≤ to, inside it (overlaps allowed).
						const specs = changes.map(([at, span, text, pure]) => {
							const from = at % (length + 1);
							const to = pure ? from : Math.min(length, from + span);
							return { from: editor.offsetToPos(from), to: editor.offsetToPos(to), text };
						});
						editor.transaction({ changes: specs });
						if (editor.getValue() !== states[states.length - 1]) states.push(editor.getValue());
					}
					for (let i = states.length - 2; i >= 0; i--) {
						editor.undo();
						expect(editor.getValue()).toBe(states[i]);
					}
					for (let i = 1; i < states.length; i++) {
						editor.redo();
						expect(editor.getValue()).toBe(states[i]);
					}
				},
			),
			{ numRuns: 300, seed: 1505 },
		);
	});

	it("throws a RangeError for changes outside the document (like CodeMirror)", () => {
		const editor = new InMemoryEditor("ab");
		expect(() => editor.replaceRange("x", { line: 0, ch: 5 })).toThrow(RangeError);
		expect(editor.getValue()).toBe("ab");
	});
});

describe("InMemoryEditor selections", () => {
	it("maps the cursor through changes: it stays before text inserted at its position", () => {
		const editor = new InMemoryEditor("abc");
		editor.setCursor({ line: 0, ch: 1 });
		editor.replaceRange("XX", { line: 0, ch: 1 });
		expect(editor.getCursor()).toEqual({ line: 0, ch: 1 });
		editor.replaceRange("Z", { line: 0, ch: 0 });
		expect(editor.getCursor()).toEqual({ line: 0, ch: 2 });
	});

	it("replaceSelection replaces every range and leaves cursors after the insert", () => {
		const editor = new InMemoryEditor("one two three");
		editor.setSelections([{ anchor: { line: 0, ch: 0 }, head: { line: 0, ch: 3 } }, { anchor: { line: 0, ch: 8 }, head: { line: 0, ch: 13 } }]);
		expect(editor.getSelection()).toBe("one\nthree");
		editor.replaceSelection("1");
		expect(editor.getValue()).toBe("1 two 1");
		expect(editor.listSelections().map((s) => s.head.ch)).toEqual([1, 7]);
	});

	it("getCursor sides and a transaction selection in new-document positions", () => {
		const editor = new InMemoryEditor("abcdef");
		editor.setSelection({ line: 0, ch: 4 }, { line: 0, ch: 1 });
		expect([editor.getCursor("from").ch, editor.getCursor("to").ch, editor.getCursor("head").ch, editor.getCursor("anchor").ch]).toEqual([1, 4, 1, 4]);
		expect(editor.somethingSelected()).toBe(true);
		editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: "12345" }], selection: { from: { line: 0, ch: 10 } } });
		expect(editor.getCursor()).toEqual({ line: 0, ch: 10 });
	});

	it("records scrollIntoView and tracks focus", () => {
		const editor = new InMemoryEditor("a\nb");
		editor.scrollIntoView({ from: { line: 1, ch: 0 }, to: { line: 1, ch: 1 } }, true);
		expect(editor.lastScrollIntoView).toEqual({ range: { from: { line: 1, ch: 0 }, to: { line: 1, ch: 1 } }, center: true });
		expect(editor.hasFocus()).toBe(false);
		editor.focus();
		expect(editor.hasFocus()).toBe(true);
		expect(editor.wordAt({ line: 0, ch: 0 })).toEqual({ from: { line: 0, ch: 0 }, to: { line: 0, ch: 1 } });
	});
});

describe("the CodeMirror view behind a MarkdownView", () => {
	it("receives an Editor transaction's changes as CodeMirror composes them, and follows undo", async () => {
		const app = createTestApp({ files: { "Note.md": "aaa bbb ccc" } });
		finishStartup(app);
		const view = await openFile(app, "Note.md");
		const cm = (view as unknown as DoubleMarkdownView).cm.view;
		// Positions tracked the way an editor extension's marks are: mapped through each transaction's changes.
		const before = cm.state.doc.toString();
		let tracked = [1, 3, 4, 8];
		const spy = EditorView.updateListener.of((update) => {
			if (update.docChanged) tracked = tracked.map((pos) => update.changes.mapPos(pos, 1));
		});
		cm.dispatch({ effects: StateEffect.appendConfig.of(spy) });
		// Typing "a" after the first "a": a comparison of the texts would place the insertion at the end of
		// the run of a's and move position 1 differently; the Editor's own change is at 1.
		view.editor.transaction({ changes: [{ from: { line: 0, ch: 1 }, to: { line: 0, ch: 1 }, text: "a" }, { from: { line: 0, ch: 8 }, to: { line: 0, ch: 11 }, text: "C" }] });
		expect(cm.state.doc.toString()).toBe(view.editor.getValue());
		expect(cm.state.doc.toString()).toBe("aaaa bbb C");
		expect(tracked).toEqual([2, 4, 5, 9]);
		view.editor.undo();
		expect(cm.state.doc.toString()).toBe(before);
	});
});
