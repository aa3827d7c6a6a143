// Icons and tooltips. The double ships no icon artwork: every icon id is treated as known
// (except ids removed with `removeIcon`), and `setIcon(el, id)` replaces the children of `el`
// with one `<svg class="svg-icon lucide-<id>" data-icon="<id>">`, like Obsidian which empties
// the parent and appends the icon's SVG.
import "./dom-env";
import type * as O from "obsidian";

const customIcons = new Map<string, string>();
const removedIcons = new Set<string>();
const SVG_NS = "http://www.w3.org/2000/svg";

function iconClass(iconId: string): string {
	return iconId.startsWith("lucide-") ? iconId : `lucide-${iconId}`;
}

export function addIcon(iconId: string, svgContent: string): void {
	customIcons.set(iconId, svgContent);
	removedIcons.delete(iconId);
}

export function removeIcon(iconId: string): void {
	customIcons.delete(iconId);
	removedIcons.add(iconId);
}

export function getIconIds(): O.IconName[] {
	return Array.from(customIcons.keys());
}

export function getIcon(iconId: string): SVGSVGElement | null {
	if (removedIcons.has(iconId)) return null;
	const svg = document.createElementNS<"svg">(SVG_NS, "svg");
	svg.setAttribute("class", `svg-icon ${iconClass(iconId)}`);
	svg.setAttribute("data-icon", iconId);
	svg.setAttribute("viewBox", "0 0 24 24");
	return svg;
}

export function setIcon(parent: HTMLElement, iconId: O.IconName): void {
	parent.empty();
	const svg = getIcon(iconId);
	if (svg) parent.appendChild(svg);
}

/** Obsidian shows tooltips from `aria-label`; the double stores it there too. */
export function setTooltip(el: HTMLElement, tooltip: string, options?: O.TooltipOptions): void {
	el.setAttribute("aria-label", tooltip);
	if (options?.placement) el.setAttribute("data-tooltip-position", options.placement);
}

/** Records the last tooltip displayed (no floating element is drawn). */
export const lastTooltip: { el: HTMLElement | null; content: string | DocumentFragment | null } = { el: null, content: null };

export function displayTooltip(newTargetEl: HTMLElement, content: string | DocumentFragment, _options?: O.TooltipOptions): void {
	lastTooltip.el = newTargetEl;
	lastTooltip.content = content;
}
