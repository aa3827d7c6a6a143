/**
 * Issue 12, item 6: `--dry-run` prints a diff that GNU patch applies (`patch -p1` in the vault folder, spawned
 * for real) to give exactly the bytes `--fix` writes. The same vault is copied twice: one copy is fixed, the
 * other is patched with the dry run's diff, and every file of both must then be byte-identical. The notes cover
 * names with spaces, apostrophes, quotes and unicode, a BOM on a changed line 1, CRLF, a note without a final
 * line break, right-to-left marks and joiners, and a renumbering. Escaping is for terminals only: the same
 * diff on a terminal shows control characters as `\uXXXX` and format characters as they are.
 */
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listAll } from "../robustness/cli-helpers";
import { makeTree, run } from "./cli-harness";
import { applyInFolder, hasGnuPatch } from "./gnu-patch";

const BOM = "\uFEFF";
const RLM = "\u200f";
const ZWJ = "\u200d";

/** Each note needs a fix; the comment says what its diff must get right. */
const NOTES: Record<string, string | Buffer> = {
	// Spaces in the name: the header needs GNU diff's tab.
	"Essays/On the Virtues of Slow Reading.md": "Reading slowly pays[^1] and pays again[^2].\n\n[^1]: [[Alpha]]\n[^2]: [[Alpha]]\n",
	// Unicode and punctuation in the folder and the name.
	"Travaux/Émile's 論文 — ノート (draft).md": "Une idée[^a] reprise[^b].\n\n[^a]: [[Alpha]]\n[^b]: [[Alpha]]\n[^c]: [[Beta]]\n",
	// A quote and a backslash: the name is written in GNU diff's quotes.
	'Quoted "Title" \\ odd.md': "Claim[^1].\n\n[^1]: [[Beta]]\n[^2]: [[Beta]]\n",
	// A BOM, and line 1 is the line that changes.
	"Bom Note.md": Buffer.from(`${BOM}Claim[^1] [^2].\n\n[^1]: [[Alpha]]\n[^2]: [[Alpha]]\n`),
	// CRLF throughout.
	"Windows Note.md": "First[^1] and[^2].\r\n\r\n[^1]: [[Beta]]\r\n[^2]: [[Beta]]\r\n[^3]: [[Alpha]]\r\n",
	// No final line break, and the last line goes.
	"No Final Break.md": "Only[^1].\n\n[^1]: [[Alpha]]\n[^2]: [[Beta]]",
	// Right-to-left text with marks, a joiner and isolates on changed lines.
	"Right to Left.md": `${RLM}טענה ראשונה[^1]${RLM} ו${ZWJ}עוד[^2] \u2067x\u2069.\n\n[^1]: [[Alpha]]\n[^2]: [[Alpha]]\n`,
	// Renumbered (with --renumber): definitions trade places.
	"Renumber Me.md": "Later[^3] then[^1].\n\n[^1]: [[Alpha]]\n[^3]: [[Beta]]\n",
	// Nothing to fix: no hunk, left alone.
	"Clean.md": "Fine[^1].\n\n[^1]: [[Alpha]]\n",
	"Alpha.md": "# Alpha\n",
	"Beta.md": "# Beta\n",
};

function snapshot(root: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const path of listAll(root)) {
		try {
			files[path] = readFileSync(join(root, path)).toString("base64");
		} catch {
			// A folder.
		}
	}
	return files;
}

describe.skipIf(!hasGnuPatch && process.env.CI !== "true")("--dry-run's diff applied by GNU patch", () => {
	it("gives exactly the bytes --fix --renumber writes, for every note", () => {
		const original = makeTree(NOTES);
		const patched = makeTree({});
		const fixed = makeTree({});
		cpSync(original, patched, { recursive: true });
		cpSync(original, fixed, { recursive: true });

		const dryRun = run([patched, "--fix", "--renumber", "--dry-run"]);
		expect(snapshot(patched)).toEqual(snapshot(original));
		const fix = run([fixed, "--fix", "--renumber"]);
		expect(fix.stderr).not.toMatch(/not fixed|not written/);
		// Every note but Clean.md was changed by --fix: the comparison below is not vacuous.
		const changed = Object.keys(NOTES).filter((path) => !readFileSync(join(fixed, path)).equals(readFileSync(join(original, path))));
		expect(changed.sort()).toEqual(Object.keys(NOTES).filter((path) => !["Clean.md", "Alpha.md", "Beta.md"].includes(path)).sort());

		const applied = applyInFolder(patched, dryRun.stdout);
		expect(applied.output).not.toMatch(/fuzz|offset|malformed|can't find/i);
		expect(applied.status).toBe(0);
		expect(snapshot(patched)).toEqual(snapshot(fixed));
		// And the exit status is the one the fixed notes give.
		expect(dryRun.status).toBe(fix.status);
	});

	it("writes format characters raw and the BOM on line 1, with a tab after every name", () => {
		const root = makeTree(NOTES);
		const { stdout } = run([root, "--fix", "--dry-run"]);
		expect(stdout).toContain(`-${RLM}טענה ראשונה[^1]${RLM} ו${ZWJ}עוד[^2] \u2067x\u2069.\n+${RLM}טענה ראשונה[^1]${RLM} ו${ZWJ}עוד[^1] \u2067x\u2069.\n`);
		expect(stdout).toContain(`-${BOM}Claim[^1] [^2].\n+${BOM}Claim[^1].\n`);
		expect(stdout).not.toContain("\\u");
		const headers = stdout.split("\n").filter((line) => /^(---|\+\+\+) /.test(line));
		expect(headers.length).toBeGreaterThanOrEqual(14);
		for (const header of headers) expect(header).toMatch(/^(---|\+\+\+) .+\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
		expect(headers).toContain(headers.find((line) => line.startsWith("--- a/Essays/On the Virtues of Slow Reading.md\t")));
		expect(headers.some((line) => line.startsWith('--- "a/Quoted \\"Title\\" \\\\ odd.md"\t'))).toBe(true);
	});
});

describe("escaping the diff is a terminal concern", () => {
	const note = `Say${RLM}[^1] \u001b[2Jx[^2].\n\n[^1]: [[Alpha]]\n[^2]: [[Alpha]]\n`;

	it("in a pipe: the note's bytes, control characters included", () => {
		const root = makeTree({ "Esc.md": note, "Alpha.md": "" });
		const { stdout } = run([root, "--fix", "--dry-run"]);
		expect(stdout).toContain(`-Say${RLM}[^1] \u001b[2Jx[^2].\n`);
	});

	it("on a terminal: ESC and other controls as \\uXXXX, format characters as they are", () => {
		const root = makeTree({ "Esc.md": note, "Alpha.md": "" });
		const { stdout } = run([root, "--fix", "--dry-run"], { stdoutIsTerminal: true });
		expect(stdout).toContain(`-Say${RLM}[^1] \\u001b[2Jx[^2].\n`);
		expect(stdout).not.toContain("\u001b");
	});
});
