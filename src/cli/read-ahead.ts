/**
 * A large vault's audit on two cores: worker threads (read-ahead-worker.ts) read and parse the notes just
 * ahead of this thread's stream and post each parsed (parse-ahead.ts), and otherwise read the vault's notes
 * from the end of the listing and post each one's facts (note-facts.ts), while this thread audits from its
 * start. This thread takes what was posted only when it needs it (receiveMessageOnPort: the audit stays
 * synchronous, as the engine is), and never waits: a note not read ahead yet it reads itself, as a one-thread
 * audit does. So the findings cannot depend on how far the workers got, and a worker that fails or never
 * starts only costs the time it would have saved.
 *
 * Why not audit half the essays on each core (rather than parse them): tried (each thread claiming chunks of 64 paths from a shared
 * counter, reports put back in order) on the bench's 100,000-note vault, 16.4 → 16.3 s wall for 18.9 → 30.7 s
 * of CPU and 0.64 → 1.27 GB: each thread needs its own index of the vault and reads most source notes again
 * (every essay cites across the vault). The notes' reading and parsing are the parts that split off cleanly.
 */
import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { CliOptions } from "./args";
import type { NoteFacts, NoteFactsSource } from "./note-facts";
import { AheadClaims, createAheadMemory, POSTED, TAKEN, type AheadMemory, type AheadNote } from "./parse-ahead";

/**
 * With `--concurrency auto`, a vault with fewer markdown notes than this is audited on one thread: there the
 * worker's start costs about what it saves. Measured here as processes, two threads against one (medians of
 * 4 alternating runs, with notes parsed ahead): 5,000 notes 1.71 / 1.59 s, 10,000 2.23 / 2.26 s, 20,000
 * 3.66 / 3.94 s; 100,000 (3 runs) 12.0 / 15.5 s (docs/benchmark.md).
 */
export const READ_AHEAD_FROM_NOTES = 20_000;

/** `auto` starts one worker: the auditing thread is the bottleneck, and one worker keeps ahead of it. */
const AUTO_THREADS = 2;

export const READ_AHEAD_ROLE = "citation-audit-read-ahead";

/** What a worker is given: the listing as plain data (copied to it), and which of its notes are its share. */
export interface ReadAheadData {
	role: typeof READ_AHEAD_ROLE;
	root: string;
	paths: readonly string[];
	linked: ReadonlyMap<string, string>;
	/** The worker reads the markdown notes whose index among them is `share` modulo `of`. */
	share: number;
	of: number;
	port: MessagePort;
	/**
	 * The notes the stream audits, in its order (null: the listing's paths), and the memory where the
	 * auditing thread and the workers settle who parses each (parse-ahead.ts). Without it, facts only.
	 */
	ahead?: { audited: readonly string[] | null; memory: AheadMemory; port: MessagePort };
}

/** A worker's message: facts of the notes it read (in step), or that it has finished. */
export type ReadAheadMessage = { paths: string[]; facts: NoteFacts[] } | { done: true };

/** The notes parsed ahead, for the stream: the note at index `index` of the audited paths. */
export interface NotesAhead {
	/** Undefined: the note is the caller's to read and parse (no worker took it). */
	take(index: number): AheadNote | undefined;
	/** The stream passes over note `index` without reading it (known to hold no citation). */
	pass(index: number): void;
	/** The stream is done: workers waiting for it stop. */
	finish(): void;
}

/** How many threads audit a vault of `markdownNotes` notes: the option as given, or auto's choice. */
export function threadsFor(concurrency: CliOptions["concurrency"], markdownNotes: number, cores = availableParallelism()): number {
	if (typeof concurrency === "number") return concurrency;
	return markdownNotes >= READ_AHEAD_FROM_NOTES ? Math.max(1, Math.min(AUTO_THREADS, cores)) : 1;
}

export class ReadAhead implements NoteFactsSource, NotesAhead {
	private readonly facts = new Map<string, NoteFacts>();
	/** Notes the workers parsed ahead and posted, until the stream takes them. */
	private readonly ahead = new Map<number, AheadNote>();
	/** Notes the stream went past (or read itself) while a worker had them: their messages are dropped. */
	private readonly overtaken = new Set<number>();
	/** Ports of the workers that have not said they are done. */
	private sending: MessagePort[];

