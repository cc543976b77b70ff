/** French number and date formats (fr-FR), shared by charts, tables and text. */

const decimal1 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal2 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const percent1 = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const signed1 = new Intl.NumberFormat('fr-FR', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1,
	signDisplay: 'exceptZero'
});
const signedPercent = new Intl.NumberFormat('fr-FR', {
	style: 'percent',
	maximumFractionDigits: 1,
	signDisplay: 'exceptZero'
});
const day = new Intl.DateTimeFormat('fr-FR', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const dash = '–';
const guard = (f: (v: number) => string) => (v: number | null | undefined) =>
	v === null || v === undefined || Number.isNaN(v) ? dash : f(v);

/** Normalises the narrow no-break spaces of fr-FR to plain no-break spaces (fonts and CSV agree). */
const nbsp = (s: string) => s.replace(/\u202f/g, '\u00a0');

export const formatLevel = guard((v) => decimal1.format(v));
export const formatLevel2 = guard((v) => decimal2.format(v));
export const formatInteger = guard((v) => nbsp(integer.format(v)));
export const formatPercent = guard((v) => nbsp(percent.format(v)));
export const formatPercent1 = guard((v) => nbsp(percent1.format(v)));
export const formatSigned = guard((v) => signed1.format(v));
export const formatSignedPercent = guard((v) => nbsp(signedPercent.format(v)));

/** `2024-03-15` → `15 mars 2024`. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return dash;
	const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(date.getTime()) ? iso : day.format(date);
}

/** `2024-03-15` → `mars 2024`. */
export function formatMonth(iso: string): string {
	return month.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}
