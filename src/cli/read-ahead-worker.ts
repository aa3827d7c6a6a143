/**
 * The worker's side of read-ahead.ts. Two jobs, the first first:
 *   - the notes just ahead of the auditing thread (parse-ahead.ts): each read, decoded and parsed, and posted
 *     on its own, so the auditing thread finds it parsed when it gets there;
 *   - with nothing to take there, its share of the listing's markdown notes from the end of the listing,
 *     their facts (note-facts.ts) posted in batches.
 * A note it cannot read is left out (the auditing thread reads it, and reports the error, as without a
 * worker); whatever goes wrong, it says it is done, so nobody waits for it.
 */
import { mayTakePartInVaultAudit, parseCitations } from "../core/index";
import { mayHoldCitation } from "./citation-bytes";
import { factsOfNote, type NoteFacts } from "./note-facts";
import { ListedRealPaths } from "./listed-real-paths";
import { packDocument } from "./packed-document";
import { AheadWork, type AheadNote } from "./parse-ahead";
import { READ_AHEAD_ROLE, type ReadAheadData, type ReadAheadMessage } from "./read-ahead";
import { decodeNote, readNoteBytes } from "./vault-files";

/** Notes per message: few messages, and the first facts soon. */
const BATCH = 256;

/** How long a worker with nothing to do waits for the auditing thread to move on before looking again. */
const IDLE_WAIT_MS = 50;

export function isReadAheadData(data: unknown): data is ReadAheadData {
	return typeof data === "object" && data !== null && (data as { role?: unknown }).role === READ_AHEAD_ROLE;
}

export function runReadAhead(data: ReadAheadData): void {
	const post = (message: ReadAheadMessage): void => data.port.postMessage(message);
	try {
		const realPaths = new ListedRealPaths(data.root, data.paths, data.linked);
		const fromEnd = new FactsFromTheEnd(data, realPaths);
		const audited = data.ahead?.audited ?? data.paths;
		// Not a note it read from the end and found without a citation: the auditing thread passes over those.
		const ahead = data.ahead ? new AheadWork(data.ahead.memory, (index) => /\.md$/i.test(audited[index]) && !fromEnd.readWithoutCitations(audited[index])) : null;
		for (;;) {
			const index = ahead && !ahead.finished ? ahead.claimNext() : -1;
			if (index !== -1) {
				data.ahead!.port.postMessage(aheadNoteOf(data.root, audited[index], index, realPaths));
				ahead!.posted(index);
				continue;
			}
			if (fromEnd.readOne(post)) continue;
			fromEnd.flush(post);
			if (!ahead || ahead.finished) break;
			ahead.waitForProgress(IDLE_WAIT_MS);
		}
	} finally {
		post({ done: true });
	}
}

/** Note `path` as the stream would take it: parsed when it may take part in the audit, else skipped. */
export function aheadNoteOf(root: string, path: string, index: number, realPaths: ListedRealPaths): AheadNote {
	let bytes: Buffer;
	try {
		bytes = readNoteBytes(root, path, realPaths);
	} catch {
		return { index, unread: true };
	}
	if (!mayHoldCitation(bytes)) return { index, skip: true, path, facts: factsOfNote(bytes) };
	const file = decodeNote(bytes);
	// With citation keys configured or not: the auditing thread checks again with the run's setting.
	if (!mayTakePartInVaultAudit(file.text, true)) return { index, skip: true, path, facts: null };
	return { index, parsed: packDocument(parseCitations(file.text)), invalidUtf8: file.invalidUtf8 };
}

/** This worker's share of the markdown notes, read from the end of the listing one at a time. */
class FactsFromTheEnd {
	private next: number;
	private markdown = 0;
	private paths: string[] = [];
	private facts: NoteFacts[] = [];
	/** The notes read whose bytes hold no citation: the auditing thread passes over them. */
	private readonly withoutCitations = new Set<string>();

	constructor(
		private readonly data: ReadAheadData,
		private readonly realPaths: ListedRealPaths,
	) {
		// From the end of the listing: the auditing thread goes from its start, and reads the notes it reaches
		// before a worker has; walking towards each other, each note is read about once.
		this.next = data.paths.length - 1;
	}

	/** Reads the next note of this share; false when there is none left. */
	readOne(post: (message: ReadAheadMessage) => void): boolean {
		const { data } = this;
		for (; this.next >= 0; this.next--) {
			const path = data.paths[this.next];
			if (!/\.md$/i.test(path) || this.markdown++ % data.of !== data.share) continue;
			this.next--;
			try {
				const facts = factsOfNote(readNoteBytes(data.root, path, this.realPaths));
				if (!facts.mayCite) this.withoutCitations.add(path);
				this.facts.push(facts);
				this.paths.push(path);
			} catch {
				return true;
			}
			if (this.paths.length === BATCH) this.flush(post);
			return true;
		}
		return false;
	}

	readWithoutCitations(path: string): boolean {
		return this.withoutCitations.has(path);
	}

	flush(post: (message: ReadAheadMessage) => void): void {
		if (this.paths.length === 0) return;
		post({ paths: this.paths, facts: this.facts });
		this.paths = [];
		this.facts = [];
	}
}
