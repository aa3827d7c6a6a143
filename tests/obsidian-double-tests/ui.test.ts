import { afterEach, describe, expect, it, vi } from "vitest";
import {
	DropdownComponent, FuzzySuggestModal, Keymap, Menu, Modal, Notice, Platform, Setting, SliderComponent, TextComponent,
	ToggleComponent, debounce,
} from "obsidian";
import {
	click, clickMenuItem, createTestApp, getFile, getLastMenu, isMenuShown, menuItemTitles, noticeMessages, noticesShown, openModals,
	resetDouble, waitForSuggestions, type TestApp,
} from "../obsidian-double/testing";

afterEach(() => {
	vi.useRealTimers();
	resetDouble();
});

describe("Notice", () => {
	it("records messages, updates them, and hides after the duration", () => {
		vi.useFakeTimers();
		const notice = new Notice("Saved 3 files");
		new Notice(createFragment((f) => f.createEl("b", { text: "Bold" })), 0);
		notice.setMessage("Saved 4 files");
		expect(noticeMessages()).toEqual(["Saved 4 files", "Bold"]);
		expect(notice.messageEl.isConnected).toBe(true);
		vi.advanceTimersByTime(4000);
		expect(noticesShown[0].hidden).toBe(true);
		expect(notice.containerEl.isConnected).toBe(false);
		expect(noticesShown[1].hidden).toBe(false);
	});
});

class Confirm extends Modal {
	log: string[] = [];
	override onOpen(): void {
		this.setTitle("Confirm");
		this.contentEl.createEl("button", { text: "OK" }).addEventListener("click", () => this.close());
		this.log.push("open");
	}
	override onClose(): void { this.log.push("close"); }
}

describe("Modal", () => {
	it("opens once into the body, closes through its own button", () => {
		const app = createTestApp();
		const modal = new Confirm(app);
		modal.open();
		modal.open();
		expect(openModals).toEqual([modal]);
		expect(modal.titleEl.getText()).toBe("Confirm");
		click(modal.contentEl.querySelector("button") as HTMLElement);
		expect(modal.log).toEqual(["open", "close"]);
		expect(modal.containerEl.isConnected).toBe(false);
		expect(openModals).toHaveLength(0);
	});
});

describe("Setting controls (onChange semantics of the Obsidian app)", () => {
	it("toggle: setValue calls onChange when the value changes, and so does a click", () => {
		const onChange = vi.fn();
		const toggle = new ToggleComponent(createDiv()).onChange(onChange);
		toggle.setValue(true);
		toggle.setValue(true);
		click(toggle.toggleEl);
		expect(onChange.mock.calls).toEqual([[true], [false]]);
		toggle.setDisabled(true);
		click(toggle.toggleEl);
		expect(toggle.getValue()).toBe(false);
	});

	it("text and dropdown: setValue is silent, user input calls onChange", () => {
		const onText = vi.fn();
		const text = new TextComponent(createDiv()).setValue("a").onChange(onText);
		text.setValue("b");
		text.inputEl.value = "typed";
		text.inputEl.dispatchEvent(new Event("input"));
		expect(onText.mock.calls).toEqual([["typed"]]);
		const onPick = vi.fn();
		const dropdown = new DropdownComponent(createDiv()).addOptions({ a: "A", b: "B" }).setValue("b").onChange(onPick);
		expect(dropdown.getValue()).toBe("b");
		dropdown.selectEl.value = "a";
		dropdown.selectEl.dispatchEvent(new Event("change"));
		expect(onPick.mock.calls).toEqual([["a"]]);
	});

	it("slider: setValue calls onChange on change; limits and pretty value", () => {
		const onChange = vi.fn();
		const slider = new SliderComponent(createDiv()).setLimits(0, 1, 0.1).onChange(onChange);
		slider.setValue(0.3);
		slider.setValue(0.3);
		expect(onChange.mock.calls).toEqual([[0.3]]);
		expect(slider.getValuePretty()).toBe("0.30");
	});

	it("Setting builds Obsidian's structure; buttons call back; setDisabled reaches the controls", async () => {
		const container = createDiv();
		const clicked = vi.fn();
		const setting = new Setting(container).setName("Name").setDesc("Description").setHeading()
			.addButton((b) => b.setButtonText("Run").setCta().onClick(clicked))
			.addExtraButton((b) => b.setIcon("trash").onClick(clicked));
		expect(setting.settingEl.hasClass("setting-item-heading")).toBe(true);
		expect(setting.nameEl.getText()).toBe("Name");
		expect(setting.descEl.getText()).toBe("Description");
		click(setting.controlEl.querySelector("button") as HTMLElement);
		await Promise.resolve();
		setting.setDisabled(true);
		click(setting.controlEl.querySelector("button") as HTMLElement);
		click(setting.controlEl.querySelector(".extra-setting-button") as HTMLElement);
		expect(clicked).toHaveBeenCalledTimes(1);
		expect(setting.components).toHaveLength(2);
	});
});

