/**
 * A web address as written in a note's `url` property, reduced to the form two notes can compare: the same
 * page saved twice differs in scheme, `www.`, a trailing slash, a fragment and the tracking parameters the
 * sharing site appended.
 *
 *     https://www.Example.org/papers/42/?utm_source=feed&id=7#intro
 *     → "example.org/papers/42?id=7"
 *
 * Kept: the path's case (servers tell `/A` from `/a`), every other query parameter (`?id=7` names the page),
 * sorted by name so their order does not matter, and a fragment that is a route of a single-page site
 * (`#/article/5`, `#!/article/5`), which names a page too. Removed: `utm_*` and the click identifiers below,
 * which only say how the reader arrived; parameters such as `ref` or `source` stay, since on some sites they
 * choose the page.
 */

/** Parameters that say how the reader arrived, not which page it is (each removed wherever it stands). */
export const TRACKING_PARAMETERS: readonly string[] = [
	"fbclid", // Facebook
	"gclid", "gbraid", "wbraid", "dclid", // Google Ads
	"msclkid", // Microsoft Ads
	"yclid", // Yandex
	"mc_cid", "mc_eid", // Mailchimp
	"igshid", // Instagram
	"_hsenc", "_hsmi", // HubSpot
];

/** Scheme, `//` and optional user info: `https://`, `http://user@`. A URL without a scheme is taken as is. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?/i;

/** The comparable address, or null when `written` is not a web address (no host with a dot). */
export function normaliseUrl(written: string): string | null {
	let rest = written.trim();
	if (rest === "" || /\s/.test(rest)) return null;
	const scheme = SCHEME.exec(rest);
	if (scheme) rest = rest.slice(scheme[0].length);
	else if (/^[a-z][a-z0-9+.-]*:/i.test(rest) && !/^[^/:]+:\d+(?:[/?#]|$)/.test(rest)) return null; // mailto:, zotero:
	const fragment = /#.*$/.exec(rest)?.[0] ?? "";
	rest = rest.slice(0, rest.length - fragment.length);
	const route = /^#!?\/./.test(fragment) ? fragment : "";
	const query = rest.indexOf("?");
	const beforeQuery = query === -1 ? rest : rest.slice(0, query);
	const slash = beforeQuery.indexOf("/");
	const host = (slash === -1 ? beforeQuery : beforeQuery.slice(0, slash))
		.toLowerCase()
		.replace(/^www\d*\./, "")
		.replace(/\.$/, "")
		.replace(/:(?:80|443)$/, "");
	if (!host.includes(".") && !host.startsWith("localhost")) return null;
	const path = (slash === -1 ? "" : beforeQuery.slice(slash)).replace(/\/+$/, "");
	const parameters = query === -1 ? [] : rest.slice(query + 1).split("&").filter((parameter) => parameter !== "" && !isTracking(parameter));
	// Sorted by name only: `?tag=a&tag=b` keeps its values in the order written (Array.prototype.sort is stable).
	parameters.sort((a, b) => compareText(nameOf(a), nameOf(b)));
	return host + path + (parameters.length > 0 ? `?${parameters.join("&")}` : "") + route;
}

function isTracking(parameter: string): boolean {
	const name = nameOf(parameter).toLowerCase();
	return name.startsWith("utm_") || TRACKING_PARAMETERS.includes(name);
}

function nameOf(parameter: string): string {
	return parameter.split("=", 1)[0];
}

/** Code unit order: the same on every machine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
