import { cutText } from '../format/text';

/**
 * Longest text a chart's markup keeps in one label or tooltip: above the longest statement of the
 * référentiel (852 characters), far below a value that would make a chart, its page or its export
 * huge (a 100 000-character name made an 11 MB SVG).
 */
export const CHART_TEXT_CAP = 1000;

/**
 * Cuts, with an ellipsis, every label and tooltip of a chart longer than `max`: the last guard
 * after each chart has cut its own labels from the data (`cutText`). The full values stay in the
 * chart's table alternative.
 */
export function capTexts<T extends Element>(root: T, max = CHART_TEXT_CAP): T {
	for (const node of root.querySelectorAll('text, tspan, title, desc')) {
		for (const child of node.childNodes) {
			if (child.nodeType === 3 && (child.textContent?.length ?? 0) > max)
				child.textContent = cutText(child.textContent!, max);
		}
	}
	return root;
}
