// The esbuild plugin that swaps packages markdown-it imports but the engine never exercises for small
// stand-ins, in main.js only (the command line bundles the real packages). Why each is safe:
// src/plugin/build/entities-shim.ts and parser-extras-shim.ts; tests/plugin/entities-shim.test.ts
// checks that findings are identical. Shared by esbuild.config.mjs and that test.
import { fileURLToPath } from "node:url";

const stand = (path) => fileURLToPath(new URL(`../src/plugin/build/${path}`, import.meta.url));

/** Package name → stand-in module. */
export const PLUGIN_SHIMS = {
	entities: stand("entities-shim.ts"),
	"linkify-it": stand("modules/linkify-it.ts"),
	"punycode.js": stand("modules/punycode.ts"),
	"uc.micro": stand("modules/uc-micro.ts"),
	mdurl: stand("modules/mdurl.ts"),
};

export const pluginShims = {
	name: "plugin-shims",
	setup(build) {
		const names = Object.keys(PLUGIN_SHIMS).map((name) => name.replace(/[.]/g, "\\."));
		build.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => ({ path: PLUGIN_SHIMS[args.path] }));
	},
};
