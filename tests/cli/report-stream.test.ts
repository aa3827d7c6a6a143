/**
 * The streamed vault report (src/cli/report-stream.ts, src/core/report/json-stream.ts) writes the very bytes
 * formatReport writes for the whole report at the end: none, one and several notes, notes without findings,
 * and the markdown format, which is buffered.
 */
import { describe, expect, it } from "vitest";
import { buildAuditReport, type NoteReport } from "../../src/core/report/json-report";
import type { OutputFormat } from "../../src/cli/args";
import { createReportStream } from "../../src/cli/report-stream";
import { formatReport } from "../../src/cli/run";
import { CLEAN, ESSAY, WARNED } from "../core/report/sample";

const notes: NoteReport[] = [WARNED, ESSAY, CLEAN]
	.map(({ path, stats, findings }) => ({ path, stats, findings }))
	.sort((a, b) => (a.path < b.path ? -1 : 1));
const withLineBreak: NoteReport = { ...notes[0], path: "A\nname.md" };

function streamed(format: OutputFormat, reports: readonly NoteReport[]): { text: string; writes: number } {
	let text = "";
	let writes = 0;
	const stream = createReportStream(format, (chunk) => ((text += chunk), writes++), (report) => formatReport(report, { format }));
	for (const report of reports) stream.note(report);
	stream.end();
	return { text, writes };
}

describe("streamed report", () => {
	for (const format of ["text", "json", "markdown"] as const) {
		it(`${format}: the same bytes as formatting the whole report`, () => {
			for (const reports of [[], notes.slice(0, 1), notes, [withLineBreak, ...notes.slice(1)]]) {
				expect(streamed(format, reports).text).toBe(formatReport(buildAuditReport(reports), { format }));
			}
		});
	}

	it("json: many notes stay one valid document, written in chunks rather than a write per note", () => {
		const many = Array.from({ length: 3000 }, (_, index) => ({ ...notes[1], path: `Essays/${String(index).padStart(5, "0")}.md` }));
		const { text, writes } = streamed("json", many);
		expect(JSON.parse(text)).toEqual(JSON.parse(formatReport(buildAuditReport(many), { format: "json" })));
		expect(writes).toBeGreaterThan(1);
		// Chunks of about 16,000 characters: far fewer writes than notes.
		expect(writes).toBeLessThan(text.length / 10_000);
		expect(writes).toBeLessThan(many.length / 2);
	});

	it("the summary returned counts the notes' severities", () => {
		const stream = createReportStream("text", () => {}, () => "");
		for (const report of notes) stream.note(report);
		expect(stream.end()).toEqual(buildAuditReport(notes).summary);
	});
});
