/**
 * DocTextMatch answers exactly what `doc.toString() === text` answers, on random sequences of editor
 * transactions (one or several changes each, sometimes none) and random candidate texts: the document's own
 * text, an older text, the text with one character changed or moved, and a text of another length. Part of
 * the sequences skip telling it about a change (a chain it cannot follow), which must fall back to the full
 * compare. Fixed seeds.
 */
import { EditorState, type ChangeSpec } from "@codemirror/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocTextMatch } from "../../../src/plugin/editor/doc-text-match";

type Change = { from: number; to: number; insert: string };
type Step = { changes: Change[]; candidate: number; tweak: number; told: boolean };

const INSERTS = ["", "e", "\n", "ab", "😀", "[^1]", "x\ny"];

const change: fc.Arbitrary<Change> = fc.record({ from: fc.nat(400), to: fc.nat(6), insert: fc.constantFrom(...INSERTS) });
const step: fc.Arbitrary<Step> = fc.record({
	changes: fc.array(change, { maxLength: 3 }),
	// The document's own text half of the time, as the editor sees it when the audit is current.
	candidate: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }),
	tweak: fc.nat(),
	told: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

/** Non-overlapping changes within a document of `length` characters, in the form a transaction takes. */
function specs(changes: readonly Change[], length: number): ChangeSpec[] {
	const sorted = changes.map(({ from, to, insert }) => ({ from: from % (length + 1), length: to, insert })).sort((a, b) => a.from - b.from);
	const result: { from: number; to: number; insert: string }[] = [];
	let end = -1;
	for (const { from, length: removed, insert } of sorted) {
		if (from <= end) continue;
		const to = Math.min(length, from + removed);
		result.push({ from, to, insert });
		end = to;
	}
	return result;
}

function candidateText(kind: number, current: string, older: string, tweak: number): string {
	const at = current.length === 0 ? 0 : tweak % current.length;
	switch (kind) {
		case 0:
			// The same characters as a new string (not the document's own string object).
			return current.split("").join("");
		case 1:
			return older;
		case 2:
			return current.length === 0 ? "x" : current.slice(0, at) + (current[at] === "q" ? "r" : "q") + current.slice(at + 1);
		case 3: {
			// Same length and characters, two of them swapped.
			if (current.length < 2) return current + "z";
			const other = (at + 1 + (tweak % 7)) % current.length;
			const chars = current.split("");
			[chars[at], chars[other]] = [chars[other], chars[at]];
			return chars.join("");
		}
		default:
			return current + (tweak % 2 === 0 ? "e" : "");
	}
}

describe("DocTextMatch", () => {
	it("answers as the full compare does after every transaction", () => {
		const fast = { same: 0, different: 0 };
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
				let state = EditorState.create({ doc: "First line of a note.\n\nA paragraph[^1] with words.\n\n[^1]: [[Alpha]]\n".repeat(4) });
				const match = new DocTextMatch();
				let older = state.doc.toString();
				expect(match.matches(state.doc, older)).toBe(true);
				for (const { changes, candidate, tweak, told } of steps) {
					const before = state.doc.toString();
					const transaction = state.update({ changes: specs(changes, state.doc.length) });
					if (told && transaction.docChanged) match.noteChange(transaction.startState.doc, transaction.changes, transaction.state.doc);
					state = transaction.state;
					if (tweak % 3 === 0) older = before;
					const text = candidateText(candidate, state.doc.toString(), older, tweak);
					const checks = match.fastChecks;
					const same = state.doc.toString() === text;
					expect(match.matches(state.doc, text)).toBe(same);
					if (match.fastChecks > checks) fast[same ? "same" : "different"]++;
				}
			}),
			{ seed: 15005, numRuns: 300 },
		);
		// The comparison piece by piece was exercised, not only the fallback.
		expect(fast.same).toBeGreaterThan(500);
		expect(fast.different).toBeGreaterThan(200);
	});

	it("falls back to the full compare when it was not told of a change", () => {
		let state = EditorState.create({ doc: "abc def" });
		const match = new DocTextMatch();
		expect(match.matches(state.doc, "abc def")).toBe(true);
		state = state.update({ changes: { from: 3, insert: "X" } }).state;
		// Not told: the document it remembers is not the editor's.
		expect(match.matches(state.doc, "abcX def")).toBe(true);
		expect(match.fastChecks).toBe(0);
		const next = state.update({ changes: { from: 0, to: 1, insert: "Z" } });
		match.noteChange(next.startState.doc, next.changes, next.state.doc);
		expect(match.matches(next.state.doc, "abcX def")).toBe(false);
		expect(match.matches(next.state.doc, "ZbcX def")).toBe(true);
		expect(match.fastChecks).toBe(2);
	});
});
