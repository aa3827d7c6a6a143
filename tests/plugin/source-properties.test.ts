/**
 * The plugin's side of sources as works: cited notes' properties come from the metadata cache
 * (`getFileCache(file).frontmatter`), never from the files, and the panel shows what they say — one work
 * under two notes, a source missing required properties, a frontmatter that does not parse.
 *
 * Relied on in the obsidian double (as in obsidian.d.ts and the app): `CachedMetadata.frontmatter` is the
 * parsed YAML; a frontmatter that does not parse leaves `frontmatter` unset while the first section is still
 * of type `yaml`.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { allMarks } from "../../src/plugin/editor/citation-marks";
import { ObsidianNoteProperties } from "../../src/plugin/note-properties";
import type { MarkdownView as DoubleMarkdownView } from "../obsidian-double/markdown-view";
import { createTestApp, resetDouble, unloadPlugin, type TestApp } from "../obsidian-double/testing";
import { idle, openNote, panelOf, rowSummary, runCommand, sectionRows, sectionsOf } from "./harness";
import { loadAuditor } from "./vault/helpers";

afterEach(() => {
	vi.restoreAllMocks();
	resetDouble();
});

const ESSAY = "Essays/Histone essay.md";
const FILES: Record<string, string> = {
	[ESSAY]: "Histones[^1] and again[^2], and a review.[^3]\n\n[^1]: [[yuanInhibiting2015]]\n[^2]: [[Yuan-2015]]\n[^3]: [[Review]], p. 4\n",
	"Sources/yuanInhibiting2015.md": "---\ncitekey: yuanInhibiting2015\ndoi: https://doi.org/10.1234/ABC\nauthor: Q. Yuan\nyear: 2015\n---\n# Paper\n",
	"Sources/Yuan-2015.md": "---\ndoi: 10.1234/abc\nauthor: Q. Yuan\n---\n# Paper\n",
	"Sources/Review.md": "---\nyear: 2019\nyear: 2020\n---\n# Review\n",
	"Sources/Plain.md": "# No properties\n",
	"Sources/Empty.md": "---\n---\n# Empty frontmatter\n",
	"attachments/data.pdf": "%PDF-1.4\n",
};

/** Every path read through the vault or its adapter, from now on. */
function recordReads(app: TestApp): string[] {
	const paths: string[] = [];
	const record = (file: unknown) => paths.push(typeof file === "string" ? file : (file as { path: string }).path);
	const { vault } = app;
	const read = vault.read.bind(vault);
	const cachedRead = vault.cachedRead.bind(vault);
	const adapterRead = vault.adapter.read.bind(vault.adapter);
	vi.spyOn(vault, "read").mockImplementation((file) => (record(file), read(file)));
	vi.spyOn(vault, "cachedRead").mockImplementation((file) => (record(file), cachedRead(file)));
	vi.spyOn(vault.adapter, "read").mockImplementation((path) => (record(path), adapterRead(path)));
	return paths;
}

describe("ObsidianNoteProperties", () => {
	it("answers from the metadata cache", () => {
		const app = createTestApp({ files: FILES });
		const seam = new ObsidianNoteProperties(app);
		const reads = recordReads(app);
		expect(seam.properties("Sources/Yuan-2015.md")).toEqual({ doi: "10.1234/abc", author: "Q. Yuan" });
		expect(seam.frontmatterError("Sources/Yuan-2015.md")).toBeNull();
		expect(reads).toEqual([]);
	});

	it("reports a frontmatter that does not parse, with no reason (Obsidian gives none)", () => {
		const seam = new ObsidianNoteProperties(createTestApp({ files: FILES }));
		expect(seam.properties("Sources/Review.md")).toBeNull();
		expect(seam.frontmatterError("Sources/Review.md")).toBe("");
	});

	it("has no properties and no error for a note without or with an empty frontmatter, a PDF, a folder or nothing", () => {
		const seam = new ObsidianNoteProperties(createTestApp({ files: FILES }));
		for (const path of ["Sources/Plain.md", "Sources/Empty.md", "attachments/data.pdf", "Sources", "Missing.md"]) {
			expect([path, seam.properties(path), seam.frontmatterError(path)]).toEqual([path, null, null]);
		}
	});
});

