// Popover suggestions and hover popovers.
// - AbstractInputSuggest renders `getSuggestions(input value)` when the input changes;
//   choosing calls the `onSelect` callback.
// - EditorSuggest: the double asks every registered suggest on each `editor-change`
//   (Obsidian asks while the user types): `onTrigger(cursor, editor, file)`, then
//   `getSuggestions(context)`; `selectSuggestion` is left to the plugin.
// - HoverPopover attaches `.hover-popover` to the body and sets `parent.hoverPopover`.
import "./dom-env";
import type * as O from "obsidian";
import { Component } from "./component";
import { Scope } from "./platform";
import type { App } from "./app";

export abstract class PopoverSuggest<T> implements O.PopoverSuggest<T> {
	app: App;
	scope: Scope;
	suggestEl: HTMLElement;
	/** Suggestions currently rendered. */
	values: T[] = [];
	isOpen = false;

	constructor(app: App | O.App, scope?: O.Scope) {
		this.app = app as App;
		this.scope = (scope as Scope | undefined) ?? new Scope();
		this.suggestEl = createDiv("suggestion-container");
	}
	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		document.body.appendChild(this.suggestEl);
		this.app.keymap.pushScope(this.scope);
	}
	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.suggestEl.detach();
		this.app.keymap.popScope(this.scope);
	}
	/** Render suggestions into `suggestEl` (clicking one selects it). */
	setSuggestions(values: T[]): void {
		this.values = values;
		this.suggestEl.empty();
		for (const value of values) {
			const el = this.suggestEl.createDiv("suggestion-item");
			this.renderSuggestion(value, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
		}
	}
	onHistoryBack(): void { this.close(); }
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> implements Omit<Pick<O.AbstractInputSuggest<T>, keyof O.AbstractInputSuggest<T>>, "onSelect"> {
	limit = 100;
	/** Resolves when the suggestions for the latest input are rendered. */
	suggestionsReady: Promise<void> = Promise.resolve();
	private selectCallback: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	constructor(app: App | O.App, readonly textInputEl: HTMLInputElement | HTMLDivElement) {
		super(app);
		textInputEl.addEventListener("input", () => { this.suggestionsReady = this.update(); });
		textInputEl.addEventListener("focus", () => { this.suggestionsReady = this.update(); });
	}
	private async update(): Promise<void> {
		const values = await this.getSuggestions(this.getValue());
		if (values.length === 0) { this.close(); return; }
		this.setSuggestions(values.slice(0, this.limit || undefined));
		this.open();
	}
	setValue(value: string): void {
		if (this.textInputEl.instanceOf(HTMLInputElement)) this.textInputEl.value = value;
		else this.textInputEl.setText(value);
	}
	getValue(): string {
		return this.textInputEl.instanceOf(HTMLInputElement) ? this.textInputEl.value : this.textInputEl.getText();
	}
	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.selectCallback?.(value, evt);
	}
	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.selectCallback = callback;
		return this;
	}
}

export abstract class EditorSuggest<T> extends PopoverSuggest<T> implements O.EditorSuggest<T> {
	context: O.EditorSuggestContext | null = null;
	limit = 100;
	instructions: O.Instruction[] = [];

	constructor(app: App | O.App) {
		super(app);
	}
	setInstructions(instructions: O.Instruction[]): void { this.instructions = instructions; }
	/** Ask the suggest whether to open for the editor's cursor (called on editor changes). */
	async trigger(editor: O.Editor, file: O.TFile | null): Promise<void> {
		const info = this.onTrigger(editor.getCursor(), editor, file);
		if (!info || !file) {
			this.context = null;
			this.close();
			return;
		}
		this.context = { ...info, editor, file };
		const values = await this.getSuggestions(this.context);
		if (values.length === 0) { this.close(); return; }
		this.setSuggestions(values.slice(0, this.limit || undefined));
		this.open();
	}
	abstract onTrigger(cursor: O.EditorPosition, editor: O.Editor, file: O.TFile | null): O.EditorSuggestTriggerInfo | null;
	abstract getSuggestions(context: O.EditorSuggestContext): T[] | Promise<T[]>;
}

export const PopoverState = { Showing: 0, Shown: 1, Hiding: 2, Hidden: 3 } as const;

/** obsidian.d.ts declares `PopoverState` as an empty enum; the double uses numbers. */
function toPopoverState(value: number): O.PopoverState {
	return value;
}

export class HoverPopover extends Component implements O.HoverPopover {
	hoverEl: HTMLElement;
	state: O.PopoverState;
	constructor(private readonly parent: O.HoverParent, readonly targetEl: HTMLElement | null, readonly waitTime?: number, readonly staticPos?: O.Point | null) {
		super();
		this.hoverEl = createDiv("popover hover-popover");
		this.state = toPopoverState(PopoverState.Shown);
		parent.hoverPopover = this;
		document.body.appendChild(this.hoverEl);
		this.load();
	}
	override onunload(): void {
		this.hoverEl.detach();
		this.state = toPopoverState(PopoverState.Hidden);
		if (this.parent.hoverPopover === this) this.parent.hoverPopover = null;
	}
	hide(): void { this.unload(); }
}
