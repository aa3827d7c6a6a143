// Path and link-text helpers, following the Obsidian app's own functions.
// - normalizePath: replaces runs of `/` or `\` with one `/`, strips leading and trailing
//   slashes ("" becomes "/"), turns U+00A0/U+202F into spaces, and NFC-normalizes
//   (documented in the plugin guidelines; same steps as the app bundle).
// - getLinkpath / parseLinktext: split at the FIRST `#` (app bundle).
// - stripHeading / stripHeadingForLink: the app's character classes.

export function normalizePath(path: string): string {
	let result = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
	if (result === "") result = "/";
	result = result.replace(/\u00A0|\u202F/g, " ");
	return result.normalize("NFC");
}

export function getLinkpath(linktext: string): string {
	const hash = linktext.indexOf("#");
	return hash === -1 ? linktext : linktext.substring(0, hash);
}

export function parseLinktext(linktext: string): { path: string; subpath: string } {
	const hash = linktext.indexOf("#");
	return {
		path: hash === -1 ? linktext : linktext.substring(0, hash),
		subpath: hash === -1 ? "" : linktext.substring(hash),
	};
}

const HEADING_STRIP = /[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\\r\n]/g;
const HEADING_LINK_STRIP = /([:#|^\\\r\n]|%%|\[\[|]])/g;

export function stripHeading(heading: string): string {
	return heading.replace(HEADING_STRIP, " ").replace(/\s+/g, " ").trim();
}

export function stripHeadingForLink(heading: string): string {
	return heading.replace(HEADING_LINK_STRIP, " ").replace(/\s+/g, " ").trim();
}

/** Last path segment ("a/b.md" -> "b.md"). */
export function getFilename(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? path : path.substring(slash + 1);
}

/** Parent folder path, "" for top-level entries ("a/b.md" -> "a", "b.md" -> ""). */
export function getParentPath(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? "" : path.substring(0, slash);
}

/** Extension without the dot, "" when none (a leading dot does not start an extension). */
export function getExtension(name: string): string {
	const dot = name.lastIndexOf(".");
	return dot <= 0 ? "" : name.substring(dot + 1);
}

/** Name without its extension. */
export function stripExtension(name: string): string {
	const dot = name.lastIndexOf(".");
	return dot <= 0 ? name : name.substring(0, dot);
}

/** Path without a trailing ".md" (how Obsidian writes links to notes). */
export function stripMdExtension(path: string): string {
	return path.toLowerCase().endsWith(".md") ? path.substring(0, path.length - 3) : path;
}

/**
 * Split the inside of `[[...]]` into the link target and its alias. The first `|` separates
 * them; a backslash before it (`[[A\|alias]]`, needed inside tables) belongs to the separator.
 */
export function parseAliasLink(inner: string): { href: string; title: string; isAlias: boolean } {
	const pipe = inner.indexOf("|");
	if (pipe === -1) return { href: inner.trim(), title: "", isAlias: false };
	let href = inner.substring(0, pipe);
	if (href.endsWith("\\")) href = href.substring(0, href.length - 1);
	return { href: href.trim(), title: inner.substring(pipe + 1), isAlias: true };
}

/**
 * The display text Obsidian records for a link without alias: the path followed by the
 * subpath parts, joined with " > " ("Note#A#B" -> "Note > A > B", "#^id" -> "^id").
 * Captured from real caches: "[[Another Note#Section A]]" -> "Another Note > Section A".
 */
export function linkDisplayText(link: string): string {
	const { path, subpath } = parseLinktext(link);
	const parts = subpath.split("#").filter((p) => p.length > 0);
	return (path ? [path, ...parts] : parts).join(" > ");
}
