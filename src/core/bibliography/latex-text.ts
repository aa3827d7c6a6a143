/**
 * BibTeX field text to plain text: accents (`{\"u}`, `\'{e}`, `{\'\i}`), special letters (`\ss`, `\o`), escaped
 * characters (`\&`, `\%`), formatting commands (`\emph{Sand}` → `Sand`), protective braces and `--`/`---` dashes.
 * Enough for a note's title and author properties; unknown commands keep their argument and lose the backslash
 * word, so nothing is ever rendered as markup.
 *
 *   Kernels of the {Orchard}     M{\"u}ller      Garc{\'\i}a      \emph{Sand}
 *                  ^ brace kept  ^ ü            ^ í (dotless i + acute) ^ Sand
 */

const ACCENTS: Readonly<Record<string, string>> = {
	"`": "\u0300",
	"'": "\u0301",
	"^": "\u0302",
	"~": "\u0303",
	"=": "\u0304",
	u: "\u0306",
	".": "\u0307",
	'"': "\u0308",
	r: "\u030a",
	H: "\u030b",
	v: "\u030c",
	d: "\u0323",
	c: "\u0327",
	k: "\u0328",
	b: "\u0331",
};

const LETTERS: Readonly<Record<string, string>> = {
	ss: "ß",
	o: "ø",
	O: "Ø",
	ae: "æ",
	AE: "Æ",
	oe: "œ",
	OE: "Œ",
	aa: "å",
	AA: "Å",
	l: "ł",
	L: "Ł",
	i: "ı",
	j: "ȷ",
	dh: "ð",
	DH: "Ð",
	th: "þ",
	TH: "Þ",
	textendash: "–",
	textemdash: "—",
	textquoteright: "’",
	textquoteleft: "‘",
	ldots: "…",
	dots: "…",
	textellipsis: "…",
};

/** Characters that mean something in field text; everything between them is copied as one slice. */
const LATEX_SPECIAL = /[\\{}~-]/g;

