/**
 * Pandoc citation keys in the plugin: bibliographies read through the vault adapter once, again only when the
 * vault reports a change to that file (never on a keystroke); literature notes from the metadata cache; the
 * "Create literature note" and "Change key" row actions; the panel section and the status bar.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import type { MarkdownView } from "obsidian";
import { getFile, resetDouble, unloadPlugin, type TestApp } from "../../obsidian-double/testing";
import type CitationAuditorPlugin from "../../../src/plugin/main";
import { idle, loadCitationAuditor, openNote, panelOf, positionOf, runCommand, sectionRows, statusText } from "../harness";

const ESSAY = "Essays/Keys.md";
const ESSAY_TEXT = "---\nbibliography: refs.bib\n---\nAs shown [@known2020, p. 3] and [@later2021].\n";
const BIB = "@book{known2020, title = {Known: A Study}, author = {M{\\\"u}ller, J{\\\"o}rg}, year = 2020, doi = {10.5555/known}}\n";

let app: TestApp;
let plugin: CitationAuditorPlugin;

afterEach(async () => {
	vi.useRealTimers();
	await unloadPlugin(plugin);
	resetDouble();
});

async function load(data: Record<string, unknown> = {}, files: Record<string, string> = {}): Promise<MarkdownView> {
	({ app, plugin } = await loadCitationAuditor({ files: { [ESSAY]: ESSAY_TEXT, "Essays/refs.bib": BIB, ...files }, data }));
	const view = await openNote(app, ESSAY);
	await runCommand(app, "audit-citations");
	await idle(app);
	return view;
}

function keyFindings(): [string, string | undefined][] {
	const state = plugin.controller.current;
	if (state.kind !== "note") throw new Error(`no audit: ${state.kind}`);
	return state.audit.findings.map((finding) => [finding.kind, finding.citekey ?? finding.target]);
}

describe("bibliographies in the plugin", () => {
	it("reads the note's bibliography once, through the vault adapter, and judges keys once it is in", async () => {
		await load();
		expect(keyFindings()).toEqual([["unknown-citekey", "later2021"]]);
		expect(plugin.citekeys.reads).toBe(1);
		expect(sectionRows(panelOf(app), "citekeys").map((row) => row.textContent ?? "")[0]).toContain("@later2021");
		expect(statusText(app)).toBe("1 unknown keys");
	});

	it("typing in the note never reads the bibliography again; a vault modify of the file re-reads it once", async () => {
		const view = await load();
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		for (let keystroke = 0; keystroke < 5; keystroke++) {
			const text = view.editor.getValue();
			view.editor.replaceRange("x", positionOf(text, text.length - 1));
			await vi.advanceTimersByTimeAsync(400);
		}
		vi.useRealTimers();
		await idle(app);
		expect(plugin.citekeys.reads).toBe(1);
		// The writer's reference manager exports again: the vault fires `modify` for refs.bib.
		await app.vault.modify(getFile(app, "Essays/refs.bib"), `${BIB}@book{later2021, title = {Later}}\n`);
		await idle(app);
		expect(plugin.citekeys.reads).toBe(2);
		expect(keyFindings()).toEqual([]);
		// A change to another file reads nothing.
		await app.vault.modify(getFile(app, ESSAY), ESSAY_TEXT.replace("As shown", "As seen"));
		await idle(app);
		expect(plugin.citekeys.reads).toBe(2);
	});

	it("a deleted bibliography becomes missing-bibliography at its frontmatter path; a renamed one is read under its new name", async () => {
		await load({ bibliographyFiles: ["shared/extra.json"] }, { "shared/extra.json": '[{"id": "later2021", "title": "Later"}]' });
		expect(keyFindings()).toEqual([]);
		await app.vault.rename(getFile(app, "shared/extra.json"), "shared/moved.json");
		await idle(app);
		expect(keyFindings()).toEqual([
			["missing-bibliography", "shared/extra.json"],
			["unknown-citekey", "later2021"],
		]);
		await app.vault.delete(getFile(app, "Essays/refs.bib"));
		await idle(app);
		expect(keyFindings()[0]).toEqual(["missing-bibliography", "refs.bib"]);
	});

	it("a malformed bibliography is one finding that names the file and the line", async () => {
		await load({}, { "Essays/refs.bib": "@book{known2020, title = {Known}}\n\n@book{later2021, title = {Open {brace}\n" });
		const state = plugin.controller.current;
		if (state.kind !== "note") throw new Error("no audit");
		const invalid = state.audit.findings.filter((finding) => finding.kind === "invalid-bibliography");
		expect(invalid.map((finding) => [finding.line, finding.message.replace(/: .*$/, "")])).toEqual([[2, "Bibliography Essays/refs.bib does not parse at line 3"]]);
	});
});

describe("literature notes in the plugin", () => {
	it("finds them by folder and template and by property, from the metadata cache", async () => {
		await load(
			{ literatureFolder: "Literature", citekeyProperty: "citekey" },
			{ "Essays/refs.bib": `${BIB}@book{later2021, title = {Later}}\n`, "Literature/@known2020.md": "# Known\n", "Elsewhere/Later notes.md": "---\ncitekey: later2021\n---\n# Later\n" },
		);
		expect(keyFindings()).toEqual([]);
	});

	it('"Create literature note" writes the entry as properties in the configured folder and template, and the row goes', async () => {
		await load({ literatureFolder: "Reading/Literature", literatureTemplate: "{{citekey}} notes" });
		expect(keyFindings()).toEqual([
			["citekey-without-note", "known2020"],
			["unknown-citekey", "later2021"],
		]);
		const state = plugin.controller.current;
		if (state.kind !== "note") throw new Error("no audit");
		const withoutNote = state.audit.findings[0];
		const actions = plugin.actionsFor(withoutNote);
		expect(actions.map((action) => action.title)).toContain('Create literature note "Reading/Literature/known2020 notes.md"');
		// No literature note can be made for a key no bibliography holds.
		expect(plugin.actionsFor(state.audit.findings[1]).map((action) => action.title).filter((title) => title.startsWith("Create"))).toEqual([]);
		actions.find((action) => action.title.startsWith("Create literature note"))!.run(withoutNote);
		await idle(app);
		const created = await app.vault.read(getFile(app, "Reading/Literature/known2020 notes.md"));
		const yaml = /^---\n([\s\S]*?)\n---\n/.exec(created)?.[1] ?? "";
		expect(parse(yaml)).toEqual({ citekey: "known2020", title: "Known: A Study", authors: ["Jörg Müller"], year: "2020", doi: "10.5555/known" });
		expect(keyFindings()).toEqual([["unknown-citekey", "later2021"]]);
	});

	it('"Change key to" applies a did-you-mean key and changes nothing else', async () => {
		const view = await load({}, { [ESSAY]: ESSAY_TEXT.replace("@later2021", "@Known2020") });
		const state = plugin.controller.current;
		if (state.kind !== "note") throw new Error("no audit");
		const unknown = state.audit.findings.find((finding) => finding.kind === "unknown-citekey")!;
		const change = plugin.actionsFor(unknown).find((action) => action.title === "Change key to @known2020");
		expect(change).toBeDefined();
		change!.run(unknown);
		await idle(app);
		expect(view.editor.getValue()).toBe(ESSAY_TEXT.replace("@later2021", "@known2020"));
	});
});
