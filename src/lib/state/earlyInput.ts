/**
 * Choices made before the page's scripts have run (a filter changed while they load, on a slow
 * machine or a slow network). `app.html`'s inline script notes each `change` and `input` event until
 * the page is live, naming the control by its label and its rank among the controls of that label
 * (its `id` may differ once the page is rendered afresh). Svelte would otherwise drop them: it does
 * not read a select's value when it hydrates it, and a page rendered afresh replaces the controls.
 */

/** One event noted before the page was live. */
export type EarlyInput = {
	type: 'change' | 'input';
	label: string;
	rank: number;
	value: string;
	checked: boolean;
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

declare global {
	interface Window {
		__earlyInput?: EarlyInput[];
	}
}

const labelOf = (control: Control) => control.labels?.[0]?.textContent?.trim() ?? null;

/** The live control an early event was made on: same label, same rank among that label's controls. */
export function findControl(doc: Document, label: string, rank: number): Control | null {
	const same = [...doc.querySelectorAll<Control>('input, select, textarea')].filter(
		(c) => labelOf(c) === label
	);
	return same[rank] ?? null;
}

/**
 * Applies each noted event to the live page, in the order it was made, as the same event: the page's
 * own handlers then do what they would have done. Every control is dispatched to even if it already
 * shows the value, since what the page holds may not (a hydrated select keeps the user's choice on
 * screen while the state behind it does not have it). Returns how many were replayed.
 */
export function replayEarlyInput(doc: Document = document, win: Window = window): number {
	const noted = win.__earlyInput ?? [];
	win.__earlyInput = [];
	let replayed = 0;
	for (const input of noted) {
		const control = findControl(doc, input.label, input.rank);
		if (!control) continue;
		if (control.type === 'checkbox' || control.type === 'radio')
			(control as HTMLInputElement).checked = input.checked;
		else control.value = input.value;
		control.dispatchEvent(new Event(input.type, { bubbles: true }));
		replayed++;
	}
	return replayed;
}
