/**
 * main.js swaps packages markdown-it imports for small stand-ins (scripts/plugin-shims.mjs). These tests
 * hold the claim that makes that safe: the engine finds exactly the same problems either way.
 */
import { build } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLUGIN_SHIMS, pluginShims } from "../../scripts/plugin-shims.mjs";
import { decodeHTML } from "../../src/plugin/build/entities-shim";

type Engine = typeof import("../../src/core/index");

const root = fileURLToPath(new URL("../..", import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), "citation-entities-"));
const require = createRequire(import.meta.url);

async function bundleEngine(withShim: boolean): Promise<Engine> {
	const outfile = join(workDir, withShim ? "shim.cjs" : "real.cjs");
	await build({
		entryPoints: [join(root, "src/core/index.ts")],
		bundle: true,
		format: "cjs",
		platform: "node",
		outfile,
		logLevel: "silent",
		plugins: withShim ? [pluginShims] : [],
	});
	return require(outfile) as Engine;
}

function vaultFiles(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) walk(path);
			else files.set(relative(dir, path).split("\\").join("/"), readFileSync(path, "utf8"));
		}
	};
	walk(dir);
	return files;
}

const ENTITY_HEAVY = [
	"Caf&eacute; notes[^1] and a reference[^2] &copy; 2026.[^3] [^4]",
	"",
	"[ref]: <Some&amp;Note.md> \"Title &mdash; here\"",
	"[^1]: [[Caf&eacute; Source]] &amp; more",
	"[^2]: [A &lt;link&gt;](Some%20Note.md#Head&amp;ing)",
	"",
	"[idn]: <http://bücher.example/ä ö> 'T'",
	"[p]: https://xn--bcher-kva.example/path?q=%20 (paren title)",
	"See <https://www.example.org> and www.example.com, *em* _u_ `code` ~~s~~ [ref][idn] ![img][p].",
	"[^3]: [[Bücher#Überblick|alias]] and https://example.org/ä",
	"[^4]: <https://example.org>",
	"```&#x60;&amp;",
	"[^5]: [[Inside code]]",
	"```",
].join("\n");

describe("the plugin bundle's parser stand-ins", () => {
	it("cover the packages the plugin build swaps, and only those", () => {
		expect(Object.keys(PLUGIN_SHIMS).sort()).toEqual(["entities", "linkify-it", "mdurl", "punycode.js", "uc.micro"]);
	});

	let real: Engine;
	let shimmed: Engine;
	beforeAll(async () => {
		[real, shimmed] = await Promise.all([bundleEngine(false), bundleEngine(true)]);
	}, 60_000);
	afterAll(() => rmSync(workDir, { recursive: true, force: true }));

	it("gives the same findings as the real package on the example vault and on entity-heavy text", () => {
		const files = vaultFiles(join(root, "examples/vault"));
		const notes = [...files.entries()].filter(([path]) => path.endsWith(".md"));
		notes.push(["Entities.md", ENTITY_HEAVY]);
		const audit = (engine: Engine) =>
			notes.map(([path, text]) => {
				const resolver = engine.createVaultResolver({ paths: [...files.keys()], readNote: (p) => files.get(p) ?? null });
				const { findings, stats } = engine.auditNote(text, path, resolver);
				return { path, findings, stats };
			});
		const expected = audit(real);
		expect(expected.some((note) => note.findings.length > 5)).toBe(true);
		expect(audit(shimmed)).toEqual(expected);
	});

	it("decodes numeric references and the XML entities, and keeps other names as written", () => {
		expect(decodeHTML("&amp;&lt;&gt;&quot;&apos;")).toBe("&<>\"'");
		expect(decodeHTML("&#65;&#x42;&#X43;")).toBe("ABC");
		expect(decodeHTML("&#0;&#xD800;&#x110000;")).toBe("\ufffd\ufffd\ufffd");
		expect(decodeHTML("&eacute; & &;")).toBe("&eacute; & &;");
	});
});
