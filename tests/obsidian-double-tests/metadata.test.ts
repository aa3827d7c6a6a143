import { afterEach, describe, expect, it } from "vitest";
import { TFile, type CachedMetadata } from "obsidian";
import { computeMetadata } from "../obsidian-double/md-metadata";
import { createTestApp, flushMetadata, getFile, resetDouble } from "../obsidian-double/testing";

afterEach(() => resetDouble());

function at(text: string, offset: number): { line: number; col: number; offset: number } {
	const before = text.substring(0, offset);
	const line = before.split("\n").length - 1;
	return { line, col: offset - (before.lastIndexOf("\n") + 1), offset };
}

describe("computeMetadata", () => {
	it("footnote definitions and references have exact positions", () => {
		const text = "Intro[^a] and [^Long-id].\n\n[^a]: First source.\n[^Long-id]: Second, see [^a].\n";
		const meta = computeMetadata(text);
		const def = text.indexOf("[^a]:");
		const defLong = text.indexOf("[^Long-id]:");
		expect(meta.footnotes).toEqual([
			{ id: "a", position: { start: at(text, def), end: at(text, def + "[^a]: First source.".length) } },
			{ id: "Long-id", position: { start: at(text, defLong), end: at(text, defLong + "[^Long-id]: Second, see [^a].".length) } },
		]);
		expect(meta.footnoteRefs?.map((r) => [r.id, r.position.start.offset, r.position.end.offset])).toEqual([
			["a", 5, 9], ["Long-id", 14, 24], ["a", text.lastIndexOf("[^a]"), text.lastIndexOf("[^a]") + 4],
		]);
	});

	it("a footnote definition spans lazy and indented continuation lines", () => {
		const text = "[^n]: line one\nline two\n\n    indented paragraph\n\nAfter.";
		const [note] = computeMetadata(text).footnotes ?? [];
		expect(note.position.start).toEqual({ line: 0, col: 0, offset: 0 });
		expect(note.position.end).toEqual(at(text, text.indexOf("paragraph") + "paragraph".length));
	});

	it("positions are offsets of the original text, also with CRLF line endings", () => {
		const text = "# Title\r\n\r\nText[^1]\r\n\r\n[^1]: Note\r\n";
		const meta = computeMetadata(text);
		expect(meta.headings?.[0].position.end).toEqual({ line: 0, col: 7, offset: 7 });
		expect(meta.footnoteRefs?.[0].position.start).toEqual({ line: 2, col: 4, offset: 15 });
		expect(meta.footnotes?.[0].position).toEqual({ start: { line: 4, col: 0, offset: 23 }, end: { line: 4, col: 10, offset: 33 } });
		expect(text.substring(23, 33)).toBe("[^1]: Note");
	});

	it("skips frontmatter, fenced code, math and inline code, but indexes %% comments %%", () => {
		const text = "---\nsource: \"[[Fm]]\"\ntags: [a]\n---\n```\n[[InCode]] [^c]\n```\n$$\n[[InMath]]\n$$\n`[[Inline]]` %%[[Comment]]%% [[Real]]";
		const meta = computeMetadata(text);
		expect(meta.links?.map((l) => l.link)).toEqual(["Comment", "Real"]);
		expect(meta.footnoteRefs).toBeUndefined();
		expect(meta.frontmatter).toEqual({ source: "[[Fm]]", tags: ["a"] });
		expect(meta.frontmatterLinks).toEqual([{ key: "source", link: "Fm", original: "[[Fm]]", displayText: "Fm" }]);
		expect(meta.frontmatterPosition).toEqual({ start: { line: 0, col: 0, offset: 0 }, end: { line: 3, col: 3, offset: 34 } });
	});

	it("records links, embeds and display texts like Obsidian", () => {
		const text = "[[Note]] [[Note|alias]] [[Note#Sec#Sub]] [[#Local]] ![[img.png|300]] [t](My%20Note.md) [x](https://a.b) | [[T\\|cell]] |";
		const meta = computeMetadata(text);
		expect(meta.links?.map((l) => [l.link, l.displayText])).toEqual([
			["Note", "Note"], ["Note", "alias"], ["Note#Sec#Sub", "Note > Sec > Sub"], ["#Local", "Local"], ["My Note.md", "t"], ["T", "cell"],
		]);
		expect(meta.embeds?.map((l) => [l.link, l.displayText, l.original])).toEqual([["img.png", "300", "![[img.png|300]]"]]);
		const alias = meta.links?.[1];
		expect(text.substring(alias?.position.start.offset ?? 0, alias?.position.end.offset)).toBe("[[Note|alias]]");
	});

	it("headings: root level only, levels, setext, positions of the whole line", () => {
		const text = "# One #\nSub\n===\n> # quoted\n- # listed\n### Three";
		const meta = computeMetadata(text);
		expect(meta.headings?.map((h) => [h.heading, h.level, h.position.start.line, h.position.end.col])).toEqual([
			["One", 1, 0, 7], ["Sub", 1, 1, 3], ["Three", 3, 5, 9],
		]);
	});

	it("block ids: end of paragraph, list item, and a lone id after a blank line tags the previous block", () => {
		const text = "Para text ^para\n\n- item one ^Item\n- item two\n\n^listid\n\nplain";
		const meta = computeMetadata(text);
		expect(Object.keys(meta.blocks ?? {}).sort()).toEqual(["item", "listid", "para"]);
		expect(meta.blocks?.para.position).toEqual({ start: at(text, 0), end: at(text, 15) });
		expect(meta.blocks?.item).toEqual({ id: "Item", position: { start: at(text, 17), end: at(text, 33) } });
		expect(meta.blocks?.listid.position).toEqual({ start: at(text, 17), end: at(text, 44) });
		expect(meta.listItems?.map((i) => [i.parent, i.id])).toEqual([[-2, "Item"], [-2, undefined]]);
		expect(meta.sections?.map((s) => s.type)).toEqual(["paragraph", "list", "paragraph"]);
	});

	it("omits empty collections", () => {
		expect(computeMetadata("")).toEqual({});
	});
});

