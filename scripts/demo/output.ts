/**
 * Writes a table as CSV (UTF-8, comma, LF, ISO dates, decimal point) and as typed Parquet. The Parquet
 * file is made by DuckDB from the CSV just written, so both always hold the same values.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ident, sql, raw } from '../../src/lib/db/sql.ts';
import type { Database } from '../../src/lib/db/types.ts';

export type Value = string | number | null;
export type OutputColumn = { name: string; sqlType: string };
export type OutputTable = {
	name: string;
	columns: readonly OutputColumn[];
	rows: readonly Record<string, Value>[];
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

/** Writes `<base>.csv` and `<base>.parquet`; returns the row count. */
export async function writeTable(db: Database, base: string, table: OutputTable): Promise<number> {
	mkdirSync(dirname(base), { recursive: true });
	const csvPath = `${base}.csv`;
	writeFileSync(
		csvPath,
		toCsv(
			table.columns.map((c) => c.name),
			table.rows
		)
	);
	const casts = table.columns
		.map((c) => `CAST(${ident(c.name)} AS ${c.sqlType}) AS ${ident(c.name)}`)
		.join(', ');
	await db.query(
		sql`CREATE OR REPLACE TABLE ${raw(ident(table.name))} AS SELECT ${raw(casts)}
			FROM read_csv(${csvPath}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`
	);
	const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(ident(table.name))}`);
	if (n !== table.rows.length)
		throw new Error(`${table.name}: ${n} rows read back, ${table.rows.length} written`);
	writeFileSync(`${base}.parquet`, await db.toParquet(table.name));
	await db.exec(`DROP TABLE ${ident(table.name)}`);
	return n;
}
