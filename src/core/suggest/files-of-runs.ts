/**
 * For each run of name-scan.ts, the files whose names hold it, ascending, in two flat typed arrays (offsets
 * and files) rather than a growing array per run: a 50,000-note vault has some 200,000 (run, file) pairs, and
 * the arrays are made once, at the first lookup, by counting and then filling.
 */
export class FilesOfRuns {
	/** `files[offsets[run] .. offsets[run + 1])` are the run's files. */
	private readonly offsets: Int32Array;
	private files = new Int32Array(0);
	/** While filling: where the run's next file goes. */
	private cursors = new Int32Array(0);
	/** The last file noted for each run (a name may hold a run twice: `Canon Canon`). */
	private readonly last: Int32Array;

	constructor(runs: number) {
		this.offsets = new Int32Array(runs + 1);
		this.last = new Int32Array(runs).fill(-1);
	}

	/** First pass: `file` (files in ascending order) holds `run`. */
	count(run: number, file: number): void {
		if (this.last[run] === file) return;
		this.last[run] = file;
		this.offsets[run + 1]++;
	}

	/** Between the passes: the counts become offsets. */
	allocate(): void {
		for (let run = 1; run < this.offsets.length; run++) this.offsets[run] += this.offsets[run - 1];
		this.files = new Int32Array(this.offsets[this.offsets.length - 1]);
		this.cursors = this.offsets.slice(0, -1);
		this.last.fill(-1);
	}

	/** Second pass: the same calls as the first. */
	fill(run: number, file: number): void {
		if (this.last[run] === file) return;
		this.last[run] = file;
		this.files[this.cursors[run]++] = file;
	}

	/** Adds the run's files to `set`, ascending. */
	addFilesOf(run: number, set: Set<number>): void {
		for (let at = this.offsets[run], end = this.offsets[run + 1]; at < end; at++) set.add(this.files[at]);
	}

	/** The run's files, ascending (for tests). */
	filesOf(run: number): number[] {
		return Array.from(this.files.subarray(this.offsets[run], this.offsets[run + 1]));
	}

	isEmpty(run: number): boolean {
		return this.offsets[run] === this.offsets[run + 1];
	}
}
