// Setting controls, written after the Obsidian app bundle. When `setValue` calls `onChange`:
// - ToggleComponent, SliderComponent, ColorComponent: YES, when the value changes (the app's
//   setValue invokes the change callback); a click on the toggle goes through setValue;
// - TextComponent/TextAreaComponent/SearchComponent, DropdownComponent: NO; only user input
//   (`input` / `change` DOM events) calls onChange.
// Tests drive controls like a user: `toggle.toggleEl.click()`, or set `inputEl.value` and
// dispatch an `input` event, or set `selectEl.value` and dispatch `change`.
import "./dom-env";
import type * as O from "obsidian";
import { setIcon, setTooltip, displayTooltip } from "./icons";
import type { App } from "./app";

export abstract class BaseComponent implements O.BaseComponent {
	disabled = false;
	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent implements O.ValueComponent<T> {
	registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
		listeners[key] = (value?: T) => {
			if (value !== undefined) this.setValue(value);
			return this.getValue();
		};
		return this;
	}
	abstract getValue(): T;
	abstract setValue(value: T): this;
}

export class ButtonComponent extends BaseComponent implements O.ButtonComponent {
	buttonEl: HTMLButtonElement;
	private clickCallback: ((evt: MouseEvent) => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		const el = (this.buttonEl = containerEl.createEl("button"));
		el.addEventListener("click", (evt) => {
			const cb = this.clickCallback;
			if (this.disabled || !cb) return;
			el.addClass("mod-loading");
			void Promise.resolve(cb(evt)).finally(() => el.removeClass("mod-loading"));
		});
	}
	override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.buttonEl.disabled = disabled; return this; }
	setCta(): this { this.buttonEl.addClass("mod-cta"); return this; }
	removeCta(): this { this.buttonEl.removeClass("mod-cta"); return this; }
	setWarning(): this { this.buttonEl.addClass("mod-warning"); return this; }
	setDestructive(): this { this.buttonEl.addClass("mod-destructive"); return this; }
	removeDestructive(): this { this.buttonEl.removeClass("mod-destructive"); return this; }
	setTooltip(tooltip: string, options?: O.TooltipOptions): this { setTooltip(this.buttonEl, tooltip, options); return this; }
	setButtonText(name: string): this { this.buttonEl.setText(name); return this; }
	setIcon(icon: O.IconName): this { setIcon(this.buttonEl, icon); return this; }
	setClass(cls: string): this { this.buttonEl.addClass(cls); return this; }
	onClick(callback: (evt: MouseEvent) => unknown): this { this.clickCallback = callback; return this; }
}

export class ExtraButtonComponent extends BaseComponent implements O.ExtraButtonComponent {
	extraSettingsEl: HTMLElement;
	private clickCallback: (() => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.extraSettingsEl = containerEl.createDiv("clickable-icon extra-setting-button");
		setIcon(this.extraSettingsEl, "lucide-settings");
		this.extraSettingsEl.addEventListener("click", () => { if (!this.disabled && this.clickCallback) this.clickCallback(); });
	}
	override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.extraSettingsEl.toggleClass("is-disabled", disabled); return this; }
	setTooltip(tooltip: string, options?: O.TooltipOptions): this { setTooltip(this.extraSettingsEl, tooltip, options); return this; }
	setIcon(icon: O.IconName): this { setIcon(this.extraSettingsEl, icon); return this; }
	onClick(callback: () => unknown): this { this.clickCallback = callback; return this; }
}

