import type { Table } from 'apache-arrow';
import type { Columns, Database, Query } from './types';

/** The columns of an Arrow table from DuckDB-WASM, each as one array (a typed one for numbers). */
export function arrowColumns(table: Table): Columns {
	const out: Columns = {};
	table.schema.fields.forEach((field, i) => {
		out[field.name] = (table.getChildAt(i)?.toArray() ?? []) as ArrayLike<number>;
	});
	return out;
}

/** A numeric query's columns: from the engine's own columns when it has them, else from its rows. */
export async function columnsOf(db: Database, query: Query): Promise<Columns> {
	if (db.columns) return db.columns(query);
	const rows = await db.query<Record<string, number>>(query);
	const out: Columns = {};
	const names = rows.length ? Object.keys(rows[0]) : [];
	for (const name of names) out[name] = Float64Array.from(rows, (r) => r[name]);
	return out;
}
