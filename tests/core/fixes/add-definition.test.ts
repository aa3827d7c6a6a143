import { describe, expect, it } from "vitest";
import { addDefinition } from "../../../src/core/fixes/add-definition";
import { applied, audit, note } from "./helpers";

describe("addDefinition", () => {
	it("appends an empty definition after the last one and puts the cursor after it", () => {
		const before = note("a[^1] b[^new]", "", "[^1]: [[Same Source]]", "", "Closing words.", "");
		const fix = addDefinition(audit(before), "new");
		const after = applied(before, fix);
		expect(fix?.title).toBe("Add a definition for [^new]");
		expect(after).toBe(note("a[^1] b[^new]", "", "[^1]: [[Same Source]]", "[^new]: ", "", "Closing words.", ""));
		expect(after.slice(0, fix?.cursor)).toBe(note("a[^1] b[^new]", "", "[^1]: [[Same Source]]", "[^new]: "));
	});

	it("with no definitions, appends at the end of the note after a blank line, keeping a final line break", () => {
		expect(applied("Text[^1]", addDefinition(audit("Text[^1]"), "1"))).toBe("Text[^1]\n\n[^1]: ");
		expect(applied("Text[^1]\n", addDefinition(audit("Text[^1]\n"), "1"))).toBe("Text[^1]\n\n[^1]: \n");
		expect(applied("Text[^1]\n\n", addDefinition(audit("Text[^1]\n\n"), "1"))).toBe("Text[^1]\n\n[^1]: \n");
		expect(addDefinition(audit("Text[^1]\r\n"), "1")?.cursor).toBe("Text[^1]\r\n\r\n[^1]: ".length);
	});

	it("uses the note's CRLF line breaks and the label as first written", () => {
		const before = "Text[^Smith] and[^smith]\r\n\r\n[^1]: x\r\n";
		expect(applied(before, addDefinition(audit(before), "SMITH"))).toBe("Text[^Smith] and[^smith]\r\n\r\n[^1]: x\r\n[^Smith]: \r\n");
	});

	it("refuses a label already defined (in any case) or not a label", () => {
		const result = audit(note("a[^x]", "", "[^X]: y"));
		expect(addDefinition(result, "x")).toBeNull();
		expect(addDefinition(result, "two words")).toBeNull();
	});

	it("refuses when the note ends inside a code block, where a definition would not count", () => {
		expect(addDefinition(audit("Text[^1]\n\n```\ncode"), "1")).toBeNull();
	});
});
