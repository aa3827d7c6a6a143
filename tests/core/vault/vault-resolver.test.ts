import { describe, expect, it } from "vitest";
import { auditNote } from "../../../src/core/audit/audit-note";
import { createVaultResolver } from "../../../src/core/vault/vault-resolver";

const NOTES: Record<string, string> = {
	"Essays/The Expanding Dark Forest.md": "# Summary\n## Cozy web\nClaim ^cozy\n",
	"Inbox/Idea.md": "# Idea\n",
	"Archive/Idea.md": "# Old idea\n",
	"Broken.md": "",
};

function vaultWith(notes: Record<string, string>, extraPaths: string[] = []) {
	const reads: string[] = [];
	const resolver = createVaultResolver({
		paths: [...Object.keys(notes), ...extraPaths],
		readNote: (path) => {
			reads.push(path);
			return path === "Broken.md" ? null : (notes[path] ?? null);
		},
	});
	return { resolver, reads };
}

describe("createVaultResolver", () => {
	it("resolves like the path resolver, alternatives included", () => {
		const { resolver } = vaultWith(NOTES, ["att/paper.pdf"]);
		expect(resolver.resolve("the expanding dark forest", "Essay.md")).toEqual({
			path: "Essays/The Expanding Dark Forest.md",
			alternatives: [],
		});
		expect(resolver.resolve("Idea", "Essay.md")).toEqual({ path: "Inbox/Idea.md", alternatives: ["Archive/Idea.md"] });
		expect(resolver.resolve("paper", "Essay.md")).toEqual({ path: null, alternatives: [] });
		expect(resolver.resolve("../x", "Essay.md")).toEqual({ path: null, alternatives: [] });
	});

	it("checks headings, nested headings and block ids in the target note", () => {
		const { resolver } = vaultWith(NOTES);
		const forest = "Essays/The Expanding Dark Forest.md";
		expect(resolver.hasSubpath(forest, "#summary")).toBe(true);
		expect(resolver.hasSubpath(forest, "#Summary#Cozy web")).toBe(true);
		expect(resolver.hasSubpath(forest, "#Cozy web#Summary")).toBe(false);
		expect(resolver.hasSubpath(forest, "#^cozy")).toBe(true);
		expect(resolver.hasSubpath(forest, "#^missing")).toBe(false);
		expect(resolver.hasSubpath(forest, "#Conclusion")).toBe(false);
	});

	it("cannot check subpaths of files that are not notes, and does not read them", () => {
		const { resolver, reads } = vaultWith(NOTES, ["att/paper.pdf"]);
		expect(resolver.hasSubpath("att/paper.pdf", "#page=3")).toBeNull();
		expect(reads).toEqual([]);
	});

	it("cannot check subpaths of a note it cannot read, and does not retry", () => {
		const { resolver, reads } = vaultWith(NOTES);
		expect(resolver.hasSubpath("Broken.md", "#Anything")).toBeNull();
		expect(resolver.hasSubpath("Broken.md", "#Other")).toBeNull();
		expect(reads).toEqual(["Broken.md"]);
	});

	it("reads notes lazily and each one once", () => {
		const { resolver, reads } = vaultWith(NOTES);
		resolver.resolve("Idea", "Essay.md");
		resolver.suggest("Ideaa", "Essay.md", 3);
		expect(reads).toEqual([]);
		resolver.hasSubpath("Inbox/Idea.md", "#Idea");
		resolver.hasSubpath("Inbox/Idea.md", "#Nope");
		resolver.hasSubpath("Archive/Idea.md", "#Old idea");
		expect(reads).toEqual(["Inbox/Idea.md", "Archive/Idea.md"]);
	});

	it("suggests close names with the limit applied", () => {
		const { resolver } = vaultWith(NOTES);
		expect(resolver.suggest("Teh Expanding Dark Forest", "Essay.md", 3)).toEqual([
			"Essays/The Expanding Dark Forest.md",
		]);
		expect(resolver.suggest("Ideas", "Essay.md", 1)).toEqual(["Inbox/Idea.md"]);
		expect(resolver.suggest("Ideas", "Essay.md", 5)).toEqual(["Inbox/Idea.md", "Archive/Idea.md"]);
		expect(resolver.suggest("Something else entirely", "Essay.md", 5)).toEqual([]);
	});
});

describe("an NFD file name and an NFC link (issue 12, item 7)", () => {
	it("the audit reports no unresolved link", () => {
		const name = "Études".normalize("NFD");
		const resolver = createVaultResolver({ paths: [`${name}.md`], readNote: () => "# Intro\n" });
		const text = `Claim[^1].\n\n[^1]: [[${"Études".normalize("NFC")}#Intro]]\n`;
		expect(auditNote(text, "Essay.md", resolver).findings).toEqual([]);
	});
});
