import { ident, join, raw, sql } from './sql';
import type { Database, SqlValue } from './types';

/** A column of a table built from rows: its name and DuckDB type. */
export type ColumnDef = readonly [name: string, type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN'];

/**
 * Creates (or replaces) a table from in-memory rows through parameterised INSERTs,
 * so it runs unchanged on DuckDB-WASM and on @duckdb/node-api.
 */
export async function createTableFromRows(
	db: Database,
	name: string,
	columns: readonly ColumnDef[],
	rows: readonly (readonly SqlValue[])[]
): Promise<void> {
	const table = raw(ident(name));
	const defs = columns.map(([column, type]) => `${ident(column)} ${type}`).join(', ');
	await db.exec(`CREATE OR REPLACE TABLE ${ident(name)} (${defs})`);
	const chunk = 250;
	for (let start = 0; start < rows.length; start += chunk) {
		const values = rows.slice(start, start + chunk).map((row) => sql`${row}`);
		await db.query(sql`INSERT INTO ${table} VALUES ${join(values, ', ')}`);
	}
}
