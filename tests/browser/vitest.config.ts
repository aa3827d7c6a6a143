// The browser suite (npm run test:browser): real Chromium via playwright-core, run apart from the unit
// tests (the main vitest.config.ts excludes tests/browser). Each file launches its own browser.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
	root: fileURLToPath(new URL("../..", import.meta.url)),
	test: {
		include: ["tests/browser/**/*.test.ts"],
		globalSetup: ["tests/browser/global-setup.ts"],
		environment: "node",
		testTimeout: 60_000,
		hookTimeout: 120_000,
	},
});
