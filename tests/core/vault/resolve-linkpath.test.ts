import { describe, expect, it } from "vitest";
import { createPathResolver, normalizeVaultPath } from "../../../src/core/vault/resolve-linkpath";

function resolverOf(...paths: string[]) {
	return createPathResolver(paths);
}

describe("createPathResolver: the basics", () => {
	const vault = resolverOf("Unique.md", "Folder/Sub/Deep.md", "att/paper.pdf", "img/Photo.PNG", "LICENSE");

	it("treats an empty link path (a [[#Heading]] link) as the source note itself", () => {
		expect(vault.resolve("", "Folder/Sub/Deep.md")).toEqual({ path: "Folder/Sub/Deep.md", alternatives: [] });
	});

	it("returns the source path for an empty link even when the source is not in the list", () => {
		expect(vault.resolve("", "Drafts/Essay.md")).toEqual({ path: "Drafts/Essay.md", alternatives: [] });
	});

	it("makes .md optional", () => {
		expect(vault.resolve("Unique", "Essay.md").path).toBe("Unique.md");
		expect(vault.resolve("Unique.md", "Essay.md").path).toBe("Unique.md");
	});

	it("ignores case in names, extensions and folders", () => {
		expect(vault.resolve("uNiQuE", "Essay.md").path).toBe("Unique.md");
		expect(vault.resolve("UNIQUE.MD", "Essay.md").path).toBe("Unique.md");
		expect(vault.resolve("folder/sub/DEEP", "Essay.md").path).toBe("Folder/Sub/Deep.md");
		expect(vault.resolve("deep", "Essay.md").path).toBe("Folder/Sub/Deep.md");
	});

	it("requires the extension of files that are not notes", () => {
		expect(vault.resolve("paper", "Essay.md")).toEqual({ path: null, alternatives: [] });
		expect(vault.resolve("att/paper", "Essay.md").path).toBeNull();
		expect(vault.resolve("paper.pdf", "Essay.md").path).toBe("att/paper.pdf");
		expect(vault.resolve("PAPER.PDF", "Essay.md").path).toBe("att/paper.pdf");
		expect(vault.resolve("att/paper.pdf", "Essay.md").path).toBe("att/paper.pdf");
		expect(vault.resolve("photo.png", "Essay.md").path).toBe("img/Photo.PNG");
	});

	it("does not add .md to a name that already names another file type", () => {
		expect(vault.resolve("paper.pdf.md", "Essay.md").path).toBeNull();
	});

	it("finds files without any extension by their exact name", () => {
		expect(vault.resolve("LICENSE", "Essay.md").path).toBe("LICENSE");
	});

	it("returns null for names that match nothing", () => {
		expect(vault.resolve("Missing", "Essay.md")).toEqual({ path: null, alternatives: [] });
		expect(vault.resolve("Folder/", "Essay.md").path).toBeNull();
		expect(vault.resolve("Folder", "Essay.md").path).toBeNull();
	});

	it("resolves titles that contain dots and spaces", () => {
		const r = resolverOf("Clippings/AGI will not happen in your lifetime. Or will it-.md");
		expect(r.resolve("AGI will not happen in your lifetime. Or will it-", "Essay.md").path).toBe(
			"Clippings/AGI will not happen in your lifetime. Or will it-.md",
		);
	});
});

