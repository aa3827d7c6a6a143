/**
 * Cooperative time slicing: work runs until its slice has used its budget (15 ms by default), then waits
 * for a macrotask (`window.setTimeout(0)`), so Obsidian can paint and handle keys between slices. The unit
 * of work is one note: a slice ends after the note that crosses the budget, so a slice lasts the budget plus
 * at most one note's audit.
 *
 * Durations are recorded (the benchmark and the tests read them). Cancelling wakes a waiting slice at once
 * and clears its timer, so an unloaded plugin leaves no timer behind.
 */
export const DEFAULT_SLICE_BUDGET_MS = 15;

export interface SliceClock {
	now(): number;
	/** Resolves in a later macrotask, or at once when `signal` aborts. */
	pause(signal: AbortSignal): Promise<void>;
}

export const windowClock: SliceClock = {
	now: () => performance.now(),
	pause: (signal) =>
		new Promise<void>((resolve) => {
			if (signal.aborted) {
				resolve();
				return;
			}
			const done = () => {
				window.clearTimeout(timer);
				signal.removeEventListener("abort", done);
				resolve();
			};
			const timer = window.setTimeout(done, 0);
			signal.addEventListener("abort", done);
		}),
};

export class TimeSlicer {
	/** Milliseconds each finished slice ran. */
	readonly slices: number[] = [];
	private sliceStart: number;

	constructor(
		private readonly signal: AbortSignal,
		private readonly budgetMs = DEFAULT_SLICE_BUDGET_MS,
		private readonly clock: SliceClock = windowClock,
	) {
		this.sliceStart = clock.now();
	}

	get cancelled(): boolean {
		return this.signal.aborted;
	}

	/** Whether the current slice has used its budget. */
	get due(): boolean {
		return this.clock.now() - this.sliceStart >= this.budgetMs;
	}

	/**
	 * Ends the slice if its budget is spent: runs `beforePause` (e.g. a progress update), waits for a
	 * macrotask, and starts a new slice. Returns false once cancelled.
	 */
	async checkpoint(beforePause?: () => void): Promise<boolean> {
		if (this.signal.aborted) return false;
		if (!this.due) return true;
		beforePause?.();
		this.slices.push(this.clock.now() - this.sliceStart);
		await this.clock.pause(this.signal);
		this.sliceStart = this.clock.now();
		return !this.signal.aborted;
	}

	/** Records the last slice. */
	finish(): void {
		this.slices.push(this.clock.now() - this.sliceStart);
	}
}