export class ToggleComponent extends ValueComponent<boolean> implements O.ToggleComponent {
	toggleEl: HTMLElement;
	private on = false;
	private changeCallback: ((value: boolean) => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv("checkbox-container", (el) => { el.createEl("input", { type: "checkbox", attr: { tabindex: 0 } }); });
		this.toggleEl.addEventListener("click", () => this.onClick());
	}
	override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.toggleEl.toggleClass("is-disabled", disabled); return this; }
	getValue(): boolean { return this.on; }
	setValue(on: boolean): this {
		if (this.on !== on) {
			this.on = on;
			this.toggleEl.toggleClass("is-enabled", on);
			this.changeCallback?.(on);
		}
		return this;
	}
	setTooltip(tooltip: string, options?: O.TooltipOptions): this { setTooltip(this.toggleEl, tooltip, options); return this; }
	onClick(): void { if (!this.disabled) this.setValue(!this.getValue()); }
	onChange(callback: (value: boolean) => unknown): this { this.changeCallback = callback; return this; }
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> implements O.AbstractTextComponent<T> {
	inputEl: T;
	private changeCallback: ((value: string) => unknown) | null = null;
	constructor(inputEl: T) {
		super();
		this.inputEl = inputEl;
		inputEl.addEventListener("input", () => this.onChanged());
		inputEl.setAttribute("spellcheck", "false");
	}
	override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.inputEl.disabled = disabled; return this; }
	getValue(): string { return this.inputEl.value; }
	setValue(value: string): this { if (typeof value === "string") this.inputEl.value = value; return this; }
	setPlaceholder(placeholder: string): this { this.inputEl.setAttribute("placeholder", placeholder); return this; }
	onChanged(): void { this.changeCallback?.(this.inputEl.value); }
	onChange(callback: (value: string) => unknown): this { this.changeCallback = callback; return this; }
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> implements O.TextComponent {
	constructor(containerEl: HTMLElement) { super(containerEl.createEl("input", { type: "text" })); }
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> implements O.TextAreaComponent {
	constructor(containerEl: HTMLElement) { super(containerEl.createEl("textarea")); }
}

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> implements O.SearchComponent {
	clearButtonEl: HTMLElement;
	containerEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		const wrapper = containerEl.createDiv("search-input-container");
		super(wrapper.createEl("input", { type: "search", attr: { enterkeyhint: "search" } }));
		this.containerEl = wrapper;
		this.clearButtonEl = wrapper.createDiv("search-input-clear-button");
		this.clearButtonEl.addEventListener("click", () => {
			if (this.disabled) return;
			this.inputEl.value = "";
			this.onChanged();
		});
	}
	override onChanged(): void { super.onChanged(); }
}

export class MomentFormatComponent extends TextComponent implements O.MomentFormatComponent {
	sampleEl: HTMLElement = createSpan();
	private defaultFormat = "";
	setDefaultFormat(defaultFormat: string): this { this.defaultFormat = defaultFormat; this.setPlaceholder(defaultFormat); this.updateSample(); return this; }
	setSampleEl(sampleEl: HTMLElement): this { this.sampleEl = sampleEl; this.updateSample(); return this; }
	override setValue(value: string): this { super.setValue(value); this.updateSample(); return this; }
	override onChanged(): void { super.onChanged(); this.updateSample(); }
	/** Simplified: shows the format string itself (the double has no moment.js). */
	updateSample(): void { this.sampleEl.setText(this.inputEl.value || this.defaultFormat); }
}

export class DropdownComponent extends ValueComponent<string> implements O.DropdownComponent {
	selectEl: HTMLSelectElement;
	private changeCallback: ((value: string) => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", "dropdown");
		this.selectEl.addEventListener("change", () => { this.changeCallback?.(this.getValue()); });
	}
	override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.selectEl.disabled = disabled; return this; }
	addOption(value: string, display: string): this { this.selectEl.createEl("option", { value, text: display }); return this; }
	addOptions(options: Record<string, string>): this { for (const [value, display] of Object.entries(options)) this.addOption(value, display); return this; }
	getValue(): string { return this.selectEl.value; }
	setValue(value: string): this { this.selectEl.value = value; return this; }
	onChange(callback: (value: string) => unknown): this { this.changeCallback = callback; return this; }
}

export class SliderComponent extends ValueComponent<number> implements O.SliderComponent {
	sliderEl: HTMLInputElement;
	private instant = false;
	private changeCallback: ((value: number) => unknown) | null = null;
	private format: ((value: number) => string) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.sliderEl = containerEl.createEl("input", { type: "range", cls: "slider" });
		this.sliderEl.addEventListener("input", () => { if (this.instant) this.changeCallback?.(this.getValue()); });
		this.sliderEl.addEventListener("change", () => { if (!this.instant) this.changeCallback?.(this.getValue()); });
	}
	override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.sliderEl.disabled = disabled; return this; }
	setInstant(instant: boolean): this { this.instant = instant; return this; }
	setLimits(min: number | null, max: number | null, step: number | "any"): this {
		this.sliderEl.setAttrs({ min, max, step });
		return this;
	}
	getValue(): number {
		const raw = this.sliderEl.value;
		if (raw !== "") return Number(raw);
		const min = Number(this.sliderEl.getAttribute("min") ?? 0);
		const max = Number(this.sliderEl.getAttribute("max") ?? 100);
		return min + (max - min) / 2;
	}
	setValue(value: number): this {
		if (this.getValue() !== value) {
			this.sliderEl.value = String(value);
			this.changeCallback?.(value);
		}
		return this;
	}
	getValuePretty(): string {
		if (this.format) return this.format(this.getValue());
		const step = this.sliderEl.getAttribute("step");
		return step === "any" || (step !== null && parseFloat(step) < 1) ? this.getValue().toFixed(2) : this.getValue().toString();
	}
	setDisplayFormat(format: (value: number) => string): this { this.format = format; return this; }
	setDynamicTooltip(): this {
		this.sliderEl.addEventListener("mouseenter", () => displayTooltip(this.sliderEl, this.getValuePretty()));
		return this;
	}
	onChange(callback: (value: number) => unknown): this { this.changeCallback = callback; return this; }
}

