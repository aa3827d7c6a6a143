/**
 * The held-out set (suggestion-heldout.fixture.ts): written after the rules, never used to tune them. It
 * prints top-1, top-3 and silence and the misses for the README; the floors below only catch a collapse
 * (they are well under what it measured when written), they do not pin the numbers.
 */
import { describe, expect, it } from "vitest";
import { createSuggester } from "../../../src/core/suggest/index";
import { HELDOUT_CASES, HELDOUT_PATHS, HELDOUT_PROPERTIES } from "./suggestion-heldout.fixture";

describe("suggestion held-out set", () => {
	it("is a valid set: every intended file exists, and both kinds of answer are there", () => {
		for (const entry of HELDOUT_CASES) if (entry.expected) expect(HELDOUT_PATHS).toContain(entry.expected);
		expect(HELDOUT_CASES.filter((entry) => entry.expected === null).length).toBeGreaterThanOrEqual(15);
		expect(HELDOUT_CASES.filter((entry) => entry.expected !== null).length).toBeGreaterThanOrEqual(35);
	});

	it("computes top-1, top-3 and silence, and lists the misses", () => {
		const suggester = createSuggester(HELDOUT_PATHS, { properties: (path) => HELDOUT_PROPERTIES[path] ?? null });
		const answers = new Map(HELDOUT_CASES.map((entry) => [entry, suggester.suggest(entry.link, 3, entry.source)]));
		const meant = HELDOUT_CASES.filter((entry) => entry.expected !== null);
		const silent = HELDOUT_CASES.filter((entry) => entry.expected === null);
		const top1 = meant.filter((entry) => answers.get(entry)![0] === entry.expected);
		const top3 = meant.filter((entry) => answers.get(entry)!.includes(entry.expected!));
		const quiet = silent.filter((entry) => answers.get(entry)!.length === 0);
		const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}% (${n}/${of})`;
		const misses = HELDOUT_CASES.filter((entry) => (entry.expected === null ? answers.get(entry)!.length > 0 : answers.get(entry)![0] !== entry.expected));
		console.log(
			`suggestion held-out: ${HELDOUT_CASES.length} cases; top-1 ${percent(top1.length, meant.length)}, top-3 ${percent(top3.length, meant.length)}, silence ${percent(quiet.length, silent.length)}\n` +
				misses.map((entry) => `  miss (${entry.pattern}): "${entry.link}" → ${JSON.stringify(answers.get(entry))}, meant ${entry.expected ?? "nothing"}`).join("\n"),
		);
		expect(top1.length / meant.length).toBeGreaterThanOrEqual(0.6);
		expect(quiet.length / silent.length).toBeGreaterThanOrEqual(0.6);
	});
});
