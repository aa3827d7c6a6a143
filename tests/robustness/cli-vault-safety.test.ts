/**
 * The command line reads the vault and nothing outside it. `node:fs` is wrapped so that every path the command
 * line hands to the file system is recorded: links with `..`, absolute paths, Windows drive paths and symbolic
 * links that leave the vault must resolve to nothing and make the command line touch no path outside the vault
 * (not even to ask what it is). Symbolic link loops end; named pipes (which would block a read for ever) and
 * unreadable files are skipped with a message. This machine runs as root, so an unreadable file cannot be made
 * with chmod: the wrapper makes the read (or the open before it) fail instead (EACCES), as it would for another user.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { makeFolder, removeFolders, run, writeFiles, type JsonReport } from "./cli-helpers";

const recorder = vi.hoisted(() => ({ recording: false, paths: [] as string[], failRead: null as string | null }));

vi.mock("node:fs", async (importOriginal) => {
	const actual = await importOriginal<typeof import("node:fs")>();
	const recorded = <F extends (...args: never[]) => unknown>(name: string, original: F): F =>
		((...args: Parameters<F>) => {
			const [path] = args as unknown[];
			if (recorder.recording && (typeof path === "string" || path instanceof URL || Buffer.isBuffer(path))) recorder.paths.push(String(path));
			if ((name === "readFileSync" || name === "openSync") && recorder.failRead !== null && String(path).endsWith(recorder.failRead)) {
				throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: "EACCES" });
			}
			return original(...args);
		}) as F;
	const names = ["readFileSync", "readdirSync", "statSync", "lstatSync", "realpathSync", "openSync", "existsSync", "opendirSync", "accessSync"] as const;
	const wrapped: Record<string, unknown> = { ...actual };
	for (const name of names) wrapped[name] = recorded(name, actual[name] as (...args: never[]) => unknown);
	return { ...wrapped, default: wrapped };
});

afterEach(() => {
	recorder.recording = false;
	recorder.paths = [];
	recorder.failRead = null;
});
afterAll(removeFolders);

/** A parent folder holding `vault/` (with `files`) and `outside/` (a secret note and a folder), side by side. */
function vaultBesideSecrets(files: Record<string, string>): { vault: string; outside: string } {
	const parent = makeFolder();
	writeFiles(parent, {
		"outside/Secret.md": "SECRET[^1]\n\n[^1]: [[Vault Note]]\n",
		"outside/dir/Deep Secret.md": "SECRET[^2]\n",
		"Secret.md": "SECRET beside the vault\n",
	});
	writeFiles(join(parent, "vault"), files);
	return { vault: fs.realpathSync(join(parent, "vault")), outside: fs.realpathSync(join(parent, "outside")) };
}

/** Runs with the recorder on; returns the run and the paths the command line gave the file system. */
function recordedRun(argv: string[], cwd?: string): ReturnType<typeof run> & { touched: string[] } {
	recorder.recording = true;
	recorder.paths = [];
	const result = run(argv, cwd);
	recorder.recording = false;
	return { ...result, touched: [...recorder.paths] };
}

function outsideOf(vault: string, paths: readonly string[]): string[] {
	return paths.filter((path) => {
		const rel = relative(vault, resolve(vault, path));
		return rel === ".." || rel.startsWith(`..${sep}`) || resolve(vault, path) !== resolve(path);
	});
}

function json(result: { stdout: string }): JsonReport {
	return JSON.parse(result.stdout) as JsonReport;
}

describe("links never leave the vault", () => {
	const ESSAY = [
		"Body [[../Secret]] [[../outside/Secret]] [t](../Secret.md) [t](%2E%2E/Secret.md) [[/etc/passwd]] [t](/etc/passwd)",
		"and [[C:\\Windows\\win.ini]] [[C:/Windows/win.ini]] [[c:Secret]] [[\\\\server\\share\\Secret]] [[~/Secret]] ![[/etc/hostname]][^1][^2][^3][^4][^5][^6].",
		"",
		"[^1]: [[../Secret]]",
		"[^2]: [[../../outside/Secret#Heading]]",
		"[^3]: [[C:\\Windows\\x]]",
		"[^4]: [[C:/x]]",
		"[^5]: [t](file:///etc/passwd)",
		"[^6]: [[/etc/passwd]] and [[Vault Note]]",
		"",
	].join("\n");

	it("`..`, absolute, drive and UNC paths resolve to nothing, and nothing outside is touched", () => {
		const { vault } = vaultBesideSecrets({ "Essay.md": ESSAY, "Vault Note.md": "# Heading\n" });
		const result = recordedRun([vault, "--format", "json"]);
		const report = json(result);
		const findings = report.notes.flatMap((note) => note.findings);
		// Every link that tried to leave is unresolved (or, with a scheme, external); only the vault note resolves.
		expect(findings.filter((finding) => finding.resolved !== undefined).map((finding) => finding.resolved)).toEqual([]);
		const unresolved = findings.filter((finding) => finding.kind === "unresolved-target" || finding.kind === "unresolved-link").map((finding) => finding.target);
		expect(unresolved).toEqual(
			expect.arrayContaining(["../Secret", "../outside/Secret", "../Secret.md", "%2E%2E/Secret.md", "/etc/passwd", "C:\\Windows\\win.ini", "C:/Windows/win.ini", "../../outside/Secret#Heading", "C:\\Windows\\x", "C:/x"]),
		);
		expect(result.stdout).not.toContain("SECRET");
		expect(outsideOf(vault, result.touched)).toEqual([]);
		// The files were really read through the wrapper (the recorder sees the vault's own files).
		expect(result.touched.some((path) => path.endsWith("Essay.md"))).toBe(true);
	});

	it("a note argument outside the vault is refused before anything of it is read", () => {
		const { vault, outside } = vaultBesideSecrets({ "Essay.md": "x[^1]\n\n[^1]: y\n" });
		for (const argument of ["../Secret.md", join(outside, "Secret.md"), "../outside/Secret.md"]) {
			const result = recordedRun([vault, argument], vault);
			expect(result.status).toBe(2);
			expect(result.stderr).toMatch(/outside the vault/);
			expect(result.stdout).toBe("");
			// Only the path itself is resolved (to decide that it is outside); its content is never read.
			expect(result.touched.filter((path) => outsideOf(vault, [path]).length > 0 && !path.endsWith("Secret.md"))).toEqual([]);
		}
	});
});

