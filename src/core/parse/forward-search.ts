/**
 * `indexOf` that remembers its last answer. Scanners ask "where is the next `]]` after here?" from
 * positions that only move forward; re-searching from scratch each time turns 100,000 unclosed `[[`
 * into 10^10 steps. With the memo every character is looked at a bounded number of times.
 */
export class ForwardSearch {
	private from = -1;
	private found = -1;

	constructor(
		private readonly text: string,
		private readonly needle: string,
	) {}

	/** First index ≥ `from` where the needle starts, or -1. */
	next(from: number): number {
		// The remembered answer holds for any start between the remembered start and the match.
		if (this.from !== -1 && from >= this.from && (this.found === -1 || from <= this.found)) return this.found;
		this.from = from;
		this.found = this.text.indexOf(this.needle, from);
		return this.found;
	}
}

/** One remembering search per needle, created on first use. */
export class ForwardSearches {
	private readonly searches = new Map<string, ForwardSearch>();

	constructor(private readonly text: string) {}

	next(needle: string, from: number): number {
		let search = this.searches.get(needle);
		if (!search) {
			search = new ForwardSearch(this.text, needle);
			this.searches.set(needle, search);
		}
		return search.next(from);
	}

	/** Like `next`, but -1 when the needle does not start before `limit`. */
	nextBefore(needle: string, from: number, limit: number): number {
		const found = this.next(needle, from);
		return found !== -1 && found < limit ? found : -1;
	}
}
