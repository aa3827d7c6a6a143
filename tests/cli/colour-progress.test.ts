/**
 * Colours and the progress line, in-process: only on a terminal, NO_COLOR / --no-color / --color, note text still
 * shown and never obeyed, the progress line after the delay on stderr only, erased before the report.
 * tests/cli/terminal.test.ts runs the built command line under a real pseudo-terminal.
 */
import { describe, expect, it } from "vitest";
import { wantsColour } from "../../src/cli/colour";
import { startProgress } from "../../src/cli/progress";
import { makeTree, mixedVault, run } from "./cli-harness";

const ESC = "\u001b";
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, "g");

describe("colours", () => {
	it("on a terminal the text report is coloured, and without the colours it is the plain report", () => {
		const vault = mixedVault();
		const plain = run([vault]);
		const coloured = run([vault], { stdoutIsTerminal: true });
		expect(plain.stdout).not.toContain(ESC);
		expect(coloured.stdout).toContain(`${ESC}[31merror${ESC}[0m`);
		expect(coloured.stdout).toContain(`${ESC}[33mwarning${ESC}[0m`);
		expect(coloured.stdout).toContain(`${ESC}[34minfo${ESC}[0m`);
		expect(coloured.stdout.replace(SGR, "")).toBe(plain.stdout);
		expect(coloured.status).toBe(plain.status);
	});

	it("NO_COLOR (set, not empty), TERM=dumb and --no-color turn colours off; --color turns them on anywhere", () => {
		const vault = mixedVault();
		expect(run([vault], { stdoutIsTerminal: true, env: { NO_COLOR: "1" } }).stdout).not.toContain(ESC);
		expect(run([vault], { stdoutIsTerminal: true, env: { NO_COLOR: "" } }).stdout).toContain(ESC);
		expect(run([vault], { stdoutIsTerminal: true, env: { TERM: "dumb" } }).stdout).not.toContain(ESC);
		expect(run([vault, "--no-color"], { stdoutIsTerminal: true }).stdout).not.toContain(ESC);
		expect(run([vault, "--color"]).stdout).toContain(ESC);
		expect(run([vault, "--color"], { env: { NO_COLOR: "1" } }).stdout).toContain(ESC);
	});

	it("only the text format is coloured", () => {
		const vault = mixedVault();
		for (const format of ["json", "markdown", "sarif"]) expect(run([vault, "--format", format, "--color"], { stdoutIsTerminal: true }).stdout).not.toContain(ESC);
	});

	it("control characters from notes stay escaped in a coloured report", () => {
		const vault = makeTree({ "N\u001b]0;x\u0007.md": "Claim[^1].\n\n[^1]: [[Gone\u001b[2J]]\n" });
		const result = run([vault], { stdoutIsTerminal: true });
		expect(result.stdout.replace(SGR, "")).not.toContain(ESC);
		expect(result.stdout).toContain("\\u001b");
	});

	it("wantsColour: the flag first, then NO_COLOR and TERM, then whether stdout is a terminal", () => {
		expect(wantsColour({ flag: undefined, stdoutIsTerminal: false, env: {} })).toBe(false);
		expect(wantsColour({ flag: undefined, stdoutIsTerminal: true, env: {} })).toBe(true);
		expect(wantsColour({ flag: false, stdoutIsTerminal: true, env: {} })).toBe(false);
		expect(wantsColour({ flag: true, stdoutIsTerminal: false, env: { NO_COLOR: "x" } })).toBe(true);
	});
});

describe("progress line", () => {
	/** A clock that advances `step` milliseconds each time it is read. */
	function clock(step: number): () => number {
		let time = 0;
		return () => (time += step);
	}

	it("a vault audit on a terminal longer than the delay shows done / total on stderr, erased at the end", () => {
		const files: Record<string, string> = {};
		for (let index = 0; index < 30; index++) files[`N${index}.md`] = `Claim[^1].\n\n[^1]: [[N${index}]]\n`;
		const vault = makeTree(files);
		const result = run([vault, "--format", "json"], { stderrIsTerminal: true, now: clock(50), progressDelayMs: 1000 });
		expect(result.stderr).toMatch(new RegExp(`\r${ESC}\\[Kcitation-audit: \\d+ / 30 notes`));
		expect(result.stderr.endsWith("\r\u001b[K")).toBe(true);
		const counts = [...result.stderr.matchAll(/(\d+) \/ 30 notes/g)].map((match) => Number(match[1]));
		expect(counts.length).toBeGreaterThan(1);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		expect(result.stdout).not.toContain("notes\r");
		expect(JSON.parse(result.stdout)).toMatchObject({ summary: { notes: 30 } });
	});

	it("nothing when stderr is no terminal, when the audit is quick, or when notes are named", () => {
		const vault = mixedVault();
		expect(run([vault], { now: clock(500), progressDelayMs: 0 }).stderr).toBe("");
		expect(run([vault], { stderrIsTerminal: true, now: () => 0, progressDelayMs: 1000 }).stderr).toBe("");
		expect(run([vault, "Essay.md"], { stderrIsTerminal: true, now: clock(500), progressDelayMs: 0 }).stderr).toBe("");
	});

	it("redraws at most ten times a second, and always shows the last count", () => {
		const lines: string[] = [];
		let time = 0;
		const progress = startProgress(100, { write: (text) => lines.push(text), now: () => time, delayMs: 1000 });
		for (let done = 0; done <= 100; done++) {
			time = 900 + done * 10;
			progress.update(done);
		}
		progress.finish();
		const counts = lines.filter((line) => line.includes("notes")).map((line) => Number(/(\d+) \//.exec(line)![1]));
		expect(counts[0]).toBe(10);
		expect(counts.at(-1)).toBe(100);
		expect(counts.length).toBeLessThanOrEqual(11);
		expect(lines.at(-1)).toBe("\r\u001b[K");
	});
});