	private constructor(
		private readonly workers: readonly Worker[],
		ports: MessagePort[],
		/**
		 * The notes parsed ahead come on ports of their own, taken one by one when the stream gets to each:
		 * read off the port at once, each would wait in this thread's heap long enough to be promoted to its
		 * old generation (the 100,000-note vault's heap grew 360 → 570 MB that way).
		 */
		private readonly aheadPorts: MessagePort[],
		private readonly claims: AheadClaims,
	) {
		this.sending = ports;
	}

	/**
	 * Starts `workers` workers running `script` (the bundled command line) over the listing's notes, and
	 * parsing ahead of the stream over `audited` (the listing's paths when it is that very array).
	 */
	static start(script: string, workers: number, listing: Omit<ReadAheadData, "role" | "share" | "of" | "port" | "ahead">, audited: readonly string[]): ReadAhead {
		const started: Worker[] = [];
		const ports: MessagePort[] = [];
		const aheadPorts: MessagePort[] = [];
		const memory = createAheadMemory(audited.length);
		for (let share = 0; share < workers; share++) {
			const { port1, port2 } = new MessageChannel();
			const parsed = new MessageChannel();
			// The listing crosses to each worker once: the audited paths only when they are not the same array.
			const ahead = { audited: audited === listing.paths ? null : audited, memory, port: parsed.port2 };
			const data: ReadAheadData = { role: READ_AHEAD_ROLE, ...listing, share, of: workers, port: port2, ahead };
			const worker = new Worker(script, { workerData: data, transferList: [port2, parsed.port2] });
			// The audit's end, not the workers', ends the run.
			worker.unref();
			// A worker that cannot start (its script missing) or dies only leaves its notes to this thread; unheard,
			// its 'error' event would end the process with a stack trace after the report.
			worker.on("error", () => undefined);
			started.push(worker);
			ports.push(port1);
			aheadPorts.push(parsed.port1);
		}
		return new ReadAhead(started, ports, aheadPorts, new AheadClaims(memory));
	}

	take(index: number): AheadNote | undefined {
		const was = this.claims.claim(index);
		if (was !== POSTED) {
			// A worker still reading it posts it later: dropped when it comes.
			if (was === TAKEN) this.overtaken.add(index);
			return undefined;
		}
		const note = this.ahead.get(index) ?? this.takeAhead(index);
		this.ahead.delete(index);
		return note;
	}

	/** Reads the parsed notes' ports up to note `index`'s message (posted: it is there). */
	private takeAhead(index: number): AheadNote | undefined {
		for (const port of this.aheadPorts) {
			for (let received = receiveMessageOnPort(port); received !== undefined; received = receiveMessageOnPort(port)) {
				const message = received.message as AheadNote;
				if ("skip" in message && message.facts !== null) this.facts.set(message.path, message.facts);
				if (message.index === index) return message;
				if (!this.overtaken.delete(message.index)) this.ahead.set(message.index, message);
			}
		}
		return undefined;
	}

	pass(index: number): void {
		const was = this.claims.claim(index);
		if (was === TAKEN || (was === POSTED && !this.ahead.delete(index))) this.overtaken.add(index);
	}

	finish(): void {
		this.claims.finish();
	}

	get(path: string): NoteFacts | undefined {
		const known = this.facts.get(path);
		if (known !== undefined || this.sending.length === 0) return known;
		this.takePosted();
		return this.facts.get(path);
	}

	/** Ends the workers (their reading is of no more use once the audit is done). */
	stop(): void {
		this.claims.finish();
		for (const worker of this.workers) void worker.terminate();
		for (const port of this.aheadPorts) port.close();
		this.sending = [];
	}

	private takePosted(): void {
		for (const port of this.sending) {
			for (let received = receiveMessageOnPort(port); received !== undefined; received = receiveMessageOnPort(port)) {
				const message = received.message as ReadAheadMessage;
				if ("done" in message) {
					this.sending = this.sending.filter((other) => other !== port);
					port.close();
					break;
				}
				for (let index = 0; index < message.paths.length; index++) this.facts.set(message.paths[index], message.facts[index]);
			}
		}
	}
}
