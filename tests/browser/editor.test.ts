/**
 * The editor extension in Chromium: the plugin's real editor path (AuditController, FixActions, the
 * CitationEditor extension from createEditorBridge) in a real CodeMirror EditorView on the editor page
 * (harness/editor-entry.ts), driven with a real mouse and keyboard. Marks sit at the findings' ranges (CRLF,
 * astral, CJK), the hover shows the finding as text with the row's actions, each action is one transaction
 * that one undo reverts, marks follow typing between audits, the commands work from the keyboard, and the
 * Ignore action's marker is honoured by the command line exactly as by the plugin.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EditorOpenOptions, MarkData } from "./harness/editor-api";
import { HOSTILE_LABEL, HOSTILE_TARGET, NOTE, NOTE_PATH, cliFindings } from "./support/editor-fixture";
import { launchChromium, openEditorHarness } from "./support/page";

/** The hotkeys the page binds to the three commands (harness/editor-entry.ts). */
const KEYS = { show: "Control+Alt+p", next: "Control+Alt+n", previous: "Control+Alt+b" };

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
	browser = await launchChromium();
	({ page, problems } = await openEditorHarness(browser));
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(() => {
	problems.length = 0;
});

async function open(options: Partial<EditorOpenOptions> = {}): Promise<void> {
	await page.evaluate((opts) => window.__editor.open(opts), { text: NOTE, path: NOTE_PATH, ...options });
	await page.waitForFunction(() => window.__editor.audits() > 0);
}

const evaluate = <T>(fn: () => T) => page.evaluate(fn);
const textOf = (text: string, mark: { from: number; to: number }) => text.slice(mark.from, mark.to);

/** Hovers the drawn mark whose text is `text` (the innermost one; its first line if it wraps) until its tooltip shows. */
async function hover(text: string): Promise<void> {
	const point = await page.evaluate((wanted) => {
		const marks = Array.from(document.querySelectorAll(".cm-content .citation-auditor-mark")).filter((el) => el.textContent === wanted);
		const rect = marks[marks.length - 1]?.getClientRects()[0];
		return rect ? { x: rect.left + Math.min(rect.width / 2, 8), y: rect.top + rect.height / 2 } : null;
	}, text);
	if (!point) throw new Error(`no mark drawn over ${text}`);
	await page.mouse.move(1, 1);
	await page.waitForSelector(".cm-tooltip-hover", { state: "detached" });
	await page.mouse.move(point.x, point.y, { steps: 3 });
	await page.waitForSelector(".cm-tooltip-hover .citation-auditor-tooltip");
}

async function tooltip(): Promise<{ messages: string[]; suggestions: string[]; buttons: string[]; elements: string[] }> {
	return page.evaluate(() => {
		const el = document.querySelector(".citation-auditor-tooltip")!;
		return {
			messages: Array.from(el.querySelectorAll(".citation-auditor-tooltip-message"), (node) => node.textContent ?? ""),
			suggestions: Array.from(el.querySelectorAll(".citation-auditor-tooltip-suggestions li"), (node) => node.textContent ?? ""),
			buttons: Array.from(el.querySelectorAll("button"), (node) => node.textContent ?? ""),
			elements: Array.from(el.querySelectorAll("*"), (node) => node.tagName.toLowerCase()),
		};
	});
}

