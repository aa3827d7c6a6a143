import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FoldedNameTable } from "../../../src/core/vault/folded-name-table";

/** The key as resolve-linkpath.ts reads it, from strings: NFC, lower case, last component, `.md` cut. */
function keyOf(path: string): string {
	const lower = path.normalize("NFC").toLowerCase();
	const name = lower.slice(lower.lastIndexOf("/") + 1);
	return name.length > 3 && name.endsWith(".md") ? name.slice(0, -3) : name;
}

describe("FoldedNameTable", () => {
	it("finds paths by their folded name, `.md` cut in any case, in the order given", () => {
		const paths = ["A/Plan.md", "B/plan.MD", "Plan.pdf", "C/PLAN", "D/.md", "E/Plan.md.md"];
		const table = new FoldedNameTable(paths, keyOf);
		expect(table.pathsNamed("plan")).toEqual(["A/Plan.md", "B/plan.MD", "C/PLAN"]);
		expect(table.pathsNamed("plan.pdf")).toEqual(["Plan.pdf"]);
		expect(table.pathsNamed(".md")).toEqual(["D/.md"]);
		expect(table.pathsNamed("plan.md")).toEqual(["E/Plan.md.md"]);
		expect(table.pathsNamed("Plan")).toBeUndefined();
		expect(table.pathsNamed("pla")).toBeUndefined();
	});

	it("meets names folded as strings and names read in place under one key (Kelvin sign, NFD)", () => {
		const table = new FoldedNameTable(["\u212Aey.md", "Key.md", "Cafe\u0301.md", "Café.md"], keyOf);
		expect(table.pathsNamed("key")).toEqual(["\u212Aey.md", "Key.md"]);
		expect(table.pathsNamed("café")).toEqual(["Cafe\u0301.md", "Café.md"]);
	});

	it("gives what grouping the keys in a Map gives, on random vaults (seed 4409)", () => {
		const part = fc.constantFrom("a", "A", "b", "é", "e\u0301", "K", "\u212A", ".md", ".MD", ".pdf", " ", "Σ", "ς", "1");
		const path = fc.tuple(fc.constantFrom("", "X/", "x/y/"), fc.array(part, { maxLength: 5 })).map(([folder, parts]) => folder + parts.join(""));
		fc.assert(
			fc.property(fc.array(path, { maxLength: 200 }), (paths) => {
				const table = new FoldedNameTable(paths, keyOf);
				const grouped = new Map<string, string[]>();
				for (const each of paths) grouped.set(keyOf(each), [...(grouped.get(keyOf(each)) ?? []), each]);
				for (const [key, named] of grouped) expect(table.pathsNamed(key)).toEqual(named);
				expect(table.pathsNamed("zz")).toBeUndefined();
			}),
			{ seed: 4409, numRuns: 300 },
		);
	});
});