export class ProgressBarComponent extends ValueComponent<number> implements O.ProgressBarComponent {
	private value = 0;
	private readonly lineEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.lineEl = containerEl.createDiv("setting-progress-bar").createDiv("setting-progress-bar-inner");
	}
	getValue(): number { return this.value; }
	setValue(value: number): this {
		this.value = Math.clamp(value, 0, 100);
		this.lineEl.setCssProps({ width: `${this.value}%` });
		return this;
	}
}

export class ColorComponent extends ValueComponent<string> implements O.ColorComponent {
	colorPickerEl: HTMLInputElement;
	private changeCallback: ((value: string) => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.colorPickerEl = containerEl.createEl("input", { type: "color" });
		this.colorPickerEl.addEventListener("change", () => { this.changeCallback?.(this.getValue()); });
	}
	override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.colorPickerEl.disabled = disabled; return this; }
	getValue(): O.HexString { return this.colorPickerEl.value; }
	getValueRgb(): O.RGB {
		const hex = /^#?([0-9a-f]{6})$/i.exec(this.getValue())?.[1] ?? "000000";
		return { r: parseInt(hex.substring(0, 2), 16), g: parseInt(hex.substring(2, 4), 16), b: parseInt(hex.substring(4, 6), 16) };
	}
	getValueHsl(): O.HSL {
		const { r, g, b } = this.getValueRgb();
		const [rn, gn, bn] = [r / 255, g / 255, b / 255];
		const max = Math.max(rn, gn, bn);
		const min = Math.min(rn, gn, bn);
		const l = (max + min) / 2;
		const d = max - min;
		const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
		const h = d === 0 ? 0 : max === rn ? ((gn - bn) / d) % 6 : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
		return { h: Math.round(h * 60 + 360) % 360, s, l };
	}
	setValue(value: O.HexString): this {
		if (this.colorPickerEl.value !== value) {
			this.colorPickerEl.value = value;
			this.changeCallback?.(this.getValue());
		}
		return this;
	}
	setValueRgb(rgb: O.RGB): this {
		return this.setValue(`#${[rgb.r, rgb.g, rgb.b].map((n) => Math.round(n).toString(16).padStart(2, "0")).join("")}`);
	}
	setValueHsl(hsl: O.HSL): this {
		const c = (1 - Math.abs(2 * hsl.l - 1)) * hsl.s;
		const x = c * (1 - Math.abs(((hsl.h / 60) % 2) - 1));
		const m = hsl.l - c / 2;
		const [r, g, b] = hsl.h < 60 ? [c, x, 0] : hsl.h < 120 ? [x, c, 0] : hsl.h < 180 ? [0, c, x] : hsl.h < 240 ? [0, x, c] : hsl.h < 300 ? [x, 0, c] : [c, 0, x];
		return this.setValueRgb({ r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 });
	}
	onChange(callback: (value: string) => unknown): this { this.changeCallback = callback; return this; }
}

/** Obsidian >= 1.13.1 (no `implements`: the lint rules reject APIs newer than minAppVersion). */
export class DisplayValueComponent {
	valueEl: HTMLElement;
	constructor(containerEl: HTMLElement) { this.valueEl = containerEl.createDiv("setting-display-value"); }
	setValue(value: string | null): this { this.valueEl.setText(value ?? ""); return this; }
	setStatus(status: "warning" | null): this { this.valueEl.toggleClass("mod-warning", status === "warning"); return this; }
}

/** Obsidian >= 1.11.1 (no `implements`, see DisplayValueComponent). */
export class SecretComponent extends BaseComponent {
	private readonly inputEl: HTMLInputElement;
	private changeCallback: ((value: string) => unknown) | null = null;
	constructor(_app: App | O.App, containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl("input", { type: "password" });
		this.inputEl.addEventListener("input", () => { this.changeCallback?.(this.inputEl.value); });
	}
	setValue(value: string): this { this.inputEl.value = value; return this; }
	onChange(cb: (value: string) => unknown): this { this.changeCallback = cb; return this; }
}
