/** Hand-made audits for the report tests: the reports are checked against literal expected text. */
import type { Finding, NoteStats } from "../../../src/core/index";

export interface SampleAudit {
	path: string;
	stats: NoteStats;
	findings: Finding[];
}

export const ESSAY: SampleAudit = {
	path: "Essays/On Risk.md",
	stats: { definitions: 3, references: 4, citedNotes: 2, citekeys: 0, citedWorks: 0 },
	findings: [
		{
			kind: "undefined-reference",
			severity: "error",
			message: "[^x] is referenced but never defined",
			line: 2,
			column: 5,
			offset: 14,
			length: 4,
			labels: ["x"],
		},
		{
			kind: "duplicate-source",
			severity: "warning",
			message: '[^10] and [^11] cite the same source "A|B [[C]]"',
			line: 7,
			column: 1,
			offset: 90,
			length: 5,
			labels: ["10", "11"],
			target: "A|B [[C]]",
			resolved: "Sources/A.md",
			related: [{ line: 8, column: 1, offset: 120, length: 5, label: "11" }],
		},
		{
			kind: "unresolved-target",
			severity: "error",
			message: '[^12] cites "Teh Book", which matches no file in the vault; did you mean "Sources/The Book.md"?',
			line: 9,
			column: 8,
			offset: 140,
			length: 12,
			labels: ["12"],
			target: "Teh Book",
			suggestions: ["Sources/The Book.md", "Sources/The Books.md"],
		},
		{
			kind: "no-vault-link",
			severity: "info",
			message: "[^6] cites only an external URL, no note in the vault",
			line: 10,
			column: 1,
			offset: 160,
			length: 4,
			labels: ["6"],
			target: "https://example.org/a_b",
		},
	],
};

export const CLEAN: SampleAudit = {
	path: "Alpha.md",
	stats: { definitions: 1, references: 1, citedNotes: 1, citekeys: 0, citedWorks: 0 },
	findings: [],
};

export const WARNED: SampleAudit = {
	path: "b/Zed.md",
	stats: { definitions: 0, references: 0, citedNotes: 0, citekeys: 0, citedWorks: 0 },
	findings: [
		{
			kind: "unresolved-link",
			severity: "warning",
			message: 'Link to "Nope", which matches\nno file',
			line: 1,
			column: 3,
			offset: 2,
			length: 8,
			target: "Nope",
		},
	],
};
