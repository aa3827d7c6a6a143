/**
 * The worker's side of read-ahead.ts: its share of the listing's markdown notes, read from the end of the
 * listing, their facts posted in batches. A note it cannot read is left out (the auditing thread reads it, and reports the
 * error, as without a worker); whatever goes wrong, it says it is done, so nobody waits for it.
 */
import { factsOfNote, type NoteFacts } from "./note-facts";
import { ListedRealPaths } from "./listed-real-paths";
import { READ_AHEAD_ROLE, type ReadAheadData, type ReadAheadMessage } from "./read-ahead";
import { readNoteBytes } from "./vault-files";

/** Notes per message: few messages, and the first facts soon. */
const BATCH = 256;

export function isReadAheadData(data: unknown): data is ReadAheadData {
	return typeof data === "object" && data !== null && (data as { role?: unknown }).role === READ_AHEAD_ROLE;
}

export function runReadAhead(data: ReadAheadData): void {
	const post = (message: ReadAheadMessage): void => data.port.postMessage(message);
	try {
		const realPaths = new ListedRealPaths(data.root, data.paths, data.linked);
		let paths: string[] = [];
		let facts: NoteFacts[] = [];
		// From the end of the listing: the auditing thread goes from its start, and reads the notes it reaches
		// before a worker has; walking towards each other, each note is read about once.
		let markdown = 0;
		for (let index = data.paths.length - 1; index >= 0; index--) {
			const path = data.paths[index];
			if (!/\.md$/i.test(path) || markdown++ % data.of !== data.share) continue;
			try {
				facts.push(factsOfNote(readNoteBytes(data.root, path, realPaths)));
				paths.push(path);
			} catch {
				continue;
			}
			if (paths.length === BATCH) {
				post({ paths, facts });
				paths = [];
				facts = [];
			}
		}
		if (paths.length > 0) post({ paths, facts });
	} finally {
		post({ done: true });
	}
}
