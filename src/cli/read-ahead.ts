/**
 * A large vault's audit on two cores: worker threads (read-ahead-worker.ts) read the vault's notes from the
 * end of the listing and post each one's facts (note-facts.ts) while this thread audits from its start. This thread takes the
 * posted facts only when it needs one it does not have yet (receiveMessageOnPort: the audit stays
 * synchronous, as the engine is), and never waits: a note not read ahead yet it reads itself, as a one-thread
 * audit does. So the findings cannot depend on how far the workers got, and a worker that fails or never
 * starts only costs the time it would have saved.
 *
 * Why not audit half the essays on each core: tried (each thread claiming chunks of 64 paths from a shared
 * counter, reports put back in order) on the bench's 100,000-note vault, 16.4 → 16.3 s wall for 18.9 → 30.7 s
 * of CPU and 0.64 → 1.27 GB: each thread needs its own index of the vault and reads most source notes again
 * (every essay cites across the vault). The notes' reading is the part that splits off cleanly.
 */
import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { CliOptions } from "./args";
import type { NoteFacts, NoteFactsSource } from "./note-facts";

/**
 * With `--concurrency auto`, a vault with fewer markdown notes than this is audited on one thread: there the
 * worker's start costs about what it saves. Measured here as processes, two threads against one (medians of
 * 3–5 alternating runs): 5,000 notes 1.74 / 1.61 s, 10,000 2.54 / 2.48 s, 20,000 4.95 / 5.15 s, 100,000
 * 16.9 / 20.1 s (docs/benchmark.md).
 */
export const READ_AHEAD_FROM_NOTES = 20_000;

/** `auto` starts one worker: the auditing thread is the bottleneck, and one reader keeps ahead of it. */
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
}

/** A worker's message: facts of the notes it read (in step), or that it has finished. */
export type ReadAheadMessage = { paths: string[]; facts: NoteFacts[] } | { done: true };

/** How many threads audit a vault of `markdownNotes` notes: the option as given, or auto's choice. */
export function threadsFor(concurrency: CliOptions["concurrency"], markdownNotes: number, cores = availableParallelism()): number {
	if (typeof concurrency === "number") return concurrency;
	return markdownNotes >= READ_AHEAD_FROM_NOTES ? Math.max(1, Math.min(AUTO_THREADS, cores)) : 1;
}

export class ReadAhead implements NoteFactsSource {
	private readonly facts = new Map<string, NoteFacts>();
	/** Ports of the workers that have not said they are done. */
	private sending: MessagePort[];

	private constructor(
		private readonly workers: readonly Worker[],
		ports: MessagePort[],
	) {
		this.sending = ports;
	}

	/** Starts `workers` workers running `script` (the bundled command line) over the listing's notes. */
	static start(script: string, workers: number, listing: Omit<ReadAheadData, "role" | "share" | "of" | "port">): ReadAhead {
		const started: Worker[] = [];
		const ports: MessagePort[] = [];
		for (let share = 0; share < workers; share++) {
			const { port1, port2 } = new MessageChannel();
			const data: ReadAheadData = { role: READ_AHEAD_ROLE, ...listing, share, of: workers, port: port2 };
			const worker = new Worker(script, { workerData: data, transferList: [port2] });
			// The audit's end, not the workers', ends the run.
			worker.unref();
			// A worker that cannot start (its script missing) or dies only leaves its notes to this thread; unheard,
			// its 'error' event would end the process with a stack trace after the report.
			worker.on("error", () => undefined);
			started.push(worker);
			ports.push(port1);
		}
		return new ReadAhead(started, ports);
	}

	get(path: string): NoteFacts | undefined {
		const known = this.facts.get(path);
		if (known !== undefined || this.sending.length === 0) return known;
		this.takePosted();
		return this.facts.get(path);
	}

	/** Ends the workers (their reading is of no more use once the audit is done). */
	stop(): void {
		for (const worker of this.workers) void worker.terminate();
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
