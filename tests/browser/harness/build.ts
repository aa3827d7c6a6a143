/**
 * Builds the harness pages into tests/browser/.artifacts/ (git-ignored): harness.js (entry.ts bundled with
 * esbuild: the panel, the engine, the plugin's fix buttons, and the example vault as JSON) and index.html;
 * editor.js (editor-entry.ts: the editor extension in a real CodeMirror EditorView, with the pinned
 * @codemirror packages from node_modules bundled in) and editor.html. Both pages load the Obsidian stand-in
 * CSS and the project's real styles.css straight from the repository.
 */
import { build, type Plugin } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESSAY_PATH, readExampleVault } from "./essay-audit";

export const ARTIFACTS_DIR = fileURLToPath(new URL("../.artifacts", import.meta.url));
export const HARNESS_HTML = join(ARTIFACTS_DIR, "index.html");
export const EDITOR_HTML = join(ARTIFACTS_DIR, "editor.html");
const EDITOR_OBSIDIAN = fileURLToPath(new URL("./editor-obsidian.ts", import.meta.url));
const OBSIDIAN_TYPES = fileURLToPath(new URL("../../../node_modules/obsidian/obsidian.d.ts", import.meta.url));

const page = (title: string, script: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="../harness/obsidian-theme.css">
<link rel="stylesheet" href="../../../styles.css">
</head>
<body class="theme-light">
<script src="${script}"></script>
</body>
</html>
`;

/**
 * The `obsidian` package has types only. The page gets a module with every value export of obsidian.d.ts as
 * an inert stand-in that throws when used: importing plugin code works, calling into the app fails loudly.
 */
function obsidianModule(): string {
	const source = readFileSync(OBSIDIAN_TYPES, "utf8");
	const lines = ["const unavailable = (name) => { throw new Error(`obsidian.${name} is not available in the browser harness`); };"];
	for (const [, kind, name] of source.matchAll(/^export (?:declare )?(?:abstract )?(class|function|const|let|enum) (\w+)/gm)) {
		if (kind === "class") lines.push(`export class ${name} { constructor() { unavailable(${JSON.stringify(name)}); } }`);
		else if (kind === "function") lines.push(`export function ${name}() { unavailable(${JSON.stringify(name)}); }`);
		else lines.push(`export const ${name} = {};`);
	}
	return lines.join("\n");
}

/** `obsidian` as the inert module; or, given `standIn`, as that file (which itself re-exports the inert module). */
function inertObsidian(standIn: string | null): Plugin {
	return {
		name: "inert-obsidian",
		setup(pluginBuild) {
			pluginBuild.onResolve({ filter: /^obsidian$/ }, (args) =>
				standIn !== null && args.importer !== standIn ? { path: standIn } : { path: "obsidian", namespace: "inert-obsidian" },
			);
			pluginBuild.onLoad({ filter: /.*/, namespace: "inert-obsidian" }, () => ({ contents: obsidianModule(), loader: "js" }));
		},
	};
}

export async function buildHarness(): Promise<void> {
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	await Promise.all([
		buildPage(fileURLToPath(new URL("./entry.ts", import.meta.url)), "harness.js", null),
		buildPage(fileURLToPath(new URL("./editor-entry.ts", import.meta.url)), "editor.js", EDITOR_OBSIDIAN),
	]);
	writeFileSync(HARNESS_HTML, page("Citation Auditor panel harness", "harness.js"));
	writeFileSync(EDITOR_HTML, page("Citation Auditor editor harness", "editor.js"));
}

async function buildPage(entry: string, script: string, obsidianStandIn: string | null): Promise<void> {
	await build({
		entryPoints: [entry],
		outfile: join(ARTIFACTS_DIR, script),
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "chrome120",
		sourcemap: "inline",
		plugins: [inertObsidian(obsidianStandIn)],
		define: { HARNESS_VAULT: JSON.stringify(readExampleVault()), HARNESS_NOTE_PATH: JSON.stringify(ESSAY_PATH) },
		logLevel: "warning",
	});
}