describe("Menu", () => {
	it("shows items grouped by section and closes after a click", () => {
		const run = vi.fn();
		const hidden = vi.fn();
		const menu = new Menu()
			.addItem((item) => item.setTitle("Delete").setSection("danger").onClick(run))
			.addItem((item) => item.setTitle("Open").setIcon("file").onClick(run))
			.addItem((item) => item.setTitle("Disabled").setDisabled(true).onClick(run));
		menu.onHide(hidden);
		menu.showAtMouseEvent(new MouseEvent("contextmenu", { clientX: 5, clientY: 6 }));
		expect(getLastMenu()).toBe(menu);
		expect(menuItemTitles()).toEqual(["Delete", "Open", "Disabled"]);
		clickMenuItem("Disabled");
		expect(run).not.toHaveBeenCalled();
		expect(isMenuShown(menu)).toBe(true);
		menu.addItem((item) => item.setTitle("Too late"));
		clickMenuItem("Open");
		expect(run).toHaveBeenCalledTimes(1);
		expect(isMenuShown(menu)).toBe(false);
		expect(document.querySelector(".menu")).toBeNull();
		expect(hidden).toHaveBeenCalledTimes(1);
		expect(menuItemTitles(menu)).not.toContain("Too late");
	});
});

class Picker extends FuzzySuggestModal<string> {
	chosen: string[] = [];
	getItems(): string[] { return ["Alpha note", "Beta note", "Gamma"]; }
	getItemText(item: string): string { return item; }
	onChooseItem(item: string): void { this.chosen.push(item); }
}

describe("FuzzySuggestModal", () => {
	it("filters as the user types and chooses on click", async () => {
		const picker = new Picker(createTestApp());
		picker.open();
		await waitForSuggestions(picker);
		expect(picker.resultContainerEl.querySelectorAll(".suggestion-item")).toHaveLength(3);
		picker.inputEl.value = "bnt";
		picker.inputEl.dispatchEvent(new Event("input"));
		await waitForSuggestions(picker);
		const items = picker.resultContainerEl.querySelectorAll<HTMLElement>(".suggestion-item");
		expect(Array.from(items, (el) => el.textContent)).toEqual(["Beta note"]);
		click(items[0]);
		expect(picker.chosen).toEqual(["Beta note"]);
		expect(picker.containerEl.isConnected).toBe(false);
	});
});

