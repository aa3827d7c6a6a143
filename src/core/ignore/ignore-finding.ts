/**
 * The "Ignore" fix: writes a line marker for the finding's kind on the line before the finding, inside the
 * same container so the note keeps its structure:
 *
 *     > - a claim[^7]             →   >   %% citation-audit-ignore-next-line no-vault-link %%
 *                                     > - a claim[^7]
 *
 * The marker line repeats the finding line's quote/callout prefix (`> `) and indentation, plus the width of
 * a list marker when the line is a list item (a continuation line of the list, not a paragraph that would
 * end it). When the line before already holds a marker with kinds, the kind is added to it (only the line
 * right before counts). Declined (null) where a new line would change the note: inside a table, before a
 * callout's `[!type]` line that follows another quote line.
 */
import type { TextEdit } from "../fixes/edits";
import type { Finding } from "../types";
import { LINE_DIRECTIVE, readLineDirective } from "./line-markers";

export function ignoreFinding(text: string, finding: Pick<Finding, "kind" | "offset">): TextEdit[] | null {
	if (finding.kind === "unused-ignore") return null;
	const lineFrom = text.lastIndexOf("\n", finding.offset - 1) + 1;
	const line = lineAt(text, lineFrom);
	const previous = lineFrom === 0 ? null : lineAt(text, text.lastIndexOf("\n", lineFrom - 2) + 1);

	const existing = previous && markerOnLine(text, previous);
	if (existing) {
		if (existing.kinds.length === 0 || existing.kinds.includes(finding.kind)) return null;
		return [{ from: existing.kindsEnd, to: existing.kindsEnd, insert: `${existing.trailingComma ? "" : ","} ${finding.kind}` }];
	}

	const quote = /^(?:[ \t]*>)*[ \t]*/.exec(line.text)![0];
	const rest = line.text.slice(quote.length);
	if (looksLikeTableRow(rest)) return null;
	let prefix = quote;
	if (rest.startsWith("[!") && quote.includes(">")) {
		// A callout's first line: the marker goes before the callout, one quote level out.
		prefix = quote.slice(0, quote.lastIndexOf(">"));
		if (previous && previous.text.trim() !== "" && previous.text.startsWith(prefix) && /^[ \t]*>/.test(previous.text.slice(prefix.length))) return null;
	} else {
		const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(rest);
		if (listMarker) prefix += " ".repeat(listMarker[0].length);
	}
	const eol = line.hasCr ? "\r\n" : "\n";
	return [{ from: lineFrom, to: lineFrom, insert: `${prefix}%% ${LINE_DIRECTIVE} ${finding.kind} %%${eol}` }];
}

interface Line {
	from: number;
	/** Without `\r\n`/`\n`. */
	text: string;
	hasCr: boolean;
}

function lineAt(text: string, from: number): Line {
	let end = text.indexOf("\n", from);
	if (end === -1) end = text.length;
	const hasCr = end > from && text.charCodeAt(end - 1) === 0x0d;
	return { from, text: text.slice(from, hasCr ? end - 1 : end), hasCr };
}

/** The marker a line consists of (after its prefix), with where its kind list ends. */
function markerOnLine(text: string, line: Line): { kinds: string[]; kindsEnd: number; trailingComma: boolean } | null {
	const match = /%%[^%]*%%[ \t]*$/.exec(line.text);
	if (!match || line.text.slice(0, match.index).replace(/[ \t>]/g, "") !== "") return null;
	const comment = match[0].trimEnd();
	const kinds = readLineDirective(comment);
	if (kinds === null) return null;
	const closing = match.index + comment.length - 2;
	const kindsEnd = line.from + line.text.slice(0, closing).trimEnd().length;
	return { kinds, kindsEnd, trailingComma: text.charCodeAt(kindsEnd - 1) === 0x2c };
}

/** A `|` outside wikilinks (`[[A|alias]]`, closed or not), code spans and escapes: a table row (GFM allows no leading pipe). */
function looksLikeTableRow(line: string): boolean {
	return line.replace(/\[\[[^\]]*\]?\]?/g, "").replace(/`[^`]*`/g, "").replace(/\\\|/g, "").includes("|");
}
