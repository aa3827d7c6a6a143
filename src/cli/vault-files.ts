/**
 * The command line's only window on the disk. It lists and reads files inside the vault and nothing else:
 * symlinks are followed only when their real path stays inside the vault (which also ends symlink loops),
 * dot-folders (`.obsidian`, `.trash`, `.git`) are skipped as Obsidian skips them, and huge files are refused.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { ListedRealPaths, type RealPaths } from "./listed-real-paths";

/** Larger notes are skipped with a message rather than held in memory. */
export const MAX_NOTE_BYTES = 64 * 1024 * 1024;

export interface VaultListing {
	/** Real path of the vault folder. */
	root: string;
	/** Vault-relative paths with forward slashes, sorted (by code unit; ListedRealPaths searches them, so never reordered). */
	paths: readonly string[];
	/**
	 * Real path of each listed file, checked to lie inside the vault while listing, so reading a listed
	 * note needs no second realpath (a fifth of a 10,000-note audit's time went there).
	 */
	realPaths: RealPaths;
	/**
	 * Listed paths that reach a file listed under another path too (a symbolic link to a note of the vault),
	 * each with the path it is audited and fixed under: the real path's, when listed. Links still resolve
	 * to them, as Obsidian lists them; a note is read, audited and written once, never twice under two names
	 * (the second write would find it "changed on disk since it was read").
	 */
	aliases: Map<string, string>;
	warnings: string[];
}

export class VaultError extends Error {}

export function openVault(dir: string): string {
	let root: string;
	try {
		root = realpathSync(dir);
	} catch (error) {
		throw new VaultError(`${dir}: ${describeIoError(error)}`);
	}
	if (!statSync(root).isDirectory()) throw new VaultError(`${dir}: not a folder`);
	return root;
}

export function listVault(root: string): VaultListing {
	const paths: string[] = [];
	/** Real paths of the files reached through a symbolic link (see ListedRealPaths). */
	const linkedReal = new Map<string, string>();
	const warnings: string[] = [];
	const visited = new Set<string>([root]);
	// Linked folders are walked after every real one: a folder is listed under its real path, and a link to it
	// (`a/to-b` → `b`) is an alias that adds nothing, whichever comes first in the listing.
	const linkedFolders: { real: string; vaultPath: string }[] = [];
	/** Only a symbolic link (to a file, or on the way to one) lists one real file under two paths. */
	let sawLink = false;
	/** `linked`: the folder was reached through a symbolic link, so its files' real paths are kept. */
	const walk = (realDir: string, vaultDir: string, linked: boolean): void => {
		let entries: Dirent[];
		try {
			entries = readdirSync(realDir, { withFileTypes: true });
		} catch (error) {
			warnings.push(`${vaultDir || "."}: skipped (${describeIoError(error)})`);
			return;
		}
		for (const entry of entries) {
			if (entry.name.startsWith(".")) continue;
			const vaultPath = vaultDir ? `${vaultDir}/${entry.name}` : entry.name;
			// Not path.join: realDir is a real path already, and join's normalising cost a tenth of the listing.
			let real = realDir.endsWith(sep) ? realDir + entry.name : realDir + sep + entry.name;
			let isDirectory = entry.isDirectory();
			if (entry.isSymbolicLink()) {
				sawLink = true;
				let isFile: boolean;
				try {
					real = realpathSync(real);
					// Nothing outside the vault is looked at, not even its type.
					if (!isInside(root, real)) {
						warnings.push(`${vaultPath}: skipped (symbolic link leaves the vault)`);
						continue;
					}
					const stats = statSync(real);
					isDirectory = stats.isDirectory();
					isFile = stats.isFile();
				} catch {
					warnings.push(`${vaultPath}: skipped (broken symbolic link)`);
					continue;
				}
				// A link to a named pipe or a device: reading it would block for ever.
				if (!isFile && !isDirectory) {
					warnings.push(`${vaultPath}: skipped (not a regular file)`);
					continue;
				}
			} else if (!entry.isFile() && !isDirectory) {
				continue;
			}
			if (isDirectory && entry.isSymbolicLink()) {
				linkedFolders.push({ real, vaultPath });
			} else if (isDirectory) {
				if (visited.has(real)) continue;
				visited.add(real);
				walk(real, vaultPath, linked);
			} else {
				paths.push(vaultPath);
				if (linked || entry.isSymbolicLink()) linkedReal.set(vaultPath, real);
			}
		}
	};
	walk(root, "", false);
	// Walking a linked folder may find more of them: the list grows while it is read.
	for (let index = 0; index < linkedFolders.length; index++) {
		const { real, vaultPath } = linkedFolders[index];
		if (visited.has(real)) continue;
		visited.add(real);
		walk(real, vaultPath, true);
	}
	paths.sort();
	const realPaths = new ListedRealPaths(root, paths, linkedReal);
	// Without links every listed path is its own file: grouping 100,000 real paths would find nothing.
	return { root, paths, realPaths, aliases: sawLink ? aliasesOf(root, paths, realPaths) : new Map<string, string>(), warnings };
}

