// Setting rows, groups and tabs, after the Obsidian app bundle (`Setting` builds
// .setting-item > .setting-item-info (name, description) + .setting-item-control).
// `SettingTab.display()` renders `getSettingDefinitions()` (the declarative API of
// obsidian.d.ts 1.13) for the control types toggle, text, textarea, number, dropdown and
// slider, plus groups; plugins normally override `display()`. `hide()` empties the tab
// (assumption: Obsidian rebuilds tabs on every `display()`).
import "./dom-env";
import type * as O from "obsidian";
import {
	ButtonComponent, ColorComponent, DisplayValueComponent, DropdownComponent, ExtraButtonComponent, MomentFormatComponent,
	ProgressBarComponent, SearchComponent, SliderComponent, TextAreaComponent, TextComponent, ToggleComponent, type BaseComponent,
} from "./components";
import { setTooltip } from "./icons";
import type { App } from "./app";

export class Setting implements O.Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: O.BaseComponent[] = [];
	errorEl: HTMLElement | null = null;

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv("setting-item");
		this.infoEl = this.settingEl.createDiv("setting-item-info");
		this.nameEl = this.infoEl.createDiv("setting-item-name");
		this.descEl = this.infoEl.createDiv("setting-item-description");
		this.controlEl = this.settingEl.createDiv("setting-item-control");
	}

	private add<T extends BaseComponent>(component: T, cb: (component: T) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	setErrorMessage(message: string | null): this {
		if (message === null) {
			this.errorEl?.detach();
			this.errorEl = null;
		} else {
			this.errorEl ??= this.infoEl.createDiv("setting-item-error");
			this.errorEl.setText(message);
		}
		return this;
	}
	addDisplayValue(cb: (component: DisplayValueComponent) => unknown): this { cb(new DisplayValueComponent(this.controlEl)); return this; }
	setName(name: string | DocumentFragment): this { this.nameEl.setText(name); return this; }
	setDesc(desc: string | DocumentFragment): this { this.descEl.setText(desc); return this; }
	setClass(cls: string): this { this.settingEl.addClass(cls); return this; }
	setTooltip(tooltip: string, options?: O.TooltipOptions): this { setTooltip(this.nameEl, tooltip, options); return this; }
	setHeading(): this { this.settingEl.addClass("setting-item-heading"); return this; }
	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		for (const component of this.components) component.setDisabled(disabled);
		return this;
	}
	addButton(cb: (component: ButtonComponent) => unknown): this { return this.add(new ButtonComponent(this.controlEl), cb); }
	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this { return this.add(new ExtraButtonComponent(this.controlEl), cb); }
	addToggle(cb: (component: ToggleComponent) => unknown): this {
		this.add(new ToggleComponent(this.controlEl), cb);
		this.settingEl.addClass("mod-toggle");
		return this;
	}
	addText(cb: (component: TextComponent) => unknown): this { return this.add(new TextComponent(this.controlEl), cb); }
	addComponent<T extends O.BaseComponent>(cb: (el: HTMLElement) => T): this {
		this.components.push(cb(this.controlEl));
		return this;
	}
	addSearch(cb: (component: SearchComponent) => unknown): this { return this.add(new SearchComponent(this.controlEl), cb); }
	addTextArea(cb: (component: TextAreaComponent) => unknown): this { return this.add(new TextAreaComponent(this.controlEl), cb); }
	addMomentFormat(cb: (component: MomentFormatComponent) => unknown): this { return this.add(new MomentFormatComponent(this.controlEl), cb); }
	addDropdown(cb: (component: DropdownComponent) => unknown): this { return this.add(new DropdownComponent(this.controlEl), cb); }
	addColorPicker(cb: (component: ColorComponent) => unknown): this { return this.add(new ColorComponent(this.controlEl), cb); }
	addProgressBar(cb: (component: ProgressBarComponent) => unknown): this { return this.add(new ProgressBarComponent(this.controlEl), cb); }
	addSlider(cb: (component: SliderComponent) => unknown): this { return this.add(new SliderComponent(this.controlEl), cb); }
	then(cb: (setting: this) => unknown): this { cb(this); return this; }
	clear(): this {
		this.controlEl.empty();
		this.components = [];
		return this;
	}
}

