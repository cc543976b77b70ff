/** A value of a query's result as the console's table shows it, by its DuckDB type (fr-FR). */
import { MINUS } from './numbers';

const exact = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 });
const french = (v: number) =>
	exact
		.format(v)
		.replace(/\u202f/g, '\u00a0')
		.replace('-', MINUS);

/** `2025-12-31` → `31/12/2025`. */
const shortDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * One cell of the console's table: numbers with a decimal comma and grouped thousands, a DATE as
 * `31/12/2025`, a TIMESTAMP as `31/12/2025 14:03:05`. The rows keep
 * their exact values (ISO dates, JavaScript numbers) for the exports; only the display is French.
 */
export function formatSqlValue(value: unknown, type: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? french(value) : String(value);
	const text = String(value);
	if (/^DATE$/i.test(type) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return shortDate(text);
	if (/^TIMESTAMP/i.test(type) && /^\d{4}-\d{2}-\d{2} /.test(text))
		return `${shortDate(text)} ${text.slice(11)}`;
	return text;
}
