/**
 * Where a frontmatter `bibliography:` path points, in Pandoc's order as the issue states it: relative to the
 * note's folder first, then to the vault root. `a/../b.bib` is folded; a path that leaves the vault is kept as
 * written so the library can refuse it.
 */

/** Vault-relative candidates for `written`, in the order to try them (duplicates removed). */
export function bibliographyCandidates(written: string, notePath: string): string[] {
	const path = written.replace(/\\/g, "/").trim();
	if (path.startsWith("/") || /^[A-Za-z]:\//.test(path) || path.startsWith("~")) return [path];
	const folder = notePath.includes("/") ? notePath.slice(0, notePath.lastIndexOf("/")) : "";
	const candidates = [normalise(folder === "" ? path : `${folder}/${path}`), normalise(path)];
	return [...new Set(candidates)];
}

function normalise(path: string): string {
	const parts: string[] = [];
	for (const part of path.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
		else parts.push(part);
	}
	return parts.join("/");
}
