/**
 * The cited notes of one essay, each read once through the {@link NoteProperties} seam: its properties, or
 * why its frontmatter does not parse, and the identifiers of the work it describes.
 */
import type { NoteProperties } from "../vault/note-properties";
import { workIdentifiers, type WorkIdentifier } from "./identity";

export interface SourceNote {
	properties: Readonly<Record<string, unknown>> | null;
	/** Why the frontmatter does not parse; null when it parses or there is none. */
	frontmatterError: string | null;
	identifiers: WorkIdentifier[];
}

export class SourceNotes {
	private readonly notes = new Map<string, SourceNote>();

	constructor(
		private readonly seam: NoteProperties,
		private readonly identityProperties: readonly string[] = [],
	) {}

	get(path: string): SourceNote {
		let note = this.notes.get(path);
		if (!note) {
			// Only markdown notes have properties; a cited PDF or image has none to lack.
			const markdown = /\.md$/i.test(path);
			const properties = markdown ? this.seam.properties(path) : null;
			const frontmatterError = markdown && properties === null ? this.seam.frontmatterError(path) : null;
			const identifiers = properties === null ? [] : workIdentifiers(properties, this.identityProperties);
			note = { properties, frontmatterError, identifiers };
			this.notes.set(path, note);
		}
		return note;
	}
}
