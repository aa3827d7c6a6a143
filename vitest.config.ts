import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
	resolve: {
		// The real `obsidian` package ships types only; tests run the plugin against a faithful double.
		alias: { obsidian: fileURLToPath(new URL("./tests/obsidian-double/index.ts", import.meta.url)) },
	},
	test: {
		include: ["tests/**/*.test.ts"],
		exclude: ["tests/browser/**", "node_modules/**"],
	},
});