/** Each path whose real file is listed under another path, mapped to that path (see VaultListing.aliases). */
function aliasesOf(root: string, paths: readonly string[], realPaths: RealPaths): Map<string, string> {
	const byReal = new Map<string, string[]>();
	for (const path of paths) {
		const real = realPaths.get(path)!;
		const same = byReal.get(real);
		if (same) same.push(path);
		else byReal.set(real, [path]);
	}
	const aliases = new Map<string, string>();
	for (const [real, same] of byReal) {
		if (same.length < 2) continue;
		// The path the file really has; if that one is not listed (a link into a dot-folder), the first in order.
		const own = relative(root, real).split(sep).join("/");
		const kept = same.includes(own) ? own : same[0];
		for (const path of same) if (path !== kept) aliases.set(path, kept);
	}
	return aliases;
}

export interface NoteFile {
	/** Decoded text with a leading BOM dropped. */
	text: string;
	/** Set when the bytes were not valid UTF-8 and were decoded with replacement characters. */
	invalidUtf8: boolean;
	hadBom: boolean;
	bytes: Buffer;
}

/**
 * Reads a vault file by its vault path; throws VaultError with the path and the cause. `realPaths` (from
 * listVault) saves checking again where a listed file really is.
 */
export function readNote(root: string, vaultPath: string, realPaths?: RealPaths): NoteFile {
	// Copied out of the shared read buffer: a NoteFile is kept (the fixes write its bytes back).
	return decodeNote(Buffer.from(readNoteBytes(root, vaultPath, realPaths)));
}

/** Grown as needed and reused by every read, so reading a vault allocates no buffer per note. */
let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * The bytes of a vault file, as a view of a buffer that the next call overwrites: for a caller that only
 * looks at the note before reading another (most notes of a vault are read, tested for `[^` and dropped).
 * One open, one fstat, one read (more only for a file that grew or a short read), one close: a vault audit
 * reads every note, and on this machine each system call counts (100,000 notes: 1.5 s this way, 2.9 s with statSync + readFileSync).
 * With `limit`, only the first `limit` bytes (or fewer) are read: the start of a note, for its frontmatter.
 */
