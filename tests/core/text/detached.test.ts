import { describe, expect, it } from "vitest";
import { detached, detachStrings } from "../../../src/core/text/detached";

describe("detached", () => {
	it("is the same text, short or long, cut or joined", () => {
		const note = `${"x".repeat(5000)}[[A long enough link target]]${"y".repeat(5000)}`;
		for (const text of ["", "a", "twelve chars", note.slice(5002, 5028), `3\u0000${note.slice(5002, 5028)}`, note]) expect(detached(text)).toBe(text);
	});
});

describe("detachStrings", () => {
	it("keeps every value, nested, in the same objects and order", () => {
		const properties: Record<string, unknown> = { aliases: ["Yuan 2015", "Y."], title: "Title", year: 2015, nested: { list: [["deep"]], none: null } };
		const before = structuredClone(properties);
		const aliases = properties.aliases;
		expect(detachStrings(properties)).toBe(properties);
		expect(properties).toEqual(before);
		expect(properties.aliases).toBe(aliases);
		expect(Object.keys(properties)).toEqual(["aliases", "title", "year", "nested"]);
	});

	it("walks an object met twice once (a YAML alias), even in a cycle", () => {
		const shared: unknown[] = ["a"];
		shared.push(shared);
		const value = { one: shared, two: shared };
		expect(detachStrings(value)).toBe(value);
		expect(value.one[0]).toBe("a");
	});

	it("leaves what is no object as it is", () => {
		expect(detachStrings(null)).toBeNull();
		expect(detachStrings(3)).toBe(3);
		expect(detachStrings("text")).toBe("text");
	});
});
