import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { makeTree, run } from "./cli-harness";

/** `Essay.md`'s one footnote cites `[[link]]`; the vault holds `notes` too. */
function vault(link: string, notes: Record<string, string>): string {
	return makeTree({ "Essay.md": `A claim.[^1]\n\n[^1]: [[${link}]]\n`, ...notes });
}

function suggestionsFor(root: string, ...options: string[]): string[] {
	const result = run([root, "Essay.md", "--format", "json", ...options]);
	const report = JSON.parse(result.stdout) as { notes: { findings: { kind: string; suggestions?: string[] }[] }[] };
	const unresolved = report.notes[0].findings.find((finding) => finding.kind === "unresolved-target");
	if (!unresolved) throw new Error(`no unresolved-target finding: ${result.stdout}${result.stderr}`);
	return unresolved.suggestions ?? [];
}

describe("did-you-mean from the notes' properties on the command line (issue 17)", () => {
	const notes = {
		"Sources/Deacetylase inhibition in colon cells.md": "---\naliases:\n  - Yuan 2015\n---\nNotes on the paper.\n",
		"Sources/Deacetylase inhibition in liver cells.md": "---\ntitle: Something else\n---\n",
	};

	it("offers the note whose alias is the link's text", () => {
		expect(suggestionsFor(vault("Yuan 2015", notes))[0]).toBe("Sources/Deacetylase inhibition in colon cells.md");
	});

	it("compares names only with --property-suggestions off", () => {
		expect(suggestionsFor(vault("Yuan 2015", notes), "--property-suggestions", "off")).toEqual([]);
	});

	it("reads a note's title, and its author and year, in a one-line list and past the first 4 KB", () => {
		const long = `---\ntags: [${Array.from({ length: 900 }, (_, index) => `t${index}`).join(", ")}]\ntitle: Inhibiting histone deacetylase\n---\n`;
		expect(long.length).toBeGreaterThan(4096);
		const root = vault("Inhibiting histone deacetylase", { "Sources/yuan2015.md": long, "Sources/Other.md": "x\n" });
		expect(suggestionsFor(root)).toEqual(["Sources/yuan2015.md"]);
		const byAuthor = vault("Okafor 2019", { "Sources/Soil carbon under pasture.md": "---\nauthor: [Okafor, Lind]\nyear: 2019\n---\n" });
		expect(suggestionsFor(byAuthor)).toEqual(["Sources/Soil carbon under pasture.md"]);
	});

	it("reads a frontmatter after a byte order mark, with CRLF line breaks", () => {
		const root = vault("Yuan 2015", { "Sources/Deacetylase inhibition.md": "\ufeff---\r\naliases: [Yuan 2015]\r\n---\r\nBody.\r\n", "Sources/Other.md": `- a list first\n${"- item\n".repeat(1000)}` });
		expect(suggestionsFor(root)).toEqual(["Sources/Deacetylase inhibition.md"]);
	});

	it("ignores a frontmatter that does not parse, and a note whose first line is no frontmatter", () => {
		const root = vault("Yuan 2015", {
			"Sources/Broken.md": "---\naliases: [Yuan 2015\n---\n",
			"Sources/Late.md": "Text first.\n---\naliases: [Yuan 2015]\n---\n",
		});
		expect(suggestionsFor(root)).toEqual([]);
	});

	it("takes on, off or auto, and says so otherwise", () => {
		expect(parseArgs(["v", "--property-suggestions", "on"])).toMatchObject({ kind: "run", options: { propertySuggestions: "on" } });
		expect(parseArgs(["v", "--property-suggestions", "sometimes"])).toEqual({ kind: "error", message: '--property-suggestions takes on, off or auto (got "sometimes")' });
	});
});