export function readNoteBytes(root: string, vaultPath: string, realPaths?: RealPaths, limit = Infinity): Buffer {
	const absolute = realPaths?.get(vaultPath) ?? resolveInsideVault(root, vaultPath);
	let fd: number;
	try {
		// Non-blocking, so that opening a named pipe does not wait for a writer; fstat then refuses it.
		fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		throw new VaultError(`${vaultPath}: ${describeIoError(error)}`);
	}
	try {
		const stats = fstatSync(fd);
		// A named pipe or a device would block the read for ever.
		if (!stats.isFile()) throw new VaultError(`${vaultPath}: skipped (not a regular file)`);
		const size = stats.size;
		if (size > MAX_NOTE_BYTES) throw new VaultError(`${vaultPath}: skipped (${Math.round(size / 1048576)} MB is larger than the ${MAX_NOTE_BYTES / 1048576} MB limit)`);
		// One byte more than the size, so a single read also sees the end of a file that did not grow.
		if (scratch.length < Math.min(size, limit) + 1) scratch = Buffer.allocUnsafe(Math.max(Math.min(size, limit) + 1, scratch.length * 2));
		let length = 0;
		for (;;) {
			const wanted = Math.min(scratch.length, limit) - length;
			if (wanted <= 0) break;
			const read = readSync(fd, scratch, length, wanted, null);
			if (read === 0) break;
			length += read;
			// A regular file (fstat said so) gives fewer bytes than asked at its end (read(2)): once the size
			// fstat gave is in, no second read to be told so (190,000 system calls fewer on the bench's
			// 100,000-note vault). A short read before that size (a network file system may give one) reads on:
			// a note cut short would be audited, and fixed, as if that were all of it.
			if (read < wanted && length >= size) break;
			if (length === scratch.length) {
				if (length > MAX_NOTE_BYTES) throw new VaultError(`${vaultPath}: skipped (larger than the ${MAX_NOTE_BYTES / 1048576} MB limit)`);
				const grown = Buffer.allocUnsafe(scratch.length * 2);
				scratch.copy(grown, 0, 0, length);
				scratch = grown;
			}
		}
		return scratch.subarray(0, length);
	} catch (error) {
		if (error instanceof VaultError) throw error;
		throw new VaultError(`${vaultPath}: ${describeIoError(error)}`);
	} finally {
		closeSync(fd);
	}
}

export function decodeNote(bytes: Buffer): NoteFile {
	const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	let invalidUtf8 = false;
	let text: string;
	try {
		text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
	} catch {
		invalidUtf8 = true;
		text = new TextDecoder("utf-8").decode(bytes);
	}
	return { text, invalidUtf8, hadBom, bytes };
}

/** Absolute path of a vault path; refuses anything that would leave the vault. */
export function resolveInsideVault(root: string, vaultPath: string): string {
	const absolute = resolve(root, vaultPath);
	if (!isInside(root, absolute)) throw new VaultError(`${vaultPath}: outside the vault`);
	let real: string;
	try {
		real = realpathSync(absolute);
	} catch (error) {
		throw new VaultError(`${vaultPath}: ${describeIoError(error)}`);
	}
	if (!isInside(root, real)) throw new VaultError(`${vaultPath}: outside the vault (symbolic link)`);
	return real;
}

/**
 * A note named on the command line: first as a path inside the vault, then as a path on disk that must lie
 * inside the vault. Returns the vault path with forward slashes.
 */
export function locateNoteArgument(root: string, argument: string, cwd: string): string {
	const candidates = isAbsolute(argument) ? [argument] : [resolve(root, argument), resolve(cwd, argument)];
	for (const candidate of candidates) {
		let real: string;
		try {
			real = realpathSync(candidate);
		} catch {
			continue;
		}
		if (!isInside(root, real)) throw new VaultError(`${argument}: outside the vault ${root}`);
		if (!statSync(real).isFile()) throw new VaultError(`${argument}: not a file`);
		return relative(root, real).split(sep).join("/");
	}
	throw new VaultError(`${argument}: no such note in the vault or on disk`);
}

export function isInside(root: string, path: string): boolean {
	const rel = relative(root, path);
	return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function describeIoError(error: unknown): string {
	const code = (error as { code?: string }).code;
	switch (code) {
		case "ENOENT":
			return "no such file or folder";
		case "EACCES":
		case "EPERM":
			return "permission denied";
		case "EISDIR":
			return "is a folder";
		case "ELOOP":
			return "too many levels of symbolic links";
		default:
			return error instanceof Error ? error.message : String(error);
	}
}
