import Papa from 'papaparse';

/** Cells a spreadsheet would run as a formula start with one of these; they get a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Decimals an export keeps of a computed number (a mean, a rate): `3,2218750000000003` → `3,2219`. */
export const CSV_DECIMALS = 4;

/** `value` rounded to `decimals` places; integers and `null` (exact) as they are. */
function rounded(value: number, decimals: number | null): number {
	if (decimals === null || Number.isInteger(value)) return value;
	return Math.round(value * 10 ** decimals) / 10 ** decimals || 0;
}

/**
 * Neutralises one cell so that a spreadsheet shows it as text instead of running it; a number is
 * written with a decimal comma, rounded to `decimals` places (`null`: exactly as it is).
 */
export function safeCell(value: unknown, decimals: number | null = CSV_DECIMALS): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number')
		return Number.isFinite(value) ? String(rounded(value, decimals)).replace('.', ',') : null;
	const text = String(value);
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Writes rows as CSV that is safe to open in a spreadsheet (UTF-8 with BOM for Excel, `;` for French
 * locales). Numbers keep `CSV_DECIMALS` places; `exact` keeps every digit (the SQL console's rows).
 */
export function toCsv(
	rows: readonly Record<string, unknown>[],
	columns?: readonly string[],
	{ exact = false }: { exact?: boolean } = {}
): string {
	const fields = columns ?? (rows.length ? Object.keys(rows[0]) : []);
	const decimals = exact ? null : CSV_DECIMALS;
	const data = rows.map((row) => fields.map((f) => safeCell(row[f], decimals)));
	// The header is guarded too: a column name can come from a user's file or query.
	const header = fields.map((f) => safeCell(f) ?? '');
	return '\ufeff' + Papa.unparse({ fields: header, data }, { delimiter: ';', newline: '\r\n' });
}

/** Offers text or bytes as a file download. */
export function download(filename: string, content: string | Uint8Array, type = 'text/csv;charset=utf-8') {
	const blob = new Blob([content as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
