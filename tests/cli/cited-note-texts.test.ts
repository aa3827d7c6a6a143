import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCitedNoteTexts } from "../../src/cli/cited-note-texts";
import { listVault, openVault } from "../../src/cli/vault-files";
import { makeTree, run } from "./cli-harness";

describe("cited notes read during an essay's audit", () => {
	const root = makeTree({
		"Sources/Plain.md": "---\ndoi: 10.1/x\n---\nNo citation here.\n",
		"Sources/Cites.md": "A source that cites another.[^1]\n\n[^1]: [[Plain]]\n",
		"Sources/Keys.md": "Mentions @someone.\n",
	});

	it("remember, without the text, which of them hold no citation (the vault audit then skips them)", () => {
		const texts = createCitedNoteTexts(listVault(openVault(root)));
		for (const path of ["Sources/Plain.md", "Sources/Cites.md", "Sources/Keys.md"]) expect(texts.read(path)).not.toBeNull();
		expect(texts.read("Sources/Missing.md")).toBeNull();
		texts.forget();
		expect(texts.readWithoutCitations("Sources/Plain.md")).toBe(true);
		expect(texts.readWithoutCitations("Sources/Cites.md")).toBe(false);
		expect(texts.readWithoutCitations("Sources/Keys.md")).toBe(false);
		expect(texts.readWithoutCitations("Sources/Missing.md")).toBe(false);
		expect(texts.readWithoutCitations("Sources/Unread.md")).toBe(false);
	});

	it("are still audited themselves when they hold citations, after an essay that cites them", () => {
		const vault = makeTree({
			"Essays/Essay.md": "Claim.[^1] Other.[^2]\n\n[^1]: [[Cites#Missing heading]]\n[^2]: [[Plain]]\n",
			"Sources/Cites.md": "A source that cites another.[^1]\n\n[^1]: [[Nowhere]]\n",
			"Sources/Plain.md": "No citation here.\n",
		});
		const report = JSON.parse(run([vault, "--format", "json"]).stdout) as { notes: { path: string }[] };
		expect(report.notes.map((note) => note.path)).toEqual(["Essays/Essay.md", "Sources/Cites.md"]);
	});

	it("keep the outline of each note they read, so a later link to a heading reads it no more", () => {
		const vault = makeTree({
			"Sources/Headed.md": "---\ndoi: 10.1/y\n---\n# Title\n\n## Method\n\nA paragraph. ^block-1\n\n```\n# not a heading\n```\n",
		});
		const texts = createCitedNoteTexts(listVault(openVault(vault)));
		expect(texts.read("Sources/Headed.md")).toContain("## Method");
		texts.forget();
		// Gone from the disk: an outline asked for now can only come from the first read.
		rmSync(join(vault, "Sources/Headed.md"));
		expect(texts.outline("Sources/Headed.md")).toEqual({ headings: [{ text: "Title", level: 1 }, { text: "Method", level: 2 }], blockIds: ["block-1"] });
		expect(texts.outline("Sources/Missing.md")).toBeNull();
	});

	it("give the outline a later essay's link checks, the same findings as reading the note then", () => {
		const vault = makeTree({
			"Essays/A.md": "First.[^1]\n\n[^1]: [[Headed]]\n",
			"Essays/B.md": "Second.[^1] Third.[^2]\n\n[^1]: [[Headed#Method]]\n[^2]: [[Headed#Missing]]\n",
			"Sources/Headed.md": "---\ndoi: 10.1/y\n---\n# Title\n\n## Method\n",
		});
		const report = JSON.parse(run([vault, "--format", "json"]).stdout) as { notes: { path: string; findings: { kind: string; line: number }[] }[] };
		const b = report.notes.find((note) => note.path === "Essays/B.md");
		expect(b?.findings.filter((finding) => finding.kind === "missing-subpath").map((finding) => finding.line)).toEqual([4]);
	});
});
