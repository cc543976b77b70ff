/** WCAG 2.1 contrast between colours written `#rrggbb`. */

function channel(value: number): number {
	const c = value / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour (0 black, 1 white). */
export function luminance(hex: string): number {
	const n = parseInt(hex.slice(1), 16);
	return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Text colours written inside cells and bars. */
export const LIGHT_TEXT = '#ffffff';
export const DARK_TEXT = '#1a1a1a';

/** A chart has a handful of fills and asks for each of its cells: each is worked out once. */
const textColors = new Map<string, string>();

/** The text colour (white or near-black) that contrasts more with a fill. */
export function textOn(fill: string): string {
	let text = textColors.get(fill);
	if (text === undefined) {
		text = contrast(fill, LIGHT_TEXT) >= contrast(fill, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
		textColors.set(fill, text);
	}
	return text;
}
