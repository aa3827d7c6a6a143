/**
 * Which Chromium the browser suite drives, and the check that it is there. The suite never downloads a
 * browser: it uses Debian's `chromium` package (CI installs it in .ci/run). Without it the suite fails
 * with this message rather than passing or skipping.
 */
import { accessSync, constants } from "node:fs";

/** Debian's package installs here; CHROMIUM_PATH points the suite at another build of Chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
	"--no-sandbox",
	"--headless",
	"--disable-gpu",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-quic",
];

export function requireChromium(path: string = CHROMIUM_PATH): string {
	try {
		accessSync(path, constants.X_OK);
		return path;
	} catch {
		throw new Error(
			[
				`Chromium is missing: no executable at ${path}.`,
				"The browser tests (npm run test:browser) drive a real Chromium and never download one.",
				"Install Debian's package:  sudo apt-get update && sudo apt-get install -y chromium",
				"or point CHROMIUM_PATH at an existing Chromium/Chrome executable.",
			].join("\n"),
		);
	}
}
