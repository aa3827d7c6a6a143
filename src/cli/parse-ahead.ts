/**
 * Parsing ahead of the auditing thread. The stream audits the vault's notes in listing order, one at a time;
 * a worker (read-ahead-worker.ts) takes the notes just ahead of it, reads, decodes and parses each, and posts
 * the parsed note (packed-document.ts), so the auditing thread is left with resolving links and building
 * findings. Who handles a note is settled per note in shared memory, one compare-and-swap each:
 *
 *     claims[i]:  FREE ──(auditing thread)──────────────▶ MINE    it reads and parses note i itself, as alone
 *                  └──(worker)──▶ TAKEN ──(auditing thread)──▶ MINE    it got there first: the same
 *                                   └──(worker)──▶ POSTED              the worker's message for i is on its port
 *
 * The auditing thread publishes which note it is at (`progress`); a worker claims only notes between LEAD
 * and WINDOW ahead of it, so at most WINDOW parsed notes wait, and the auditing thread never waits for one:
 * a note still being read when it gets there it reads itself (and drops the worker's message), as it does
 * when the worker died or never started. Parsing is a pure function of the bytes, so a note's findings do not
 * depend on which thread parsed it.
 */
import type { PackedDocument } from "./packed-document";
import type { NoteFacts } from "./note-facts";

export const FREE = 0;
export const MINE = 1;
export const TAKEN = 2;
export const POSTED = 3;

/** Notes a worker may parse ahead of the auditing thread. */
export const WINDOW = 48;

/**
 * How far ahead of the auditing thread a worker starts taking notes: far enough that the auditing thread
 * rarely reaches one a worker is still reading (it then reads it itself rather than wait).
 */
export const LEAD = 8;

/** The shared memory: `progress[0]` the auditing thread's note (-1 before the first), `claims` one per audited path. */
export interface AheadMemory {
	progress: SharedArrayBuffer;
	claims: SharedArrayBuffer;
}

/** What a worker posts for a note it claimed. */
export type AheadNote =
	/** Parsed: the bytes may hold a citation and the text may take part in the audit. */
	| { index: number; parsed: PackedDocument; invalidUtf8: boolean }
	/** Read, and nothing to audit: `facts` when the bytes hold no citation (kept as read-ahead facts). */
	| { index: number; skip: true; path: string; facts: NoteFacts | null }
	/** Not readable by the worker: the auditing thread reads it and reports the error, as alone. */
	| { index: number; unread: true };

export function createAheadMemory(audited: number): AheadMemory {
	const progress = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
	new Int32Array(progress)[0] = -1;
	return { progress, claims: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * Math.max(1, audited)) };
}

/** The auditing thread's side. */
export class AheadClaims {
	private readonly progress: Int32Array;
	private readonly claims: Int32Array;

	constructor(memory: AheadMemory) {
		this.progress = new Int32Array(memory.progress);
		this.claims = new Int32Array(memory.claims);
	}

	/**
	 * The auditing thread is at note `index` and makes it its own, unless a worker has posted it already:
	 * FREE or TAKEN (a worker still at it: waiting could cost more than reading it here) become MINE. Returns
	 * the state it found.
	 */
	claim(index: number): number {
		Atomics.store(this.progress, 0, index);
		Atomics.notify(this.progress, 0);
		for (;;) {
			const was = Atomics.load(this.claims, index);
			if (was === POSTED || was === MINE) return was;
			if (Atomics.compareExchange(this.claims, index, was, MINE) === was) return was;
		}
	}

	/** No more notes: workers waiting for the auditing thread to move on stop waiting. */
	finish(): void {
		Atomics.store(this.progress, 0, this.claims.length);
		Atomics.notify(this.progress, 0);
	}
}

/** A worker's side. */
export class AheadWork {
	private readonly progress: Int32Array;
	private readonly claims: Int32Array;

	constructor(
		memory: AheadMemory,
		/** Which audited notes a worker may take (markdown notes: the others the stream passes over). */
		private readonly takes: (index: number) => boolean,
	) {
		this.progress = new Int32Array(memory.progress);
		this.claims = new Int32Array(memory.claims);
	}

	/** Whether the auditing thread has passed the last note. */
	get finished(): boolean {
		return Atomics.load(this.progress, 0) >= this.claims.length;
	}

	/** The next note within the window this worker now owns, or -1 when the window holds none to take. */
	claimNext(): number {
		const at = Atomics.load(this.progress, 0);
		const end = Math.min(this.claims.length, at + 1 + WINDOW);
		for (let index = at + LEAD; index < end; index++) {
			if (Atomics.load(this.claims, index) !== FREE || !this.takes(index)) continue;
			if (Atomics.compareExchange(this.claims, index, FREE, TAKEN) === FREE) return index;
		}
		return -1;
	}

	/**
	 * Call right after posting note `index`'s message: false when the auditing thread got there first and
	 * read the note itself (it drops the message).
	 */
	posted(index: number): boolean {
		return Atomics.compareExchange(this.claims, index, TAKEN, POSTED) === TAKEN;
	}

	/** Waits (at most `ms`) for the auditing thread to move on from where it is now. */
	waitForProgress(ms: number): void {
		const at = Atomics.load(this.progress, 0);
		Atomics.wait(this.progress, 0, at, ms);
	}
}
