// Modal, Notice and suggestion modals, after the Obsidian app bundle.
// - Modal.open() attaches `.modal-container` to the body (once) and calls `onOpen()`;
//   close() detaches it, then calls `onClose()` and the close callback.
// - Notice: default duration 4000 ms (window.setTimeout, so fake timers control it), a click
//   hides it. Every notice is recorded in `noticesShown` (message text kept up to date).
// - SuggestModal renders `getSuggestions(input)` (up to `limit`) whenever it opens or the
//   input changes; choosing closes the modal, then calls `onChooseSuggestion`.
import "./dom-env";
import type * as O from "obsidian";
import { prepareFuzzySearch, renderResults } from "./misc";
import { Scope } from "./platform";
import type { App } from "./app";

export const openModals: Modal[] = [];

export class Modal implements O.Modal {
	app: App;
	scope: Scope = new Scope();
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	headerEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = true;
	private onCloseCallback: (() => unknown) | null = null;

	constructor(app: App | O.App) {
		this.app = app as App;
		this.scope.register([], "Escape", () => { this.close(); return false; });
		this.containerEl = createDiv("modal-container mod-dim");
		this.containerEl.createDiv("modal-bg").addEventListener("click", () => this.close());
		this.modalEl = this.containerEl.createDiv("modal");
		this.modalEl.createDiv("modal-close-button").addEventListener("click", () => this.close());
		this.headerEl = this.modalEl.createDiv("modal-header");
		this.titleEl = this.headerEl.createDiv("modal-title");
		this.contentEl = this.modalEl.createDiv("modal-content");
	}

	open(): void {
		if (this.containerEl.parentNode) return;
		this.app.keymap.pushScope(this.scope);
		document.body.appendChild(this.containerEl);
		openModals.push(this);
		void this.onOpen();
	}
	close(): void {
		this.app.keymap.popScope(this.scope);
		this.containerEl.detach();
		openModals.remove(this);
		this.onClose();
		this.onCloseCallback?.();
	}
	onOpen(): Promise<void> | void { /* override */ }
	onClose(): void { /* override */ }
	setTitle(title: string): this { this.titleEl.setText(title); return this; }
	setContent(content: string | DocumentFragment): this {
		if (typeof content === "string") this.contentEl.setText(content);
		else this.contentEl.appendChild(content);
		return this;
	}
	setCloseCallback(callback: () => unknown): this { this.onCloseCallback = callback; return this; }
	onHistoryBack(): void { this.close(); }
}

export interface NoticeRecord { message: string; duration: number; hidden: boolean; notice: Notice }
/** Every Notice created since the last `resetDouble()`, oldest first. */
export const noticesShown: NoticeRecord[] = [];

export class Notice implements O.Notice {
	containerEl: HTMLElement;
	messageEl: HTMLElement;
	private readonly record: NoticeRecord;

	constructor(message: string | DocumentFragment, duration = 4000) {
		let container = document.body.querySelector<HTMLElement>(":scope > .notice-container");
		container ??= document.body.createDiv("notice-container");
		this.containerEl = container.createDiv("notice");
		const text = typeof message === "string" ? message : message.textContent ?? "";
		this.messageEl = this.containerEl.createDiv({ cls: "notice-message", text: message });
		this.record = { message: text, duration, hidden: false, notice: this };
		noticesShown.push(this.record);
		if (duration) window.setTimeout(() => this.hide(), duration);
		this.containerEl.addEventListener("click", () => this.hide());
	}
	/** Deprecated alias of `messageEl`. */
	get noticeEl(): HTMLElement { return this.messageEl; }
	setMessage(message: string | DocumentFragment): this {
		this.record.message = typeof message === "string" ? message : message.textContent ?? "";
		this.messageEl.setText(message);
		return this;
	}
	hide(): void {
		this.record.hidden = true;
		const container = this.containerEl.parentElement;
		this.containerEl.detach();
		if (container && container.childElementCount === 0) container.detach();
	}
}

export abstract class SuggestModal<T> extends Modal implements O.SuggestModal<T> {
	limit = 100;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	instructionsEl: HTMLElement;
	/** Suggestions currently rendered, in order. */
	values: T[] = [];
	selected = 0;
	/** Resolves when the latest rendering of suggestions is done. */
	suggestionsReady: Promise<void> = Promise.resolve();

	constructor(app: App | O.App) {
		super(app);
		this.modalEl.addClass("prompt");
		this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input", type: "text" });
		this.resultContainerEl = this.modalEl.createDiv("prompt-results");
		this.instructionsEl = this.modalEl.createDiv("prompt-instructions");
		this.inputEl.addEventListener("input", () => { this.suggestionsReady = this.updateSuggestions(); });
		this.scope.register([], "Enter", (evt) => { this.selectActiveSuggestion(evt); return false; });
	}

	override open(): void {
		super.open();
		this.suggestionsReady = this.updateSuggestions();
	}
	async updateSuggestions(): Promise<void> {
		const values = (await this.getSuggestions(this.inputEl.value)).slice(0, this.limit || undefined);
		this.values = values;
		this.selected = 0;
		this.resultContainerEl.empty();
		if (values.length === 0) {
			this.onNoSuggestion();
			return;
		}
		values.forEach((value, i) => {
			const el = this.resultContainerEl.createDiv({ cls: i === 0 ? "suggestion-item is-selected" : "suggestion-item" });
			this.renderSuggestion(value, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
		});
	}
	setPlaceholder(placeholder: string): void { this.inputEl.setAttribute("placeholder", placeholder); }
	setInstructions(instructions: O.Instruction[]): void {
		this.instructionsEl.empty();
		for (const i of instructions) {
			const row = this.instructionsEl.createDiv("prompt-instruction");
			row.createSpan({ cls: "prompt-instruction-command", text: i.command });
			row.createSpan({ text: i.purpose });
		}
	}
	onNoSuggestion(): void { this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText }); }
	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}
	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		if (this.values.length > 0) this.selectSuggestion(this.values[this.selected], evt);
	}
	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<O.FuzzyMatch<T>> implements O.FuzzySuggestModal<T> {
	getSuggestions(query: string): O.FuzzyMatch<T>[] {
		const items = this.getItems();
		if (!query.trim()) return items.map((item) => ({ item, match: { score: 0, matches: [] } }));
		const search = prepareFuzzySearch(query);
		const results: O.FuzzyMatch<T>[] = [];
		for (const item of items) {
			const match = search(this.getItemText(item));
			if (match) results.push({ item, match });
		}
		return results.sort((a, b) => b.match.score - a.match.score);
	}
	renderSuggestion(item: O.FuzzyMatch<T>, el: HTMLElement): void { renderResults(el, this.getItemText(item.item), item.match); }
	onChooseSuggestion(item: O.FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void { this.onChooseItem(item.item, evt); }
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}
