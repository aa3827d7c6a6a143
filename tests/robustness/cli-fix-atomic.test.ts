/**
 * `--fix` writes atomically and touches nothing it does not change. A failure at any step of a write (the
 * temporary file's creation, its write, its flush, the rename over the note, or the note turning into a folder
 * meanwhile) leaves the note as it was and no temporary file behind. This machine runs as root, so a read-only
 * folder cannot make a write fail: `node:fs` is wrapped and the failures are injected instead. Then, on generated
 * vaults (fast-check, fixed seed): a note with nothing to fix keeps its bytes (BOM, line breaks, invalid UTF-8
 * included) and is not even rewritten, a fixed note keeps its BOM and line-break style, and a second `--fix`
 * changes nothing.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { auditNote, createVaultResolver } from "../../src/core/index";
import { fixAllSafe } from "../../src/core/fixes/index";
import { listAll, makeFolder, removeFolders, run } from "./cli-helpers";

type Step = "openSync" | "writeFileSync" | "fsyncSync" | "chmodSync" | "renameSync";

const sabotage = vi.hoisted(() => ({ failAt: null as string | null, beforeRename: null as (() => void) | null }));

vi.mock("node:fs", async (importOriginal) => {
	const actual = await importOriginal<typeof import("node:fs")>();
	const wrapped: Record<string, unknown> = { ...actual };
	for (const name of ["openSync", "writeFileSync", "fsyncSync", "chmodSync", "renameSync"] as const) {
		const original = actual[name] as (...args: unknown[]) => unknown;
		wrapped[name] = (...args: unknown[]) => {
			// Only the writes of --fix go through a temporary file ("wx"); the test's own set-up is left alone.
			const temporary = typeof args[0] === "string" && args[0].endsWith(".tmp");
			if (name === "renameSync" && temporary && sabotage.beforeRename) sabotage.beforeRename();
			if (sabotage.failAt === name && (temporary || typeof args[0] === "number")) {
				throw Object.assign(new Error(`${name} failed (injected)`), { code: name === "renameSync" ? "EXDEV" : "ENOSPC" });
			}
			return original(...args);
		};
	}
	return { ...wrapped, default: wrapped };
});

afterEach(() => {
	sabotage.failAt = null;
	sabotage.beforeRename = null;
});
afterAll(removeFolders);

const SOURCES = { "Sources/Same.md": "# Same\n", "Sources/Other.md": "# Other\n" };
/** Two definitions citing the same note and one unused: --fix merges and removes. */
const FIXABLE = "Claim[^1] and [^2].\r\n\r\n[^1]: [[Same]]\r\n[^2]: [[Same|same]]\r\n[^3]: [[Other]]\r\n";
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe("a write that fails leaves the note intact and no temporary file", () => {
	it.each<Step>(["openSync", "writeFileSync", "fsyncSync", "chmodSync", "renameSync"])("failing at %s", (step) => {
		const vault = makeFolder({ "Notes/Essay.md": Buffer.concat([BOM, Buffer.from(FIXABLE)]), ...SOURCES });
		const before = fs.readFileSync(join(vault, "Notes/Essay.md"));
		const files = listAll(vault);
		sabotage.failAt = step;
		const result = run([vault, "--fix"]);
		expect(fs.readFileSync(join(vault, "Notes/Essay.md")).equals(before)).toBe(true);
		expect(listAll(vault)).toEqual(files);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^citation-audit: Notes\/Essay\.md: not written \(.*\)\n$/);
	});

	it("the note turned into a folder between the audit and the write: the rename fails, the folder stays as it is", () => {
		const vault = makeFolder({ "Essay.md": FIXABLE, ...SOURCES });
		const path = join(vault, "Essay.md");
		sabotage.beforeRename = () => {
			fs.rmSync(path);
			fs.mkdirSync(path);
			fs.writeFileSync(join(path, "kept.txt"), "kept");
		};
		const result = run([vault, "--fix"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/Essay\.md: not written/);
		expect(fs.readFileSync(join(path, "kept.txt"), "utf8")).toBe("kept");
		expect(listAll(vault).filter((entry) => entry.endsWith(".tmp"))).toEqual([]);
	});

	it("one failed note does not stop the others from being fixed", () => {
		const vault = makeFolder({ "A.md": FIXABLE, "B.md": FIXABLE.replace(/\r\n/g, "\n"), ...SOURCES });
		let renames = 0;
		sabotage.beforeRename = () => {
			renames++;
			if (renames === 1) sabotage.failAt = "renameSync";
			else sabotage.failAt = null;
		};
		const result = run([vault, "--fix"]);
		expect(result.status).toBe(2);
		expect(fs.readFileSync(join(vault, "A.md"), "utf8")).toBe(FIXABLE);
		expect(fs.readFileSync(join(vault, "B.md"), "utf8")).toBe("Claim[^1] and [^1].\n\n[^1]: [[Same]]\n");
		expect(listAll(vault).filter((entry) => entry.endsWith(".tmp"))).toEqual([]);
	});
});

