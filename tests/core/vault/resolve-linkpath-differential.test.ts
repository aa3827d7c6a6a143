/**
 * The path resolver against its previous, plainer implementation (reference-path-resolver.ts): same answer,
 * path and alternatives, for random vaults and links built from parts that meet every rule — case twins,
 * `.md` and `.md.md`, non-notes, NFD and NFC spellings, a Greek final sigma, the same name in several folders,
 * relative, climbing and forbidden link paths, sources in the root and in folders.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPathResolver } from "../../../src/core/vault/resolve-linkpath";
import { createPathResolver as createReferenceResolver } from "./reference-path-resolver";

const FOLDERS = ["", "A", "a", "A/B", "a/b", "B", "Sources", "sources/Sub", "Ünï", "U\u0308ni\u0308", "ΟΔΟΣ", "x.md", "."];
const NAMES = ["", "Note", "note", "NOTE", "Note.md", "note.MD", "paper", "paper.pdf", "Café", "Cafe\u0301", "ΣΟΦΟΣ", "σοφος", ".md", "md", "a b", "Twin"];
const EXTENSIONS = [".md", ".md", ".MD", ".pdf", "", ".md.md"];
const LINK_PREFIXES = ["", "", "", "./", "../", "A/", "a/", "A/B/", "B/", "b/", "Sub/", "sources/", "Sources/Sub/", "x/../", "/", "C:", "ΟΔΟΣ/", "Ünï/", "A//", "A/./"];
const LINK_SUFFIXES = ["", "", ".md", ".MD", ".pdf", "\\x", "/"];

const folder = fc.constantFrom(...FOLDERS);
const vaultPath = fc
	.tuple(folder, fc.constantFrom(...NAMES), fc.constantFrom(...EXTENSIONS))
	.map(([dir, name, extension]) => (dir === "" || dir === "." ? "" : `${dir}/`) + name + extension);
const linkpath = fc.tuple(fc.constantFrom(...LINK_PREFIXES), fc.constantFrom(...NAMES), fc.constantFrom(...LINK_SUFFIXES)).map(([prefix, name, suffix]) => prefix + name + suffix);
const sourcePath = fc.tuple(folder, fc.constantFrom("Essay.md", "Note.md", ".md", "")).map(([dir, name]) => (dir === "" ? name : `${dir}/${name}`));

describe("createPathResolver: the same answers as the reference implementation", () => {
	it("resolves every link of random vaults as the reference does", () => {
		fc.assert(
			fc.property(fc.uniqueArray(vaultPath, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(linkpath, sourcePath), { minLength: 1, maxLength: 40 }), (paths, links) => {
				const resolver = createPathResolver(paths);
				const reference = createReferenceResolver(paths);
				for (const [link, source] of links) expect(resolver.resolve(link, source)).toEqual(reference.resolve(link, source));
			}),
			{ numRuns: 1000 },
		);
	});
});
