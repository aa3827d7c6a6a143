/**
 * THE PROMISE, checked: a fix changes nothing but the citation syntax it names, and every other character
 * keeps its role (prose, code, comment, math, frontmatter). Each fix is built to keep it; this guard proves it
 * on the actual texts before the fix is offered, by computing the roles of the text before and after and
 * comparing those of every character outside the edits. A fix that fails is not offered (never a guess):
 *
 *     [^2]: [[B]] %% to check⏎          delete the first line only, and `still hidden %%` opens a
 *     ⏎                                  comment that runs to the next `%%`: the roles after it
 *     still hidden %%⏎                   change, so that deletion is refused.
 */
import { characterRoles, type CharacterRoles } from "../parse/character-roles";
import type { CitationFix } from "./citation-fix";
import { applyEdits, sortEdits, type TextEdit } from "./edits";

/** The roles of the last few texts asked about: one note is usually asked about many times in a row. */
const recent: { text: string; roles: CharacterRoles }[] = [];

export function rolesOf(text: string): CharacterRoles {
	const found = recent.find((entry) => entry.text === text);
	if (found) return found.roles;
	const roles = characterRoles(text);
	recent.unshift({ text, roles });
	if (recent.length > 2) recent.pop();
	return roles;
}

/**
 * Whether every code unit outside `edits` keeps its role once they are applied. An edit that only rewrites
 * characters that open nothing (letters, digits, `[`, `]`, `^`), between two such characters, cannot change a
 * role, so the text is not parsed again:
 *
 *     [^11]  →  [^10]        the label between `^` and `]`: inert
 *       ^^
 */
export function keepsRoles(text: string, edits: readonly TextEdit[]): boolean {
	if (edits.length === 0) return true;
	const sorted = sortEdits(edits, text.length);
	if (sorted.every((edit) => isInertEdit(text, edit))) return true;
	const before = rolesOf(text).codes;
	const after = characterRoles(applyEdits(text, sorted)).codes;
	let at = 0;
	let shift = 0;
	for (const edit of [...sorted, { from: text.length, to: text.length, insert: "" }]) {
		for (let offset = at; offset < edit.from; offset++) {
			if (before[offset] !== after[offset + shift]) return false;
		}
		shift += edit.insert.length - (edit.to - edit.from);
		at = edit.to;
	}
	return true;
}

/** `fix` when it keeps every role, else null (unchecked inside withRoleGuardDeferred). */
export function guarded(text: string, fix: CitationFix | null): CitationFix | null {
	if (deferred > 0) return fix;
	return fix && keepsRoles(text, fix.edits) ? fix : null;
}

let deferred = 0;

/**
 * Runs `list` with the check left out: the fixes it returns are candidates, to show as buttons, and must be
 * computed again outside (checked) before one is applied. The check parses the whole note again for each fix,
 * about 1 ms per 12 KB: done for every row of a long note's panel it cost seconds (29 s for a 1 MB note with
 * 1,400 findings), so the plugin checks the one fix the writer clicks instead (plugin/fix-actions.ts).
 */
export function withRoleGuardDeferred<T>(list: () => T): T {
	deferred++;
	try {
		return list();
	} finally {
		deferred--;
	}
}

/** Text that can open or close no construct and changes no line or indentation: letters, digits, brackets. */
const INERT = /^[\p{L}\p{N}[\]^]*$/u;

function isInertEdit(text: string, edit: TextEdit): boolean {
	// Both neighbours inert too: a digit after a `$` can stop it closing math, a letter after a backtick …
	const neighbours = text.charAt(edit.from - 1) + text.charAt(edit.to);
	return INERT.test(edit.insert) && INERT.test(text.slice(edit.from, edit.to)) && INERT.test(neighbours);
}
