/**
 * "Did you mean" for an unknown key, up to 3, best first. Three ways a writer's key goes wrong:
 *   - case:            smith2020              → Smith2020
 *   - key style:       Smith2020              → smithDeepLearning2020 (Zotero / Better BibTeX `authTitleYear`)
 *                      smithDeepLearning2020  → Smith2020 (the same author and year in the short style)
 *   - a typo:          smtih2020              → smith2020 (at most 2 edits, fewer for short keys)
 */

interface Candidate {
	key: string;
	score: number;
}

export function suggestCitekeys(key: string, known: Iterable<string>, limit = 3): string[] {
	const lower = key.toLowerCase();
	const signature = authorYear(key);
	const maxEdits = key.length <= 4 ? 1 : 2;
	const candidates: Candidate[] = [];
	for (const candidate of known) {
		if (candidate === key) continue;
		const other = candidate.toLowerCase();
		let score = -1;
		if (other === lower) score = 0;
		else {
			const otherSignature = authorYear(candidate);
			const distance = Math.abs(other.length - lower.length) <= maxEdits ? editDistance(lower, other, maxEdits) : maxEdits + 1;
			if (distance <= maxEdits) score = distance;
			else if (signature !== null && otherSignature !== null && signature === otherSignature) score = 3;
		}
		if (score >= 0) candidates.push({ key: candidate, score });
	}
	candidates.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key));
	return candidates.slice(0, limit).map((candidate) => candidate.key);
}

/** `smithDeepLearning2020` and `Smith2020` → "smith2020": the leading name and the year, lower-cased. */
function authorYear(key: string): string | null {
	const name = /^\p{L}[\p{Ll}\p{M}'-]*/u.exec(key)?.[0];
	const year = /(?:1[5-9]|20)\d\d(?!.*(?:1[5-9]|20)\d\d)/.exec(key)?.[0];
	if (!name || !year) return null;
	return `${name.toLowerCase()}${year}`;
}

/** Optimal string alignment distance (a swap of neighbours is one edit), cut off past `max`. */
function editDistance(a: string, b: string, max: number): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	let previousPrevious: number[] = [];
	let previous = Array.from({ length: cols }, (_, index) => index);
	for (let i = 1; i < rows; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2] + 1);
			current.push(value);
			if (value < best) best = value;
		}
		if (best > max) return max + 1;
		previousPrevious = previous;
		previous = current;
	}
	return previous[cols - 1];
}
