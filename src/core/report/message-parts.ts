/**
 * A finding's message split into the engine's own words and what it quotes from the notes: footnote labels
 * (`[^4]`) and quoted targets, paths and names (`"Sources/A.md"`). The markdown report shows the quoted parts
 * as code and the words as text. The values the finding carries (labels, target, resolved path, suggestions,
 * citation key) are looked for first, longest first, so a quoted value that itself holds a `"` or `]` stays
 * whole; anything else quoted is taken up to the first closing quote that ends a word. A wrong split is only
 * less tidy, never unsafe: every part is either code or escaped text.
 */
import type { Finding } from "../types";

export interface MessagePart {
	/** "quoted": text from a note (the quotes, the `[^` `]` of a label, the `@` of a key are part of how it is shown). */
	kind: "words" | "quoted" | "label" | "citekey";
	text: string;
}

export function messageParts(finding: Pick<Finding, "message" | "labels" | "target" | "resolved" | "suggestions" | "citekey">): MessagePart[] {
	const { message } = finding;
	const byLength = (values: (string | undefined)[]) =>
		[...new Set(values.filter((value): value is string => typeof value === "string" && value !== ""))].sort((a, b) => b.length - a.length);
	const labels = byLength(finding.labels ?? []);
	const quoted = byLength([finding.target, finding.resolved, ...(finding.suggestions ?? []), finding.citekey]);
	const parts: MessagePart[] = [];
	let words = "";
	const push = (part: MessagePart) => {
		if (words !== "") parts.push({ kind: "words", text: words });
		words = "";
		parts.push(part);
	};
	let at = 0;
	while (at < message.length) {
		if (message.startsWith("[^", at)) {
			const label = labels.find((value) => message.startsWith(`[^${value}]`, at)) ?? /^\[\^([^\]\s]+)\]/.exec(message.slice(at))?.[1];
			if (label !== undefined) {
				push({ kind: "label", text: label });
				at += label.length + 3;
				continue;
			}
		}
		// A Pandoc key (`@haugen2021`, `@{braced key}`) at the start of a word: shown as code, so a report saved as a
		// note does not cite it again.
		if (message[at] === "@" && !/[\p{L}\p{N}_]/u.test(message[at - 1] ?? "")) {
			const key = (finding.citekey !== undefined && keyAt(message, at + 1, finding.citekey)) || CITEKEY.exec(message.slice(at + 1))?.[0];
			if (key) {
				push({ kind: "citekey", text: key });
				at += key.length + 1;
				continue;
			}
		}
		if (message[at] === '"') {
			const known = quoted.find((value) => message.startsWith(`"${value}"`, at));
			const value = known ?? /^"([^"]*?)"(?=$|[\s,;:.?!)])/.exec(message.slice(at))?.[1];
			if (value !== undefined) {
				push({ kind: "quoted", text: value });
				at += value.length + 2;
				continue;
			}
		}
		words += message[at];
		at++;
	}
	if (words !== "") parts.push({ kind: "words", text: words });
	return parts;
}

/** A key as Pandoc reads one after `@`: braced, or a word whose inner punctuation is followed by a letter or digit. */
const CITEKEY = /^(?:\{[^{}]*\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/u;

/** The finding's own key (or its braced form) at `at`, when it ends there as a key does. */
function keyAt(message: string, at: number, key: string): string | undefined {
	for (const form of [`{${key}}`, key]) {
		if (message.startsWith(form, at) && !/[\p{L}\p{N}_]/u.test(message[at + form.length] ?? "")) return form;
	}
	return undefined;
}
