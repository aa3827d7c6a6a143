/**
 * The command line reads `.citation-audit.json` from the vault's root (src/core/config). Options given on the
 * command line win over the file; a problem in the file is a usage error (exit 2), one line per problem, and
 * nothing is audited, as eslint does with a broken configuration.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE_NAME, configDisabledKinds, readAuditConfig, type AuditConfig } from "../core/config/audit-config";
import { parseRequiredProperties } from "../core/sources/required-properties";
import type { CliOptions } from "./args";
import { VaultError } from "./vault-files";

/** A configuration file with problems; the message holds one line per problem. */
export class ConfigError extends VaultError {}

/** The vault's configuration, or the defaults when the vault has no such file. Throws ConfigError. */
export function loadVaultConfig(root: string): AuditConfig | null {
	let text: string;
	try {
		text = readFileSync(join(root, CONFIG_FILE_NAME), "utf8");
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		if (code === "ENOENT") return null;
		throw new ConfigError(`${CONFIG_FILE_NAME}: cannot be read (${typeof code === "string" ? code : "unreadable"})`);
	}
	const { config, problems } = readAuditConfig(text);
	if (problems.length > 0) throw new ConfigError(problems.map((problem) => `${CONFIG_FILE_NAME}: ${problem.message}`).join("\ncitation-audit: "));
	return config;
}

/** The options with the file's settings where the command line gave none. */
export function withConfig(options: CliOptions, config: AuditConfig | null): CliOptions {
	if (!config) return options;
	const merged: CliOptions = { ...options };
	merged.checkBodyLinks = options.checkBodyLinks && config.checkBodyLinks !== false;
	merged.minSeverity ??= config.minSeverity;
	if (!merged.requireProperties && config.requireProperties) merged.requireProperties = parseRequiredProperties(config.requireProperties);
	merged.identityProperties ??= config.identityProperties;
	merged.disabledKinds = configDisabledKinds(config);
	merged.severities = config.severities;
	merged.ignoredFolders = config.ignoredFolders ?? [];
	// The file's bibliographies are vault paths, as the plugin's setting is (a missing one is a finding at the
	// first citation, not a usage error); --bibliography, relative to the working folder, replaces them.
	if (options.citekeys.bibliographies.length === 0 && config.bibliography) merged.vaultBibliographies = config.bibliography;
	const literature = config.literatureNotes ?? {};
	const citekeys = { ...options.citekeys };
	if (citekeys.literatureFolder === undefined && literature.folder !== undefined) citekeys.literatureFolder = vaultFolder(literature.folder);
	citekeys.literatureTemplate ??= literature.template;
	citekeys.citekeyProperty ??= literature.property?.trim();
	merged.citekeys = citekeys;
	return merged;
}

/** A folder as the vault names it: forward slashes, no leading `./` or `/`, no trailing `/` ("" is the root). */
function vaultFolder(folder: string): string {
	const path = folder.trim().replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/^\/+|\/+$/g, "");
	return path === "." ? "" : path;
}
