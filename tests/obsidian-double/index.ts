// Runtime double of the `obsidian` module (vitest aliases "obsidian" to this file).
// Every export mirrors a declaration of node_modules/obsidian/obsidian.d.ts; classes
// implement the public members of their obsidian.d.ts counterpart (checked by tsc through
// `implements`). Test helpers live in ./testing.ts. See README.md for what is simplified.
import "./dom-env";

export { installDom } from "./dom-env";
export { Events } from "./events";
export { Component } from "./component";
export { normalizePath, getLinkpath, parseLinktext, stripHeading, stripHeadingForLink } from "./paths";
export { Platform, apiVersion, requireApiVersion, debounce, Keymap, Scope, Tasks } from "./platform";
export { addIcon, getIcon, getIconIds, removeIcon, setIcon, setTooltip, displayTooltip } from "./icons";
export { getFrontMatterInfo } from "./md-lines";
export {
	resolveSubpath, iterateCacheRefs, iterateRefs, getAllTags,
	parseFrontMatterAliases, parseFrontMatterEntry, parseFrontMatterStringArray, parseFrontMatterTags,
} from "./cache-utils";
export {
	parseYaml, stringifyYaml, arrayBufferToBase64, base64ToArrayBuffer, arrayBufferToHex, hexToArrayBuffer, getBlobArrayBuffer,
	sanitizeHTMLToDom, htmlToMarkdown, prepareSimpleSearch, prepareFuzzySearch, sortSearchResults, renderMatches, renderResults,
	request, requestUrl, getLanguage, loadMathJax, loadMermaid, loadPdfJs, loadPrism, finishRenderMath, renderMath,
} from "./misc";
export { TAbstractFile, TFile, TFolder, Vault } from "./vault";
export { FileSystemAdapter, CapacitorAdapter } from "./foreign-adapters";
export { MetadataCache } from "./metadata-cache";
export { Editor } from "./editor-base";
export { editorInfoField, editorEditorField, editorLivePreviewField } from "./cm-mirror";
export { View, ItemView, FileView, EditableFileView, TextFileView } from "./views";
export { MarkdownView, MarkdownEditView, MarkdownPreviewView, MarkdownRenderer, MarkdownRenderChild } from "./markdown-view";
export { MarkdownPreviewRenderer } from "./render";
export {
	WorkspaceItem, WorkspaceParent, WorkspaceSplit, WorkspaceTabs, WorkspaceContainer, WorkspaceRoot, WorkspaceWindow,
	WorkspaceSidedock, WorkspaceMobileDrawer, WorkspaceFloating, WorkspaceRibbon, WorkspaceLeaf,
} from "./leaf";
export { Workspace } from "./workspace";
export {
	BaseComponent, ValueComponent, ButtonComponent, ExtraButtonComponent, ToggleComponent, AbstractTextComponent, TextComponent,
	TextAreaComponent, SearchComponent, MomentFormatComponent, DropdownComponent, SliderComponent, ProgressBarComponent,
	ColorComponent, DisplayValueComponent, SecretComponent,
} from "./components";
export { Setting, SettingGroup, SettingTab, PluginSettingTab, SettingPage } from "./setting";
export { Modal, Notice, SuggestModal, FuzzySuggestModal } from "./modal";
export { Menu, MenuItem, MenuSeparator } from "./menu";
export { PopoverSuggest, AbstractInputSuggest, EditorSuggest, HoverPopover, PopoverState } from "./suggest";
export { FileManager } from "./file-manager";
export { App, SecretStorage, RenderContext } from "./app";
export { Plugin } from "./plugin";