describe("createPathResolver: order of the rules", () => {
	it("prefers an exact vault path over a path relative to the source folder", () => {
		const r = resolverOf("Refs/Plan.md", "Projects/Refs/Plan.md");
		expect(r.resolve("Refs/Plan", "Projects/Essay.md")).toEqual({ path: "Refs/Plan.md", alternatives: [] });
	});

	it("prefers a path relative to the source folder over a shorter name match", () => {
		const r = resolverOf("Projects/Refs/Plan.md", "A/Refs/Plan.md");
		expect(r.resolve("Refs/Plan", "Projects/Essay.md")).toEqual({ path: "Projects/Refs/Plan.md", alternatives: [] });
		// From elsewhere, the relative rule finds nothing and the shortest name match wins.
		expect(r.resolve("Refs/Plan", "Other/Essay.md").path).toBe("A/Refs/Plan.md");
	});

	it("prefers an exact vault path over a bare name in the source folder, and reports the other", () => {
		const r = resolverOf("Note.md", "Folder/Note.md");
		expect(r.resolve("Note", "Folder/Essay.md")).toEqual({ path: "Note.md", alternatives: ["Folder/Note.md"] });
	});

	it("resolves a bare name in the source folder before a shorter one elsewhere", () => {
		const r = resolverOf("Inbox/Idea.md", "Archive/Old/Idea.md");
		expect(r.resolve("Idea", "Archive/Old/Essay.md")).toEqual({
			path: "Archive/Old/Idea.md",
			alternatives: ["Inbox/Idea.md"],
		});
	});

	it("among name matches prefers the source note's folder over a shorter path", () => {
		const r = resolverOf("X/Old/Idea.md", "Archive/Old/Idea.md");
		expect(r.resolve("Old/Idea", "Archive/Old/Essay.md")).toEqual({ path: "Archive/Old/Idea.md", alternatives: [] });
	});

	it("among name matches elsewhere prefers the shortest path, then alphabetical order", () => {
		const r = resolverOf("Archive/Old/Idea.md", "Archive/Idea.md", "Inbox/Idea.md");
		expect(r.resolve("Idea", "Elsewhere/Essay.md")).toEqual({
			path: "Inbox/Idea.md",
			alternatives: ["Archive/Idea.md", "Archive/Old/Idea.md"],
		});
		const tie = resolverOf("b/Same.md", "a/Same.md");
		expect(tie.resolve("Same", "Essay.md")).toEqual({ path: "a/Same.md", alternatives: ["b/Same.md"] });
	});
});

describe("createPathResolver: partial paths and ambiguity", () => {
	it("matches a partial path as a suffix on a folder boundary", () => {
		const r = resolverOf("a/b/Note.md", "c/Note.md", "ab/Other.md");
		expect(r.resolve("b/Note", "Essay.md")).toEqual({ path: "a/b/Note.md", alternatives: [] });
		expect(r.resolve("B/NOTE.MD", "Essay.md").path).toBe("a/b/Note.md");
		expect(r.resolve("x/Note", "Essay.md").path).toBeNull();
		expect(r.resolve("b/Other", "Essay.md").path).toBeNull();
	});

	it("never reports alternatives for a link with a folder path", () => {
		const r = resolverOf("z/b/Note.md", "a/b/Note.md");
		expect(r.resolve("b/Note", "Essay.md")).toEqual({ path: "a/b/Note.md", alternatives: [] });
	});

	it("reports no alternatives when only one file has the name", () => {
		const r = resolverOf("Sources/Paper Summary.md", "Sources/Paper Summary 2.md");
		expect(r.resolve("Paper Summary", "Essay.md")).toEqual({ path: "Sources/Paper Summary.md", alternatives: [] });
	});

	it("does not count a file of another type with the same stem as an alternative", () => {
		const r = resolverOf("Notes/Report.md", "Report.pdf");
		expect(r.resolve("Report", "Essay.md")).toEqual({ path: "Notes/Report.md", alternatives: [] });
	});

	it("counts names case-insensitively when looking for alternatives", () => {
		const r = resolverOf("one/idea.md", "two/IDEA.md");
		expect(r.resolve("Idea", "Essay.md")).toEqual({ path: "one/idea.md", alternatives: ["two/IDEA.md"] });
	});
});

describe("createPathResolver: relative links and normalisation", () => {
	const r = resolverOf("Plan.md", "Projects/Plan.md", "Folder/Note.md", "Secret.md");

	it("resolves ./ against the source note's folder", () => {
		expect(r.resolve("./Plan", "Projects/Essay.md")).toEqual({ path: "Projects/Plan.md", alternatives: [] });
		expect(r.resolve("./Plan.md", "Essay.md").path).toBe("Plan.md");
	});

	it("resolves ../ against the source note's folder", () => {
		expect(r.resolve("../Plan", "Projects/Sub/Essay.md").path).toBe("Projects/Plan.md");
		expect(r.resolve("../Folder/Note", "Projects/Essay.md").path).toBe("Folder/Note.md");
	});

	it("does not fall back to a name search for an explicitly relative link", () => {
		expect(r.resolve("./Plan", "Other/Essay.md").path).toBeNull();
	});

	it("normalises ./, a/../b and doubled slashes inside the vault", () => {
		expect(r.resolve("Folder/./Note", "Essay.md").path).toBe("Folder/Note.md");
		expect(r.resolve("Folder/Sub/../Note", "Essay.md").path).toBe("Folder/Note.md");
		expect(r.resolve("Folder//Note", "Essay.md").path).toBe("Folder/Note.md");
	});
});

