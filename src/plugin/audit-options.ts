/**
 * The audit options the settings ask for, one place for the open note's audit and the vault audit: the
 * command line's defaults when nothing is changed, plus the cited notes' properties from the metadata cache.
 */
import type { App } from "obsidian";
import { parseRequiredProperties } from "../core/sources/required-properties";
import type { CitekeyLibrary } from "../core/citekeys/citekey-library";
import type { AuditOptions } from "../core/types";
import { ObsidianNoteProperties } from "./note-properties";
import { disabledKinds, type CitationAuditorSettings } from "./settings";

/** `citekeys`: the plugin's VaultCitekeyLibrary (bibliographies and literature notes), when there is one. */
export function pluginAuditOptions(app: App, settings: CitationAuditorSettings, citekeys?: CitekeyLibrary): AuditOptions {
	const options: AuditOptions = {
		checkBodyLinks: settings.checkBodyLinks,
		disabledKinds: disabledKinds(settings),
		properties: new ObsidianNoteProperties(app),
	};
	const required = parseRequiredProperties(settings.requireProperties);
	if (required.length > 0) options.requireProperties = required;
	if (citekeys) options.citekeys = citekeys;
	if (settings.identityProperties.length > 0) options.identityProperties = settings.identityProperties;
	if (Object.keys(settings.severities).length > 0) options.severities = settings.severities;
	return options;
}
