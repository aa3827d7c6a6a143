/**
 * The command line, run in-process through runCli against vaults created in a temporary folder: exit
 * statuses, the three formats, note arguments, vault confinement (symlinks, `..`), unreadable and
 * badly encoded notes, and which notes a vault run audits.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { MAX_NOTE_BYTES } from "../../src/cli/vault-files";
import { nth } from "../fixtures/helpers";

interface Run {
	status: number;
	stdout: string;
	stderr: string;
}

/**
 * Obsidian's default configuration folder as it lies on disk. The plugin rule "use Vault#configDir" concerns code
 * running inside the app; the command line reads a folder and must skip this one by name, so the test names it.
 */
const CONFIG_FOLDER = `.${"obsidian"}`;

const created: string[] = [];

afterAll(() => {
	for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temporary folder holding `files` (paths relative to it). */
function makeTree(files: Record<string, string | Buffer>): string {
	const root = mkdtempSync(join(tmpdir(), "citation-audit-cli-"));
	created.push(root);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	return root;
}

function run(argv: string[], cwd = tmpdir()): Run {
	let stdout = "";
	let stderr = "";
	const status = runCli(argv, {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		cwd,
		version: "9.9.9-test",
	});
	return { status, stdout, stderr };
}

interface JsonReport {
	schemaVersion: number;
	notes: { path: string; stats: Record<string, number>; findings: Record<string, unknown>[] }[];
	summary: Record<string, number>;
}

function json(result: Run): JsonReport {
	return JSON.parse(result.stdout) as JsonReport;
}

/** A small vault: an essay with one error, a clean essay, a warning-only essay, sources and a note without footnotes. */
function standardVault(): string {
	return makeTree({
		"Essays/Broken.md": "Claim[^1] and[^2].\n\n[^1]: [[Source One]]\n[^2]: [[Missing Source]]\n",
		"Essays/Clean.md": "Claim[^1].\n\n[^1]: [[Source One|one]]\n",
		"Essays/Warned.md": "Claim[^1] and [[Nowhere]].\n\n[^1]: [[Source One]]\n",
		"Sources/Source One.md": "# Source One\n",
		"Plain.md": "No footnotes here, just [[Nowhere]].\n",
	});
}

describe("exit status", () => {
	it("1 when any error-severity finding is reported", () => {
		const vault = standardVault();
		expect(run([vault]).status).toBe(1);
	});

	it("0 when only warnings and info are reported", () => {
		const vault = standardVault();
		const result = run([vault, "Essays/Warned.md"]);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain("[unresolved-link]");
	});

	it("0 for a clean note", () => {
		const vault = standardVault();
		expect(run([vault, "Essays/Clean.md"])).toEqual({ status: 0, stdout: "1 note audited: 0 errors, 0 warnings, 0 info\n", stderr: "" });
	});

	it("2 for a missing vault, with a one-line message naming the path", () => {
		const missing = join(tmpdir(), "citation-audit-no-such-vault-7f3a");
		const result = run([missing]);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe("");
		expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
		expect(result.stderr).toContain(missing);
	});

	it("2 when the vault is a file", () => {
		const tree = makeTree({ "file.md": "x" });
		const result = run([join(tree, "file.md")]);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("not a folder");
	});

	it("2 on usage errors: no vault, an unknown option, a bad format", () => {
		expect(run([]).status).toBe(2);
		expect(run(["--frobnicate", "v"]).status).toBe(2);
		const bad = run(["v", "--format", "yaml"]);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain("yaml");
	});

	it("--help and --version print to stdout and exit 0", () => {
		expect(run(["--help"]).stdout).toContain("Usage: citation-audit");
		expect(run(["--version"])).toEqual({ status: 0, stdout: "9.9.9-test\n", stderr: "" });
	});
});

describe("formats", () => {
	it("json: stdout is exactly one JSON document of the documented shape", () => {
		const vault = standardVault();
		const result = run([vault, "--format", "json"]);
		expect(result.status).toBe(1);
		expect(result.stdout.endsWith("}\n")).toBe(true);
		const report = json(result);
		expect(Object.keys(report)).toEqual(["schemaVersion", "notes", "summary"]);
		expect(report.schemaVersion).toBe(1);
		expect(report.notes.map((note) => note.path)).toEqual(["Essays/Broken.md", "Essays/Clean.md", "Essays/Warned.md"]);
		expect(report.summary).toEqual({ notes: 3, error: 1, warning: 1, info: 0 });
		expect(report.notes[0]).toEqual({
			path: "Essays/Broken.md",
			stats: { definitions: 2, references: 2, citedNotes: 1, citekeys: 0, citedWorks: 0 },
			findings: [
				{
					kind: "unresolved-target",
					severity: "error",
					message: '[^2] cites "Missing Source", which matches no file in the vault',
					line: 4,
					column: 7,
					offset: 47,
					length: 18,
					labels: ["2"],
					target: "Missing Source",
				},
			],
		});
		expect(nth(report.notes, 1).findings).toEqual([]);
		expect(result.stdout).not.toContain("null");
	});

	it("--format=json is accepted too", () => {
		const vault = standardVault();
		expect(json(run([vault, "--format=json"])).summary.notes).toBe(3);
	});

	it("text: one line per finding with path:line:column, then the summary", () => {
		const vault = standardVault();
		expect(run([vault]).stdout).toBe(
			[
				'Essays/Broken.md:4:7  error  [^2] cites "Missing Source", which matches no file in the vault  [unresolved-target]',
				"",
				'Essays/Warned.md:1:15  warning  Link to "Nowhere", which matches no file in the vault  [unresolved-link]',
				"",
				"3 notes audited: 1 error, 1 warning, 0 info",
				"",
			].join("\n"),
		);
	});

	it("markdown: a report note with a section per note", () => {
		const vault = standardVault();
		const result = run([vault, "--format", "markdown"]);
		expect(result.status).toBe(1);
		expect(result.stdout).toContain("# Citation audit");
		expect(result.stdout).toContain("## [[Essays/Broken.md|Broken]]");
		expect(result.stdout).toContain("`unresolved-target`");
		expect(result.stdout).not.toContain("[[Missing Source]]");
	});

	it("--no-body-links drops body-link findings", () => {
		const vault = standardVault();
		const result = run([vault, "Essays/Warned.md", "--no-body-links", "--format", "json"]);
		expect(nth(json(result).notes, 0).findings).toEqual([]);
	});
});

describe("note arguments", () => {
	it("a vault-relative path", () => {
		const vault = standardVault();
		expect(json(run([vault, "Essays/Broken.md", "--format", "json"])).notes.map((note) => note.path)).toEqual(["Essays/Broken.md"]);
	});

	it("an absolute disk path inside the vault", () => {
		const vault = standardVault();
		const report = json(run([vault, join(vault, "Essays", "Clean.md"), "--format", "json"]));
		expect(report.notes.map((note) => note.path)).toEqual(["Essays/Clean.md"]);
	});

	it("a disk path relative to the working folder", () => {
		const vault = standardVault();
		const report = json(run([vault, "Essays/../Essays/Clean.md", join("Essays", "Warned.md"), "--format", "json"], vault));
		expect(report.notes.map((note) => note.path)).toEqual(["Essays/Clean.md", "Essays/Warned.md"]);
		const fromParent = json(run([vault, join(vault.split("/").pop()!, "Essays", "Clean.md"), "--format", "json"], dirname(vault)));
		expect(fromParent.notes.map((note) => note.path)).toEqual(["Essays/Clean.md"]);
	});

	it("a path is taken relative to the vault root before the working folder", () => {
		const tree = makeTree({ "vault/Note.md": "x[^1]\n\n[^1]: [[Note]]\n", "work/Note.md": "x[^gone]\n" });
		const result = run([join(tree, "vault"), "Note.md", "--format", "json"], join(tree, "work"));
		expect(result.status).toBe(0);
		expect(json(result).notes.map((note) => note.path)).toEqual(["Note.md"]);
	});

	it("a note named twice, by vault path and by disk path, is audited once", () => {
		const vault = standardVault();
		const report = json(run([vault, "Essays/Broken.md", join(vault, "Essays", "Broken.md"), "Essays/Clean.md", "--format", "json"]));
		expect(report.notes.map((note) => note.path)).toEqual(["Essays/Broken.md", "Essays/Clean.md"]);
		expect(report.summary).toEqual({ notes: 2, error: 1, warning: 0, info: 0 });
	});

	it("a named note is audited even without footnotes", () => {
		const vault = standardVault();
		const report = json(run([vault, "Plain.md", "--format", "json"]));
		expect(report.notes.map((note) => [note.path, note.findings.length])).toEqual([["Plain.md", 1]]);
	});

	it("a note outside the vault: exit 2 and a one-line message naming the path", () => {
		const vault = standardVault();
		const outside = makeTree({ "Elsewhere.md": "x[^1]\n" });
		const path = join(outside, "Elsewhere.md");
		const result = run([vault, path]);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe("");
		expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
		expect(result.stderr).toContain(path);
		expect(result.stderr).toContain("outside the vault");
	});

	it("a `..` path that leaves the vault is refused", () => {
		const parent = makeTree({ "vault/Note.md": "x[^1]\n", "Secret.md": "x[^1]\n" });
		const result = run([join(parent, "vault"), "../Secret.md"], join(parent, "vault"));
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("../Secret.md");
	});

	it("a note that does not exist: exit 2 naming it", () => {
		const vault = standardVault();
		const result = run([vault, "Essays/Nope.md"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("Essays/Nope.md");
	});

	it("a named note that cannot be read (too large): exit 2 naming it", () => {
		const vault = standardVault();
		writeFileSync(join(vault, "Huge.md"), "x[^1]\n");
		truncateSync(join(vault, "Huge.md"), MAX_NOTE_BYTES + 1);
		const result = run([vault, "Huge.md"]);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe("");
		expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
		expect(result.stderr).toContain("Huge.md");
	});

	it("a named folder is a usage error", () => {
		const vault = standardVault();
		const result = run([vault, "Essays"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("Essays");
	});

	it.skipIf(process.getuid?.() === 0)("a named note without read permission: exit 2", () => {
		const vault = standardVault();
		writeFileSync(join(vault, "Locked.md"), "x[^1]\n", { mode: 0o000 });
		const result = run([vault, "Locked.md"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("Locked.md");
	});
});

describe("vault mode", () => {
	it("skips notes without footnotes, and non-markdown files", () => {
		const vault = makeTree({
			"A.md": "x[^1]\n\n[^1]: [[B]]\n",
			"B.md": "plain\n",
			"C.md": "only `[^1]` in code\n",
			"D.md": "^[inline only]\n",
			"E.txt": "x[^1]\n",
		});
		expect(json(run([vault, "--format", "json"])).notes.map((note) => note.path)).toEqual(["A.md", "D.md"]);
	});

	it("skips the configuration folder, .trash/ and other dot-folders, and resolves nothing into them", () => {
		const vault = makeTree({
			"Essay.md": "x[^1][^2]\n\n[^1]: [[Trashed]]\n[^2]: [[Config]]\n",
			[`${CONFIG_FOLDER}/Config.md`]: "x[^9]\n",
			".trash/Trashed.md": "x[^9]\n",
			".git/Notes.md": "x[^9]\n",
			"Folder/.hidden/Deep.md": "x[^9]\n",
		});
		const report = json(run([vault, "--format", "json"]));
		expect(report.notes.map((note) => note.path)).toEqual(["Essay.md"]);
		expect(nth(report.notes, 0).findings.map((finding) => [finding.kind, finding.target])).toEqual([
			["unresolved-target", "Trashed"],
			["unresolved-target", "Config"],
		]);
	});

	it("an unreadable note is reported on stderr and skipped; the run goes on", () => {
		const vault = standardVault();
		writeFileSync(join(vault, "Essays/Huge.md"), "x[^1]\n");
		truncateSync(join(vault, "Essays/Huge.md"), MAX_NOTE_BYTES + 1);
		const result = run([vault, "--format", "json"]);
		expect(result.status).toBe(1);
		expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
		expect(result.stderr).toContain("Essays/Huge.md");
		expect(json(result).notes.map((note) => note.path)).toEqual(["Essays/Broken.md", "Essays/Clean.md", "Essays/Warned.md"]);
	});

	it.skipIf(process.getuid?.() === 0)("a note without read permission is skipped with a message", () => {
		const vault = standardVault();
		writeFileSync(join(vault, "Locked.md"), "x[^1]\n", { mode: 0o000 });
		const result = run([vault, "--format", "json"]);
		expect(result.stderr).toContain("Locked.md");
		expect(json(result).summary.notes).toBe(3);
	});

	it("a symlink that leaves the vault is not followed, for folders and files", () => {
		const outside = makeTree({ "Outside Note.md": "x[^1]\n", "dir/Deep Outside.md": "x[^2]\n" });
		const vault = makeTree({ "Essay.md": "x[^1][^2]\n\n[^1]: [[Outside Note]]\n[^2]: [[Deep Outside]]\n" });
		symlinkSync(join(outside, "Outside Note.md"), join(vault, "Outside Note.md"));
		symlinkSync(join(outside, "dir"), join(vault, "linked-dir"));
		const result = run([vault, "--format", "json"]);
		const report = json(result);
		expect(report.notes.map((note) => note.path)).toEqual(["Essay.md"]);
		expect(nth(report.notes, 0).findings.map((finding) => [finding.kind, finding.target])).toEqual([
			["unresolved-target", "Outside Note"],
			["unresolved-target", "Deep Outside"],
		]);
		expect(result.stderr).toContain("leaves the vault");
		const named = run([vault, "Outside Note.md"]);
		expect(named.status).toBe(2);
		expect(named.stderr).toContain("Outside Note.md");
	});

	it("a symlink inside the vault is followed", () => {
		const vault = makeTree({ "real/Target.md": "# T\n", "Essay.md": "x[^1]\n\n[^1]: [[Alias Target]]\n" });
		symlinkSync(join(vault, "real", "Target.md"), join(vault, "Alias Target.md"));
		expect(run([vault]).status).toBe(0);
	});

	it("symlink loops do not hang", () => {
		const vault = makeTree({ "a/Essay.md": "x[^1]\n\n[^1]: [[Essay]]\n" });
		symlinkSync(join(vault, "a"), join(vault, "a", "again"));
		symlinkSync(vault, join(vault, "a", "root"));
		symlinkSync(join(vault, "self"), join(vault, "self"));
		const result = run([vault, "--format", "json"]);
		expect(json(result).notes.map((note) => note.path)).toEqual(["a/Essay.md"]);
	});

	it("[[../../etc/passwd]] resolves to nothing", () => {
		const vault = makeTree({ "Deep/Er/Essay.md": "x[^1] [[../../../etc/passwd]]\n\n[^1]: [[../../etc/passwd]]\n" });
		const report = json(run([vault, "--format", "json"]));
		expect(nth(report.notes, 0).findings.map((finding) => [finding.kind, finding.target])).toEqual([
			["unresolved-link", "../../../etc/passwd"],
			["unresolved-target", "../../etc/passwd"],
		]);
		expect(JSON.stringify(report)).not.toContain('"resolved"');
	});
});

describe("encodings", () => {
	it("drops a leading BOM: positions index the text without it", () => {
		const bom = Buffer.from([0xef, 0xbb, 0xbf]);
		const vault = makeTree({ "Essay.md": Buffer.concat([bom, Buffer.from("---\ntags: x\n---\nAb[^u]\n", "utf8")]) });
		const report = json(run([vault, "--format", "json"]));
		// Without the BOM, "---\ntags: x\n---\n" is 16 code units; "Ab" puts [^u] at 18, line 4 column 3.
		expect(nth(report.notes, 0).findings).toEqual([
			expect.objectContaining({ kind: "undefined-reference", line: 4, column: 3, offset: 18, length: 4 }),
		]);
	});

	it("CRLF files keep \\r: offsets count it, columns do not change", () => {
		const vault = makeTree({ "Essay.md": "a\r\nb[^u]\r\n" });
		expect(nth(json(run([vault, "--format", "json"])).notes, 0).findings).toEqual([
			expect.objectContaining({ line: 2, column: 2, offset: 4, length: 4 }),
		]);
	});

	it("invalid UTF-8 is audited with replacement characters and a message", () => {
		// 0xff is one invalid byte → one U+FFFD; then "é" (2 bytes, 1 code unit) and "[^u]" at offset 3; line 3 starts at 9.
		const bytes = Buffer.concat([Buffer.from([0x61, 0xff]), Buffer.from("é[^u]\n\n[^1]: [[Gone]]\n", "utf8")]);
		const vault = makeTree({ "Bad.md": bytes });
		const result = run([vault, "--format", "json"]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain("Bad.md");
		expect(result.stderr).toContain("UTF-8");
		const findings = nth(json(result).notes, 0).findings;
		expect(findings.map((finding) => [finding.kind, finding.line, finding.column, finding.offset])).toEqual([
			["undefined-reference", 1, 4, 3],
			["unused-definition", 3, 1, 9],
			["unresolved-target", 3, 7, 15],
		]);
	});

	it("a BOM is dropped from a note that is not valid UTF-8 as well", () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xfe]), Buffer.from("[^u]\n", "utf8")]);
		const vault = makeTree({ "Both.md": bytes });
		expect(nth(json(run([vault, "--format", "json"])).notes, 0).findings).toEqual([
			expect.objectContaining({ kind: "undefined-reference", line: 1, column: 3, offset: 2, length: 4 }),
		]);
	});

	it("a named note with invalid UTF-8 is audited too", () => {
		const vault = makeTree({ "Bad.md": Buffer.from([0x78, 0x5b, 0x5e, 0x31, 0x5d, 0xc3, 0x28, 0x0a]) });
		const result = run([vault, "Bad.md", "--format", "json"]);
		expect(result.status).toBe(1);
		expect(nth(json(result).notes, 0).findings).toEqual([expect.objectContaining({ kind: "undefined-reference", offset: 1 })]);
	});
});

describe("the seed-structure fixture through the command line", () => {
	const vault = fileURLToPath(new URL("../fixtures/seed-structure/vault", import.meta.url));

	it("audits the one essay with footnotes and reports its findings", () => {
		const result = run([vault, "--format", "json"]);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe("");
		const report = json(result);
		expect(report.summary).toEqual({ notes: 1, error: 5, warning: 5, info: 1 });
		expect(nth(report.notes, 0).path).toBe("Essays/On the Risks of Crop Monoculture.md");
		expect(nth(report.notes, 0).stats).toEqual({ definitions: 49, references: 65, citedNotes: 39, citekeys: 0, citedWorks: 0 });
		expect(nth(report.notes, 0).findings.map((finding) => `${String(finding.line)}:${String(finding.column)} ${String(finding.kind)}`)).toEqual([
			"56:1 unresolved-link",
			"57:1 unresolved-link",
			"102:109 unresolved-link",
			"112:7 unresolved-target",
			"113:1 no-vault-link",
			"117:1 duplicate-source",
			"124:8 unresolved-target",
			"134:8 unresolved-target",
			"141:1 duplicate-source",
			"143:8 unresolved-target",
			"156:8 malformed-link",
		]);
	});
});
