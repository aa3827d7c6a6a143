/**
 * Cooperative time slicing: work runs until its slice has used its budget (8 ms by default), then yields to
 * the event loop, so Obsidian can paint and handle keys between slices. The unit of work is one note: a
 * slice ends after the note that crosses the budget, so a slice lasts the budget plus at most one note's
 * audit (plus whatever the garbage collector takes inside it).
 *
 * Durations are recorded (the benchmark and the tests read them). Cancelling wakes a waiting slice at once
 * and drops its pending wake-up, so an unloaded plugin leaves no timer or channel behind.
 */

/**
 * Half a 60 Hz frame: the other half is left to Obsidian's own work and paint. A longer budget made the
 * rare slice that meets a slow young-generation collection (8–42 ms with a 1 GB heap, see
 * bench/plugin-slices.ts) pass 50 ms; React's scheduler yields every 5 ms for the same reason.
 */
export const DEFAULT_SLICE_BUDGET_MS = 8;

export interface SliceClock {
	now(): number;
	/** Resolves in a later macrotask, or at once when `signal` aborts. */
	pause(signal: AbortSignal): Promise<void>;
}

export const windowClock: SliceClock = {
	now: () => performance.now(),
	pause: (signal) => nextMacrotask(signal),
};

/**
 * Resolves in a later task of the window's event loop, or at once when `signal` aborts.
 *
 * A message on a fresh MessageChannel, not `setTimeout(0)`: the HTML standard clamps a timer set from
 * inside a timer's task to at least 4 ms once timers nest five deep ("timer initialisation steps"), and a
 * slicer's pauses always nest, so every pause would idle 4 ms (a third of an 8 ms slice's cycle). A posted
 * message is not clamped, and the browser still runs input and rendering between the two tasks (React's
 * scheduler yields the same way). Where the window has no MessageChannel, `window.setTimeout` does it.
 * (Under the test double `window` is Node's global object, whose MessageChannel serves.)
 */
export function nextMacrotask(signal: AbortSignal): Promise<void> {
	return new Promise<void>((resolve) => {
		if (signal.aborted) {
			resolve();
			return;
		}
		let cancelWakeUp: () => void;
		const done = () => {
			cancelWakeUp();
			signal.removeEventListener("abort", done);
			resolve();
		};
		const Channel = (window as Window & { MessageChannel?: typeof MessageChannel }).MessageChannel;
		if (Channel) {
			const channel = new Channel();
			channel.port1.onmessage = done;
			channel.port2.postMessage(null);
			cancelWakeUp = () => {
				channel.port1.onmessage = null;
				channel.port1.close();
				channel.port2.close();
			};
		} else {
			const timer = window.setTimeout(done, 0);
			cancelWakeUp = () => window.clearTimeout(timer);
		}
		signal.addEventListener("abort", done);
	});
}

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
