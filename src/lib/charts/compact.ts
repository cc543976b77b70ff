/**
 * Plot writes positions with every digit of a double (`y="658.0176991150444"`): on a heatmap of
 * 1 900 cells that is a tenth of the page's HTML. Rounded to a hundredth of a pixel, nothing moves
 * on screen. Applied to the drawn chart in the browser and at build time alike, so that the
 * prerendered markup is the one the page would draw.
 */
const GEOMETRY = new Set([
	'x',
	'y',
	'width',
	'height',
	'transform',
	'x1',
	'x2',
	'y1',
	'y2',
	'cx',
	'cy',
	'r',
	'd'
]);
const LONG_DECIMAL = /-?\d+\.\d{3,}/g;

/** Rounds the long decimals of one attribute value (a number, a transform, a path) to 2 places. */
export function roundDecimals(value: string): string {
	return value.replace(LONG_DECIMAL, (n) => String(Math.round(Number(n) * 100) / 100));
}

/** Rounds the geometry attributes of `root` and of every element inside it, in place. */
export function compactGeometry<T extends Element>(root: T): T {
	// The names an element has, not every geometry name asked of every element: a heatmap's 2 000
	// nodes made 26 000 lookups per filter change.
	for (const el of [root, ...root.querySelectorAll('*')])
		for (const name of el.getAttributeNames()) {
			if (!GEOMETRY.has(name)) continue;
			const value = el.getAttribute(name)!;
			if (LONG_DECIMAL.test(value)) el.setAttribute(name, roundDecimals(value));
			LONG_DECIMAL.lastIndex = 0;
		}
	return root;
}
