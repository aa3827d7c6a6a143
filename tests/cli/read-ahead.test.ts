/**
 * Issue 15, target 4: a large vault's notes read ahead by worker threads (read-ahead.ts). The audit must give
 * the same report with any facts read ahead as without, and must really use them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { parseArgs, type CliOptions } from "../../src/cli/args";
import { factsOfNote, packOutline, unpackOutline, type NoteFacts } from "../../src/cli/note-facts";
import { ReadAhead, READ_AHEAD_FROM_NOTES, READ_AHEAD_ROLE, threadsFor, type ReadAheadMessage } from "../../src/cli/read-ahead";
import { runReadAhead } from "../../src/cli/read-ahead-worker";
import { auditVault } from "../../src/cli/run";
import { ListedRealPaths } from "../../src/cli/listed-real-paths";
import { listVault, openVault, readNoteBytes } from "../../src/cli/vault-files";
import { makeTree } from "./cli-harness";
import { randomVault } from "./read-ahead-vault";

function optionsFor(root: string, ...extra: string[]): CliOptions {
	const parsed = parseArgs([root, "--format", "json", ...extra]);
	if (parsed.kind !== "run") throw new Error(`unexpected ${parsed.kind}`);
	return parsed.options;
}

/** Every markdown note's facts, as a worker would post them by the end of its reading. */
function allFacts(root: string): Map<string, NoteFacts> {
	const listing = listVault(openVault(root));
	const facts = new Map<string, NoteFacts>();
	for (const path of listing.paths) if (path.endsWith(".md")) facts.set(path, factsOfNote(readNoteBytes(listing.root, path, listing.realPaths)));
	return facts;
}

function audit(root: string, facts?: Map<string, NoteFacts>): { report: ReturnType<typeof auditVault>; stderr: string } {
	let stderr = "";
	const report = auditVault(optionsFor(root), { cwd: root, stderr: (text) => void (stderr += text) }, facts && { facts });
	return { report, stderr };
}

describe("facts of a note read ahead", () => {
	it("say only that a note that may cite must be read by the audit", () => {
		expect(factsOfNote(Buffer.from("Claim.[^1]\n\n[^1]: [[A]]\n"))).toEqual({ mayCite: true });
		expect(factsOfNote(Buffer.from("Inline.^[a note]\n"))).toEqual({ mayCite: true });
		expect(factsOfNote(Buffer.from("Write to a@b.org\n"))).toEqual({ mayCite: true });
	});

	it("give the outline and the frontmatter's YAML of a note that cannot cite", () => {
		const facts = factsOfNote(Buffer.from("---\ndoi: 10.1/x\n---\n# Title\n\n```\n# not one\n```\nText ^id-1\n"));
		expect(facts).toEqual({ mayCite: false, outline: packOutline({ headings: [{ text: "Title", level: 1 }], blockIds: ["id-1"] }), frontmatterYaml: "doi: 10.1/x\n" });
		expect(factsOfNote(Buffer.from("No frontmatter.\n"))).toEqual({ mayCite: false, outline: packOutline({ headings: [], blockIds: [] }), frontmatterYaml: null });
	});

	it("pack an outline exactly, whatever its headings hold", () => {
		const outline = { headings: [{ text: "Odd \u0000 \ud800 \"quoted\" \\ \n", level: 2 }, { text: "", level: 6 }], blockIds: ["a-1", "B2"] };
		expect(unpackOutline(packOutline(outline))).toEqual(outline);
	});
});

describe("the vault audit with facts read ahead", () => {
	it("gives the same report and stderr as reading every note itself, on random vaults", () => {
		const kinds = new Set<string>();
		for (let seed = 1; seed <= 12; seed++) {
			const root = randomVault(seed, 40, 15);
			const alone = audit(root);
			const helped = audit(root, allFacts(root));
			expect(helped.report, `seed ${seed}`).toEqual(alone.report);
			expect(helped.stderr, `seed ${seed}`).toBe(alone.stderr);
			for (const note of alone.report.notes) for (const finding of note.findings) kinds.add(finding.kind);
		}
		// The facts decide these: a heading or block of a cited note, its frontmatter, its identifiers.
		for (const kind of ["missing-subpath", "invalid-frontmatter", "duplicate-source", "unresolved-target"]) expect([...kinds]).toContain(kind);
	});

	it("uses the facts instead of reading the notes: a heading or identifier only the facts hold is found", () => {
		const root = makeTree({
			"Essay.md": "One.[^1] Two.[^2] Three.[^3]\n\n[^1]: [[Source#Only in the facts]]\n[^2]: [[Source]]\n[^3]: [[Twin]]\n",
			"Source.md": "# On disk\n",
			"Twin.md": "No frontmatter on disk.\n",
		});
		const kinds = (facts?: Map<string, NoteFacts>) => audit(root, facts).report.notes.flatMap((note) => note.findings.map((finding) => finding.kind));
		const alone = kinds();
		expect(alone).toContain("missing-subpath");
		expect(alone).not.toContain("duplicate-source");
		const doctored = allFacts(root);
		doctored.set("Source.md", { mayCite: false, outline: packOutline({ headings: [{ text: "Only in the facts", level: 1 }], blockIds: [] }), frontmatterYaml: "doi: 10.1234/same" });
		doctored.set("Twin.md", { mayCite: false, outline: packOutline({ headings: [], blockIds: [] }), frontmatterYaml: "doi: 10.1234/same" });
		const helped = kinds(doctored);
		expect(helped).not.toContain("missing-subpath");
		// One work filed as two notes (the same DOI), cited twice.
		expect(helped).toContain("duplicate-source");
	});
});

