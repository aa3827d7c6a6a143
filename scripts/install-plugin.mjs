// Copies the built plugin (main.js, manifest.json, styles.css) into <vault>/.obsidian/plugins/citation-auditor/.
// Usage: npm run install-plugin -- <vault>   (the npm script builds first)
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const vaultArg = process.argv[2];
if (!vaultArg) {
	console.error("Usage: npm run install-plugin -- <path-to-vault>");
	process.exit(2);
}
const vault = resolve(vaultArg);
if (!existsSync(vault) || !statSync(vault).isDirectory()) {
	console.error(`install-plugin: ${vault}: no such folder`);
	process.exit(2);
}
if (!existsSync(join(vault, ".obsidian"))) {
	console.error(`install-plugin: ${vault} has no .obsidian folder; open it once in Obsidian as a vault first`);
	process.exit(2);
}
const { id } = JSON.parse(readFileSync("manifest.json", "utf8"));
const target = join(vault, ".obsidian", "plugins", id);
mkdirSync(target, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) {
	if (!existsSync(file)) {
		console.error(`install-plugin: ${file} is missing; run npm run build first`);
		process.exit(2);
	}
	copyFileSync(file, join(target, file));
}
console.log(`Installed ${id} into ${target}. In Obsidian: Settings → Community plugins → enable "Citation Auditor".`);
