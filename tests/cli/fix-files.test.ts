/**
 * `--fix`, `--renumber` and `--dry-run` against vaults in a temporary folder: what is written (exactly), what
 * is left alone (byte for byte, not even rewritten), BOM, CRLF and file mode kept, atomic writes leaving no
 * temporary file, the report of what remains and its exit status, and the diff a dry run prints.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeNoteAtomically } from "../../src/cli/fix-files";
import { runCli } from "../../src/cli/run";
import { decodeNote, VaultError } from "../../src/cli/vault-files";

const created: string[] = [];
afterAll(() => {
	for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function makeVault(files: Record<string, string | Buffer>): string {
	const root = mkdtempSync(join(tmpdir(), "citation-audit-fix-"));
	created.push(root);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	return root;
}

function run(argv: string[]): { status: number; stdout: string; stderr: string } {
	let stdout = "";
	let stderr = "";
	const status = runCli(argv, {
		stdout: (text) => (stdout += text),
		stderr: (text) => (stderr += text),
		cwd: tmpdir(),
		version: "test",
	});
	return { status, stdout, stderr };
}

const read = (root: string, path: string): string => readFileSync(join(root, path), "utf8");
const fixture = (name: string): string => readFileSync(new URL(`../core/fixes/fixtures/${name}`, import.meta.url), "utf8");

const SOURCES = { "Sources/Same Source.md": "# Same\n", "Sources/Other Source.md": "# Other\n" };
const DUPLICATED = "Claim[^1] [^2] and[^3].\n\n[^1]: [[Same Source]]\n[^2]: [[Same Source|Same Source]]\n[^3]: [[Other Source]]\n[^4]: [[Other Source]], p. 2\n";
const DUPLICATED_FIXED = "Claim[^1] and[^3].\n\n[^1]: [[Same Source]]\n[^3]: [[Other Source]]\n";

describe("citation-audit --fix", () => {
	it("fixes the seed-structure essay to the exact expected text and reports what remains", () => {
		const essay = "Essays/On the Hazards of Automated Essay Machines.md";
		// The unclosed link's note exists (a link is closed only where it resolves); most other sources do not.
		const root = makeVault({
			[essay]: fixture("seed-structure.md"),
			"Sources/The Progress Trap Revisited.md": "",
			"Sources/Too Important to Leave to Three Companies.md": "",
		});
		const result = run([root, "--fix"]);
		expect(read(root, essay)).toBe(fixture("seed-structure.fixed.md"));
		expect(result.stderr).toBe(`citation-audit: ${essay}: Merge 4 duplicate footnotes and close 1 link\n`);
		// What remains: the missing source notes (errors), so the status is 1; nothing merged or unclosed is left.
		expect(result.status).toBe(1);
		expect(result.stdout).not.toMatch(/duplicate-source|malformed-link/);
		expect(result.stdout).toMatch(/unresolved-target/);
	});

	it("exits 0 when the fix leaves no error, and the JSON report is the audit after the fix", () => {
		const root = makeVault({ "Essay.md": "Claim[^1].\n\n[^1]: [[Same Source|Same]\n", ...SOURCES });
		const result = run([root, "--fix", "--format", "json"]);
		expect(result.status).toBe(0);
		expect(read(root, "Essay.md")).toBe("Claim[^1].\n\n[^1]: [[Same Source|Same]]\n");
		const report = JSON.parse(result.stdout) as { notes: { findings: unknown[] }[]; summary: { error: number } };
		expect(report.notes[0].findings).toEqual([]);
		expect(report.summary.error).toBe(0);
	});

	it("leaves a note with nothing to fix byte-identical and untouched (same inode, same time)", () => {
		const clean = "Claim[^1].\r\n\r\n[^1]: [[Same Source]]\r\n";
		const root = makeVault({ "Clean.md": clean, "Broken.md": DUPLICATED, ...SOURCES });
		const path = join(root, "Clean.md");
		utimesSync(path, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
		const before = statSync(path);
		run([root, "--fix"]);
		const after = statSync(path);
		expect(readFileSync(path, "utf8")).toBe(clean);
		expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
		expect(read(root, "Broken.md")).toBe(DUPLICATED_FIXED);
	});

	it("keeps the BOM, CRLF line breaks and the file mode, and leaves no temporary file", () => {
		const crlf = DUPLICATED.replace(/\n/g, "\r\n");
		const root = makeVault({ "Notes/Essay.md": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]), ...SOURCES });
		const path = join(root, "Notes/Essay.md");
		chmodSync(path, 0o640);
		expect(run([root, "--fix"]).status).toBe(0);
		const bytes = readFileSync(path);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.subarray(3).toString("utf8")).toBe(DUPLICATED_FIXED.replace(/\n/g, "\r\n"));
		expect(statSync(path).mode & 0o777).toBe(0o640);
		expect(readdirSync(join(root, "Notes"))).toEqual(["Essay.md"]);
	});

	it("writes through a symbolic link inside the vault, keeping the link", () => {
		const root = makeVault({ "Real/Essay.md": DUPLICATED, ...SOURCES });
		symlinkSync(join(root, "Real"), join(root, "Linked"));
		run([root, "Linked/Essay.md", "--fix"]);
		expect(read(root, "Real/Essay.md")).toBe(DUPLICATED_FIXED);
	});

	it("does not fix a note that is not valid UTF-8 (writing it back would lose its bytes)", () => {
		const bytes = Buffer.concat([Buffer.from("Claim[^1] [^2]\xff.\n\n[^1]: [[Same Source]]\n[^2]: [[Same Source]]\n", "latin1")]);
		const root = makeVault({ "Odd.md": bytes, ...SOURCES });
		const result = run([root, "--fix"]);
		expect(readFileSync(join(root, "Odd.md")).equals(bytes)).toBe(true);
		expect(result.stderr).toContain("Odd.md: not valid UTF-8; not fixed");
		expect(result.stdout).toContain("duplicate-source");
	});

	it("--renumber renumbers, alone or after --fix", () => {
		const root = makeVault({
			"A.md": "x[^3] y[^1]\n\n[^1]: [[Other Source]]\n[^3]: [[Same Source]]\n",
			"B.md": "Claim[^9] [^1] [^2] and[^3].\n\n[^1]: [[Same Source]]\n[^2]: [[Same Source|Same Source]]\n[^3]: [[Other Source]]\n[^9]: x\n[^4]: [[Other Source]], p. 2\n",
			...SOURCES,
		});
		expect(run([root, "A.md", "--renumber"]).status).toBe(0);
		expect(read(root, "A.md")).toBe("x[^1] y[^2]\n\n[^1]: [[Same Source]]\n[^2]: [[Other Source]]\n");
		const both = run([root, "B.md", "--fix", "--renumber"]);
		expect(both.stderr).toBe("citation-audit: B.md: Merge 1 duplicate footnote and remove 1 unused footnote; Renumber footnotes\n");
		expect(read(root, "B.md")).toBe("Claim[^1] [^2] and[^3].\n\n[^1]: x\n[^2]: [[Same Source]]\n[^3]: [[Other Source]]\n");
	});
});

describe("citation-audit --fix on one work under two notes", () => {
	const WORK = {
		"Sources/yuanInhibiting2015.md": "---\ncitekey: yuanInhibiting2015\ndoi: https://doi.org/10.1234/ABC\n---\n# Paper\n",
		"Sources/Yuan-2015.md": "---\ndoi: 10.1234/abc\n---\n# Paper\n",
	};
	const ESSAY = "A[^1] [^2] b[^3].\n\n[^1]: [[yuanInhibiting2015]]\n[^2]: [[yuanInhibiting2015]]\n[^3]: [[Yuan-2015]]\n";

	it("merges what loses nothing, leaves the other note's definition, and says so on stderr", () => {
		const root = makeVault({ "Essay.md": ESSAY, ...WORK });
		const result = run([root, "--fix"]);
		expect(read(root, "Essay.md")).toBe("A[^1] b[^3].\n\n[^1]: [[yuanInhibiting2015]]\n[^3]: [[Yuan-2015]]\n");
		expect(result.stderr).toBe(
			"citation-audit: Essay.md: Merge 1 duplicate footnote\n" +
				'citation-audit: Essay.md:3: duplicate-source left as is: merge [^3] into [^1] would drop "[^3]: [[Yuan-2015]]" (the plugin shows what goes and asks)\n',
		);
		expect(result.stdout).toContain('[^1] and [^3] cite the same work: "yuanInhibiting2015" and "Yuan-2015" (same DOI 10.1234/abc)');
	});

	it("says the same with --dry-run, writing nothing", () => {
		const root = makeVault({ "Essay.md": ESSAY, ...WORK });
		const result = run([root, "--fix", "--dry-run"]);
		expect(read(root, "Essay.md")).toBe(ESSAY);
		expect(result.stderr).toBe('citation-audit: Essay.md:3: duplicate-source left as is: merge [^3] into [^1] would drop "[^3]: [[Yuan-2015]]" (the plugin shows what goes and asks)\n');
	});

	it("says nothing of a merge left when only --renumber was asked for", () => {
		const root = makeVault({ "Essay.md": "A[^2] b[^1].\n\n[^1]: [[yuanInhibiting2015]]\n[^2]: [[Yuan-2015]]\n", ...WORK });
		expect(run([root, "--renumber"]).stderr).toBe("citation-audit: Essay.md: Renumber footnotes\n");
	});
});

describe("citation-audit --dry-run", () => {
	it("prints a unified diff, writes nothing, and exits as the fixed notes would", () => {
		const root = makeVault({ "Essay.md": DUPLICATED, "Clean.md": "Claim[^1].\n\n[^1]: [[Same Source]]\n", ...SOURCES });
		const result = run([root, "--fix", "--dry-run"]);
		expect(read(root, "Essay.md")).toBe(DUPLICATED);
		expect(result.status).toBe(0);
		// GNU diff's headers: the name, a tab, a time stamp (the note's modification time, then the run's).
		expect(result.stdout.replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n/g, "\t\n")).toBe(
			[
				"--- a/Essay.md\t",
				"+++ b/Essay.md\t",
				"@@ -1,6 +1,4 @@",
				"-Claim[^1] [^2] and[^3].",
				"+Claim[^1] and[^3].",
				" ",
				" [^1]: [[Same Source]]",
				"-[^2]: [[Same Source|Same Source]]",
				" [^3]: [[Other Source]]",
				"-[^4]: [[Other Source]], p. 2",
				"",
			].join("\n"),
		);
	});

	it("prints a diff that patch applies to give what --fix writes", () => {
		if (!existsSync("/usr/bin/patch")) return;
		const essay = "Essays/Seed.md";
		const root = makeVault({ [essay]: fixture("seed-structure.md"), "Sources/Too Important to Leave to Three Companies.md": "" });
		const diff = run([root, "--fix", "--dry-run"]).stdout;
		execFileSync("/usr/bin/patch", ["-s", "-p1", "-d", root], { input: diff });
		expect(read(root, essay)).toBe(fixture("seed-structure.fixed.md"));
	});

	it("prints nothing when there is nothing to fix", () => {
		const root = makeVault({ "Clean.md": "Claim[^1].\n\n[^1]: [[Same Source]]\n", ...SOURCES });
		expect(run([root, "--fix", "--renumber", "--dry-run"])).toEqual({ status: 0, stdout: "", stderr: "" });
	});
});

describe("writeNoteAtomically", () => {
	it("refuses to overwrite a note that changed on disk since it was read", () => {
		const root = makeVault({ "Essay.md": "old" });
		const note = decodeNote(Buffer.from("older"));
		expect(() => writeNoteAtomically(root, "Essay.md", note, "new")).toThrow(VaultError);
		expect(read(root, "Essay.md")).toBe("old");
	});

	it("refuses a path outside the vault", () => {
		const root = makeVault({ "Essay.md": "old" });
		expect(() => writeNoteAtomically(root, "../elsewhere.md", decodeNote(Buffer.from("old")), "new")).toThrow(VaultError);
	});
});
