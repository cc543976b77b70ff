import * as Plot from '@observablehq/plot';

/** Below this width (CSS pixels), a chart with a label per row writes it above the row. */
export const NARROW_WIDTH = 600;

/** Height of a row on a narrow screen: a line for its label, then the row itself. */
export const NARROW_ROW = 44;

/** Whether a chart drawn `width` pixels wide is narrow (null: the default, wide layout). */
export function isNarrow(width: number | null | undefined): width is number {
	return typeof width === 'number' && width < NARROW_WIDTH;
}

/**
 * On a narrow screen a row-labelled chart writes each row's label on its own line above the row,
 * across the whole width (less `reserve` pixels kept for `valuesAbove`), instead of in a left margin that would leave no room for the data
 * (RGAA 10.11). Use with `y: { axis: null, padding: 0.5 }` and rows `NARROW_ROW` high.
 */
export function labelsAbove<T>(
	domain: readonly T[],
	label: (d: T) => string,
	width: number,
	options: { fontSize?: number; className?: string; reserve?: number } = {}
): Plot.Markish {
	const fontSize = options.fontSize ?? 12;
	const room = width - 16 - (options.reserve ?? 0);
	return Plot.text(domain, {
		y: (d: T) => d,
		text: label,
		frameAnchor: 'left',
		textAnchor: 'start',
		dy: -NARROW_ROW / 4 - 8,
		lineWidth: room / fontSize,
		textOverflow: 'ellipsis',
		fontSize,
		fill: 'currentColor',
		className: options.className
	});
}

/**
 * On a narrow screen, the value a wide chart writes in its right margin goes on the label's line,
 * against the right edge (pass its width as the labels' `reserve`).
 */
export function valuesAbove<T>(
	rows: readonly T[],
	options: { y: (d: T) => string; text: (d: T) => string; className?: string; fontWeight?: string }
): Plot.Markish {
	return Plot.text(rows, {
		y: options.y,
		text: options.text,
		frameAnchor: 'right',
		textAnchor: 'end',
		dy: -NARROW_ROW / 4 - 8,
		fontSize: 12,
		fill: 'currentColor',
		fontWeight: options.fontWeight,
		className: options.className
	});
}