/** Obsidian >= 1.11.0 (no `implements`: the lint rules reject APIs newer than minAppVersion). */
export class SettingGroup {
	listEl: HTMLElement;
	private readonly rootEl: HTMLElement;
	private readonly headerEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		this.rootEl = containerEl.createDiv("setting-group");
		this.headerEl = this.rootEl.createDiv("setting-group-heading");
		this.listEl = this.rootEl.createDiv("setting-items");
	}
	setHeading(text: string | DocumentFragment): this { this.headerEl.setText(text); return this; }
	addClass(...classes: string[]): this { this.rootEl.addClass(...classes); return this; }
	addSetting(cb: (setting: Setting) => void): this { cb(new Setting(this.listEl)); return this; }
	addSearch(cb: (component: SearchComponent) => unknown): this { cb(new SearchComponent(this.headerEl)); return this; }
	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this { cb(new ExtraButtonComponent(this.headerEl)); return this; }
}

function isVisible(item: { visible?: boolean | (() => boolean) }): boolean {
	return typeof item.visible === "function" ? item.visible() : item.visible !== false;
}

export abstract class SettingTab implements O.SettingTab {
	icon: O.IconName = "";
	app: App;
	containerEl: HTMLElement;
	settingItems: O.SettingDefinitionItem[] = [];

	constructor(app: App | O.App) {
		this.app = app as App;
		this.containerEl = createDiv("vertical-tab-content");
	}

	getSettingDefinitions(): O.SettingDefinitionItem[] { return this.settingItems; }
	update(): void { (this as { display(): void }).display(); }
	getControlValue(_key: string): unknown { return undefined; }
	setControlValue(_key: string, _value: unknown): void | Promise<void> { /* override */ }
	refreshDomState(): void { /* nothing cached */ }

	display(): void {
		this.containerEl.empty();
		this.renderItems(this.containerEl, this.getSettingDefinitions());
	}
	hide(): void { this.containerEl.empty(); }

	private renderItems(el: HTMLElement, items: O.SettingDefinitionItem[]): void {
		for (const item of items) {
			if (!isVisible(item)) continue;
			if ("type" in item && (item.type === "group" || item.type === "list")) {
				const group = new SettingGroup(el);
				if (item.heading) group.setHeading(item.heading);
				this.renderItems(group.listEl, item.items ?? []);
			} else if ("name" in item && !("type" in item && item.type === "page")) {
				this.renderDefinition(el, item);
			}
		}
	}

	private renderDefinition(el: HTMLElement, def: O.SettingDefinition): void {
		const setting = new Setting(el).setName(def.name);
		if (def.desc) setting.setDesc(def.desc);
		if (def.render) { def.render(setting, new SettingGroup(el)); return; }
		if (def.action) { setting.addButton((b) => b.setButtonText(def.name).onClick(() => def.action?.(setting.controlEl, 0))); return; }
		const control = def.control;
		if (!control) return;
		const raw = this.getControlValue(control.key) ?? control.defaultValue;
		const value = typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? raw : undefined;
		const save = (v: unknown) => { void this.setControlValue(control.key, v); };
		if (control.type === "toggle") setting.addToggle((t) => t.setValue(Boolean(value)).onChange(save));
		else if (control.type === "dropdown") setting.addDropdown((d) => d.addOptions(control.options).setValue(String(value ?? "")).onChange(save));
		else if (control.type === "slider") setting.addSlider((s) => s.setLimits(control.min, control.max, control.step).setValue(Number(value ?? control.min)).onChange(save));
		else if (control.type === "textarea") setting.addTextArea((t) => t.setValue(String(value ?? "")).onChange(save));
		else if (control.type === "number") setting.addText((t) => t.setValue(String(value ?? "")).onChange((v) => save(Number(v))));
		else setting.addText((t) => t.setValue(String(value ?? "")).onChange(save));
	}
}

export abstract class PluginSettingTab extends SettingTab implements O.PluginSettingTab {
	plugin: O.Plugin;
	constructor(app: App | O.App, plugin: O.Plugin) {
		super(app);
		this.plugin = plugin;
	}
}

/** Obsidian >= 1.13.0 (no `implements`, see SettingGroup). */
export abstract class SettingPage {
	rootEl: HTMLElement;
	titlebarEl: HTMLElement;
	containerEl: HTMLElement;
	title = "";
	constructor() {
		this.rootEl = createDiv("setting-page");
		this.titlebarEl = this.rootEl.createDiv("setting-page-titlebar");
		this.containerEl = this.rootEl.createDiv("setting-page-content");
	}
	abstract display(): void;
	hide(): void { this.containerEl.empty(); }
}
