/**
 * Note titles, link targets and labels are untrusted text. In the command line's reports they come out inert:
 *   - json: one JSON document that parses back to exactly the text of the note;
 *   - markdown (a report meant to be kept as a note and rendered): every `<` escaped, so rendering it, raw HTML
 *     allowed, yields no element from the notes;
 *   - json: control characters are JSON escapes, in a pipe too (the value is the same);
 *   - text on a terminal: control characters — escape sequences, a bell, a lone `\r`, C1 controls — are shown as
 *     `\uXXXX`, never sent raw; format characters (a right-to-left override) are text and stay; a line break in
 *     a file name does not start a line, in a pipe too. A pipe gets the notes' bytes (escaping is a terminal's concern).
 * And no code under src/ builds HTML from strings (innerHTML, outerHTML, insertAdjacentHTML).
 */
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { micromark } from "micromark";
import { afterAll, describe, expect, it } from "vitest";
import { makeFolder, removeFolders, run, type JsonReport } from "./cli-helpers";

afterAll(removeFolders);

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(1)</script>";
const TERMINAL = "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\rover\u202etxt.exe\u009b31m";
/**
 * Links that are genuine near-misses of the hostile names (one typo in a word), so a suggestion carrying the
 * hostile text is rightly offered and its escaping is exercised. (A link that differs in a number, as
 * `alert(2)` against `alert(1)`, names a different note and rightly gets none.)
 */
const TERMINAL_TYPO = TERMINAL.replace("pwned", "pwnde");

/** A vault whose note names, link targets and labels carry markup and terminal control characters. */
function hostileVault(): string {
	return makeFolder({
		[`${IMG}.md`]: "# Heading\n",
		[`Sources/${SCRIPT}.md`]: "",
		[`Odd/${TERMINAL}.md`]: "",
		"Essay.md": [
			`Claim[^1] and[^2] and[^3] and[^<b>x</b>] and [[${IMG}#Missing]] and [[${SCRIPT} copy]] and [[${TERMINAL_TYPO}]].`,
			"",
			`[^1]: [[${IMG}]]`,
			`[^2]: [[${IMG}|again]]`,
			`[^3]: [[<img src=x onerorr=alert(1)>]]`,
			`[^<i>y</i>]: <b>bold</b> https://example.org/?q=<script>`,
			"",
		].join("\n"),
	});
}

/** The control characters a terminal would act on (C0 but tab and line feed, DEL, C1), as code points. */
function rawControls(text: string): number[] {
	const found: number[] = [];
	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		const control = (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
		if (control) found.push(code);
	}
	return found;
}

function json(stdout: string): JsonReport {
	return JSON.parse(stdout) as JsonReport;
}

describe("untrusted text in the reports", () => {
	it("json: one document, every string exactly as in the notes", () => {
		const result = run([hostileVault(), "--format", "json"]);
		const report = json(result.stdout);
		const findings = report.notes.flatMap((note) => note.findings);
		expect(report.notes.map((note) => note.path)).toEqual(["Essay.md"]);
		expect(findings.map((finding) => finding.target)).toEqual(
			expect.arrayContaining([IMG, `${IMG}#Missing`, `${SCRIPT} copy`, TERMINAL_TYPO, "<img src=x onerorr=alert(1)>"]),
		);
		expect(findings.map((finding) => finding.resolved)).toContain(`${IMG}.md`);
		expect(findings.flatMap((finding) => finding.suggestions ?? [])).toEqual(expect.arrayContaining([`${IMG}.md`, `Odd/${TERMINAL}.md`]));
		expect(findings.flatMap((finding) => finding.labels ?? [])).toContain("<b>x</b>");
		// Terminal controls are written as JSON escapes: the stream holds none raw, the value is unchanged.
		expect(rawControls(result.stdout)).toEqual([]);
	});

	it("markdown: every `<` from the notes is code or escaped; rendered with raw HTML allowed, no element comes from them", () => {
		const result = run([hostileVault(), "--format", "markdown"]);
		// The report's own markup is `<br>` before suggestions; every other `<` is inside a code span or escaped.
		const outsideCode = result.stdout.replace(/<br>/g, "").replace(/(`+)[^`]*?\1/g, "");
		expect(outsideCode).not.toMatch(/(^|[^\\])</m);
		const html = micromark(result.stdout, { allowDangerousHtml: true });
		expect(html).not.toMatch(/<(img|script|b|i)[\s>]/i);
		expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
		expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
	});

	it("text on a terminal: markup is plain text, and terminal control characters are shown, not sent", () => {
		const result = run([hostileVault(), "--format", "text", "--no-color"], tmpdir(), { stdoutIsTerminal: true, stderrIsTerminal: true });
		expect(result.stdout).toContain(IMG);
		expect(rawControls(result.stdout)).toEqual([]);
		// (The text report already writes a line break inside a message as a space.) U+202E is a format character.
		expect(result.stdout).toContain("\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31mred over\u202etxt.exe\\u009b31m");
		// Every line is a finding (`path:line:column  severity …  [kind]`), a blank line or the summary.
		for (const line of result.stdout.split("\n")) expect(line).toMatch(/^$|^Essay\.md:\d+:\d+ {2}\w+ +.* {2}\[[a-z-]+\]$|^\d+ notes? audited/);
	});

	it("a line break in a file name does not start a line of the text report, and stderr shows controls too", () => {
		const vault = makeFolder({
			"Fake.md:1:1  error  forged  [unresolved-target]\nEssay.md": "x[^1]\n\n[^1]: [[Missing]]\n",
			[`Warn\u001b[2J.md`]: "y[^1]\n",
		});
		const result = run([vault, "--no-color"], tmpdir(), { stdoutIsTerminal: true, stderrIsTerminal: true });
		// Two notes, one finding each: two finding lines, the forged one inside the first (its file name).
		const findingLines = result.stdout.split("\n").filter((line) => / {2}(error|warning|info) {2}/.test(line));
		expect(findingLines).toHaveLength(2);
		expect(findingLines[0]).toMatch(/^Fake\.md:1:1 {2}error {2}forged {2}\[unresolved-target\]\\u000aEssay\.md:3:7 {2}error {2}\[\^1\] cites "Missing"/);
		expect(result.stdout).toContain("Warn\\u001b[2J.md");
		expect(rawControls(result.stderr + result.stdout)).toEqual([]);
		// In a pipe the file name is the bytes of the name, but still on the line of its finding.
		const piped = run([vault, "--no-color"]);
		expect(piped.stdout).toContain("Warn\u001b[2J.md");
		expect(piped.stdout.split("\n").filter((line) => / {2}(error|warning|info) {2}/.test(line))).toHaveLength(2);
	});
});

describe("no HTML built from strings", () => {
	it("no file under src/ uses innerHTML, outerHTML or insertAdjacentHTML", () => {
		const src = fileURLToPath(new URL("../../src", import.meta.url));
		const offenders: string[] = [];
		const visit = (folder: string): void => {
			for (const entry of readdirSync(folder, { withFileTypes: true })) {
				const path = join(folder, entry.name);
				if (entry.isDirectory()) visit(path);
				else if (/\b(innerHTML|outerHTML|insertAdjacentHTML)\b/.test(readFileSync(path, "utf8"))) offenders.push(path);
			}
		};
		visit(src);
		expect(offenders).toEqual([]);
	});
});
