/**
 * Whether an editor's document is exactly a given string, without building the document's string.
 *
 * The editor publishes an audit only into an editor whose text is the text audited. Building a 1 MB
 * document's string to compare (`doc.sliceString(0)`) took about 2 ms per keystroke, as long as the rest of
 * the editor's update. This remembers the last (document, text) pair found equal and the changes the editor
 * made since (CodeMirror's ChangeSet of every update, composed). A new text then equals the document when,
 * over every range the changes left alone, it equals the old text there (the old document was the old text;
 * comparing two flat string slices is a memory compare in V8), and over every range the changes inserted it
 * equals the document there (a few characters). Relied on from @codemirror/state: `ChangeSet.iterGaps`
 * gives the unchanged ranges in both documents, `iterChanges` the replaced ones, and `compose` chains
 * change sets so that the composition maps the first document to the last.
 *
 * Exact: whenever the chain from the remembered document to the editor's current one is not known (an
 * update this did not see, a state replaced wholesale), it falls back to building the string.
 */
import type { ChangeSet, Text } from "@codemirror/state";

export class DocTextMatch {
	/** The last document found equal to `verifiedText`. */
	private verifiedDoc: Text | null = null;
	private verifiedText = "";
	/** The changes from `verifiedDoc` to `trackedDoc` (null: none yet, the two are the same document). */
	private pending: ChangeSet | null = null;
	/** The document the editor had after the last change seen. */
	private trackedDoc: Text | null = null;
	/** How many checks were answered without building the document's string (for tests). */
	fastChecks = 0;

	/** An editor update turned `before` into `after` by `changes` (call it for every update that changed the document). */
	noteChange(before: Text, changes: ChangeSet, after: Text): void {
		if (this.verifiedDoc === null || this.trackedDoc !== before) {
			this.forget();
			return;
		}
		this.pending = this.pending ? this.pending.compose(changes) : changes;
		this.trackedDoc = after;
	}

	/** Whether `doc` is exactly `text`. */
	matches(doc: Text, text: string): boolean {
		if (doc.length !== text.length) return false;
		const equal = this.canCompareFast(doc) ? this.sameByChanges(doc, text) : doc.sliceString(0) === text;
		if (equal) this.remember(doc, text);
		return equal;
	}

	private canCompareFast(doc: Text): boolean {
		return this.verifiedDoc !== null && this.trackedDoc === doc;
	}

	/** `doc` is the verified document changed by `pending`: compare `text` with it piece by piece. */
	private sameByChanges(doc: Text, text: string): boolean {
		this.fastChecks++;
		const changes = this.pending;
		if (changes === null) return this.verifiedText === text;
		const old = this.verifiedText;
		let same = true;
		changes.iterGaps((fromOld, fromNew, length) => {
			if (same && old.slice(fromOld, fromOld + length) !== text.slice(fromNew, fromNew + length)) same = false;
		});
		if (!same) return false;
		changes.iterChanges((_fromOld, _toOld, fromNew, toNew) => {
			if (same && fromNew < toNew && doc.sliceString(fromNew, toNew) !== text.slice(fromNew, toNew)) same = false;
		});
		return same;
	}

	private remember(doc: Text, text: string): void {
		this.verifiedDoc = doc;
		this.verifiedText = text;
		this.trackedDoc = doc;
		this.pending = null;
	}

	private forget(): void {
		this.verifiedDoc = null;
		this.verifiedText = "";
		this.trackedDoc = null;
		this.pending = null;
	}
}