describe("symbolic links", () => {
	it("a link to a file or a folder outside the vault is not followed, and its target is not even looked at", () => {
		const { vault, outside } = vaultBesideSecrets({ "Essay.md": "x[^1] [[Linked Secret]] [[Deep Secret]]\n\n[^1]: [[Linked Secret]]\n" });
		fs.symlinkSync(join(outside, "Secret.md"), join(vault, "Linked Secret.md"));
		fs.symlinkSync(join(outside, "dir"), join(vault, "linked-dir"));
		fs.symlinkSync("../Secret.md", join(vault, "Relative Secret.md"));
		const result = recordedRun([vault, "--format", "json"]);
		expect(result.stderr).toContain("Linked Secret.md: skipped (symbolic link leaves the vault)");
		expect(result.stderr).toContain("linked-dir: skipped (symbolic link leaves the vault)");
		expect(result.stderr).toContain("Relative Secret.md: skipped (symbolic link leaves the vault)");
		const report = json(result);
		expect(report.notes.map((note) => note.path)).toEqual(["Essay.md"]);
		expect(report.notes[0].findings.map((finding) => finding.kind)).toEqual(["unresolved-link", "unresolved-link", "unresolved-target"]);
		expect(outsideOf(vault, result.touched)).toEqual([]);
	});

	it("symbolic link loops end: a folder linking to its ancestor, two folders linking to each other, a self-link (and a folder keeps its real path: `a/to-b` listed `b/Other.md` as `a/to-b/Other.md` before)", () => {
		const vault = makeFolder({ "a/Note.md": "x[^1]\n\n[^1]: [[b/Other]]\n", "b/Other.md": "y\n" });
		fs.symlinkSync(vault, join(vault, "a", "up"));
		fs.symlinkSync(join(vault, "b"), join(vault, "a", "to-b"));
		fs.symlinkSync(join(vault, "a"), join(vault, "b", "to-a"));
		fs.symlinkSync(join(vault, "self.md"), join(vault, "self.md"));
		fs.symlinkSync(join(vault, "loop2.md"), join(vault, "loop1.md"));
		fs.symlinkSync(join(vault, "loop1.md"), join(vault, "loop2.md"));
		const result = run([vault, "--format", "json"]);
		expect(result.status).toBe(0);
		expect(json(result).notes.map((note) => note.path)).toEqual(["a/Note.md"]);
		for (const name of ["self.md", "loop1.md", "loop2.md"]) expect(result.stderr).toContain(`${name}: skipped (broken symbolic link)`);
	});

	it("a named pipe, directly or through a link, is skipped: reading it would block for ever", () => {
		const vault = makeFolder({ "Essay.md": "x[^1]\n\n[^1]: [[Pipe]]\n" });
		execFileSync("mkfifo", [join(vault, "Pipe.md")]);
		execFileSync("mkfifo", [join(vault, "pipes.md")]);
		fs.symlinkSync(join(vault, "pipes.md"), join(vault, "Linked Pipe.md"));
		const result = run([vault, "--format", "json"]);
		expect(json(result).notes.map((note) => note.path)).toEqual(["Essay.md"]);
		expect(result.stderr).toContain("Linked Pipe.md: skipped (not a regular file)");
		// Named on the command line, it is refused rather than read.
		const named = run([vault, "Pipe.md"]);
		expect(named.status).toBe(2);
		expect(named.stderr).toMatch(/Pipe\.md: not a file/);
	});
});

describe("unreadable notes", () => {
	it("in a vault run, an unreadable note is skipped with one line naming it, and the run goes on", () => {
		const vault = makeFolder({ "A.md": "x[^1]\n\n[^1]: [[B]]\n", "B.md": "y[^1]\n\n[^1]: [[A]]\n", "Locked.md": "z[^1]\n" });
		recorder.failRead = "Locked.md";
		const result = run([vault, "--format", "json"]);
		expect(result.stderr).toBe("citation-audit: Locked.md: permission denied\n");
		expect(json(result).notes.map((note) => note.path)).toEqual(["A.md", "B.md"]);
		expect(result.status).toBe(0);
	});

	it("named on the command line, it is a usage error (exit 2) with one line naming it", () => {
		const vault = makeFolder({ "Locked.md": "z[^1]\n" });
		recorder.failRead = "Locked.md";
		const result = run([vault, "Locked.md"]);
		expect(result).toEqual({ status: 2, stdout: "", stderr: "citation-audit: Locked.md: permission denied\n" });
	});

	it("a folder named like a note is walked as a folder, never read as a note", () => {
		const vault = makeFolder({ "Folder.md/Inside.md": "x[^1]\n\n[^1]: y\n" });
		fs.symlinkSync(join(vault, "Folder.md"), join(vault, "Linked.md"));
		const result = run([vault, "--format", "json"]);
		expect(result.status).toBe(0);
		// The link is an alias of a folder the walk lists under its own name.
		expect(json(result).notes.map((note) => note.path)).toEqual(["Folder.md/Inside.md"]);
		expect(result.stderr).toBe("");
	});
});
