/**
 * The second parser of the differential test: micromark with micromark-extension-gfm-footnote, read through its
 * event stream (the tokens mdast-util-from-markdown builds its tree from), not its HTML, because GFM renders only
 * the definitions that are referenced and the events also carry exact offsets.
 */
import { parse, postprocess, preprocess } from "micromark";
import { gfmFootnote } from "micromark-extension-gfm-footnote";

export interface MicromarkFootnote {
	/** The label as written (between `[^` and `]`). */
	label: string;
	/** Offset of the `[` of `[^label]` (a reference) or of `[^label]:` (a definition). */
	offset: number;
}

export interface MicromarkFootnotes {
	references: MicromarkFootnote[];
	definitions: MicromarkFootnote[];
}

/** Every footnote call and definition micromark finds in `text`. */
export function micromarkFootnotes(text: string): MicromarkFootnotes {
	const tokenizer = parse({ extensions: [gfmFootnote()] }).document();
	const events = postprocess(tokenizer.write(preprocess()(text, undefined, true)));
	const references: MicromarkFootnote[] = [];
	const definitions: MicromarkFootnote[] = [];
	let callStart = -1;
	let definitionStart = -1;
	for (const [kind, token, context] of events) {
		if (kind !== "enter") continue;
		switch (token.type as string) {
			case "gfmFootnoteCall":
				callStart = token.start.offset;
				break;
			case "gfmFootnoteCallString":
				references.push({ label: context.sliceSerialize(token), offset: callStart });
				break;
			case "gfmFootnoteDefinitionLabel":
				definitionStart = token.start.offset;
				break;
			case "gfmFootnoteDefinitionLabelString":
				definitions.push({ label: context.sliceSerialize(token), offset: definitionStart });
				break;
			default:
				break;
		}
	}
	return { references, definitions };
}
