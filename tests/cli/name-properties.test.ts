/**
 * Did-you-mean's reading of the notes' properties from their first bytes, and the map of parsed frontmatters
 * it shares with the audit's properties: whichever reads a note first, the other gets the same answer
 * without reading it again.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNameProperties } from "../../src/cli/name-properties";
import { createNoteProperties, type ParsedFrontmatters } from "../../src/cli/note-properties";
import { decodeNote, listVault, openVault, readNoteBytes } from "../../src/cli/vault-files";
import { makeTree } from "./cli-harness";

const LONG_TAGS = `---\ntags: [${Array.from({ length: 900 }, (_, index) => `t${index}`).join(", ")}]\ntitle: Past the first bytes\n---\nBody.\n`;

/** Notes of every shape the first-bytes reading treats apart. */
const NOTES: Record<string, string> = {
	"Plain.md": "---\naliases: [Yuan 2015]\nyear: 2015\n---\nBody.\n",
	"Long.md": LONG_TAGS,
	"Bom.md": "\ufeff---\r\ntitle: Crlf title\r\n---\r\nBody.\r\n",
	"Broken.md": "---\naliases: [Yuan 2015\n---\n",
	"List.md": `- a list first\n${"- item\n".repeat(1000)}`,
	"Prose.md": "Text first.\n---\naliases: [Late]\n---\n",
	"Unclosed.md": "---\ntitle: never closed\n",
	"Empty.md": "",
	"Rule.md": "---\n\nA rule, then text.\n",
};

function vault(): { root: string; listing: ReturnType<typeof listVault> } {
	const root = makeTree(NOTES);
	return { root, listing: listVault(openVault(root)) };
}

describe("createNameProperties", () => {
	it("reads each note's properties as the audit reads them from the whole note", () => {
		const { listing } = vault();
		const names = createNameProperties(listing);
		const whole = createNoteProperties((path) => decodeNote(readNoteBytes(listing.root, path, listing.realPaths)).text);
		for (const path of Object.keys(NOTES)) expect(names(path), path).toEqual(whole.properties(path));
		expect(names("Long.md")).toMatchObject({ title: "Past the first bytes" });
	});

	it("leaves what it parsed to the audit, which then reads no note again, errors included", () => {
		const { listing } = vault();
		const frontmatters: ParsedFrontmatters = new Map();
		const names = createNameProperties(listing, frontmatters);
		for (const path of Object.keys(NOTES)) names(path);
		const reads: string[] = [];
		const shared = createNoteProperties((path) => {
			reads.push(path);
			return decodeNote(readNoteBytes(listing.root, path, listing.realPaths)).text;
		}, frontmatters);
		const whole = createNoteProperties((path) => decodeNote(readNoteBytes(listing.root, path, listing.realPaths)).text);
		for (const path of Object.keys(NOTES)) {
			expect(shared.properties(path), path).toEqual(whole.properties(path));
			expect(shared.frontmatterError(path), path).toEqual(whole.frontmatterError(path));
		}
		expect(whole.frontmatterError("Broken.md")).not.toBeNull();
		expect(reads).toEqual([]);
	});

	it("takes what the audit parsed instead of reading the note", () => {
		const { root, listing } = vault();
		const frontmatters: ParsedFrontmatters = new Map();
		const audit = createNoteProperties((path) => decodeNote(readNoteBytes(listing.root, path, listing.realPaths)).text, frontmatters);
		expect(audit.properties("Plain.md")).toMatchObject({ year: 2015 });
		rmSync(join(root, "Plain.md"));
		expect(createNameProperties(listing, frontmatters)("Plain.md")).toMatchObject({ aliases: ["Yuan 2015"], year: 2015 });
		// Without the map the deleted note is unreadable: nothing.
		expect(createNameProperties(listing)("Plain.md")).toBeNull();
	});
});
