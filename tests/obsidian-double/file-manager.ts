// FileManager double.
// - getNewFileParent: vault config `newFileLocation` = "root" (default) | "current" (folder of
//   `sourcePath`) | "folder" (`newFileFolderPath`, root when that folder does not exist).
// - renameFile: renames, then rewrites the links that pointed to the file when the vault
//   config `alwaysUpdateLinks` is true. With the default (false) Obsidian would ask the user;
//   the double records the question in `linkUpdatePrompts` and leaves links unchanged.
// - processFrontMatter: YAML via the `yaml` package, as Obsidian (nullStr "", lineWidth 0).
// - promptForDeletion: no dialog; behaves as if the user confirmed.
import type * as O from "obsidian";
import { iterateAllRefs } from "./cache-utils";
import { getFrontMatterInfo } from "./md-lines";
import { parseYaml, stringifyYaml } from "./misc";
import { getLinkpath, getParentPath, normalizePath, parseLinktext, parseAliasLink, stripExtension, getExtension } from "./paths";
import { TFile, TFolder } from "./vault";
import type { App } from "./app";

const EMBEDDABLE = new Set(["png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif", "mp3", "wav", "m4a", "ogg", "3gp", "flac", "mp4", "webm", "ogv", "mov", "mkv", "pdf"]);

interface Rewrite { sourcePath: string; start: number; end: number; original: string }

export class FileManager implements O.FileManager {
	/** Renames after which Obsidian would have asked whether to update links. */
	linkUpdatePrompts: { file: O.TAbstractFile; oldPath: string }[] = [];

	constructor(private readonly app: App) {}

	getNewFileParent(sourcePath: string, _newFilePath?: string): TFolder {
		const vault = this.app.vault;
		const location = vault.getConfig("newFileLocation");
		if (location === "current" && sourcePath) {
			const source = vault.getAbstractFileByPath(sourcePath);
			if (source?.parent) return source.parent;
		} else if (location === "folder") {
			const folder = vault.getAbstractFileByPath(normalizePath(String(vault.getConfig("newFileFolderPath"))));
			if (folder instanceof TFolder) return folder;
		}
		return vault.getRoot();
	}

	async renameFile(file: O.TAbstractFile, newPath: string): Promise<void> {
		const oldPath = file.path;
		const rewrites = this.collectReferences(oldPath);
		await this.app.vault.rename(file, newPath);
		if (rewrites.length === 0) return;
		if (this.app.vault.getConfig("alwaysUpdateLinks") !== true) {
			this.linkUpdatePrompts.push({ file, oldPath });
			return;
		}
		const bySource = new Map<string, Rewrite[]>();
		for (const r of rewrites) bySource.set(r.sourcePath, [...(bySource.get(r.sourcePath) ?? []), r]);
		for (const [sourcePath, list] of bySource) {
			const source = this.app.vault.getFileByPath(sourcePath === oldPath ? file.path : sourcePath);
			if (!source || !(file instanceof TFile)) continue;
			await this.app.vault.process(source, (text) => {
				let out = text;
				for (const r of list.sort((a, b) => b.start - a.start)) {
					if (out.substring(r.start, r.end) !== r.original) continue;
					out = out.substring(0, r.start) + this.relink(r.original, file, source.path) + out.substring(r.end);
				}
				return out;
			});
		}
	}

	private collectReferences(targetPath: string): Rewrite[] {
		const cache = this.app.metadataCache;
		const rewrites: Rewrite[] = [];
		for (const [sourcePath, links] of Object.entries(cache.resolvedLinks)) {
			if (!links[targetPath]) continue;
			iterateAllRefs(cache.getCache(sourcePath), (ref) => {
				const pos = (ref as O.ReferenceCache).position as O.Pos | undefined;
				if (pos && cache.getFirstLinkpathDest(getLinkpath(ref.link), sourcePath)?.path === targetPath) {
					rewrites.push({ sourcePath, start: pos.start.offset, end: pos.end.offset, original: ref.original });
				}
			});
		}
		return rewrites;
	}

	private relink(original: string, file: TFile, sourcePath: string): string {
		const wiki = /^(!?)\[\[(.*)\]\]$/.exec(original);
		if (wiki) {
			const alias = parseAliasLink(wiki[2]);
			const { subpath } = parseLinktext(alias.href);
			const separator = wiki[2].includes("\\|") ? "\\|" : "|";
			const linktext = this.app.metadataCache.fileToLinktext(file, sourcePath);
			return `${wiki[1]}[[${linktext}${subpath}${alias.isAlias ? separator + alias.title : ""}]]`;
		}
		const md = /^(!?\[[^\]]*\]\()([^)#\s]*)(#[^)\s]*)?(.*)$/.exec(original);
		if (!md) return original;
		return `${md[1]}${encodeURI(this.app.metadataCache.fileToLinktext(file, sourcePath, false))}${md[3] ?? ""}${md[4]}`;
	}

	async promptForDeletion(file: O.TAbstractFile): Promise<boolean> {
		await this.trashFile(file);
		return true;
	}

	async trashFile(file: O.TAbstractFile): Promise<void> {
		const option = this.app.vault.getConfig("trashOption");
		await this.app.vault.discard(file, option === "none" ? "delete" : option === "system" ? "system" : "local");
	}

	generateMarkdownLink(file: O.TFile, sourcePath: string, subpath = "", alias = ""): string {
		const cache = this.app.metadataCache;
		const embed = file.extension !== "md" && EMBEDDABLE.has(file.extension.toLowerCase()) ? "!" : "";
		if (this.app.vault.getConfig("useMarkdownLinks") === true) {
			const target = encodeURI(cache.fileToLinktext(file, sourcePath, false));
			return `${embed}[${alias || file.basename}](${target}${subpath})`;
		}
		return `${embed}[[${cache.fileToLinktext(file, sourcePath)}${subpath}${alias ? `|${alias}` : ""}]]`;
	}

	async processFrontMatter(file: O.TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: O.DataWriteOptions): Promise<void> {
		await this.app.vault.process(file, (text) => {
			const info = getFrontMatterInfo(text);
			const parsed: unknown = info.exists ? parseYaml(info.frontmatter) : {};
			if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) throw new Error("Frontmatter must be a valid object");
			const data = (parsed ?? {}) as Record<string, unknown>;
			fn(data);
			const yaml = Object.keys(data).length > 0 ? stringifyYaml(data) : "";
			if (info.exists) return text.substring(0, info.from) + yaml + text.substring(info.to);
			return yaml ? `---\n${yaml}---\n${text}` : text;
		}, options);
	}

	async getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
		const setting = String(this.app.vault.getConfig("attachmentFolderPath"));
		const sourceFolder = sourcePath ? getParentPath(sourcePath) : "";
		let folder = setting === "." || setting === "./" ? sourceFolder
			: setting.startsWith("./") ? `${sourceFolder}/${setting.substring(2)}` : setting;
		folder = normalizePath(folder);
		const prefix = folder === "/" ? "" : `${folder}/`;
		const base = stripExtension(filename);
		const ext = getExtension(filename);
		const build = (n: number) => normalizePath(`${prefix}${n === 0 ? base : `${base} ${n}`}${ext ? `.${ext}` : ""}`);
		let n = 0;
		while (await this.app.vault.adapter.exists(build(n), false)) n++;
		return build(n);
	}
}
