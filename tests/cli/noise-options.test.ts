/** --quiet, --min-severity and --max-warnings through the command line: what is reported and the exit status. */
import { describe, expect, it } from "vitest";
import { mixedVault, run } from "./cli-harness";

interface Report {
	notes: { path: string; findings: { severity: string; kind: string }[] }[];
	summary: Record<string, number>;
}

function severities(stdout: string): string[] {
	return (JSON.parse(stdout) as Report).notes.flatMap((note) => note.findings.map((finding) => finding.severity)).sort();
}

describe("minimum severity", () => {
	it("the vault reports every severity by default", () => {
		const all = run([mixedVault(), "--format", "json"]);
		expect(new Set(severities(all.stdout))).toEqual(new Set(["error", "warning", "info"]));
	});

	it("--min-severity warning leaves info out, and the summary counts what is shown", () => {
		const vault = mixedVault();
		const all = JSON.parse(run([vault, "--format", "json"]).stdout) as Report;
		const shown = run([vault, "--format", "json", "--min-severity", "warning"]);
		expect(severities(shown.stdout)).not.toContain("info");
		const report = JSON.parse(shown.stdout) as Report;
		expect(report.summary).toEqual({ ...all.summary, info: 0 });
		expect(severities(shown.stdout)).toEqual(severities(run([vault, "--format", "json"]).stdout).filter((s) => s !== "info"));
	});

	it("--quiet reports errors only in every format, and the exit status still follows errors", () => {
		const vault = mixedVault();
		const quiet = run([vault, "--quiet", "--format", "json"]);
		expect(severities(quiet.stdout).every((severity) => severity === "error")).toBe(true);
		expect(severities(quiet.stdout).length).toBeGreaterThan(0);
		expect(quiet.status).toBe(1);
		const text = run([vault, "--quiet"]).stdout;
		expect(text).not.toMatch(/ (warning|info) {2}/);
		expect(text).toMatch(/0 warnings, 0 info\n$/);
	});

	it("warnings alone exit 0, with or without --quiet", () => {
		const vault = mixedVault();
		expect(run([vault, "Warned.md"]).status).toBe(0);
		expect(run([vault, "Warned.md", "--quiet"]).stdout).toBe("1 note audited: 0 errors, 0 warnings, 0 info\n");
	});
});

describe("--max-warnings", () => {
	it("exit 1 above N warnings, 0 at N (eslint's rule)", () => {
		const vault = mixedVault();
		const warnings = (JSON.parse(run([vault, "Warned.md", "--format", "json"]).stdout) as Report).summary.warning;
		expect(warnings).toBeGreaterThan(1);
		expect(run([vault, "Warned.md", "--max-warnings", String(warnings)]).status).toBe(0);
		expect(run([vault, "Warned.md", "--max-warnings", String(warnings - 1)]).status).toBe(1);
		expect(run([vault, "Warned.md", "--max-warnings", "0"]).status).toBe(1);
	});

	it("warnings hidden by --quiet are not counted", () => {
		expect(run([mixedVault(), "Warned.md", "--max-warnings", "0", "--quiet"]).status).toBe(0);
	});

	it("a bad value: exit 2 and one line on stderr", () => {
		const result = run([mixedVault(), "--max-warnings", "lots"]);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe("");
		expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
		expect(result.stderr).toContain("--max-warnings");
	});
});
