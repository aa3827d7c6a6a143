/**
 * The runs of ASCII letters and digits in a vault's names, each distinct run numbered once (name-scan.ts).
 *
 *     Sources/A History of the Archive 10303.md
 *             ^ ^      ^  ^   ^       ^    the runs of the name, `.md` left out
 *
 * A vault's names share most of their runs, so a run is looked up where it lies in the path, by a hash of its
 * characters and a comparison in place, and only a run never seen gets a string of its own. Cutting each name
 * with `split` and asking a Map made a string per run and per name: 50,000 names cost 210 ms here, most of it
 * allocating and collecting them.
 */

import { FNV_OFFSET, fnvHash, fnvStep } from "../collections/fnv";

/** An ASCII letter or digit: what `[^A-Za-z0-9]+` does not match. */
function isLetterOrDigit(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

export class RunDictionary {
	/** Each run's text, by id. */
	readonly texts: string[] = [];
	private readonly hashes: number[] = [];
	/** Open addressing: a run's id + 1 at its hash's slot or the next free one after it; 0 is empty. */
	private slots = new Int32Array(1024);

	get size(): number {
		return this.texts.length;
	}

	/**
	 * Appends to `ids` the id of each run of `text[from, to)`, in order, numbering the runs not seen before
	 * (their ids are `size` before the call and up).
	 */
	cut(text: string, from: number, to: number, ids: number[]): void {
		let at = from;
		while (at < to) {
			//     A History
			//     ^ a run starts at the first letter or digit
			while (at < to && !isLetterOrDigit(text.charCodeAt(at))) at++;
			if (at === to) return;
			const start = at;
			let hash = FNV_OFFSET;
			for (let code = text.charCodeAt(at); at < to && isLetterOrDigit(code); code = text.charCodeAt(++at)) hash = fnvStep(hash, code);
			ids.push(this.idOf(text, start, at, hash));
		}
	}

	/** The id of the run `text`, or -1 if no name holds it. */
	find(text: string): number {
		const hash = fnvHash(text);
		const mask = this.slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const taken = this.slots[slot];
			if (taken === 0) return -1;
			if (this.hashes[taken - 1] === hash && this.texts[taken - 1] === text) return taken - 1;
		}
	}

	private idOf(text: string, from: number, to: number, hash: number): number {
		const mask = this.slots.length - 1;
		const length = to - from;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const taken = this.slots[slot];
			if (taken === 0) break;
			const id = taken - 1;
			const run = this.texts[id];
			if (this.hashes[id] === hash && run.length === length && text.startsWith(run, from)) return id;
		}
		const id = this.texts.length;
		this.texts.push(text.slice(from, to));
		this.hashes.push(hash);
		// At most half full, so a probe meets an empty slot soon.
		if (2 * this.texts.length > this.slots.length) this.grow();
		else this.place(id);
		return id;
	}

	private place(id: number): void {
		const mask = this.slots.length - 1;
		let slot = this.hashes[id] & mask;
		while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
		this.slots[slot] = id + 1;
	}

	private grow(): void {
		this.slots = new Int32Array(this.slots.length * 2);
		for (let id = 0; id < this.texts.length; id++) this.place(id);
	}
}