export function latexToText(value: string): string {
	LATEX_SPECIAL.lastIndex = 0;
	if (!LATEX_SPECIAL.test(value)) return value.replace(/\s+/g, " ").trim();
	const parts: string[] = [];
	let at = 0;
	while (at < value.length) {
		LATEX_SPECIAL.lastIndex = at;
		const match = LATEX_SPECIAL.exec(value);
		const special = match ? match.index : value.length;
		if (special > at) parts.push(value.slice(at, special));
		if (!match) break;
		at = special;
		const char = value[at];
		if (char === "\\") {
			const { text, next } = readCommand(value, at);
			parts.push(text);
			at = next;
		} else if (char === "{" || char === "}") {
			at++;
		} else if (char === "~") {
			parts.push(" ");
			at++;
		} else if (value.startsWith("---", at)) {
			parts.push("—");
			at += 3;
		} else if (value.startsWith("--", at)) {
			parts.push("–");
			at += 2;
		} else {
			parts.push(char);
			at++;
		}
	}
	return parts.join("").normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * \"u   \"{u}   \'\i   \ss   \&   \emph{x}
 * ^ at: returns the text the command stands for and where reading resumes.
 */
function readCommand(value: string, at: number): { text: string; next: number } {
	const name = value[at + 1];
	if (name === undefined) return { text: "", next: at + 1 };
	if (ACCENTS[name] !== undefined && (!/[a-zA-Z]/.test(name) || !/[a-zA-Z]/.test(value[at + 2] ?? ""))) {
		const { base, next } = readAccentBase(value, at + 2);
		// A dotless i or j under an accent is written for the dotted letter's sake: í, not ı́.
		const letter = base === "ı" ? "i" : base === "ȷ" ? "j" : base;
		return { text: letter + ACCENTS[name], next };
	}
	if (!/[a-zA-Z]/.test(name)) return { text: name === "\\" ? " " : name, next: at + 2 };
	let end = at + 1;
	while (end < value.length && /[a-zA-Z]/.test(value[end])) end++;
	const word = value.slice(at + 1, end);
	// A control word swallows the spaces after it (`\ss d` is "ßd"); `\ss{}` ends with empty braces.
	let next = end;
	while (value[next] === " ") next++;
	if (value.startsWith("{}", next)) next += 2;
	if (LETTERS[word] !== undefined) return { text: LETTERS[word], next };
	return { text: "", next: end };
}

/** The letter an accent sits on: `u`, `{u}`, `\i`, `{\i}`, possibly after spaces. */
function readAccentBase(value: string, from: number): { base: string; next: number } {
	let at = from;
	while (value[at] === " ") at++;
	const braced = value[at] === "{";
	if (braced) at++;
	let base = "";
	if (value[at] === "\\") {
		let end = at + 1;
		while (end < value.length && /[a-zA-Z]/.test(value[end])) end++;
		base = LETTERS[value.slice(at + 1, end)] ?? value.slice(at + 1, end);
		at = end;
	} else if (at < value.length) {
		base = value[at];
		at++;
	}
	if (braced && value[at] === "}") at++;
	return { base, next: at };
}

/**
 * `Müller, Jörg and {van der Berg}, Anneke and {Coastal Survey Collective}` → display names. Names are split on
 * ` and ` outside braces; "Last, First" is turned around; a braced name stays whole.
 */
export function splitNames(value: string): string[] {
	if (!value.includes("{")) return value.split(/\s+and\s+/i).map(displayName).filter((name) => name !== "" && name.toLowerCase() !== "others");
	const names: string[] = [];
	let depth = 0;
	let start = 0;
	for (let at = 0; at < value.length; at++) {
		const char = value[at];
		if (char === "{") depth++;
		else if (char === "}") depth--;
		else if (depth === 0 && /\s/.test(char) && /^\s+and\s/i.test(value.slice(at, at + 6))) {
			names.push(value.slice(start, at));
			const skip = /^\s+and\s+/i.exec(value.slice(at))![0].length;
			start = at + skip;
			at = start - 1;
		}
	}
	names.push(value.slice(start));
	return names.map(displayName).filter((name) => name !== "" && name.toLowerCase() !== "others");
}

function displayName(raw: string): string {
	const parts = splitTopLevelCommas(raw.trim());
	const extended = extendedName(parts);
	if (extended !== null) return extended;
	const text = parts.map((part) => latexToText(part));
	if (text.length === 1) return text[0];
	// Last, First   or   von Last, Jr, First
	const first = text[text.length - 1];
	const last = text.length === 3 ? `${text[0]}, ${text[1]}` : text[0];
	return first ? `${first} ${last}` : last;
}

/** One `key=value` part of an extended name: the key outside braces, before the first `=`. */
const EXTENDED_PART = /^\s*([A-Za-z][A-Za-z-]*)\s*=(.*)$/s;
/** The name keys Biber defines; a part keyed otherwise means the name is not in the extended format. */
const EXTENDED_KEYS = new Set(["family", "given", "prefix", "suffix", "useprefix", "juniorcomma"]);

/**
 * BibLaTeX's extended name format (Biber manual, "Extended name format"), which Better BibTeX writes for a
 * name with a particle: `family=Hoven, given=Mira, prefix=van den, useprefix=true`. Every part is `key=value`
 * with a name key, and `family` or `given` is among them; anything else is an ordinary name (null). Keys
 * followed by `-i` (Biber's initials override, `given-i=JJ`) are ignored.
 */
function extendedName(parts: readonly string[]): string | null {
	if (parts.length < 2) return null;
	const values = new Map<string, string>();
	for (const part of parts) {
		const match = EXTENDED_PART.exec(part);
		if (!match) return null;
		const key = match[1].toLowerCase();
		if (key.endsWith("-i")) continue;
		if (!EXTENDED_KEYS.has(key)) return null;
		values.set(key, latexToText(match[2].trim().replace(/^"(.*)"$/s, "$1")));
	}
	if (!values.has("family") && !values.has("given")) return null;
	const name = [values.get("given"), values.get("prefix"), values.get("family")].filter((part) => part).join(" ");
	const suffix = values.get("suffix");
	return suffix ? `${name}, ${suffix}` : name;
}

function splitTopLevelCommas(value: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let at = 0; at < value.length; at++) {
		const char = value[at];
		if (char === "{") depth++;
		else if (char === "}") depth--;
		else if (char === "," && depth === 0) {
			parts.push(value.slice(start, at));
			start = at + 1;
		}
	}
	parts.push(value.slice(start));
	return parts.map((part) => part.trim());
}
