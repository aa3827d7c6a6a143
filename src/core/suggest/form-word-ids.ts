/**
 * Each indexed form's words as small integers (one per vocabulary word), packed form after form in one
 * typed array. A lookup's last pass reads the words of every gathered form (word-index.ts, `candidates`):
 * through the forms' objects and strings that was several scattered reads per word, and at 200,000 names,
 * whose index is spread over a heap many times the processor's cache, that pass took 0.07–0.09 ms of a
 * 0.12–0.14 ms lookup against 0.02 ms at 10,000 names (measured by leaving the pass out). Packed, a form's
 * words are one contiguous read.
 */
export class FormWordIds {
	private pool = new Int32Array(1024);
	private used = 0;
	/** Where each form's words start in {@link pool}; form `f`'s end is form `f + 1`'s start, or {@link used}. */
	private starts = new Int32Array(256);
	private forms = 0;

	/** Starts the next form: forms are numbered 0, 1, 2 … in the order they begin, as the index's ids are. */
	beginForm(): void {
		if (this.forms === this.starts.length) this.starts = grown(this.starts);
		this.starts[this.forms++] = this.used;
	}

	/** Adds a word to the form begun last. */
	push(wordId: number): void {
		if (this.used === this.pool.length) this.pool = grown(this.pool);
		this.pool[this.used++] = wordId;
	}

	/**
	 * The sum over `form`'s words, in their order, of the weight of each word listed in `wordIds` (the same
	 * position in `weights`); words not listed add nothing.
	 */
	weightOf(form: number, wordIds: readonly number[], weights: readonly number[]): number {
		const end = form + 1 < this.forms ? this.starts[form + 1] : this.used;
		let sum = 0;
		for (let at = this.starts[form]; at < end; at++) {
			const listed = wordIds.indexOf(this.pool[at]);
			if (listed >= 0) sum += weights[listed];
		}
		return sum;
	}
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
	const next = new Int32Array(array.length * 2);
	next.set(array);
	return next;
}