describe("marks in the editor", () => {
	it("sit at every finding's range, in the state and as drawn (astral characters, CJK), the same as the command line's", async () => {
		await open({ minSeverity: "info" });
		const { findings, marks, drawn, joined, text } = await evaluate(() => ({
			findings: window.__editor.findings(),
			marks: window.__editor.marks(),
			drawn: window.__editor.drawnMarks(),
			joined: window.__editor.joinedMarks(),
			text: window.__editor.text(),
		}));
		expect(text).toBe(NOTE);
		expect(findings.length).toBeGreaterThanOrEqual(8);
		const byRange = (a: MarkData, b: MarkData) => a.from - b.from || a.to - b.to || a.kind.localeCompare(b.kind);
		expect([...marks].sort(byRange)).toEqual(
			findings.map((finding) => ({ from: finding.offset, to: finding.offset + finding.length, kind: finding.kind, severity: finding.severity })).sort(byRange),
		);
		expect(drawn).toEqual(joined);
		// The command line, on the same note in the same vault, reports the same ranges.
		const cli = cliFindings({ [NOTE_PATH]: NOTE }, NOTE_PATH);
		expect(cli.map((finding) => NOTE.slice(finding.offset, finding.offset + finding.length)).sort()).toEqual(marks.map((mark) => textOf(text, mark)).sort());
		// The ranges that follow astral and CJK text are those of the citation syntax, not shifted by a code unit.
		expect(marks.map((mark) => textOf(text, mark))).toEqual(expect.arrayContaining(["[^ghost]", "[[Why Link Rot]]", "[[Nowhere 漢字]]", "[^2]", "[^aside]"]));
		expect(problems).toEqual([]);
	});

	it("a CRLF note: the editor shows it with \\n and the marks cover the characters the command line reports in the file", async () => {
		const file = NOTE.replace(/\n/g, "\r\n");
		await open({ text: file, minSeverity: "info" });
		const { marks, drawn, joined, text } = await evaluate(() => ({
			marks: window.__editor.marks(),
			drawn: window.__editor.drawnMarks(),
			joined: window.__editor.joinedMarks(),
			text: window.__editor.text(),
		}));
		expect(text).toBe(NOTE);
		expect(drawn).toEqual(joined);
		const cli = cliFindings({ [NOTE_PATH]: file }, NOTE_PATH);
		expect(cli.length).toBe(marks.length);
		expect(cli.map((finding) => file.slice(finding.offset, finding.offset + finding.length)).sort()).toEqual(marks.map((mark) => textOf(text, mark)).sort());
		// Offsets differ by one per line break before the finding: CRLF in the file, LF in the editor.
		const lines = new Map(cli.map((finding) => [file.slice(finding.offset, finding.offset + finding.length), finding.line]));
		for (const mark of marks) expect(mark.from + (lines.get(textOf(text, mark))! - 1)).toBe(cli.find((finding) => file.slice(finding.offset, finding.offset + finding.length) === textOf(text, mark))!.offset);
	});

	it("the default minimum severity (warning) leaves info unmarked", async () => {
		await open();
		const { findings, marks } = await evaluate(() => ({ findings: window.__editor.findings(), marks: window.__editor.marks() }));
		expect(findings.some((finding) => finding.severity === "info")).toBe(true);
		expect(marks.map((mark) => mark.kind)).toEqual(findings.filter((finding) => finding.severity !== "info").map((finding) => finding.kind));
	});
});

