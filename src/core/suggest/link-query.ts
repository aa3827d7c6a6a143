/**
 * What a link asks for, read for suggestions: the name's forms (as written, and without a subtitle), the
 * folder words of a path link (to rank, never to exclude: a moved folder is the near-miss itself), and
 * whether it names an attachment. A link names an attachment only when its extension is written
 * (`scan.pdf`); `[[scan]]` is a note link and is never offered `scan.pdf`, nor `[[scan.pdf]]` a note.
 */
import { makeForm, textForms, type NameForm } from "./name-forms";
import { acronymsIn, nameWords } from "./words";

/** Extensions Obsidian opens as attachments (images, audio, video, PDF) and other common non-note files. */
export const ATTACHMENT_EXTENSIONS = new Set([
	"png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif", "heic", "tif", "tiff",
	"mp3", "wav", "m4a", "ogg", "3gp", "flac", "webm", "mp4", "mov", "ogv", "mkv",
	"pdf", "canvas", "base", "csv", "docx", "xlsx", "pptx", "epub", "zip", "bib", "json", "txt",
]);

export interface LinkQuery {
	/** The forms to compare names with: the name, its subtitle-less title, and the name without its extension. */
	forms: NameForm[];
	/** Lower-cased extension after the last dot, when it looks like one (`pdf`, `js`); null for none. */
	extension: string | null;
	/** The extension is a known attachment type: only attachments are offered. */
	attachment: boolean;
	/** The last word, which may be an extension written as a word (`data csv`). */
	lastWord: string;
	/** Words of the folder part of a path link. */
	folderWords: Set<string>;
}

const EXTENSION = /\.([A-Za-z][A-Za-z0-9]{0,4})$/;

/** Reads `Folder/Name.ext` (without `#subpath`); null when the name holds no word. */
export function readLinkQuery(linkpath: string): LinkQuery | null {
	const slash = linkpath.lastIndexOf("/");
	let name = linkpath.slice(slash + 1);
	const folder = slash >= 0 ? linkpath.slice(0, slash) : "";
	if (/\.md$/i.test(name)) name = name.slice(0, -3);
	const extension = EXTENSION.exec(name)?.[1].toLowerCase() ?? null;
	const forms = textForms("name", name);
	if (extension) {
		const stemName = name.slice(0, -extension.length - 1);
		const bare = makeForm("name", nameWords(stemName), acronymsIn(stemName));
		if (bare) forms.push(bare);
	}
	if (forms.length === 0) return null;
	const words = forms[0].words;
	return {
		forms,
		extension,
		attachment: extension !== null && ATTACHMENT_EXTENSIONS.has(extension),
		lastWord: words[words.length - 1],
		folderWords: new Set(nameWords(folder)),
	};
}
