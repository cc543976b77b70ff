import { toCsv } from '../csv';
import { tableSpec, type TableName } from '../data/contract';
import { ident } from '../db/sql';
import type { Database } from '../db/types';
import { importDatabase } from './browserDatabase';
import { ipcAccess } from './ipc';
import { importWorker } from './workerClient';

/** The statement that exports a contract table: its columns in the contract's order, dates as ISO text. */
export function exportSelect(table: TableName): string {
	const columns = tableSpec(table).columns.map((c) =>
		c.type === 'date' ? `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}` : ident(c.name)
	);
	return `SELECT ${columns.join(', ')} FROM ${ident(table)}`;
}

/**
 * A table of the active dataset as spreadsheet-safe CSV (`toCsv`: `;`, decimal commas, cells that
 * a spreadsheet would run as formulas neutralised). In the browser the rows never reach the main
 * thread: DuckDB hands an Arrow stream to the import worker, which writes the CSV.
 */
export async function tableCsv(db: Database, table: TableName): Promise<string | Uint8Array> {
	const statement = exportSelect(table);
	const ipc = ipcAccess(db);
	const worker = ipc ? importWorker() : null;
	if (ipc && worker) return worker.ipcToCsv(await ipc.run(statement, []));
	const rows = await db.query({ sql: statement, params: [] });
	return toCsv(
		rows,
		tableSpec(table).columns.map((c) => c.name)
	);
}

/** A table of the active dataset as Parquet (encoded in the import worker in the browser). */
export function tableParquet(db: Database, table: TableName): Promise<Uint8Array> {
	return importDatabase(db).toParquet(table);
}
