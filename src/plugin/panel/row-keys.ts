/** Keyboard navigation shared by the note and vault views of the panel. */

/** Moves focus between the focusable rows of `container` with the arrow keys, Home and End. */
export function handleRowKeys(event: KeyboardEvent, container: HTMLElement, selector: string): void {
	const target = event.target as HTMLElement;
	if (!target.matches(selector)) return;
	const rows = Array.from(container.querySelectorAll<HTMLElement>(selector)).filter((el) => !el.closest(".citation-auditor-hidden, details:not([open])"));
	const index = rows.indexOf(target);
	let next: HTMLElement | undefined;
	switch (event.key) {
		case "ArrowDown":
			next = rows[Math.min(index + 1, rows.length - 1)];
			break;
		case "ArrowUp":
			next = rows[Math.max(index - 1, 0)];
			break;
		case "Home":
			next = rows[0];
			break;
		case "End":
			next = rows[rows.length - 1];
			break;
		case "Enter":
		case " ":
			if (target.tagName === "BUTTON") return; // a button clicks itself
			event.preventDefault();
			target.click();
			return;
		default:
			return;
	}
	event.preventDefault();
	next?.focus();
}
