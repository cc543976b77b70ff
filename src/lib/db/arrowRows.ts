import type { Table } from 'apache-arrow';
import { plainRow } from './rows';
import type { Row } from './types';

/** Turns an Arrow table from DuckDB-WASM into plain rows. */
export function arrowRows<T extends object = Row>(table: Table): T[] {
	const names = table.schema.fields.map((f) => f.name);
	const columns = names.map((_, i) => table.getChildAt(i));
	const rows: T[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		names.forEach((name, c) => (row[name] = columns[c]?.get(r)));
		rows[r] = plainRow(row) as T;
	}
	return rows;
}
