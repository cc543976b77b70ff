/**
 * Writes a table as CSV (UTF-8, comma, LF, ISO dates, decimal point) and as typed Parquet. The Parquet
 * file is made by DuckDB from the CSV just written, so both always hold the same values.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ident, sql, raw } from '../../src/lib/db/sql.ts';
import type { Database } from '../../src/lib/db/types.ts';

export type Value = string | number | null;
export type OutputColumn = { name: string; sqlType: string };
export type OutputTable = {
	name: string;
	columns: readonly OutputColumn[];
	/** Any iterable: the scaled network streams its millions of evaluations (`scale.ts`). */
	rows: Iterable<Record<string, Value>>;
};

function csvField(value: Value): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text of rows, with the columns in the given order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Value>[]): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvField(row[c] ?? null)).join(','));
	return lines.join('\n') + '\n';
}

/** Writes CSV lines to `path` as they come, in ~1 MB writes; returns the number of rows. */
function writeCsv(path: string, columns: readonly string[], rows: Iterable<Record<string, Value>>): number {
	const fd = openSync(path, 'w');
	try {
		let chunk = columns.join(',') + '\n';
		let n = 0;
		for (const row of rows) {
			chunk += columns.map((c) => csvField(row[c] ?? null)).join(',') + '\n';
			n++;
			if (chunk.length > 1 << 20) {
				writeSync(fd, chunk);
				chunk = '';
			}
		}
		writeSync(fd, chunk);
		return n;
	} finally {
		closeSync(fd);
	}
}

/** Writes `<base>.csv` and `<base>.parquet`; returns the row count. */
export async function writeTable(db: Database, base: string, table: OutputTable): Promise<number> {
	mkdirSync(dirname(base), { recursive: true });
	const csvPath = `${base}.csv`;
	const written = writeCsv(
		csvPath,
		table.columns.map((c) => c.name),
		table.rows
	);
	const casts = table.columns
		.map((c) => `CAST(${ident(c.name)} AS ${c.sqlType}) AS ${ident(c.name)}`)
		.join(', ');
	await db.query(
		sql`CREATE OR REPLACE TABLE ${raw(ident(table.name))} AS SELECT ${raw(casts)}
			FROM read_csv(${csvPath}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`
	);
	const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(ident(table.name))}`);
	if (n !== written) throw new Error(`${table.name}: ${n} rows read back, ${written} written`);
	writeFileSync(`${base}.parquet`, await db.toParquet(table.name));
	await db.exec(`DROP TABLE ${ident(table.name)}`);
	return n;
}
