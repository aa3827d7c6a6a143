/**
 * The progress line of a long vault audit, on a terminal's stderr only:
 *   citation-audit: 1200 / 48000 notes
 * It appears once the audit has run for `delayMs` (a second: short audits stay silent, as most are), is
 * rewritten in place with `\r` at most ten times a second, and is erased before the report, so a terminal
 * shows the report alone and a redirected stderr never gets it.
 */
export interface ProgressIO {
	/** Writes to stderr as is: the line's `\r` and erase sequence must reach the terminal. */
	write: (text: string) => void;
	now: () => number;
	delayMs: number;
}

export interface Progress {
	/** `done` of `total` notes handled (read, skipped or audited). */
	update(done: number): void;
	/** Erases the line if it was shown. */
	finish(): void;
}

const REDRAW_MS = 100;
const ERASE_LINE = "\r\u001b[K";

export const NO_PROGRESS: Progress = { update: () => undefined, finish: () => undefined };

export function startProgress(total: number, io: ProgressIO): Progress {
	const started = io.now();
	let shownAt: number | undefined;
	return {
		update(done) {
			const now = io.now();
			if (now - started < io.delayMs) return;
			if (shownAt !== undefined && now - shownAt < REDRAW_MS && done < total) return;
			shownAt = now;
			io.write(`${ERASE_LINE}citation-audit: ${done} / ${total} notes`);
		},
		finish() {
			if (shownAt !== undefined) io.write(ERASE_LINE);
		},
	};
}