describe("the plugin on sources with properties", () => {
	async function essayInPanel(data: Record<string, unknown> = {}) {
		const loaded = await loadAuditor(FILES, { data });
		const reads = recordReads(loaded.app);
		const view = await openNote(loaded.app, ESSAY);
		await runCommand(loaded.app, "audit-citations");
		return { ...loaded, reads, view, panel: panelOf(loaded.app) };
	}

	it("shows one work under two notes, saying why, and the source whose properties do not parse", async () => {
		const { plugin, panel } = await essayInPanel();
		expect(sectionsOf(panel)).toEqual([
			{ title: "Duplicate sources", count: "1" },
			{ title: "Source properties", count: "1" },
		]);
		const [duplicate] = sectionRows(panel, "duplicate-sources");
		expect(rowSummary(duplicate)).toEqual({ labels: "[^1] [^2]", target: "yuanInhibiting2015", line: "Line 3" });
		expect(duplicate.querySelector(".citation-auditor-message")?.textContent).toBe(
			'[^1] and [^2] cite the same work: "yuanInhibiting2015" and "Yuan-2015" (same DOI 10.1234/abc)',
		);
		const [invalid] = sectionRows(panel, "source-properties");
		expect(rowSummary(invalid)).toMatchObject({ labels: "[^3]", target: "Review", line: "Line 5" });
		expect(invalid.querySelector(".citation-auditor-message")?.textContent).toBe('The properties of "Review" do not parse');
		await unloadPlugin(plugin);
	});

	it("reports what the required-properties setting asks for, as info", async () => {
		const { plugin, panel } = await essayInPanel({ requireProperties: "author, year|date" });
		const rows = sectionRows(panel, "source-properties");
		expect(rows.map((row) => row.querySelector(".citation-auditor-message")?.textContent)).toEqual([
			'Source note "Yuan-2015" lacks properties: year or date',
			'The properties of "Review" do not parse',
		]);
		expect(rows[0].getAttribute("aria-label")).toMatch(/^info: /);
		await unloadPlugin(plugin);
	});

	it("joins notes by a property the identity setting names", async () => {
		const files = { ...FILES, "Sources/Plain.md": "---\npmid: 42\n---\n", "Sources/Review.md": "---\npmid: 42\n---\n" };
		const loaded = await loadAuditor(files, { data: { identityProperties: ["pmid"] } });
		await openNote(loaded.app, ESSAY);
		const essay = "A[^1] b[^2].\n\n[^1]: [[Plain]]\n[^2]: [[Review]]\n";
		await loaded.app.vault.modify(loaded.app.vault.getFileByPath(ESSAY)!, essay);
		await runCommand(loaded.app, "audit-citations");
		const [row] = sectionRows(panelOf(loaded.app), "duplicate-sources");
		expect(row.querySelector(".citation-auditor-message")?.textContent).toBe('[^1] and [^2] cite the same work: "Plain" and "Review" (same pmid 42)');
		await unloadPlugin(loaded.plugin);
	});

	it("marks the new findings in the editor, incomplete-source once info is shown there", async () => {
		const { plugin, view } = await essayInPanel({ requireProperties: "author, year|date", editorMinSeverity: "info" });
		const cm = (view as unknown as DoubleMarkdownView).cm.view;
		const marked = allMarks(cm.state).map((mark) => [mark.finding.kind, cm.state.doc.sliceString(mark.from, mark.to)]);
		expect(marked).toEqual([
			["duplicate-source", "[^1]"],
			["incomplete-source", "[[Yuan-2015]]"],
			["invalid-frontmatter", "[[Review]]"],
		]);
		await unloadPlugin(plugin);
	});

	it("never reads a cited note's file, in the panel's audit or the vault audit", async () => {
		const { app, plugin, reads } = await essayInPanel({ requireProperties: "author,year|date" });
		const outcome = await plugin.vault.auditVault();
		await idle(app);
		const audited = outcome?.notes.find((note) => note.path === ESSAY);
		expect(audited?.findings.map((finding) => finding.kind).sort()).toEqual(["duplicate-source", "incomplete-source", "invalid-frontmatter"]);
		// The spy sees reads: the essay itself is read; no source note is.
		expect(reads).toContain(ESSAY);
		expect(reads.filter((path) => path.startsWith("Sources/"))).toEqual([]);
		await unloadPlugin(plugin);
	});
});
