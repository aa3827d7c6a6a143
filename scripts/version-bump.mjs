// The npm `version` lifecycle script: `npm version patch|minor|major|x.y.z` has already written the
// new version to package.json (and package-lock.json) when it runs this, and passes that version as
// npm_package_version. This copies it to manifest.json and records "version": minAppVersion in
// versions.json, so Obsidian can offer users of older apps the last release that still supports them.
// package.json's "version" script then stages both files, and npm commits and tags all of them together.
//
// Usage (from the repository root, through npm only): npm version patch
import { readFileSync, writeFileSync } from "node:fs";

const version = process.env.npm_package_version;

if (!version) {
	console.error("version-bump: npm_package_version is not set; run this through `npm version <patch|minor|major|x.y.z>`.");
	process.exit(1);
}
// The community directory reads releases by tag, and the tag must be exactly manifest.json's version:
// plain x.y.z, no "v" prefix and no pre-release suffix.
if (!/^\d+\.\d+\.\d+$/.test(version)) {
	console.error(`version-bump: "${version}" is not of the form x.y.z, which Obsidian requires for plugin versions.`);
	process.exit(1);
}

// npm tags the commit "<tag-version-prefix><version>", and the prefix defaults to "v": such a tag neither
// starts the release workflow nor is accepted by the directory. npm passes the setting to this script only
// when it differs from the default, and git-tag-version only when tagging is turned off.
const tagging = !["", "false"].includes(process.env.npm_config_git_tag_version ?? "true");
const tagPrefix = process.env.npm_config_tag_version_prefix ?? "v";
if (tagging && tagPrefix !== "") {
	console.error(
		`version-bump: npm would tag this release "${tagPrefix}${version}", but release tags must be exactly "${version}".\n` +
			'Set tag-version-prefix="" in the repository\'s .npmrc (or pass --tag-version-prefix=), then undo the\n' +
			"bump npm has already written (git checkout -- package.json package-lock.json) and run npm version again.",
	);
	process.exit(1);
}

/** The indentation a JSON file already uses (this project's use tabs), so rewriting it keeps its look. */
function indentOf(text) {
	const match = /^([ \t]+)"/m.exec(text);
	return match ? match[1] : "\t";
}

function readJson(path) {
	const text = readFileSync(path, "utf8");
	return { text, data: JSON.parse(text) };
}

function writeJson(path, data, original) {
	const eol = original.endsWith("\n") ? "\n" : "";
	writeFileSync(path, JSON.stringify(data, null, indentOf(original)) + eol);
}

const manifest = readJson("manifest.json");
const { minAppVersion } = manifest.data;
if (typeof minAppVersion !== "string" || !/^\d+\.\d+\.\d+$/.test(minAppVersion)) {
	console.error(`version-bump: manifest.json has no valid minAppVersion (found ${JSON.stringify(minAppVersion)}).`);
	process.exit(1);
}
manifest.data.version = version;
writeJson("manifest.json", manifest.data, manifest.text);

const versions = readJson("versions.json");
versions.data[version] = minAppVersion;
writeJson("versions.json", versions.data, versions.text);

process.stdout.write(`version-bump: manifest.json and versions.json now at ${version} (minAppVersion ${minAppVersion}).\n`);
