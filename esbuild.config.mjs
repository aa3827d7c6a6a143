// Builds the three artefacts of the project from one place:
//   main.js          the Obsidian plugin (CommonJS, `obsidian` and CodeMirror external: the app provides them)
//   dist/cli.cjs     the `citation-audit` command line (Node, self-contained)
//   dist/bench.cjs   the benchmark behind `npm run bench` (Node, dev only)
// Usage: node esbuild.config.mjs [production|cli|bench|watch]
import esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { pluginShims } from "./scripts/plugin-shims.mjs";

const mode = process.argv[2] ?? "production";
const production = mode === "production";

/** Modules Obsidian supplies at run time; bundling them would break the plugin. */
const obsidianExternals = [
	"obsidian",
	"electron",
	"@codemirror/autocomplete",
	"@codemirror/collab",
	"@codemirror/commands",
	"@codemirror/language",
	"@codemirror/lint",
	"@codemirror/search",
	"@codemirror/state",
	"@codemirror/view",
	"@lezer/common",
	"@lezer/highlight",
	"@lezer/lr",
];

/**
 * Inside main.js only, packages markdown-it imports but the engine never exercises (entity decoding,
 * linkify, punycode, Unicode classes) are swapped for small stand-ins: scripts/plugin-shims.mjs says why
 * this cannot change a finding. Saves about 90 KB of main.js.
 */
const plugin = {
	plugins: [pluginShims],
	entryPoints: ["src/plugin/main.ts"],
	bundle: true,
	format: "cjs",
	platform: "browser",
	target: "es2021",
	external: obsidianExternals,
	outfile: "main.js",
	minify: production,
	sourcemap: production ? false : "inline",
	treeShaking: true,
	logLevel: mode === "watch" ? "info" : "warning",
};

const node = {
	bundle: true,
	format: "cjs",
	platform: "node",
	target: "node20",
	external: builtinModules.flatMap((m) => [m, `node:${m}`]),
	logLevel: "warning",
};

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const cli = {
	...node,
	entryPoints: ["src/cli/main.ts"],
	outfile: "dist/cli.cjs",
	banner: { js: "#!/usr/bin/env node" },
	define: { CITATION_AUDIT_VERSION: JSON.stringify(version) },
};
// The benchmark times the plugin's onload() under the test double, as the tests do (vitest.config.ts).
const bench = {
	...node,
	entryPoints: ["bench/main.ts"],
	outfile: "dist/bench.cjs",
	alias: { obsidian: fileURLToPath(new URL("./tests/obsidian-double/index.ts", import.meta.url)) },
};

if (mode === "watch") {
	const context = await esbuild.context(plugin);
	await context.watch();
} else if (mode === "cli") {
	await esbuild.build(cli);
} else if (mode === "bench") {
	await Promise.all([esbuild.build({ ...plugin, minify: true, sourcemap: false, logLevel: "warning" }), esbuild.build(bench), esbuild.build(cli)]);
} else if (mode === "production") {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
} else {
	console.error(`esbuild.config.mjs: unknown mode "${mode}" (expected production, cli, bench or watch)`);
	process.exit(2);
}
