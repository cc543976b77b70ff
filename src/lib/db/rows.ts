import type { Row, SqlValue } from './types';

/** Turns one engine value into a plain serialisable value (BigInt → number, Date → ISO day). */
export function plainValue(value: unknown): SqlValue {
	if (value === null || value === undefined) return null;
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			return Number.isNaN(value) ? null : value;
		case 'bigint':
			return Number(value);
	}
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value);
}

/** Turns an engine row into a plain row. */
export function plainRow(row: Record<string, unknown>): Row {
	const out: Row = {};
	for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
	return out;
}
