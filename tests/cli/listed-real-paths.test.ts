import { sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ListedRealPaths } from "../../src/cli/listed-real-paths";

describe("ListedRealPaths", () => {
	const root = `${sep}vault`;
	const sorted = ["A.md", "B/C.md", "B/D.md", "Linked/E.md", "Z.md"].sort();
	const real = new ListedRealPaths(root, sorted, new Map([["Linked/E.md", `${sep}elsewhere${sep}E.md`]]));

	it("joins a listed path reached without a link to the vault's real path", () => {
		expect(real.get("B/D.md")).toBe([root, "B", "D.md"].join(sep));
		expect(real.get("A.md")).toBe(`${root}${sep}A.md`);
		expect(real.get("Z.md")).toBe(`${root}${sep}Z.md`);
	});

	it("answers a file reached through a link with the real path kept for it", () => {
		expect(real.get("Linked/E.md")).toBe(`${sep}elsewhere${sep}E.md`);
	});

	it("knows nothing of paths the listing does not hold, nor of other spellings of listed ones", () => {
		for (const path of ["a.md", "B", "B/C", "B/E.md", "", "Zz.md", "0.md"]) expect(real.get(path)).toBeUndefined();
	});

	it("does not double the separator of a vault at the root of the disk", () => {
		expect(new ListedRealPaths(sep, ["A.md"], new Map()).get("A.md")).toBe(`${sep}A.md`);
	});
});
