// ESLint: eslint-plugin-obsidianmd's recommended flat config (which already includes ESLint's and
// typescript-eslint's type-checked recommended sets) over the whole project.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "coverage/", "tests/browser/.artifacts/", "docs/"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "scripts/*.mjs"] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// The declarative settings API (getSettingDefinitions) exists since Obsidian 1.13.0; the plugin
		// supports 1.8.7 and later (manifest minAppVersion), so its tab is built with Setting as before.
		files: ["src/plugin/settings.ts"],
		rules: { "obsidianmd/settings-tab/prefer-setting-definitions": "off" },
	},
	{
		// "cursor" is the text cursor: the rule's brand list has the Cursor editor and would capitalise it
		// ("Show citation problem at cursor" is the command's name in issue 13). Same options as recommended otherwise.
		files: ["src/**"],
		rules: { "obsidianmd/ui/sentence-case": ["warn", { enforceCamelCaseLower: true, ignoreRegex: ["^Show citation problem at cursor$"] }] },
	},
	{
		// The command line, the benchmark, scripts and tests run on Node, never inside Obsidian:
		// the plugin-only rules (no Node modules, mobile safety) do not apply to them.
		files: ["src/cli/**", "bench/**", "scripts/**", "tests/**", "*.mjs", "vitest.config.ts"],
		languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly" } },
		rules: {
			// Console output is these programs' interface (reports, progress, benchmark tables).
			"obsidianmd/rule-custom-message": "off",
			// Outside the app there is no Vault#configDir; scripts/install-plugin.mjs documents `.obsidian`.
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"no-console": "off",
		},
	},
]);
