/** French dates (fr-FR, read in UTC so that a date never shifts by a day). */

const day = new Intl.DateTimeFormat('fr-FR', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** `2025-12-31` → `31 décembre 2025`; the first of a month reads `1er janvier 2025`. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	const date = toDate(iso);
	if (Number.isNaN(date.getTime())) return iso;
	const text = day.format(date);
	return date.getUTCDate() === 1 ? text.replace(/^1 /, '1er ') : text;
}

/** `2024-03-15` → `mars 2024`. */
export function formatMonth(iso: string): string {
	return month.format(toDate(iso));
}

/** `2024-12-31` → `fin 2024`: how a year-end goal reads. */
export function formatYearEnd(iso: string): string {
	return `fin ${iso.slice(0, 4)}`;
}