describe("MetadataCache", () => {
	it("is warm for seeded files; null for unknown paths, {} for non-markdown files", () => {
		const app = createTestApp({ files: { "a.md": "# A", "pic.png": "" } });
		expect(app.metadataCache.getCache("a.md")?.headings?.[0].heading).toBe("A");
		expect(app.metadataCache.getCache("pic.png")).toEqual({});
		expect(app.metadataCache.getCache("missing.md")).toBeNull();
	});

	it("indexes asynchronously: stale cache until settled, then `changed`, `resolve`, `resolved`", async () => {
		const app = createTestApp({ files: { "a.md": "# Old" } });
		await flushMetadata(app);
		const file = getFile(app, "a.md");
		const log: string[] = [];
		app.metadataCache.on("changed", (f: TFile, data: string, cache: CachedMetadata) => log.push(`changed ${f.path} ${data} ${cache.headings?.[0].heading}`));
		app.metadataCache.on("resolve", (f: TFile) => log.push(`resolve ${f.path}`));
		app.metadataCache.on("resolved", () => log.push("resolved"));
		await app.vault.modify(file, "# New");
		expect(app.metadataCache.getFileCache(file)?.headings?.[0].heading).toBe("Old");
		const created = await app.vault.create("b.md", "[[a]]");
		expect(app.metadataCache.getFileCache(created)).toBeNull();
		expect(log).toEqual([]);
		await flushMetadata(app);
		expect(log).toEqual(["changed a.md # New New", "changed b.md [[a]] undefined", "resolve a.md", "resolve b.md", "resolved"]);
		expect(app.metadataCache.resolvedLinks["b.md"]).toEqual({ "a.md": 1 });
	});

	it("fires `deleted` with the previous cache and re-resolves the notes that linked to the file", async () => {
		const app = createTestApp({ files: { "a.md": "[[b]] [[b#x]]", "b.md": "# B" } });
		await flushMetadata(app);
		let prev: CachedMetadata | null = null;
		app.metadataCache.on("deleted", (_f: TFile, cache: CachedMetadata | null) => { prev = cache; });
		await app.vault.delete(getFile(app, "b.md"));
		expect(prev).toMatchObject({ headings: [{ heading: "B" }] });
		await flushMetadata(app);
		expect(app.metadataCache.resolvedLinks["a.md"]).toEqual({});
		expect(app.metadataCache.unresolvedLinks["a.md"]).toEqual({ b: 2 });
		await app.vault.create("b.md", "");
		await flushMetadata(app);
		expect(app.metadataCache.resolvedLinks["a.md"]).toEqual({ "b.md": 2 });
	});
});
