/**
 * markdown-it's block state (`StateBlock`), made by a constructor of our own: the same fields with the same
 * values, found by the same rules (markdown-it 14, rules_block/state_block.mjs), but reading only each
 * line's leading blanks and finding its end with `indexOf`, in a small function of its own.
 *
 *     "  - item⏎\tcode⏎"      bMarks [0, 9, 15]   eMarks [8, 14, 15]   (then one empty line at the end)
 *      ^ indent 2             tShift [2, 1, 0]    sCount [2, 4, 0]     (a tab goes on to the next multiple of 4)
 *
 * Why: V8 compiles markdown-it's constructor on the stack (on-stack replacement) in the middle of a long
 * note's loop, before the code after the loop has type feedback. The compiled constructor then gave up at
 * that code on later notes ("insufficient type feedback", 13 to 33 times a run) and ran in the interpreter,
 * reading every character: 135 ms of the 12 MB bench essay's run, 66 of them for the 2,000 small notes whose
 * headings were read; 14 ms this way. Here the loop's function ends with the loop, and the constructor
 * around it has none.
 *
 * A test holds every field to markdown-it's own constructor's on random text.
 */
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type Token from "markdown-it/lib/token.mjs";

/** The fields StateBlock's constructor sets, in its order (so every state has one shape). */
function LineMarkedState(this: StateBlock, src: string, md: MarkdownIt, env: unknown, tokens: Token[]): void {
	this.src = src;
	this.md = md;
	this.env = env;
	this.tokens = tokens;
	this.bMarks = [];
	this.eMarks = [];
	this.tShift = [];
	this.sCount = [];
	this.bsCount = [];
	this.blkIndent = 0;
	this.line = 0;
	this.lineMax = 0;
	this.tight = false;
	this.ddIndent = -1;
	this.listIndent = -1;
	this.parentType = "root";
	this.level = 0;
	markLines(src, this.bMarks, this.eMarks, this.tShift, this.sCount, this.bsCount);
	// One empty line after the text, which lineMax does not count (markdown-it's rules read one line on).
	this.bMarks.push(src.length);
	this.eMarks.push(src.length);
	this.tShift.push(0);
	this.sCount.push(0);
	this.bsCount.push(0);
	this.lineMax = this.bMarks.length - 1;
}

/**
 * Each line's start and end offsets, the offset of its first character that is not a blank (`tShift`), and
 * its indent with tabs expanded to multiples of four (`sCount`). As in markdown-it, a last line made only of
 * blanks and with no line break after it is not listed. Only a line's leading blanks are read one by one;
 * its end is found by a native search (markdown-it reads every character: 45 ms for the 12 MB bench essay).
 *
 *     ␠␠- item⏎
 *     ^ start  ^ end: indexOf("\n") from the first character that is not a blank
 */
function markLines(src: string, bMarks: number[], eMarks: number[], tShift: number[], sCount: number[], bsCount: number[]): void {
	const length = src.length;
	let start = 0;
	while (start < length) {
		let pos = start;
		let offset = 0;
		for (; pos < length; pos++) {
			const code = src.charCodeAt(pos);
			if (code === 0x20) offset++;
			else if (code === 0x09) offset += 4 - (offset % 4);
			else break;
		}
		if (pos === length) return;
		let end = src.charCodeAt(pos) === 0x0a ? pos : src.indexOf("\n", pos);
		if (end === -1) end = length;
		bMarks.push(start);
		eMarks.push(end);
		tShift.push(pos - start);
		sCount.push(offset);
		bsCount.push(0);
		start = end + 1;
	}
	// Nothing after the loop: V8 may compile this function while the loop runs (on-stack replacement), and
	// code after it, not run yet, would have no type feedback there. Left here, the pushes of the last line
	// made each later note leave the compiled code (1,800 times in the 12 MB bench essay's run).
}

/** Makes `md` build its block states with {@link LineMarkedState}; its methods stay markdown-it's. */
export function useLineMarkedState(md: MarkdownIt): void {
	const original = md.block.State;
	LineMarkedState.prototype = original.prototype;
	md.block.State = LineMarkedState as unknown as typeof original;
}

/**
 * Makes `md`'s block states return an empty string from `getLines`, so block tokens carry no `content`.
 *
 *     paragraph_open · inline (content "", not "A claim[^1] with …") · paragraph_close
 *
 * Why: the block structure reads only each token's type, map, level and meta, never its content, and
 * markdown-it 14's block rules call `getLines` only to fill a token's content (code, fence, html_block,
 * lheading, paragraph; the reference and table rules read their lines themselves). On the 12 MB bench essay
 * the block parse allocates 9 MB less this way (109 → 100 MB, measured with no collection during the parse);
 * its time moved within the noise. A test holds the structure read this way to the one read with the content
 * on random notes; call after {@link useLineMarkedState}.
 */
export function withoutTokenContent(md: MarkdownIt): void {
	const Full = md.block.State;
	function ContentlessState(this: StateBlock, src: string, parser: MarkdownIt, env: unknown, tokens: Token[]): void {
		Full.call(this, src, parser, env, tokens);
	}
	ContentlessState.prototype = Object.create(Full.prototype) as StateBlock;
	ContentlessState.prototype.getLines = () => "";
	md.block.State = ContentlessState as unknown as typeof Full;
}
