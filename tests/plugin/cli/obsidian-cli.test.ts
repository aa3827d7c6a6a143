/**
 * The handlers for Obsidian's own command line (`obsidian citation-auditor …`), run through the double's
 * registerCliHandler as the app runs them (CliData in, the returned string printed). The reference for "the
 * same bytes" is `citation-audit` itself, run in-process on the same folder from disk: its stdout is compared
 * byte for byte with the handler's answer, never with a string written here.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run";
import { CLI_FORMATS } from "../../../src/plugin/cli/obsidian-cli";
import { openFile, resetDouble, runCliCommand, setApiVersion, unloadPlugin } from "../../obsidian-double/testing";
import { EXAMPLE_VAULT, loadAuditor, PLUGIN_ID, readVaultFolder } from "../vault/helpers";

afterEach(() => resetDouble());

const ESSAY = "Essays/On the Fragility of Digital Archives.md";

function citationAudit(args: string[]): string {
	let stdout = "";
	let stderr = "";
	runCli([EXAMPLE_VAULT, ...args], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: EXAMPLE_VAULT, version: "test" });
	expect(stderr).toBe("");
	return stdout;
}

function expectOneLine(answer: string, ...mentions: string[]): void {
	expect(answer.endsWith("\n")).toBe(true);
	expect(answer.slice(0, -1)).not.toMatch(/[\r\n]/);
	for (const mention of mentions) expect(answer).toContain(mention);
}

describe("registration", () => {
	it("registers citation-auditor and citation-auditor:vault with their flags on 1.12.2 and later", async () => {
		const { app } = await loadAuditor({ "a.md": "x" });
		const handlers = (app as unknown as { cliHandlers: Map<string, { flags: Record<string, { value?: string }> | null }> }).cliHandlers;
		expect([...handlers.keys()].sort()).toEqual([PLUGIN_ID, `${PLUGIN_ID}:vault`]);
		expect(Object.keys(handlers.get(PLUGIN_ID)?.flags ?? {}).sort()).toEqual(["format", "path"]);
		expect(Object.keys(handlers.get(`${PLUGIN_ID}:vault`)?.flags ?? {})).toEqual(["format"]);
	});

	it("skips them on an older app, which loads the plugin as before", async () => {
		setApiVersion("1.12.1");
		const { app } = await loadAuditor({ "a.md": "x" });
		expect((app as unknown as { cliHandlers: Map<string, unknown> }).cliHandlers.size).toBe(0);
		expect(app.commands.commands[`${PLUGIN_ID}:audit-citations`]).toBeDefined();
		await expect(runCliCommand(app, PLUGIN_ID)).rejects.toThrow(/No CLI handler/);
	});

	it("frees the command ids on unload, so loading again registers them again", async () => {
		const { app, plugin } = await loadAuditor({ "a.md": "x" });
		await unloadPlugin(plugin);
		expect((app as unknown as { cliHandlers: Map<string, unknown> }).cliHandlers.size).toBe(0);
		const again = await loadAuditor({ "a.md": "x" });
		expect((again.app as unknown as { cliHandlers: Map<string, unknown> }).cliHandlers.size).toBe(2);
	});
});

describe("the same bytes as citation-audit on examples/vault", () => {
	for (const format of CLI_FORMATS) {
		it(`citation-auditor:vault format=${format}`, async () => {
			const { app } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
			const answer = await runCliCommand(app, `${PLUGIN_ID}:vault`, { format });
			expect(answer.length).toBeGreaterThan(100);
			expect(answer).toBe(citationAudit(["--format", format]));
		});

		it(`citation-auditor path=<essay> format=${format}`, async () => {
			const { app } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
			expect(await runCliCommand(app, PLUGIN_ID, { path: ESSAY, format })).toBe(citationAudit([ESSAY, "--format", format]));
		});
	}

	it("text is the default format, and the active note the default note", async () => {
		const { app } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		await openFile(app, ESSAY);
		expect(await runCliCommand(app, PLUGIN_ID)).toBe(citationAudit([ESSAY]));
		expect(await runCliCommand(app, `${PLUGIN_ID}:vault`)).toBe(citationAudit([]));
	});

	it("a note without footnotes named by path is reported as the command line reports it", async () => {
		const { app } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		const path = "Notes without footnotes.md";
		expect(await runCliCommand(app, PLUGIN_ID, { path, format: "json" })).toBe(citationAudit([path, "--format", "json"]));
		// `.md` may be left out, as in a wikilink.
		expect(await runCliCommand(app, PLUGIN_ID, { path: "Notes without footnotes", format: "json" })).toBe(citationAudit([path, "--format", "json"]));
	});
});

describe("bad flags and paths: one line naming the problem", () => {
	it("an unknown flag", async () => {
		const { app } = await loadAuditor({ "a.md": "x[^1]\n\n[^1]: y" });
		expectOneLine(await runCliCommand(app, PLUGIN_ID, { path: "a.md", colour: "true" }), `${PLUGIN_ID}:`, '"colour"', "path, format");
		expectOneLine(await runCliCommand(app, `${PLUGIN_ID}:vault`, { path: "a.md" }), `${PLUGIN_ID}:vault:`, '"path"');
	});

	it("a format it does not know, or none", async () => {
		const { app } = await loadAuditor({ "a.md": "x" });
		expectOneLine(await runCliCommand(app, PLUGIN_ID, { path: "a.md", format: "sarif" }), '"sarif"', "text, json or markdown");
		expectOneLine(await runCliCommand(app, `${PLUGIN_ID}:vault`, { format: "true" }), "got nothing");
	});

	it("a path that names no note, a file that is no note, a path flag without a value, no active note", async () => {
		const { app } = await loadAuditor({ "a.md": "x", "b.pdf": new ArrayBuffer(4) });
		expectOneLine(await runCliCommand(app, PLUGIN_ID, { path: "Missing/Note.md" }), '"Missing/Note.md"');
		expectOneLine(await runCliCommand(app, PLUGIN_ID, { path: "b.pdf" }), '"b.pdf"', "not a markdown note");
		expectOneLine(await runCliCommand(app, PLUGIN_ID, { path: "true" }), "path=");
		expectOneLine(await runCliCommand(app, PLUGIN_ID), "no note is active");
	});

	it("a hostile path stays on one line and sends no control character to the terminal", async () => {
		const { app } = await loadAuditor({ "a.md": "x" });
		const answer = await runCliCommand(app, PLUGIN_ID, { path: "evil\n\u001b[2Jname" });
		expectOneLine(answer, "\\u000a", "\\u001b");
		expect(answer).not.toContain("\u001b");
	});

	it("Obsidian's own vault= parameter is not refused", async () => {
		const { app } = await loadAuditor(readVaultFolder(EXAMPLE_VAULT));
		expect(await runCliCommand(app, PLUGIN_ID, { vault: "examples", path: ESSAY })).toBe(citationAudit([ESSAY]));
	});
});