describe("createPathResolver: links that must not resolve", () => {
	// On Linux a folder may be called `C:` and a name may hold a backslash: the links must still not match.
	const r = resolverOf("Secret.md", "etc/passwd", "Folder/Note.md", "C:/Secret.md", "odd\\name.md");

	it("refuses .. that climbs above the vault root", () => {
		expect(r.resolve("../Secret", "Essay.md")).toEqual({ path: null, alternatives: [] });
		expect(r.resolve("../../Secret", "a/Essay.md").path).toBeNull();
		expect(r.resolve("a/../../Secret", "Essay.md").path).toBeNull();
		expect(r.resolve("..", "Essay.md").path).toBeNull();
	});

	it("refuses absolute paths even when the vault has a file at the same relative path", () => {
		expect(r.resolve("/etc/passwd", "Essay.md").path).toBeNull();
		expect(r.resolve("/Secret", "Essay.md").path).toBeNull();
	});

	it("refuses Windows drive paths and backslash separators", () => {
		expect(r.resolve("C:\\Secret", "Essay.md").path).toBeNull();
		expect(r.resolve("C:/Secret", "Essay.md").path).toBeNull();
		expect(r.resolve("c:Secret", "Essay.md").path).toBeNull();
		expect(r.resolve("Folder\\Note", "Essay.md").path).toBeNull();
		expect(r.resolve("odd\\name", "Essay.md").path).toBeNull();
	});
});

describe("normalizeVaultPath", () => {
	it("collapses . and .. and empty components", () => {
		expect(normalizeVaultPath("a/./b/../c//d")).toBe("a/c/d");
		expect(normalizeVaultPath("a/..")).toBe("");
	});

	it("returns null when the path leaves the root", () => {
		expect(normalizeVaultPath("a/../../b")).toBeNull();
		expect(normalizeVaultPath("..")).toBeNull();
	});
});

describe("createPathResolver: scale", () => {
	it("indexes 10,000 files and answers 1,000 lookups", () => {
		const paths: string[] = [];
		for (let i = 0; i < 10_000; i++) paths.push(`Folder ${i % 100}/Note ${i}.md`);
		const r = createPathResolver(paths);
		for (let i = 0; i < 1_000; i++) r.resolve(`Note ${i * 7}`, "Essay.md");
		expect(r.resolve("Note 4242", "Essay.md").path).toBe("Folder 42/Note 4242.md");
	});
});

describe("Unicode normalisation of names (issue 12, item 7)", () => {
	const composed = "Gödel and Café";
	const decomposed = composed.normalize("NFD");

	it("the forms differ as strings, so the test means something", () => {
		expect(decomposed).not.toBe(composed);
	});

	it("a file stored decomposed answers a link typed composed, and the path comes back as stored", () => {
		const r = createPathResolver([`Sources/${decomposed}.md`]);
		expect(r.resolve(composed, "Essay.md").path).toBe(`Sources/${decomposed}.md`);
		expect(r.resolve(`Sources/${composed}`, "Essay.md").path).toBe(`Sources/${decomposed}.md`);
		expect(r.resolve(`./${composed}`, "Sources/Essay.md").path).toBe(`Sources/${decomposed}.md`);
	});

	it("and the other way round, folders included", () => {
		const r = createPathResolver([`${composed}/Note.md`]);
		expect(r.resolve(`${decomposed}/Note`, "Essay.md").path).toBe(`${composed}/Note.md`);
	});

	it("two names that differ in more than their form still differ", () => {
		const r = createPathResolver([`${decomposed}.md`]);
		expect(r.resolve("Godel and Cafe", "Essay.md").path).toBeNull();
	});
});
