/**
 * Release readiness for Obsidian's community directory and for npm (issue 9):
 * - manifest.json, package.json and versions.json agree, and the manifest follows the directory's rules
 *   (checked both here and with eslint-plugin-obsidianmd's own validate-manifest rule);
 * - scripts/version-bump.mjs (the npm `version` script) keeps them in step;
 * - the GitHub workflows parse and have the triggers and steps a release needs;
 * - the npm package holds only the command line and its documents;
 * - the plugin bundle, built like esbuild.config.mjs builds main.js, needs nothing that mobile lacks.
 * Every check is also run on a deliberately broken input, to show that it can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { Linter } from "eslint";
import obsidianmd from "eslint-plugin-obsidianmd";
import { parse as parseYaml } from "yaml";

const root = fileURLToPath(new URL("../../", import.meta.url));
const SEMVER = /^\d+\.\d+\.\d+$/;

type Json = Record<string, unknown>;

function readJson(path: string): Json {
	return JSON.parse(readFileSync(join(root, path), "utf8")) as Json;
}

function asRecord(value: unknown, what: string): Json {
	if (typeof value !== "object" || value === null || Array.isArray(value)) {
		throw new Error(`${what} is not an object`);
	}
	return value as Json;
}

let scratch = "";
beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "citation-auditor-release-"));
});
afterAll(() => {
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------
// Manifest rules
// ---------------------------------------------------------------------------------------------------

const REQUIRED_MANIFEST_KEYS: Record<string, string> = {
	id: "string",
	name: "string",
	version: "string",
	minAppVersion: "string",
	description: "string",
	author: "string",
	isDesktopOnly: "boolean",
};
const OPTIONAL_MANIFEST_KEYS = ["authorUrl", "fundingUrl"];

/** The submission requirements and plugin guidelines for a manifest, as a list of broken rules. */
function manifestProblems(manifest: Json): string[] {
	const problems: string[] = [];
	for (const [key, type] of Object.entries(REQUIRED_MANIFEST_KEYS)) {
		if (typeof manifest[key] !== type) problems.push(`${key} must be a ${type}`);
	}
	for (const key of Object.keys(manifest)) {
		if (!(key in REQUIRED_MANIFEST_KEYS) && !OPTIONAL_MANIFEST_KEYS.includes(key)) problems.push(`${key} is not a manifest key`);
	}
	const text = (key: string): string => {
		const value = manifest[key];
		return typeof value === "string" ? value : "";
	};
	const id = text("id");
	const name = text("name");
	const description = text("description");
	if (!/^[a-z0-9_-]+$/.test(id)) problems.push("id must use lowercase letters, digits, - and _ only");
	if (/obsidian/i.test(id)) problems.push("id must not contain obsidian");
	if (/plugin$/i.test(id)) problems.push("id must not end with plugin");
	for (const [key, value] of [
		["name", name],
		["description", description],
	]) {
		if (/obsidian/i.test(value)) problems.push(`${key} must not contain Obsidian`);
		if (/plugin/i.test(value)) problems.push(`${key} must not contain plugin`);
	}
	if (name.trim() === "") problems.push("name must not be empty");
	if (description.length < 10 || description.length > 250) problems.push("description must have 10 to 250 characters");
	if (!/^[A-Z]/.test(description)) problems.push("description must start with a capital letter");
	if (!description.endsWith(".")) problems.push("description must end with a period");
	if (/^this (is|plugin|tool)/i.test(description)) problems.push("description must not start with This is/This plugin");
	// The character set eslint-plugin-obsidianmd's validate-manifest accepts: no emoji, no special characters.
	if (!/^[A-Za-z0-9\s.,!?'"-]+$/.test(description)) problems.push("description must not contain emoji or special characters");
	if (!SEMVER.test(text("version"))) problems.push("version must be x.y.z");
	if (!SEMVER.test(text("minAppVersion"))) problems.push("minAppVersion must be x.y.z");
	if (text("author").trim() === "") problems.push("author must not be empty");
	return problems;
}

/**
 * Runs eslint-plugin-obsidianmd's own validate-manifest rule on a manifest's text. The rule expects the
 * manifest as a JavaScript object expression, so the JSON is wrapped in parentheses; the project's
 * `eslint .` does not lint JSON files other than package.json, so without this the rule never sees it.
 */
function validateManifestRule(text: string): string[] {
	const linter = new Linter({ configType: "flat" });
	const messages = linter.verify(
		`(${text})`,
		[
			{
				files: ["**/manifest.json"],
				plugins: { obsidianmd: obsidianmd as unknown as NonNullable<Linter.Config["plugins"]>[string] },
				rules: { "obsidianmd/validate-manifest": "error" },
			},
		],
		{ filename: "manifest.json" },
	);
	return messages.map((message) => `${message.ruleId ?? "parse"}: ${message.message}`);
}

describe("manifest.json, package.json and versions.json", () => {
	const manifest = readJson("manifest.json");
	const pkg = readJson("package.json");
	const versions = readJson("versions.json");

	it("carry the same version, and versions.json maps it to manifest.minAppVersion", () => {
		expect(manifest.version).toMatch(SEMVER);
		expect(pkg.version).toBe(manifest.version);
		expect(versions[manifest.version as string]).toBe(manifest.minAppVersion);
	});

	it("versions.json maps x.y.z plugin versions to x.y.z app versions only", () => {
		expect(Object.keys(versions).length).toBeGreaterThan(0);
		for (const [version, minAppVersion] of Object.entries(versions)) {
			expect(version).toMatch(SEMVER);
			expect(minAppVersion).toMatch(SEMVER);
		}
	});

	it("name the same project, desktop and mobile", () => {
		expect(manifest.id).toBe(pkg.name);
		expect(manifest.author).toBe(pkg.author);
		expect(manifest.isDesktopOnly).toBe(false);
		// fundingUrl is only for donation services, and the project takes none.
		expect(manifest.fundingUrl).toBeUndefined();
		expect(pkg.license).toBe("MIT");
		expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/MIT License[\s\S]*Copyright \(c\) 2026 Citation Auditor contributors/);
	});

	it("manifest.json follows the directory's naming and description rules", () => {
		expect(manifestProblems(manifest)).toEqual([]);
	});

	it("the manifest rules catch a manifest that breaks them", () => {
		const bad = {
			...manifest,
			id: "obsidian-citation-plugin",
			name: "Citation Plugin for Obsidian",
			description: "this plugin audits citations 📚",
			version: "v1.0",
			extra: true,
		};
		const problems = manifestProblems(bad);
		for (const expected of [
			"extra is not a manifest key",
			"id must not contain obsidian",
			"id must not end with plugin",
			"name must not contain Obsidian",
			"name must not contain plugin",
			"description must start with a capital letter",
			"description must end with a period",
			"description must not start with This is/This plugin",
			"description must not contain emoji or special characters",
			"version must be x.y.z",
		]) {
			expect(problems).toContain(expected);
		}
		expect(manifestProblems({ ...manifest, description: `${"A".repeat(250)}.` })).toContain("description must have 10 to 250 characters");
	});

	it("eslint-plugin-obsidianmd's validate-manifest rule reports nothing on manifest.json", () => {
		expect(validateManifestRule(readFileSync(join(root, "manifest.json"), "utf8"))).toEqual([]);
	});

	it("the validate-manifest harness reports a broken manifest", () => {
		const bad = JSON.stringify({ ...manifest, name: "Obsidian citations", description: "no period", website: "x" }, null, "\t");
		const messages = validateManifestRule(bad);
		expect(messages.some((m) => m.includes("cannot contain 'obsidian'"))).toBe(true);
		expect(messages.some((m) => m.includes("'website' property is not allowed"))).toBe(true);
		expect(messages.some((m) => m.includes("'description' property should be concise"))).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------------
// scripts/version-bump.mjs
// ---------------------------------------------------------------------------------------------------

describe("scripts/version-bump.mjs (npm version)", () => {
	const pkg = readJson("package.json");
	const scripts = asRecord(pkg.scripts, "package.json scripts");

	/**
	 * Runs the script as `npm version` would, in a copy of the two files. npm passes tag-version-prefix
	 * and git-tag-version only when they differ from their defaults ("v" and true); undefined = default.
	 */
	function runBump(
		version: string | undefined,
		config: { tagVersionPrefix?: string; gitTagVersion?: string } = { tagVersionPrefix: "" },
	): { status: number | null; stderr: string; dir: string } {
		const dir = mkdtempSync(join(scratch, "bump-"));
		copyFileSync(join(root, "manifest.json"), join(dir, "manifest.json"));
		copyFileSync(join(root, "versions.json"), join(dir, "versions.json"));
		const env: typeof process.env = { ...process.env };
		for (const key of ["npm_package_version", "npm_config_tag_version_prefix", "npm_config_git_tag_version"]) delete env[key];
		if (version !== undefined) env.npm_package_version = version;
		if (config.tagVersionPrefix !== undefined) env.npm_config_tag_version_prefix = config.tagVersionPrefix;
		if (config.gitTagVersion !== undefined) env.npm_config_git_tag_version = config.gitTagVersion;
		const result = spawnSync(process.execPath, [join(root, "scripts/version-bump.mjs")], { cwd: dir, env, encoding: "utf8" });
		return { status: result.status, stderr: result.stderr, dir };
	}

	it("is package.json's version script, and stages both files for npm's commit", () => {
		expect(scripts.version).toBe("node scripts/version-bump.mjs && git add manifest.json versions.json");
	});

	it("writes the new version to manifest.json (keeping its tabs) and adds it to versions.json", () => {
		const before = readFileSync(join(root, "manifest.json"), "utf8");
		const manifest = JSON.parse(before) as Json;
		const { status, dir } = runBump("9.8.7");
		expect(status).toBe(0);
		const after = readFileSync(join(dir, "manifest.json"), "utf8");
		// Only the version line changes: same keys, same order, same tabs, same final newline.
		expect(after).toBe(before.replace(`"version": "${manifest.version as string}"`, '"version": "9.8.7"'));
		expect(after).toMatch(/^\t"id"/m);
		const versions = JSON.parse(readFileSync(join(dir, "versions.json"), "utf8")) as Json;
		expect(versions).toEqual({ ...readJson("versions.json"), "9.8.7": manifest.minAppVersion });
		expect(readFileSync(join(dir, "versions.json"), "utf8")).toMatch(/^\t"9\.8\.7": "\d+\.\d+\.\d+"$/m);
	});

	it("refuses to let npm make a v-prefixed tag, which would never be released", () => {
		for (const config of [{}, { tagVersionPrefix: "v" }, { tagVersionPrefix: "release-" }]) {
			const { status, stderr, dir } = runBump("9.8.7", config);
			expect(status).not.toBe(0);
			expect(stderr).toMatch(/tag-version-prefix=""/);
			expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(readFileSync(join(root, "manifest.json"), "utf8"));
		}
		// Without a tag (npm version --no-git-tag-version) the prefix does not matter.
		expect(runBump("9.8.7", { gitTagVersion: "" }).status).toBe(0);
	});

	it("refuses versions Obsidian cannot use, and runs outside npm", () => {
		for (const version of ["1.0.0-beta.1", "v1.0.0", undefined]) {
			const { status, stderr, dir } = runBump(version);
			expect(status).not.toBe(0);
			expect(stderr).toMatch(/version-bump:/);
			expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(readFileSync(join(root, "manifest.json"), "utf8"));
		}
	});
});

// ---------------------------------------------------------------------------------------------------
// GitHub workflows
// ---------------------------------------------------------------------------------------------------

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Json;
	env?: Json;
}

function loadWorkflow(file: string): Json {
	return asRecord(parseYaml(readFileSync(join(root, ".github/workflows", file), "utf8")), file);
}

function stepsOf(workflow: Json): Step[] {
	const jobs = asRecord(workflow.jobs, "jobs");
	return Object.values(jobs).flatMap((job) => {
		const steps = asRecord(job, "job").steps;
		if (!Array.isArray(steps)) throw new Error("job without steps");
		return steps.map((step) => asRecord(step, "step") as Step);
	});
}

/** Index of the first step whose `run` matches, or -1. */
function indexOfRun(steps: Step[], pattern: RegExp): number {
	return steps.findIndex((step) => typeof step.run === "string" && pattern.test(step.run));
}

/** GitHub Actions filter pattern (branches, tags) as a regular expression: * ** ? + and [] as documented. */
function filterPatternToRegExp(pattern: string): RegExp {
	let source = "";
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === "*") {
			if (pattern[i + 1] === "*") {
				source += ".*";
				i++;
			} else {
				source += "[^/]*";
			}
		} else if (c === "?" || c === "+") {
			source += c;
		} else if (c === "[") {
			const end = pattern.indexOf("]", i);
			source += pattern.slice(i, end + 1);
			i = end;
		} else {
			source += c.replace(/[.^$|(){}\\]/g, "\\$&");
		}
	}
	return new RegExp(`^${source}$`);
}

function hasChromiumBeforeCheck(steps: Step[]): boolean {
	const chromium = indexOfRun(steps, /apt-get install -y chromium/);
	const check = indexOfRun(steps, /^npm run check$/m);
	return chromium >= 0 && check > chromium;
}

function usesNode20(steps: Step[]): boolean {
	return steps.some((step) => step.uses?.startsWith("actions/setup-node@") === true && String(step.with?.["node-version"]) === "20");
}

describe("workflow filter patterns", () => {
	it("are interpreted like GitHub does", () => {
		expect(filterPatternToRegExp("[0-9]+.[0-9]+.[0-9]+").test("1.2.3")).toBe(true);
		expect(filterPatternToRegExp("[0-9]+.[0-9]+.[0-9]+").test("1x2.3")).toBe(false);
		expect(filterPatternToRegExp("*").test("1.2.3")).toBe(true);
		expect(filterPatternToRegExp("v*").test("1.2.3")).toBe(false);
	});
});

describe(".github/workflows/release.yml", () => {
	const workflow = loadWorkflow("release.yml");
	const steps = stepsOf(workflow);
	const on = asRecord(workflow.on, "on");

	it("runs on pushed x.y.z tags only, never on v-prefixed or pre-release tags", () => {
		expect(Object.keys(on)).toEqual(["push"]);
		const push = asRecord(on.push, "on.push");
		expect(push.branches).toBeUndefined();
		const tags = push.tags as string[];
		expect(Array.isArray(tags) && tags.length > 0).toBe(true);
		const matches = (tag: string): boolean => tags.some((pattern) => filterPatternToRegExp(pattern).test(tag));
		for (const tag of ["0.1.0", "1.0.0", "12.30.456"]) expect(matches(tag), tag).toBe(true);
		for (const tag of ["v0.1.0", "0.1", "0.1.0-beta.1", "0.1.0.1", "latest"]) expect(matches(tag), tag).toBe(false);
	});

	it("may write releases and nothing else", () => {
		expect(workflow.permissions).toEqual({ contents: "write" });
	});

	it("sets up Node 20, checks the tag, installs Chromium, then npm ci, npm run check, npm run build and the release", () => {
		expect(usesNode20(steps)).toBe(true);
		const tagCheck = steps.findIndex((step) => /manifest\.json/.test(step.run ?? "") && /process\.exit\(1\)|exit 1/.test(step.run ?? ""));
		const ci = indexOfRun(steps, /^npm ci$/m);
		const check = indexOfRun(steps, /^npm run check$/m);
		const build = indexOfRun(steps, /^npm run build$/m);
		const release = indexOfRun(steps, /gh release create/);
		expect([tagCheck, ci, check, build, release].every((i) => i >= 0)).toBe(true);
		expect(tagCheck).toBeLessThan(ci);
		expect(ci).toBeLessThan(check);
		expect(check).toBeLessThan(build);
		expect(build).toBeLessThan(release);
		expect(hasChromiumBeforeCheck(steps)).toBe(true);
	});

	it("uploads exactly main.js, manifest.json and styles.css, with the workflow's token", () => {
		const step = steps[indexOfRun(steps, /gh release create/)];
		const words = (step.run ?? "").replace(/\\\n/g, " ").split(/\s+/);
		const assets = words.filter((word) => !word.startsWith("-") && /\.(js|json|css)$/.test(word));
		expect(assets.sort()).toEqual(["main.js", "manifest.json", "styles.css"]);
		expect(step.env?.GITHUB_TOKEN).toBe("${{ secrets.GITHUB_TOKEN }}");
		expect(step.run).toMatch(/gh release create "\$TAG"/);
		expect(step.run).not.toMatch(/--draft|--prerelease/);
	});

	it("fails when the tag is not the version of manifest.json, package.json and versions.json", () => {
		const step = steps.find((s) => /manifest\.json/.test(s.run ?? "") && /process\.exit\(1\)/.test(s.run ?? ""));
		expect(step?.env?.TAG).toBe("${{ github.ref_name }}");
		const script = step?.run ?? "";
		const run = (tag: string): number | null =>
			spawnSync("bash", ["-e", "-c", script], { cwd: root, env: { ...process.env, TAG: tag }, encoding: "utf8" }).status;
		const version = readJson("manifest.json").version as string;
		expect(run(version)).toBe(0);
		expect(run(`v${version}`)).not.toBe(0);
		expect(run("999.0.0")).not.toBe(0);
	});
});

describe(".github/workflows/ci.yml", () => {
	const workflow = loadWorkflow("ci.yml");
	const steps = stepsOf(workflow);

	it("runs on push and pull_request", () => {
		expect(Object.keys(asRecord(workflow.on, "on")).sort()).toEqual(["pull_request", "push"]);
	});

	it("sets up Node 20, installs Chromium, then npm ci and npm run check", () => {
		expect(usesNode20(steps)).toBe(true);
		const ci = indexOfRun(steps, /^npm ci$/m);
		const check = indexOfRun(steps, /^npm run check$/m);
		expect(ci).toBeGreaterThanOrEqual(0);
		expect(check).toBeGreaterThan(ci);
		expect(hasChromiumBeforeCheck(steps)).toBe(true);
	});

	it("the step checks can fail: a workflow without Chromium or npm run check is caught", () => {
		const broken: Step[] = [{ run: "npm ci" }, { run: "npm test" }, { run: "sudo apt-get install -y chromium" }];
		expect(hasChromiumBeforeCheck(broken)).toBe(false);
		expect(indexOfRun(broken, /^npm run check$/m)).toBe(-1);
		expect(usesNode20([{ uses: "actions/setup-node@v4", with: { "node-version": 18 } }])).toBe(false);
	});
});

// ---------------------------------------------------------------------------------------------------
// npm package
// ---------------------------------------------------------------------------------------------------

const PACKAGE_FILES = ["package.json", "dist/cli.cjs", "README.md", "LICENSE", "CHANGELOG.md"];

/** Paths in a package file list that must never be published. */
function unwantedPackageFiles(paths: string[]): string[] {
	return paths.filter(
		(path) =>
			!PACKAGE_FILES.includes(path) ||
			/^(src|tests|examples|bench|scripts|docs|\.github)\//.test(path) ||
			/fixture/i.test(path) ||
			/\.(ts|map)$/.test(path),
	);
}

describe("npm package (npx citation-audit)", () => {
	const pkg = readJson("package.json");

	it("lists only the command line and its documents in files", () => {
		expect(pkg.files).toEqual(["dist/cli.cjs", "README.md", "LICENSE", "CHANGELOG.md"]);
		expect(asRecord(pkg.bin, "bin")["citation-audit"]).toBe("dist/cli.cjs");
	});

	it("npm pack --dry-run lists no tests, fixtures, sources or source maps", () => {
		const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
		const [report] = JSON.parse(output) as { files: { path: string }[] }[];
		const paths = report.files.map((file) => file.path);
		expect(paths).toContain("package.json");
		expect(paths).toContain("LICENSE");
		expect(paths).toContain("CHANGELOG.md");
		expect(unwantedPackageFiles(paths)).toEqual([]);
	}, 60_000);

	it("the package check flags sources, tests and maps", () => {
		expect(unwantedPackageFiles(["package.json", "src/cli/main.ts", "tests/core/fixtures/a.md", "dist/cli.cjs.map", "main.js"])).toEqual([
			"src/cli/main.ts",
			"tests/core/fixtures/a.md",
			"dist/cli.cjs.map",
			"main.js",
		]);
	});
});

// ---------------------------------------------------------------------------------------------------
// Mobile safety of main.js
// ---------------------------------------------------------------------------------------------------

/** What esbuild.config.mjs's plugin build leaves to Obsidian; kept equal to it by a test below. */
const OBSIDIAN_EXTERNALS = [
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

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Every module a CommonJS bundle loads with a literal require("...") or import("..."). */
function requiredModules(bundle: string): string[] {
	const found = new Set<string>();
	for (const match of bundle.matchAll(/\b(?:require|import)\s*\(\s*(["'`])([^"'`\n]+)\1\s*\)/g)) found.add(match[2]);
	return [...found];
}

/** Modules that exist only on desktop: Node built-ins (with or without node:, subpaths too) and Electron. */
function desktopOnlyModules(bundle: string): string[] {
	return requiredModules(bundle).filter((name) => {
		const base = name.split("/")[0];
		return name.startsWith("node:") || NODE_BUILTINS.has(name) || NODE_BUILTINS.has(base) || base === "electron";
	});
}

/** Modules the app cannot provide at run time on every platform: anything but obsidian and CodeMirror. */
function unprovidedModules(bundle: string): string[] {
	return requiredModules(bundle).filter((name) => !(name === "obsidian" || name.startsWith("@codemirror/") || name.startsWith("@lezer/")));
}

/** Regular expression lookbehinds, which iOS before 16.4 cannot compile (the whole plugin then fails to load). */
function hasLookbehind(bundle: string): boolean {
	return /\(\?<[=!]/.test(bundle);
}

/** Network APIs the bundle uses: the plugin needs no network, and the developer policies require disclosing any use. */
function networkApis(bundle: string): string[] {
	const uses: [string, RegExp][] = [
		["fetch", /(^|[^\w$])fetch\)?\s*\(/],
		["requestUrl", /(^|[^\w$])requestUrl\)?\s*\(/],
		// Obsidian's request(), in the shape esbuild gives a call of an import: (0,o.request)(...).
		["request", /\.request\)\s*\(/],
		["XMLHttpRequest", /\bXMLHttpRequest\b/],
		["WebSocket", /\bWebSocket\b/],
		["EventSource", /\bEventSource\b/],
		["sendBeacon", /\bsendBeacon\b/],
	];
	return uses.filter(([, pattern]) => pattern.test(bundle)).map(([name]) => name);
}

/** Builds like esbuild.config.mjs's production plugin build, into a directory of its own. */
async function buildPluginBundle(entry: string, outdir: string): Promise<string> {
	const outfile = join(outdir, "main.js");
	await esbuild.build({
		entryPoints: [entry],
		bundle: true,
		format: "cjs",
		platform: "browser",
		target: "es2021",
		external: OBSIDIAN_EXTERNALS,
		outfile,
		minify: true,
		sourcemap: false,
		treeShaking: true,
		logLevel: "silent",
		absWorkingDir: root,
	});
	return readFileSync(outfile, "utf8");
}

describe("mobile safety of the plugin bundle", () => {
	it("the bundle options match esbuild.config.mjs's plugin build", () => {
		const config = readFileSync(join(root, "esbuild.config.mjs"), "utf8");
		const externals = /const obsidianExternals = \[([\s\S]*?)\];/.exec(config)?.[1] ?? "";
		expect([...externals.matchAll(/"([^"]+)"/g)].map((m) => m[1])).toEqual(OBSIDIAN_EXTERNALS);
		const plugin = /const plugin = \{([\s\S]*?)\n\};/.exec(config)?.[1] ?? "";
		expect(plugin).toContain('entryPoints: ["src/plugin/main.ts"]');
		expect(plugin).toContain("bundle: true");
		expect(plugin).toContain('format: "cjs"');
		expect(plugin).toContain('platform: "browser"');
		expect(plugin).toContain("external: obsidianExternals");
	});

	it("the detectors flag Node built-ins, Electron, lookbehinds and network calls in a synthetic bundle", () => {
		const bundle = [
			'var o=require("obsidian"),v=require("@codemirror/view");',
			'var f=require("fs"),p=require(\'node:path\'),q=require(`fs/promises`);',
			'var c=window.require("child_process"),e=require("electron"),m=require("markdown-it");',
			'var s="requires fs";',
		].join("\n");
		expect(desktopOnlyModules(bundle)).toEqual(["fs", "node:path", "fs/promises", "child_process", "electron"]);
		expect(unprovidedModules(bundle)).toEqual(["fs", "node:path", "fs/promises", "child_process", "electron", "markdown-it"]);
		expect(desktopOnlyModules('var o=require("obsidian");')).toEqual([]);
		// Assembled at run time so that the lint rule against lookbehinds does not flag this test itself.
		const lookbehind = ["(?<", "!", "\\\\)"].join("");
		expect(hasLookbehind(`var r=/${lookbehind}\\[/;`)).toBe(true);
		expect(hasLookbehind("var r=/(?<label>x)(?=y)/;")).toBe(false);
		expect(networkApis('fetch("https://x");(0,o.requestUrl)({url:u});(0,o.request)(u);new WebSocket(u);navigator.sendBeacon(u)')).toEqual([
			"fetch",
			"requestUrl",
			"request",
			"WebSocket",
			"sendBeacon",
		]);
		expect(networkApis("o.prefetch(x);myfetch(y);var requestUrlLabel=1;requestAnimationFrame(f);a.request(b)")).toEqual([]);
	});

	it("a plugin that reaches Node either fails to build or is flagged", async () => {
		const dir = mkdtempSync(join(scratch, "synthetic-"));
		const good = join(dir, "good.ts");
		writeFileSync(
			good,
			'import { Plugin } from "obsidian";\nimport { EditorView } from "@codemirror/view";\nexport default class P extends Plugin { onload() { void EditorView; } }\n',
		);
		const sneaky = join(dir, "sneaky.ts");
		writeFileSync(
			sneaky,
			'import { Plugin } from "obsidian";\nexport default class P extends Plugin { onload() { (window as unknown as { require(m: string): unknown }).require("fs"); } }\n',
		);
		const direct = join(dir, "direct.ts");
		writeFileSync(direct, 'import { readFileSync } from "node:fs";\nexport const read = () => readFileSync("x");\n');

		const goodBundle = await buildPluginBundle(good, mkdtempSync(join(dir, "out-")));
		expect(goodBundle).toContain('require("obsidian")');
		expect(desktopOnlyModules(goodBundle)).toEqual([]);
		expect(unprovidedModules(goodBundle)).toEqual([]);

		expect(desktopOnlyModules(await buildPluginBundle(sneaky, mkdtempSync(join(dir, "out-"))))).toEqual(["fs"]);
		await expect(buildPluginBundle(direct, mkdtempSync(join(dir, "out-")))).rejects.toThrow(/node:fs/);
	}, 60_000);

	it("main.js built from src/plugin/main.ts loads no Node built-in, no Electron, nothing Obsidian does not provide, and uses no network", async () => {
		const entry = join(root, "src/plugin/main.ts");
		expect(existsSync(entry), "src/plugin/main.ts must exist").toBe(true);
		const outdir = join(scratch, "plugin");
		mkdirSync(outdir);
		const bundle = await buildPluginBundle(entry, outdir);
		expect(bundle).toContain('require("obsidian")');
		expect(desktopOnlyModules(bundle)).toEqual([]);
		expect(unprovidedModules(bundle)).toEqual([]);
		expect(hasLookbehind(bundle)).toBe(false);
		expect(networkApis(bundle)).toEqual([]);
	}, 120_000);
});
