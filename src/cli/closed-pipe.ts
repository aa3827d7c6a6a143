/**
 * `citation-audit vault | head -1`: `head` reads one line and closes the pipe, and the next write fails with
 * EPIPE. Node reports that as an 'error' event on the stream, which, unhandled, printed a stack trace and
 * ended the run with status 1 whatever the findings were. A closed reader is not an error of the run: the
 * output stops quietly (later writes are dropped), the audit finishes, and the exit status is the one its
 * findings give, as `grep … | head -1` behaves. Any other write error is one line on stderr and status 2.
 */

/** The part of a Node writable stream this needs (process.stdout or process.stderr). */
export interface OutputStream {
	write(text: string): boolean;
	on(event: "error", listener: (error: Error) => void): unknown;
	readonly destroyed: boolean;
}

/** A write function for `stream` that ends quietly when its reader goes away. */
export function quietOnClosedPipe(stream: OutputStream, onOtherError: (error: Error) => void = reportWriteError): (text: string) => void {
	let closed = false;
	stream.on("error", (error) => {
		closed = true;
		if ((error as { code?: string }).code !== "EPIPE") onOtherError(error);
	});
	return (text) => {
		// The failed write destroys the stream at once; its 'error' event only comes later.
		if (closed || stream.destroyed) return;
		stream.write(text);
	};
}

function reportWriteError(error: Error): void {
	if (!process.stderr.destroyed) process.stderr.write(`citation-audit: cannot write the output (${error.message})\n`);
	process.exitCode = 2;
}