describe("FileManager", () => {
	const files = { "dir/src.md": "", "Inbox/x.md": "", "dir/Target note.md": "", "img/pic.png": "" };

	it("getNewFileParent honours newFileLocation", () => {
		const parent = (config: Record<string, unknown>) => createTestApp({ files, config }).fileManager.getNewFileParent("dir/src.md").path;
		expect(parent({})).toBe("/");
		expect(parent({ newFileLocation: "current" })).toBe("dir");
		expect(parent({ newFileLocation: "folder", newFileFolderPath: "Inbox/" })).toBe("Inbox");
		expect(parent({ newFileLocation: "folder", newFileFolderPath: "Missing" })).toBe("/");
	});

	it("generateMarkdownLink follows the link settings", () => {
		const app: TestApp = createTestApp({ files });
		const target = app.vault.getFileByPath("dir/Target note.md");
		const pic = app.vault.getFileByPath("img/pic.png");
		if (!target || !pic) throw new Error("missing fixture");
		expect(app.fileManager.generateMarkdownLink(target, "Inbox/x.md", "#Part", "alias")).toBe("[[Target note#Part|alias]]");
		expect(app.fileManager.generateMarkdownLink(pic, "dir/src.md")).toBe("![[pic.png]]");
		app.vault.setConfig("useMarkdownLinks", true);
		app.vault.setConfig("newLinkFormat", "relative");
		expect(app.fileManager.generateMarkdownLink(target, "Inbox/x.md")).toBe("[Target note](../dir/Target%20note.md)");
	});

	it("processFrontMatter edits the YAML and keeps the body", async () => {
		const app = createTestApp({ files: { "a.md": "---\ntitle: Old\ntags: [x]\n---\nBody", "b.md": "Body" } });
		await app.fileManager.processFrontMatter(getFile(app, "a.md"), (fm: Record<string, unknown>) => { fm.title = "New"; delete fm.tags; });
		await app.fileManager.processFrontMatter(getFile(app, "b.md"), (fm: Record<string, unknown>) => { fm.done = true; });
		expect(app.vault.adapter.readSync("a.md")).toBe("---\ntitle: New\n---\nBody");
		expect(app.vault.adapter.readSync("b.md")).toBe("---\ndone: true\n---\nBody");
	});

	it("renameFile rewrites links when alwaysUpdateLinks is on, and otherwise records the question", async () => {
		const app = createTestApp({ files: { "a.md": "See [[Old|the note]] and [[Old#H]].", "Old.md": "# H" }, config: { alwaysUpdateLinks: true } });
		await app.fileManager.renameFile(getFile(app, "Old.md"), "sub/New.md");
		expect(app.vault.adapter.readSync("a.md")).toBe("See [[New|the note]] and [[New#H]].");
		const quiet = createTestApp({ files: { "a.md": "[[Old]]", "Old.md": "" } });
		await quiet.fileManager.renameFile(getFile(quiet, "Old.md"), "New.md");
		expect(quiet.vault.adapter.readSync("a.md")).toBe("[[Old]]");
		expect(quiet.fileManager.linkUpdatePrompts.map((p) => p.oldPath)).toEqual(["Old.md"]);
	});
});

describe("Keymap, Platform and debounce", () => {
	it("isModEvent: Mod (Ctrl, or Cmd on macOS) opens a tab, +Alt a split, +Alt+Shift a window, middle click a tab", () => {
		expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true }))).toBe("tab");
		expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true, altKey: true }))).toBe("split");
		expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true, altKey: true, shiftKey: true }))).toBe("window");
		expect(Keymap.isModEvent(new MouseEvent("auxclick", { button: 1 }))).toBe("tab");
		expect(Keymap.isModEvent(new MouseEvent("click", { metaKey: true }))).toBe(false);
		Platform.isMacOS = true;
		expect(Keymap.isModEvent(new MouseEvent("click", { metaKey: true }))).toBe("tab");
		expect(Keymap.isModEvent(null)).toBe(false);
	});

	it("debounce calls once with the latest arguments; cancel and run; resetTimer postpones", () => {
		vi.useFakeTimers();
		const cb = vi.fn((n: number) => n * 2);
		const fn = debounce(cb, 100);
		fn(1);
		vi.advanceTimersByTime(50);
		fn(2);
		vi.advanceTimersByTime(50);
		expect(cb.mock.calls).toEqual([[2]]);
		fn(3);
		expect(fn.run()).toBe(6);
		fn(4).cancel();
		vi.advanceTimersByTime(500);
		expect(cb).toHaveBeenCalledTimes(2);
		const reset = debounce(cb, 100, true);
		reset(5);
		vi.advanceTimersByTime(80);
		reset(6);
		vi.advanceTimersByTime(80);
		expect(cb).toHaveBeenCalledTimes(2);
		vi.advanceTimersByTime(20);
		expect(cb.mock.calls.at(-1)).toEqual([6]);
	});
});