describe("the gutter setting", () => {
	it("off by default: no gutter; on: one marker beside each line with a shown mark, by its most serious severity", async () => {
		await open();
		expect(await evaluate(() => document.querySelectorAll(".citation-auditor-gutter").length)).toBe(0);
		await open({ gutter: true, minSeverity: "info" });
		const { findings, text, drawn } = await evaluate(() => ({ findings: window.__editor.findings(), text: window.__editor.text(), drawn: window.__editor.gutterMarkers() }));
		// Expected from the findings: the line of each one's start in the editor's text, the most serious per line.
		const rank = { error: 0, warning: 1, info: 2 } as const;
		const expected = new Map<number, "error" | "warning" | "info">();
		for (const finding of findings) {
			const line = text.slice(0, finding.offset).split("\n").length;
			const known = expected.get(line);
			if (!known || rank[finding.severity] < rank[known]) expected.set(line, finding.severity);
		}
		expect(drawn.length).toBeGreaterThan(3);
		expect(drawn.map((marker) => [marker.line, marker.severity])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
	});
});

describe("underline colours", () => {
	for (const theme of ["light", "dark"] as const) {
		it(`come from the theme's variables in the ${theme} theme: error and warning wavy, info dotted and faint`, async () => {
			await open({ minSeverity: "info", theme });
			const styles = await evaluate(() => {
				const probe = document.body.createDiv();
				const resolve = (variable: string) => {
					probe.style.setProperty("color", `var(${variable})`);
					return getComputedStyle(probe).color;
				};
				const variables = { error: resolve("--text-error"), warning: resolve("--text-warning"), info: resolve("--text-faint") };
				probe.remove();
				const marks = Object.fromEntries(
					(["error", "warning", "info"] as const).map((severity) => {
						const el = document.querySelector(`.cm-content .citation-auditor-mark-${severity}`)!;
						const style = getComputedStyle(el);
						return [severity, { color: style.textDecorationColor, style: style.textDecorationStyle, line: style.textDecorationLine, thickness: style.textDecorationThickness }];
					}),
				);
				return { variables, marks };
			});
			for (const severity of ["error", "warning", "info"] as const) {
				expect(styles.marks[severity].line, severity).toBe("underline");
				expect(styles.marks[severity].color, severity).toBe(styles.variables[severity]);
			}
			expect(styles.marks.error.style).toBe("wavy");
			expect(styles.marks.warning.style).toBe("wavy");
			expect(styles.marks.info.style).toBe("dotted");
			expect(new Set([styles.variables.error, styles.variables.warning, styles.variables.info]).size).toBe(3);
		});
	}
});

describe("the hover tooltip", () => {
	it("shows the message, the did-you-mean suggestions and the row's actions", async () => {
		await open();
		const finding = (await evaluate(() => window.__editor.findings())).find((candidate) => candidate.kind === "unresolved-target")!;
		await hover("[[Why Link Rot]]");
		const shown = await tooltip();
		expect(shown.messages).toEqual([finding.message]);
		expect(finding.suggestions).toEqual(["Sources/Why Links Rot.md"]);
		expect(shown.suggestions).toEqual(finding.suggestions);
		expect(shown.buttons).toEqual(['Change link to "Why Links Rot"', 'Create note "Why Link Rot"', "Ignore"]);
	});

	it("renders hostile text as text: a link target and a footnote label holding HTML", async () => {
		await open();
		const findings = await evaluate(() => window.__editor.findings());
		for (const [text, kind] of [
			[`[[${HOSTILE_TARGET}]]`, "unresolved-link"],
			[`[^${HOSTILE_LABEL}]`, "undefined-reference"],
		] as const) {
			await hover(text);
			const shown = await tooltip();
			const finding = findings.find((candidate) => candidate.kind === kind && candidate.message.includes("<"))!;
			expect(shown.messages).toEqual([finding.message]);
			expect(shown.messages.join(" ")).toMatch(/<(img|b)\b/);
			expect(shown.elements.filter((tag) => tag === "img" || tag === "b")).toEqual([]);
		}
		expect(await evaluate(() => window.__editor.pwned())).toBe(false);
		expect(problems).toEqual([]);
	});
});

/** Clicks the tooltip button `title` on the mark over `text`; waits for the edit and the audit after it. */
async function runAction(text: string, title: string): Promise<void> {
	const before = await evaluate(() => ({ edits: window.__editor.edits().length, audits: window.__editor.audits() }));
	await hover(text);
	await page.locator(".citation-auditor-tooltip button", { hasText: title }).first().click();
	await page.waitForFunction((count) => window.__editor.edits().length > count.edits && window.__editor.audits() > count.audits, before);
}

describe("each action is one transaction and one undo", () => {
	const ACTIONS: { mark: string; title: string; kind: string; check: (after: string) => boolean }[] = [
		{ mark: "[[Why Link Rot]]", title: 'Change link to "Why Links Rot"', kind: "unresolved-target", check: (after) => after.includes("[^1]: [[Why Links Rot]]") },
		{ mark: "[^2]", title: "Merge", kind: "duplicate-source", check: (after) => !after.includes("[^3]") },
		{ mark: "[^unused]", title: "Remove unused footnote [^unused]", kind: "unused-definition", check: (after) => !after.includes("[^unused]") },
		{ mark: "[^ghost]", title: "Add a definition for [^ghost]", kind: "undefined-reference", check: (after) => after.includes("[^ghost]:") },
		{ mark: "[[Sources/Interview with a Librarian", title: "Close the link in [^5]", kind: "malformed-link", check: (after) => after.includes("[^5]: [[Sources/Interview with a Librarian]]") },
		{ mark: "[[Nowhere 漢字]]", title: "Ignore", kind: "unresolved-link", check: (after) => after.includes("%% citation-audit-ignore-next-line unresolved-link %%\n") },
	];
	for (const action of ACTIONS) {
		it(`${action.kind}: "${action.title}"`, async () => {
			await open({ liveAuditDelay: null });
			const before = await evaluate(() => window.__editor.text());
			const depth = await evaluate(() => window.__editor.undoDepth());
			await runAction(action.mark, action.title);
			// One step in the editor's real undo history.
			expect(await evaluate(() => window.__editor.undoDepth())).toBe(depth + 1);
			const edits = await evaluate(() => window.__editor.edits());
			expect(edits).toHaveLength(1);
			const [edit] = edits;
			expect(edit.before).toBe(before);
			expect(action.check(edit.after)).toBe(true);
			expect(edit.undone).toBe(before);
			expect(await evaluate(() => window.__editor.text())).toBe(edit.after);
			// The marks were rebuilt from the audit after the edit.
			const { marks, findings, text } = await evaluate(() => ({ marks: window.__editor.marks(), findings: window.__editor.findings(), text: window.__editor.text() }));
			expect(marks.map((mark) => [mark.from, mark.to])).toEqual(findings.filter((f) => f.severity !== "info").map((f) => [f.offset, f.offset + f.length]));
			expect(text).toBe(edit.after);
			await evaluate(() => window.__editor.undoLast());
			expect(await evaluate(() => window.__editor.text())).toBe(before);
			expect(await evaluate(() => window.__editor.undoDepth())).toBe(depth);
			expect(problems).toEqual([]);
		});
	}

	it('"Create note" creates the note and leaves the text alone', async () => {
		await open({ liveAuditDelay: null });
		await hover("[[Why Link Rot]]");
		await page.locator(".citation-auditor-tooltip button", { hasText: "Create note" }).click();
		await page.waitForFunction(() => window.__editor.created().length > 0);
		expect(await evaluate(() => window.__editor.created())).toEqual(["Why Link Rot.md"]);
		expect(await evaluate(() => window.__editor.edits())).toEqual([]);
	});
});

describe("between audits", () => {
	it("marks follow typing, a mark whose text is deleted goes at once, and the next audit replaces them", async () => {
		await open({ liveAuditDelay: null });
		const initial = await evaluate(() => ({ marks: window.__editor.marks(), text: window.__editor.text(), audits: window.__editor.audits() }));
		const texts = initial.marks.map((mark) => textOf(initial.text, mark));
		// Type at the start of the third line with the keyboard.
		await page.evaluate((offset) => window.__editor.setCursor(offset), initial.text.indexOf("Archivists"));
		await page.keyboard.type("Lately, ");
		let now = await evaluate(() => ({ marks: window.__editor.marks(), drawn: window.__editor.drawnMarks(), joined: window.__editor.joinedMarks(), text: window.__editor.text(), audits: window.__editor.audits() }));
		expect(now.text).toBe(initial.text.replace("Archivists", "Lately, Archivists"));
		expect(now.audits).toBe(initial.audits);
		expect(now.marks.map((mark) => textOf(now.text, mark))).toEqual(texts);
		expect(now.drawn).toEqual(now.joined);
		// Delete the text of the first mark ([^ghost]) with Backspace.
		const ghost = now.marks.find((mark) => textOf(now.text, mark) === "[^ghost]")!;
		await page.evaluate((range) => window.__editor.setCursor(range.to), ghost);
		for (let i = ghost.from; i < ghost.to; i++) await page.keyboard.press("Backspace");
		now = await evaluate(() => ({ marks: window.__editor.marks(), drawn: window.__editor.drawnMarks(), joined: window.__editor.joinedMarks(), text: window.__editor.text(), audits: window.__editor.audits() }));
		expect(now.text).toBe(initial.text.replace("Archivists", "Lately, Archivists").replace("[^ghost]", ""));
		expect(now.marks.map((mark) => textOf(now.text, mark))).toEqual(texts.filter((text) => text !== "[^ghost]"));
		expect(now.drawn).toEqual(now.joined);
		// Nothing is underlined where the deleted text was.
		expect(now.drawn.some((mark) => mark.from <= ghost.from && mark.to > ghost.from)).toBe(false);
		expect(now.audits).toBe(initial.audits);
		await evaluate(() => window.__editor.auditNow());
		const audited = await evaluate(() => ({ marks: window.__editor.marks(), findings: window.__editor.findings() }));
		expect(audited.marks.map((mark) => [mark.from, mark.to])).toEqual(audited.findings.filter((f) => f.severity !== "info").map((f) => [f.offset, f.offset + f.length]));
	});

	it("with the live audit on, a burst of typing costs one audit, after the delay", async () => {
		await open({ liveAuditDelay: 300 });
		const audits = await evaluate(() => window.__editor.audits());
		await page.evaluate(() => window.__editor.setCursor(0));
		await page.keyboard.type("Draft ", { delay: 20 });
		expect(await evaluate(() => window.__editor.audits())).toBe(audits);
		await page.waitForFunction((count) => window.__editor.audits() > count, audits);
		await page.waitForTimeout(400);
		expect(await evaluate(() => window.__editor.audits())).toBe(audits + 1);
		const { marks, findings } = await evaluate(() => ({ marks: window.__editor.marks(), findings: window.__editor.findings() }));
		expect(marks.map((mark) => [mark.from, mark.to])).toEqual(findings.filter((f) => f.severity !== "info").map((f) => [f.offset, f.offset + f.length]));
	});
});

describe("keyboard", () => {
	it("next/previous move the cursor from problem to problem; show opens the tooltip with focus on its first action; Tab, Escape", async () => {
		await open({ liveAuditDelay: null });
		const marks = await evaluate(() => window.__editor.marks());
		await page.evaluate(() => window.__editor.setCursor(0));
		const starts = [...new Set(marks.map((mark) => mark.from))];
		for (const start of starts.slice(0, 3)) {
			await page.keyboard.press(KEYS.next);
			expect(await evaluate(() => window.__editor.cursor())).toBe(start);
		}
		await page.keyboard.press(KEYS.previous);
		expect(await evaluate(() => window.__editor.cursor())).toBe(starts[1]);
		// Previous from the first problem wraps to the last.
		await page.keyboard.press(KEYS.previous);
		await page.keyboard.press(KEYS.previous);
		expect(await evaluate(() => window.__editor.cursor())).toBe(starts[starts.length - 1]);
		// The unresolved citation has three actions: show its tooltip from the keyboard.
		const text = await evaluate(() => window.__editor.text());
		await page.evaluate((offset) => window.__editor.setCursor(offset), text.indexOf("[[Why Link Rot]]") + 3);
		await page.keyboard.press(KEYS.show);
		await page.waitForSelector(".citation-auditor-tooltip");
		const focus = () =>
			evaluate(() => ({
				inTooltip: document.activeElement?.closest(".citation-auditor-tooltip") !== null,
				text: document.activeElement?.textContent ?? "",
				inEditor: document.activeElement?.classList.contains("cm-content") ?? false,
			}));
		const shown = await tooltip();
		expect(shown.buttons).toHaveLength(3);
		expect(await focus()).toEqual({ inTooltip: true, text: shown.buttons[0], inEditor: false });
		await page.keyboard.press("Tab");
		expect((await focus()).text).toBe(shown.buttons[1]);
		await page.keyboard.press("Shift+Tab");
		expect((await focus()).text).toBe(shown.buttons[0]);
		await page.keyboard.press("Escape");
		expect(await page.locator(".citation-auditor-tooltip").count()).toBe(0);
		expect((await focus()).inEditor).toBe(true);
		expect(await evaluate(() => window.__editor.edits())).toEqual([]);
	});

	it("Enter on the tooltip's Ignore writes the marker (one transaction); show where there is no problem says so", async () => {
		await open({ liveAuditDelay: null });
		const text = await evaluate(() => window.__editor.text());
		await page.evaluate((offset) => window.__editor.setCursor(offset), text.indexOf("[^unused]") + 2);
		await page.keyboard.press(KEYS.show);
		await page.waitForSelector(".citation-auditor-tooltip");
		const { buttons } = await tooltip();
		for (let i = 0; i < buttons.indexOf("Ignore"); i++) await page.keyboard.press("Tab");
		expect(await evaluate(() => document.activeElement?.textContent)).toBe("Ignore");
		await page.keyboard.press("Enter");
		await page.waitForFunction(() => window.__editor.edits().length > 0);
		const edits = await evaluate(() => window.__editor.edits());
		expect(edits).toHaveLength(1);
		expect(edits[0].after).toBe(text.replace("[^unused]:", "%% citation-audit-ignore-next-line unused-definition %%\n[^unused]:"));
		await page.evaluate(() => window.__editor.setCursor(0));
		await page.keyboard.press(KEYS.show);
		expect(await evaluate(() => window.__editor.notices())).toContain("No citation problem here.");
	});
});

describe("ignore markers", () => {
	it("the marker the Ignore action writes is honoured by the command line exactly as by the plugin", async () => {
		await open({ liveAuditDelay: null, minSeverity: "info" });
		const before = await evaluate(() => window.__editor.findings());
		await runAction("[[Why Link Rot]]", "Ignore");
		const after = await evaluate(() => ({ text: window.__editor.text(), findings: window.__editor.findings() }));
		expect(after.text).toContain("%% citation-audit-ignore-next-line unresolved-target %%\n[^1]: [[Why Link Rot]]");
		const remaining = after.findings.map(({ kind, line, offset, length }) => ({ kind, line, offset, length }));
		expect(remaining.filter((finding) => finding.kind === "unresolved-target")).toHaveLength(before.filter((finding) => finding.kind === "unresolved-target").length - 1);
		expect(remaining.some((finding) => finding.kind === "unused-ignore")).toBe(false);
		expect(cliFindings({ [NOTE_PATH]: after.text }, NOTE_PATH)).toEqual(remaining);
		// And the same marker in a CRLF file: the command line and the editor still agree on what is left.
		const crlf = after.text.replace(/\n/g, "\r\n");
		await open({ text: crlf, liveAuditDelay: null, minSeverity: "info" });
		const reopened = await evaluate(() => window.__editor.findings());
		expect(cliFindings({ [NOTE_PATH]: crlf }, NOTE_PATH).map(({ kind, line }) => ({ kind, line }))).toEqual(reopened.map(({ kind, line }) => ({ kind, line })));
	});
});
