/** Plot axis ticks in French: decimal comma and French month names (Plot's defaults are English). */

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

/** A number tick: `1,5`, `2`, `1 000` (no-break space). */
export function numberTick(value: number): string {
	return decimal
		.format(value)
		.replace(/\u202f/g, '\u00a0')
		.replace('-', '−');
}

/** A month tick on a time axis: the year in January (`2024`), else the short month (`avr.`). */
export function monthTick(date: Date): string {
	return date.getUTCMonth() === 0 ? String(date.getUTCFullYear()) : shortMonth.format(date);
}
