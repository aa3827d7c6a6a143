/**
 * Notes parsed ahead of the stream by a worker (parse-ahead.ts): who takes which note, and that the stream's
 * report is the same whichever thread parsed each note, and really comes from the worker's parse.
 */
import { describe, expect, it } from "vitest";
import { parseArgs, type CliOptions } from "../../src/cli/args";
import { ListedRealPaths } from "../../src/cli/listed-real-paths";
import { packDocument } from "../../src/cli/packed-document";
import { AheadClaims, AheadWork, createAheadMemory, FREE, LEAD, MINE, POSTED, TAKEN, WINDOW, type AheadNote } from "../../src/cli/parse-ahead";
import type { NotesAhead } from "../../src/cli/read-ahead";
import { aheadNoteOf } from "../../src/cli/read-ahead-worker";
import { auditVault } from "../../src/cli/run";
import { listVault, openVault } from "../../src/cli/vault-files";
import { parseCitations } from "../../src/core/index";
import { makeTree } from "./cli-harness";
import { randomVault, seeded } from "./read-ahead-vault";

describe("claims between the auditing thread and a worker", () => {
	const everyClaim = (work: AheadWork): number[] => {
		const claimed: number[] = [];
		for (let index = work.claimNext(); index !== -1; index = work.claimNext()) claimed.push(index);
		return claimed;
	};

	it("lets a worker take the notes it may take from LEAD to WINDOW ahead of the auditing thread, each once", () => {
		const memory = createAheadMemory(200);
		const main = new AheadClaims(memory);
		const work = new AheadWork(memory, (index) => index % 3 !== 0);
		const expected = (at: number, from: number) =>
			Array.from({ length: 200 }, (_, index) => index).filter((index) => index >= Math.max(from, at + LEAD) && index <= at + WINDOW && index % 3 !== 0);
		// Before the first note (progress -1).
		const first = everyClaim(work);
		expect(first).toEqual(expected(-1, 0));
		expect(main.claim(0)).toBe(FREE);
		const second = everyClaim(work);
		expect(second).toEqual(expected(0, first[first.length - 1] + 1));
		expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
	});

	it("gives the auditing thread a note the worker has not taken or is still reading, and a posted one to the worker's message", () => {
		const memory = createAheadMemory(100);
		const main = new AheadClaims(memory);
		const work = new AheadWork(memory, () => true);
		const taken = everyClaim(work);
		const [stillReading, posted] = [taken[0], taken[1]];
		expect(work.posted(posted)).toBe(true);
		// Not taken (behind the worker's lead): the auditing thread's own.
		expect(main.claim(0)).toBe(FREE);
		// Taken but not posted yet: the auditing thread reads it itself, and the worker learns it came too late.
		expect(main.claim(stillReading)).toBe(TAKEN);
		expect(work.posted(stillReading)).toBe(false);
		expect(main.claim(posted)).toBe(POSTED);
		// Asked again (it never is), a note stays where it is.
		expect(main.claim(stillReading)).toBe(MINE);
	});

	it("tells a worker that the stream is done, with nothing left to take", () => {
		const memory = createAheadMemory(10);
		const work = new AheadWork(memory, () => true);
		expect(work.finished).toBe(false);
		new AheadClaims(memory).finish();
		expect(work.finished).toBe(true);
		expect(work.claimNext()).toBe(-1);
	});
});

function optionsFor(root: string): CliOptions {
	const parsed = parseArgs([root, "--format", "json"]);
	if (parsed.kind !== "run") throw new Error(`unexpected ${parsed.kind}`);
	return parsed.options;
}

/**
 * A worker as the stream meets it, scripted: each note the stream takes was posted by the worker (its real
 * message, or `doctor`'s), overtaken (the stream reads it itself) or left unread by the worker.
 */
class ScriptedWorker implements NotesAhead {
	readonly taken: AheadNote["index"][] = [];
	passed = 0;
	finished = false;
	private readonly paths: readonly string[];
	private readonly realPaths: ListedRealPaths;

	constructor(
		private readonly root: string,
		private readonly random: () => number,
		private readonly doctor?: (path: string, note: AheadNote) => AheadNote,
	) {
		const listing = listVault(openVault(root));
		if (!(listing.realPaths instanceof ListedRealPaths)) throw new Error("expected a listed vault");
		this.paths = listing.paths;
		this.realPaths = listing.realPaths;
	}

	take(index: number): AheadNote | undefined {
		const roll = this.random();
		if (roll < 0.2) return undefined;
		if (roll < 0.3) return { index, unread: true };
		this.taken.push(index);
		const note = aheadNoteOf(this.root, this.paths[index], index, this.realPaths);
		return this.doctor ? this.doctor(this.paths[index], note) : note;
	}

	pass(): void {
		this.passed++;
	}

	finish(): void {
		this.finished = true;
	}
}

function audit(root: string, ahead?: NotesAhead) {
	let stderr = "";
	const report = auditVault(optionsFor(root), { cwd: root, stderr: (text) => void (stderr += text) }, ahead && { facts: new Map(), ahead });
	return { report, stderr };
}

describe("the stream with notes parsed ahead", () => {
	it("gives the same report and stderr as parsing every note itself, on random vaults", () => {
		for (let seed = 1; seed <= 8; seed++) {
			const root = randomVault(seed, 40, 15);
			const alone = audit(root);
			const worker = new ScriptedWorker(root, seeded(seed * 7));
			const helped = audit(root, worker);
			expect(helped.report, `seed ${seed}`).toEqual(alone.report);
			expect(helped.stderr, `seed ${seed}`).toBe(alone.stderr);
			expect(worker.taken.length).toBeGreaterThan(30);
			expect(worker.finished).toBe(true);
		}
	});

	it("reports an essay that is not valid UTF-8 once, whoever decoded it", () => {
		const root = makeTree({
			"Essay.md": Buffer.concat([Buffer.from("Claim.[^1]\n\n[^1]: [[Nowhere]] "), Buffer.from([0xff]), Buffer.from("\n")]),
		});
		const alone = audit(root);
		expect(alone.stderr).toContain("Essay.md: not valid UTF-8");
		const helped = audit(root, new ScriptedWorker(root, () => 0.5));
		expect(helped).toEqual(alone);
	});

	it("audits the worker's parse, not the note read again", () => {
		const root = makeTree({
			"Essay.md": "Claim.[^1]\n\n[^1]: [[Source]]\n",
			"Source.md": "# A source\n",
		});
		const kindsOf = (ahead?: NotesAhead) => audit(root, ahead).report.notes.flatMap((note) => note.findings.map((finding) => finding.kind));
		expect(kindsOf()).toEqual([]);
		const doctored = "Claim.[^1]\n\n[^1]: [[Nowhere to be found]]\n";
		const worker = new ScriptedWorker(root, () => 0.5, (path, note) =>
			path === "Essay.md" && "parsed" in note ? { ...note, parsed: packDocument(parseCitations(doctored)) } : note,
		);
		expect(kindsOf(worker)).toContain("unresolved-target");
	});
});