describe("a worker that cannot start", () => {
	it("leaves every note to the audit, and its failure does not end the process", async () => {
		const root = randomVault(5, 30, 10);
		const listing = listVault(openVault(root));
		const readAhead = ReadAhead.start(join(root, "no-such-bundle.cjs"), 1, { root: listing.root, paths: listing.paths, linked: new Map() }, listing.paths);
		// An audit long enough for the worker to fail meanwhile (the failure is an event, heard after the audit).
		const until = performance.now() + 500;
		while (performance.now() < until) expect(readAhead.get(listing.paths[0])).toBeUndefined();
		readAhead.stop();
		// Unheard, the worker's 'error' event would be an uncaught exception here, failing this test run.
		await delay(300);
		expect(readAhead.get(listing.paths[0])).toBeUndefined();
	});
});

describe("the read-ahead worker", () => {
	it("posts the facts of its share of the markdown notes, from the end of the listing, then that it is done", () => {
		const root = randomVault(7, 30, 10);
		const listing = listVault(openVault(root));
		const markdown = listing.paths.filter((path) => path.endsWith(".md"));
		const seen: string[] = [];
		for (let share = 0; share < 3; share++) {
			const { port1, port2 } = new MessageChannel();
			const linked = (listing.realPaths as ListedRealPaths).linked;
			runReadAhead({ role: READ_AHEAD_ROLE, root: listing.root, paths: listing.paths, linked, share, of: 3, port: port2 });
			const messages: ReadAheadMessage[] = [];
			for (let received = receiveMessageOnPort(port1); received; received = receiveMessageOnPort(port1)) messages.push(received.message as ReadAheadMessage);
			expect(messages.at(-1)).toEqual({ done: true });
			const paths = messages.flatMap((message) => ("paths" in message ? message.paths : []));
			const facts = messages.flatMap((message) => ("facts" in message ? message.facts : []));
			expect(paths).toEqual(markdown.filter((_, index) => (markdown.length - 1 - index) % 3 === share).reverse());
			paths.forEach((path, index) => expect(facts[index]).toEqual(factsOfNote(readFileSync(join(root, path)))));
			seen.push(...paths);
			port1.close();
		}
		expect(seen.sort()).toEqual([...markdown].sort());
	});

	it("leaves out a note it cannot read (the audit reads it and reports why) and still says it is done", () => {
		const root = makeTree({ "A.md": "# A\n", "B.md": "# B\n" });
		const listing = listVault(openVault(root));
		const { port1, port2 } = new MessageChannel();
		runReadAhead({ role: READ_AHEAD_ROLE, root: listing.root, paths: [...listing.paths, "Gone.md"], linked: new Map(), share: 0, of: 1, port: port2 });
		const messages: ReadAheadMessage[] = [];
		for (let received = receiveMessageOnPort(port1); received; received = receiveMessageOnPort(port1)) messages.push(received.message as ReadAheadMessage);
		expect(messages).toEqual([{ paths: ["B.md", "A.md"], facts: [factsOfNote(Buffer.from("# B\n")), factsOfNote(Buffer.from("# A\n"))] }, { done: true }]);
		port1.close();
	});
});

describe("how many threads", () => {
	it("keeps a number given, and auto starts one reader only on a large vault of a machine with two cores", () => {
		expect(threadsFor(3, 10)).toBe(3);
		expect(threadsFor(1, 1_000_000)).toBe(1);
		expect(threadsFor("auto", READ_AHEAD_FROM_NOTES - 1, 8)).toBe(1);
		expect(threadsFor(undefined, READ_AHEAD_FROM_NOTES, 8)).toBe(2);
		expect(threadsFor("auto", READ_AHEAD_FROM_NOTES, 1)).toBe(1);
	});
});
