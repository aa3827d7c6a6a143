/** Process glue for `citation-audit`: arguments in, exit status out. Everything else lives in run.ts. */
import { runCli } from "./run";
import { quietOnClosedPipe } from "./closed-pipe";

declare const CITATION_AUDIT_VERSION: string | undefined;
/** Set only by the pseudo-terminal test's build, so a small vault shows the progress line (default: a second). */
declare const CITATION_AUDIT_PROGRESS_DELAY_MS: number | undefined;

const version = typeof CITATION_AUDIT_VERSION === "string" ? CITATION_AUDIT_VERSION : "development";

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
	});
} catch (error) {
	// Never a stack trace for the writer: one line naming the cause, and the usage/I/O status.
	stderr(`citation-audit: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
}
