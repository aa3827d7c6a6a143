import { afterEach, describe, expect, it } from "vitest";
import { getLinkpath, normalizePath, parseLinktext, resolveSubpath } from "obsidian";
import { computeMetadata } from "../obsidian-double/md-metadata";
import { createTestApp, getFile, resetDouble } from "../obsidian-double/testing";

afterEach(() => resetDouble());

const files = {
	"Note.md": "", "a/Note.md": "", "a/b/Note.md": "", "c/Other.md": "", "c/deep/Other.md": "",
	"x/Sub/Item.md": "", "img/Photo.PNG": "", "a/source.md": "", "a/b/source.md": "", "Top.md": "",
};

describe("getFirstLinkpathDest", () => {
	const app = createTestApp({ files });
	const dest = (link: string, source: string) => app.metadataCache.getFirstLinkpathDest(link, source)?.path ?? null;

	it("an empty link path is the source file itself", () => {
		expect(dest("", "a/source.md")).toBe("a/source.md");
	});

	it("an exact vault path wins, with optional .md and any case", () => {
		expect(dest("a/b/Note", "c/Other.md")).toBe("a/b/Note.md");
		expect(dest("A/B/note.md", "c/Other.md")).toBe("a/b/Note.md");
		expect(dest("/c/deep/Other", "Top.md")).toBe("c/deep/Other.md");
	});

	it("by name: the source's folder first, then the shortest path", () => {
		// "Note" is also the exact path of the root note, which wins over the source's folder
		expect(dest("Note", "a/b/source.md")).toBe("Note.md");
		expect(dest("Other", "Top.md")).toBe("c/Other.md");
		expect(dest("Other", "c/deep/x.md")).toBe("c/deep/Other.md");
	});

	it("a partial path must match the end of the file path", () => {
		expect(dest("Sub/Item", "Top.md")).toBe("x/Sub/Item.md");
		expect(dest("deep/Other", "Top.md")).toBe("c/deep/Other.md");
		expect(dest("nope/Other", "Top.md")).toBeNull();
		// Obsidian compares with endsWith, without a "/" boundary (app bundle):
		expect(dest("ub/Item", "Top.md")).toBe("x/Sub/Item.md");
	});

	it("relative paths start from the source's folder; a leading slash must be exact", () => {
		expect(dest("./Note", "a/b/source.md")).toBe("a/b/Note.md");
		expect(dest("../Note", "a/b/source.md")).toBe("a/Note.md");
		expect(dest("/Other", "Top.md")).toBeNull();
	});

	it("non-markdown files need their extension (case-insensitive)", () => {
		expect(dest("Photo", "Top.md")).toBeNull();
		expect(dest("photo.png", "Top.md")).toBe("img/Photo.PNG");
	});

	it("fileToLinktext uses the shortest unique form, or the full path", () => {
		const get = (p: string) => getFile(app, p);
		expect(app.metadataCache.fileToLinktext(get("Top.md"), "a/source.md")).toBe("Top");
		expect(app.metadataCache.fileToLinktext(get("a/b/Note.md"), "Top.md")).toBe("a/b/Note");
		expect(app.metadataCache.fileToLinktext(get("img/Photo.PNG"), "Top.md")).toBe("Photo.PNG");
		expect(app.metadataCache.fileToLinktext(get("Top.md"), "a/source.md", false)).toBe("Top.md");
	});
});

describe("link text helpers", () => {
	it("getLinkpath and parseLinktext split at the first #", () => {
		expect(getLinkpath("Note#Heading#Sub")).toBe("Note");
		expect(parseLinktext("Note#Heading#Sub")).toEqual({ path: "Note", subpath: "#Heading#Sub" });
		expect(parseLinktext("#^block")).toEqual({ path: "", subpath: "#^block" });
		expect(parseLinktext("Plain")).toEqual({ path: "Plain", subpath: "" });
	});

	it("normalizePath collapses and trims slashes, fixes spaces and Unicode form", () => {
		expect(normalizePath("//a\\\\b///c.md/")).toBe("a/b/c.md");
		expect(normalizePath("/")).toBe("/");
		expect(normalizePath("")).toBe("/");
		expect(normalizePath("a\u00A0b")).toBe("a b");
		expect(normalizePath("e\u0301")).toBe("\u00e9");
	});
});

describe("resolveSubpath", () => {
	const text = "# Intro\n## Part\n### Detail\ntext ^blk\n## Other\n### Detail\n# End\n[^Fn]: note";
	const cache = computeMetadata(text);

	it("resolves nested headings #A#B#C in order, case-insensitively, ending at the next heading of the same level", () => {
		const result = resolveSubpath(cache, "#intro#OTHER#detail");
		expect(result?.type).toBe("heading");
		if (result?.type !== "heading") return;
		expect(result.current.position.start.line).toBe(5);
		expect(result.next.heading).toBe("End");
		expect(result.end?.line).toBe(6);
	});

	it("a single heading name matches the first heading with that name; the last section has no end", () => {
		const detail = resolveSubpath(cache, "#Detail");
		expect(detail?.start.line).toBe(2);
		expect(detail?.end?.line).toBe(4);
		const end = resolveSubpath(cache, "#End");
		expect(end?.end).toBeNull();
	});

	it("resolves blocks and footnotes, case-insensitively", () => {
		const block = resolveSubpath(cache, "#^BLK");
		expect(block?.type).toBe("block");
		expect(block?.start.line).toBe(3);
		const footnote = resolveSubpath(cache, "#[^fn]");
		expect(footnote?.type).toBe("footnote");
		expect(footnote?.start.line).toBe(7);
	});

	it("returns null for missing targets and for headings out of order", () => {
		expect(resolveSubpath(cache, "#Nope")).toBeNull();
		expect(resolveSubpath(cache, "#Part#Intro")).toBeNull();
		expect(resolveSubpath(cache, "#^none")).toBeNull();
		expect(resolveSubpath(cache, "")).toBeNull();
	});
});