// -------------------------------------------------------------------------------------------------------------
// Generated vaults.

const LINE_BREAKS = ["\n", "\r\n"] as const;

interface NoteSpec {
	bom: boolean;
	lineBreak: (typeof LINE_BREAKS)[number] | "mixed";
	body: string[];
	finalBreak: boolean;
	invalidUtf8: boolean;
}

const line = fc.constantFrom(
	"Claim[^1] and[^2].",
	"More[^3] 😀 数据.",
	"[^1]: [[Same]]",
	"[^2]: [[Same|again]], p. 4",
	"[^3]: [[Other]]",
	"[^4]: [[Other]]",
	"[^5]: unused, cites nothing",
	"[^6]: [[Unclosed|title]",
	"[^7]: [[Missing Note]]",
	"Body [[Other]] and [[Nowhere]].",
	"```",
	"%% [^8]: [[Same]] %%",
	"",
	"   trailing blanks   ",
	"\t[^9]: [[Same]]",
);

const noteSpec: fc.Arbitrary<NoteSpec> = fc.record({
	bom: fc.boolean(),
	lineBreak: fc.constantFrom("\n" as const, "\r\n" as const, "mixed" as const),
	body: fc.array(line, { minLength: 1, maxLength: 12 }),
	finalBreak: fc.boolean(),
	invalidUtf8: fc.integer({ min: 1, max: 8 }).map((value) => value === 1),
});

function noteBytes(spec: NoteSpec): Buffer {
	const text = spec.body
		.map((body, index) => body + (index < spec.body.length - 1 || spec.finalBreak ? (spec.lineBreak === "mixed" ? LINE_BREAKS[index % 2] : spec.lineBreak) : ""))
		.join("");
	const bytes = Buffer.from(text, "utf8");
	return Buffer.concat([spec.bom ? BOM : Buffer.alloc(0), spec.invalidUtf8 ? Buffer.concat([bytes, Buffer.from([0xff, 0xfe])]) : bytes]);
}

// 300 vaults written, fixed twice and read back: seconds, not the default 5.
describe("generated vaults under --fix", { timeout: 120_000 }, () => {
	it("notes with nothing to fix keep their bytes and are not rewritten; fixed notes keep BOM and line breaks; a second --fix changes nothing (seed 8401)", () => {
		let untouched = 0;
		let fixed = 0;
		fc.assert(
			fc.property(fc.array(noteSpec, { minLength: 1, maxLength: 3 }), (specs) => {
				const files: Record<string, Buffer> = {};
				specs.forEach((spec, index) => {
					files[`Essays/Note ${index}.md`] = noteBytes(spec);
				});
				const vault = makeFolder({ ...files, ...SOURCES }, "citation-audit-fix-prop-");
				const paths = [...Object.keys(files), ...Object.keys(SOURCES)];
				const resolver = createVaultResolver({ paths, readNote: (path) => (path in SOURCES ? SOURCES[path as keyof typeof SOURCES] : null) });
				const inodes = new Map(Object.keys(files).map((path) => [path, fs.statSync(join(vault, path)).ino]));
				const listing = listAll(vault);
				run([vault, "--fix"]);
				// No temporary file, no new file.
				expect(listAll(vault)).toEqual(listing);
				specs.forEach((spec, index) => {
					const path = `Essays/Note ${index}.md`;
					const before = files[path];
					const after = fs.readFileSync(join(vault, path));
					const text = before.subarray(spec.bom ? 3 : 0).toString("utf8");
					const expectChange = !spec.invalidUtf8 && fixAllSafe(auditNote(text, path, resolver)) !== null;
					if (!expectChange || after.equals(before)) {
						// Nothing to fix (or a fix that changes nothing): the very same file, byte for byte.
						expect(after.equals(before), path).toBe(true);
						expect(fs.statSync(join(vault, path)).ino).toBe(inodes.get(path));
						untouched++;
						return;
					}
					fixed++;
					expect(after.subarray(0, 3).equals(BOM), path).toBe(spec.bom);
					const afterText = after.subarray(spec.bom ? 3 : 0).toString("utf8");
					if (spec.lineBreak === "\r\n") expect(afterText.replace(/\r\n/g, ""), path).not.toContain("\n");
					if (spec.lineBreak === "\n") expect(afterText, path).not.toContain("\r");
				});
				// Idempotent on disk: a second run writes nothing.
				const once = Object.keys(files).map((path) => fs.readFileSync(join(vault, path)));
				run([vault, "--fix"]);
				Object.keys(files).forEach((path, index) => expect(fs.readFileSync(join(vault, path)).equals(once[index]), path).toBe(true));
				fs.rmSync(vault, { recursive: true, force: true });
			}),
			{ seed: 8401, numRuns: 300 },
		);
		expect(untouched).toBeGreaterThan(50);
		expect(fixed).toBeGreaterThan(50);
	});
});
