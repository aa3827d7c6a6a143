/** The time slicer on its own: budgets, recorded durations, and cancellation that clears its timer. */
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../obsidian-double/testing";
import { TimeSlicer, windowClock, type SliceClock } from "../../../src/plugin/vault/slicer";

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

/** A clock that advances by `step` ms on every reading and counts pauses. */
function steppingClock(step: number): SliceClock & { pauses: number } {
	let now = 0;
	const clock = {
		pauses: 0,
		now: () => (now += step),
		pause: async () => {
			clock.pauses++;
			await Promise.resolve();
		},
	};
	return clock;
}

describe("TimeSlicer", () => {
	it("pauses once a slice has used its budget, and records each slice's duration", async () => {
		const clock = steppingClock(4);
		const slicer = new TimeSlicer(new AbortController().signal, 15, clock);
		let progress = 0;
		for (let i = 0; i < 10; i++) expect(await slicer.checkpoint(() => progress++)).toBe(true);
		slicer.finish();
		expect(clock.pauses).toBeGreaterThanOrEqual(2);
		expect(progress).toBe(clock.pauses);
		expect(slicer.slices.length).toBe(clock.pauses + 1);
		for (const slice of slicer.slices.slice(0, -1)) expect(slice).toBeGreaterThanOrEqual(15);
	});

	it("returns false once cancelled", async () => {
		const run = new AbortController();
		const slicer = new TimeSlicer(run.signal, 15, steppingClock(1));
		expect(await slicer.checkpoint()).toBe(true);
		run.abort();
		expect(await slicer.checkpoint()).toBe(false);
		expect(slicer.cancelled).toBe(true);
	});

	it("waits for a macrotask with window.setTimeout where the window has no MessageChannel, and an abort clears that timer and wakes it at once", async () => {
		vi.stubGlobal("MessageChannel", undefined);
		const set = vi.spyOn(window, "setTimeout");
		const clear = vi.spyOn(window, "clearTimeout");
		const run = new AbortController();
		let woke = false;
		const paused = windowClock.pause(run.signal).then(() => (woke = true));
		expect(set).toHaveBeenCalledTimes(1);
		const timer = set.mock.results[0].value as number;
		await Promise.resolve();
		expect(woke).toBe(false);
		run.abort();
		await paused;
		expect(woke).toBe(true);
		expect(clear).toHaveBeenCalledWith(timer);
	});

	it("does not wait at all when already cancelled", async () => {
		const set = vi.spyOn(window, "setTimeout");
		const channel = vi.spyOn(window, "MessageChannel");
		const run = new AbortController();
		run.abort();
		await windowClock.pause(run.signal);
		expect(set).not.toHaveBeenCalled();
		expect(channel).not.toHaveBeenCalled();
	});

	describe("with a window that has MessageChannel (as Obsidian's has)", () => {
		/** Node's own MessageChannel stands in for the browser's; each port created is recorded. */
		function withMessageChannel(): { ports: MessagePort[] } {
			const ports: MessagePort[] = [];
			class RecordingChannel extends MessageChannel {
				constructor() {
					super();
					ports.push(this.port1, this.port2);
				}
			}
			// The double's `window` is the global object (tests/obsidian-double/dom-env.ts).
			vi.stubGlobal("MessageChannel", RecordingChannel);
			return { ports };
		}

		afterEach(() => vi.unstubAllGlobals());

		it("waits for a posted message, not a timer, and closes the channel once woken", async () => {
			const { ports } = withMessageChannel();
			const set = vi.spyOn(window, "setTimeout");
			let woke = false;
			const paused = windowClock.pause(new AbortController().signal).then(() => (woke = true));
			expect(ports).toHaveLength(2);
			const closes = ports.map((port) => vi.spyOn(port, "close"));
			// Microtasks alone do not wake it: the message arrives in a later task.
			for (let i = 0; i < 10; i++) await Promise.resolve();
			expect(woke).toBe(false);
			await paused;
			expect(woke).toBe(true);
			expect(set).not.toHaveBeenCalled();
			for (const close of closes) expect(close).toHaveBeenCalled();
		});

		it("wakes at once on abort and drops the pending message", async () => {
			const { ports } = withMessageChannel();
			const run = new AbortController();
			let woke = false;
			const paused = windowClock.pause(run.signal).then(() => (woke = true));
			const closes = ports.map((port) => vi.spyOn(port, "close"));
			run.abort();
			await paused;
			expect(woke).toBe(true);
			for (const close of closes) expect(close).toHaveBeenCalled();
			expect(ports[0].onmessage).toBeNull();
		});

		it("a slicer over many slices pauses once per slice through the channel", async () => {
			const { ports } = withMessageChannel();
			let now = 0;
			const clock: SliceClock = { now: () => (now += 3), pause: (signal) => windowClock.pause(signal) };
			const slicer = new TimeSlicer(new AbortController().signal, 8, clock);
			for (let i = 0; i < 30; i++) expect(await slicer.checkpoint()).toBe(true);
			slicer.finish();
			expect(ports.length).toBe(2 * (slicer.slices.length - 1));
			expect(slicer.slices.length).toBeGreaterThan(5);
		});
	});
});
