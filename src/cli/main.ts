/** Process glue for `citation-audit`: arguments in, exit status out. Everything else lives in run.ts. */
import { runCli } from "./run";
import { quietOnClosedPipe } from "./closed-pipe";
import { workerData } from "node:worker_threads";
import { isReadAheadData, runReadAhead } from "./read-ahead-worker";

declare const CITATION_AUDIT_VERSION: string | undefined;
/** Set only by the pseudo-terminal test's build, so a small vault shows the progress line (default: a second). */
declare const CITATION_AUDIT_PROGRESS_DELAY_MS: number | undefined;

const version = typeof CITATION_AUDIT_VERSION === "string" ? CITATION_AUDIT_VERSION : "development";

// The same file runs as the worker threads reading a large vault ahead of its audit (read-ahead.ts).
if (isReadAheadData(workerData)) runReadAhead(workerData);
else runCommandLine();

function runCommandLine(): void {
	// `citation-audit … | head -1`: a reader that stops early ends the output, not the run (see closed-pipe.ts).
	const stdout = quietOnClosedPipe(process.stdout);
	const stderr = quietOnClosedPipe(process.stderr);
	try {
		process.exitCode = runCli(process.argv.slice(2), {
			stdout,
			stderr,
			cwd: process.cwd(),
			version,
			stdoutIsTerminal: process.stdout.isTTY === true,
			stderrIsTerminal: process.stderr.isTTY === true,
			env: process.env,
			now: () => performance.now(),
			progressDelayMs: typeof CITATION_AUDIT_PROGRESS_DELAY_MS === "number" ? CITATION_AUDIT_PROGRESS_DELAY_MS : 1000,
			// This bundle: CommonJS, where Node defines __filename (esbuild leaves it alone).
			// eslint-disable-next-line no-undef -- CommonJS's own variable, which the lint's globals do not list
			workerScript: __filename,
		});
	} catch (error) {
		// Never a stack trace for the writer: one line naming the cause, and the usage/I/O status.
		stderr(`citation-audit: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 2;
	}
}
