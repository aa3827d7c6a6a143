/**
 * Issue 12, item 10: `citation-audit … | head -1`. The built command line is spawned with its stdout piped to
 * a reader that closes the pipe after the first chunk; it must end without a stack trace (stderr empty) and
 * with the exit status its findings give: 0 for a vault with warnings only, 1 with an error.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quietOnClosedPipe, type OutputStream } from "../../src/cli/closed-pipe";
import { buildCli } from "./built-cli";
import { makeTree } from "./cli-harness";

let built: Awaited<ReturnType<typeof buildCli>> | undefined;
beforeAll(async () => {
	built = await buildCli();
}, 60_000);
afterAll(() => built?.remove());

/** A vault whose text report is far larger than a pipe's buffer (64 KB): one warning per note, `error` adds one error. */
function largeVault(error: boolean): string {
	const files: Record<string, string> = { "Source.md": "# Source\n" };
	for (let index = 0; index < 2000; index++) files[`Essay ${index}.md`] = `Claim[^1] and[^2].\n\n[^1]: [[Source]]\n[^2]: [[Source]]\n`;
	if (error) files["Zz Last.md"] = "Claim[^missing].\n";
	return makeTree(files);
}

/** Spawns the CLI, reads stdout until the first chunk arrives, then closes the pipe as `head -1` does. */
function runClosingEarly(args: string[]): Promise<{ status: number | null; signal: string | null; firstChunk: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [built!.cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
		let firstChunk = "";
		let stderr = "";
		child.stdout.once("data", (chunk: Buffer) => {
			firstChunk = chunk.toString("utf8");
			child.stdout.destroy();
		});
		child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
		child.on("error", reject);
		child.on("close", (status, signal) => resolve({ status, signal, firstChunk, stderr }));
	});
}

describe("a reader that closes stdout early", () => {
	it("text report, warnings only: no stack trace, status 0", async () => {
		const result = await runClosingEarly([largeVault(false)]);
		expect(result.firstChunk).toMatch(/^Essay 0\.md:3:1 {2}warning/);
		expect(result.stderr).toBe("");
		expect(result).toMatchObject({ status: 0, signal: null });
	}, 60_000);

	it("json report with an error after the pipe closed: no stack trace, status 1", async () => {
		const result = await runClosingEarly([largeVault(true), "--format", "json"]);
		expect(result.firstChunk.startsWith("{")).toBe(true);
		expect(result.stderr).toBe("");
		expect(result).toMatchObject({ status: 1, signal: null });
	}, 60_000);
});

describe("quietOnClosedPipe", () => {
	/** A stream double: records writes, lets the test emit an error and mark it destroyed (as Node does on EPIPE). */
	function fakeStream(): OutputStream & { written: string[]; fail: (code: string) => void } {
		let listener: ((error: Error) => void) | undefined;
		const stream = {
			written: [] as string[],
			destroyed: false,
			write(text: string) {
				stream.written.push(text);
				return true;
			},
			on(_event: "error", next: (error: Error) => void) {
				listener = next;
				return stream;
			},
			fail(code: string) {
				stream.destroyed = true;
				listener?.(Object.assign(new Error(`write ${code}`), { code }));
			},
		};
		return stream;
	}

	it("drops writes after EPIPE without reporting it; reports any other write error", () => {
		const others: Error[] = [];
		const stream = fakeStream();
		const write = quietOnClosedPipe(stream, (error) => others.push(error));
		write("one");
		stream.fail("EPIPE");
		write("two");
		expect(stream.written).toEqual(["one"]);
		expect(others).toEqual([]);
		const broken = fakeStream();
		quietOnClosedPipe(broken, (error) => others.push(error));
		broken.fail("EIO");
		expect(others.map((error) => (error as { code?: string }).code)).toEqual(["EIO"]);
	});
});
