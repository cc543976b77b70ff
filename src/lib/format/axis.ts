/** Plot axis ticks in French: decimal comma and French month names (Plot's defaults are English). */

const decimals = [0, 1, 2].map(
	(n) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: n, maximumFractionDigits: n })
);
const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

/** The most decimals a tick takes: levels and rates never need more. */
const MAX_DECIMALS = 2;

/** The decimals a value needs to be written exactly, up to `MAX_DECIMALS` (`1` → 0, `1.5` → 1, `1.25` → 2). */
function decimalsOf(value: number): number {
	const exact = [0, 1].find((n) => Math.abs(value * 10 ** n - Math.round(value * 10 ** n)) < 1e-9);
	return exact ?? MAX_DECIMALS;
}

/**
 * A number tick: `1,5`, `2`, `1 000` (no-break space). Given the axis's ticks (Plot passes them
 * third, as `Array.map` does), every tick takes the same decimals, those of the most precise one:
 * `1,0 · 1,5 · 2,0`, never `1 · 1,5 · 2`.
 */
export function numberTick(value: number, _index?: number, ticks?: ArrayLike<unknown>): string {
	const places = Math.max(
		decimalsOf(value),
		...Array.from(ticks ?? [], (t) => (typeof t === 'number' && Number.isFinite(t) ? decimalsOf(t) : 0))
	);
	return decimals[places]
		.format(value)
		.replace(/\u202f/g, '\u00a0')
		.replace('-', '−');
}

/**
 * A signed number tick, for an axis of differences: `+0,5`, `0`, `−0,5`, with `numberTick`'s
 * decimals (the same for every tick, no more than the most precise one needs).
 */
export function signedTick(value: number, index?: number, ticks?: ArrayLike<unknown>): string {
	const text = numberTick(value, index, ticks);
	return value > 0 ? `+${text}` : text;
}

/** A month tick on a time axis: the year in January (`2024`), else the short month (`avr.`). */
export function monthTick(date: Date): string {
	return date.getUTCMonth() === 0 ? String(date.getUTCFullYear()) : shortMonth.format(date);
}
