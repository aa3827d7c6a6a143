/**
 * Issue 12, item 10: a note reached both through a symbolic link inside the vault and by its real path is
 * audited and fixed once, under its real path, and never refused as "changed on disk since it was read" (the
 * second of two writes of one file found the first one's result). Links to the symbolic link's name still
 * resolve, as Obsidian lists both names.
 */
import { lstatSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, run } from "./cli-harness";

const ESSAY = "Claim[^1] and[^2].\n\n[^1]: [[Source]]\n[^2]: [[Source]]\n";
const FIXED = "Claim[^1] and[^1].\n\n[^1]: [[Source]]\n";

/** `Real/Essay.md` reached also as `Shortcut.md` (a file link, sorted first) and `A Linked/Essay.md` (a folder link). */
function linkedVault(): string {
	const root = makeTree({ "Real/Essay.md": ESSAY, "Source.md": "# Source\n", "Citing.md": "See[^1].\n\n[^1]: [[Shortcut]]\n" });
	symlinkSync(join(root, "Real/Essay.md"), join(root, "Shortcut.md"));
	symlinkSync("Real", join(root, "A Linked"));
	return root;
}

interface Report {
	notes: { path: string; findings: { kind: string }[] }[];
}

describe("a note reached through a symbolic link and by its real path", () => {
	it("is audited once, under its real path; a link to the symbolic link's name resolves", () => {
		const root = linkedVault();
		const streamed = run([root, "--format", "json"]);
		const whole = run([root, "--format", "markdown"]);
		const report = JSON.parse(streamed.stdout) as Report;
		expect(report.notes.map((note) => note.path)).toEqual(["Citing.md", "Real/Essay.md"]);
		expect(report.notes[0].findings).toEqual([]);
		expect(streamed.stderr).toBe("");
		expect(whole.stdout).not.toContain("Shortcut.md");
	});

	it("is fixed once, under its real path, without 'changed on disk', and the link stays a link", () => {
		const root = linkedVault();
		const result = run([root, "--fix"]);
		expect(result.stderr).toBe("citation-audit: Real/Essay.md: Merge 1 duplicate footnote\n");
		expect(result.status).toBe(0);
		expect(readFileSync(join(root, "Real/Essay.md"), "utf8")).toBe(FIXED);
		expect(lstatSync(join(root, "Shortcut.md")).isSymbolicLink()).toBe(true);
		expect(readFileSync(join(root, "Shortcut.md"), "utf8")).toBe(FIXED);
	});

	it("--dry-run shows one diff, under the real path", () => {
		const root = linkedVault();
		const { stdout } = run([root, "--fix", "--dry-run"]);
		expect(stdout.match(/^--- .*$/gm)?.map((line) => line.split("\t")[0])).toEqual(["--- a/Real/Essay.md"]);
	});

	it("named twice on the command line, through the link and by its real path, it is fixed once", () => {
		const root = linkedVault();
		const result = run([root, "Shortcut.md", "A Linked/Essay.md", "Real/Essay.md", "--fix"]);
		expect(result.stderr).toBe("citation-audit: Real/Essay.md: Merge 1 duplicate footnote\n");
		expect(readFileSync(join(root, "Real/Essay.md"), "utf8")).toBe(FIXED);
	});
});
