// Menu, MenuItem and MenuSeparator, after the Obsidian app bundle: items can only be added
// before the menu is shown; showing renders the items (grouped by section) into `.menu`
// attached to the body; clicking an item runs its callback and closes the menu (unless it is
// disabled, a label or has a submenu). `Menu.forEvent(evt)` shows the menu on the next
// macrotask (window.setTimeout 0), as the app does. The last shown menu is kept for tests.
import "./dom-env";
import type * as O from "obsidian";
import { Component } from "./component";
import { setIcon } from "./icons";

let lastShown: Menu | null = null;

/** The most recently shown menu (null when none was shown since the last reset). */
export function getLastMenu(): Menu | null {
	return lastShown;
}

function rememberMenu(menu: Menu): void {
	lastShown = menu;
}

/** Test hook for `resetDouble()`. */
export function forgetLastMenu(): void {
	lastShown = null;
}

export class MenuItem implements O.MenuItem {
	dom: HTMLElement;
	iconEl: HTMLElement;
	titleEl: HTMLElement;
	disabled = false;
	checked: boolean | null = null;
	section = "";
	submenu: Menu | null = null;
	private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	private isLabel = false;

	/** Obsidian's constructor is private; use `menu.addItem`. */
	constructor(readonly menu: Menu) {
		this.dom = createDiv("menu-item tappable");
		this.iconEl = this.dom.createDiv("menu-item-icon");
		this.titleEl = this.dom.createDiv("menu-item-title");
		this.dom.addEventListener("click", (evt) => this.handleEvent(evt));
	}
	setTitle(title: string | DocumentFragment): this {
		if (typeof title === "string") this.titleEl.setText(title);
		else { this.titleEl.empty(); this.titleEl.appendChild(title); }
		return this;
	}
	setIcon(icon: O.IconName | null): this {
		if (icon) setIcon(this.iconEl, icon);
		else this.iconEl.empty();
		return this;
	}
	setChecked(checked: boolean | null): this {
		this.checked = checked;
		this.dom.toggleClass("mod-checked", !!checked);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		this.dom.toggleClass("is-disabled", disabled);
		return this;
	}
	setWarning(isWarning: boolean): this { this.dom.toggleClass("is-warning", isWarning); return this; }
	setIsLabel(isLabel: boolean): this {
		this.isLabel = isLabel;
		this.dom.toggleClass("tappable", !isLabel);
		this.dom.toggleClass("is-label", isLabel);
		return this;
	}
	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this { this.callback = callback; return this; }
	setSection(section: string): this {
		this.section = section;
		this.dom.setAttr("data-section", section);
		return this;
	}
	setSubmenu(): Menu {
		if (!this.submenu) {
			this.submenu = new Menu();
			this.dom.addClass("has-submenu");
		}
		return this.submenu;
	}
	handleEvent(evt: MouseEvent | KeyboardEvent): void {
		if (this.disabled) {
			evt.preventDefault();
			return;
		}
		this.callback?.(evt);
		if (!this.submenu && !this.isLabel) this.menu.hide();
	}
}

export class MenuSeparator implements O.MenuSeparator {
	dom: HTMLElement = createDiv("menu-separator");
}

export class Menu extends Component implements O.Menu {
	items: (MenuItem | MenuSeparator)[] = [];
	dom: HTMLElement;
	scrollEl: HTMLElement;
	sections: string[] = [];
	useNativeMenu = false;
	/** Whether the menu is on screen. */
	shown = false;
	private parentEl: HTMLElement | null = null;
	private hideCallback: (() => unknown) | null = null;

	constructor() {
		super();
		this.dom = createDiv("menu");
		this.scrollEl = this.dom.createDiv("menu-scroll");
	}
	override onload(): void {
		this.registerDomEvent(window, "mousedown", (evt) => {
			const target = evt.target as Node | null;
			if (target && !this.dom.contains(target)) this.hide();
		});
	}
	setNoIcon(): this { this.dom.addClass("mod-no-icon"); return this; }
	setUseNativeMenu(useNativeMenu: boolean): this { this.useNativeMenu = useNativeMenu; return this; }
	addSections(sections: string[]): this {
		for (const s of sections) if (!this.sections.includes(s)) this.sections.push(s);
		return this;
	}
	addItem(cb: (item: MenuItem) => unknown): this {
		if (this._loaded || this.shown) return this;
		const item = new MenuItem(this);
		this.items.push(item);
		cb(item);
		return this;
	}
	addSeparator(): this {
		if (!this._loaded && !this.shown) this.items.push(new MenuSeparator());
		return this;
	}
	setParentElement(el: HTMLElement): this {
		this.parentEl?.removeClass("has-active-menu");
		this.parentEl = el;
		return this;
	}
	/** Menu items (no separators), in display order. */
	get menuItems(): MenuItem[] { return this.items.filter((i): i is MenuItem => i instanceof MenuItem); }
	private sort(): void {
		const order = (item: MenuItem | MenuSeparator) => {
			if (!(item instanceof MenuItem) || !item.section) return this.sections.length;
			if (!this.sections.includes(item.section)) this.sections.push(item.section);
			return this.sections.indexOf(item.section);
		};
		const ranked = this.items.map((item, i) => ({ item, rank: order(item), i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
		this.items = ranked.map((r) => r.item);
		this.scrollEl.empty();
		let group: HTMLElement | null = null;
		let lastRank: number | null = null;
		for (const { item, rank } of ranked) {
			if (item instanceof MenuSeparator) { this.scrollEl.appendChild(item.dom); group = null; continue; }
			if (lastRank !== null && rank !== lastRank) { this.scrollEl.appendChild(new MenuSeparator().dom); group = null; }
			group ??= this.scrollEl.createDiv("menu-group");
			group.appendChild(item.dom);
			lastRank = rank;
		}
	}
	showAtMouseEvent(evt: MouseEvent): this { return this.showAtPosition({ x: evt.clientX, y: evt.clientY }); }
	showAtPosition(position: O.MenuPositionDef, doc?: Document): this {
		this.unload();
		if (this.items.length === 0) return this;
		this.parentEl?.addClass("has-active-menu");
		this.sort();
		(doc ?? document).body.appendChild(this.dom);
		this.dom.setCssProps({ left: `${position.x}px`, top: `${position.y}px` });
		this.shown = true;
		rememberMenu(this);
		window.setTimeout(() => { if (this.shown) this.load(); }, 0);
		return this;
	}
	hide(): this {
		this.unload();
		if (!this.shown) return this;
		this.shown = false;
		this.parentEl?.removeClass("has-active-menu");
		this.parentEl = null;
		this.dom.detach();
		this.hideCallback?.();
		return this;
	}
	close(): void { this.hide(); }
	onHide(callback: () => unknown): void { this.hideCallback = callback; }
	onHistoryBack(): void { this.hide(); }
	static forEvent(evt: PointerEvent | MouseEvent): Menu {
		evt.preventDefault();
		const menu = new Menu();
		window.setTimeout(() => menu.showAtMouseEvent(evt), 0);
		return menu;
	}
}
