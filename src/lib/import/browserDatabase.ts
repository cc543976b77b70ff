import type { Database } from '../db/types';
import { ImportDatabase } from './importDatabase';
import { ipcAccess } from './ipc';
import { importWorker } from './workerClient';

/**
 * The page's database as the import uses it on the main thread (restoring, exporting, keeping):
 * Parquet decoded and encoded in the import worker, moved in and out of DuckDB as Arrow IPC.
 */
export function importDatabase(db: Database): ImportDatabase {
	const ipc = ipcAccess(db);
	const worker = ipc ? importWorker() : null;
	const parquet = worker
		? {
				decode: (bytes: Uint8Array) => worker.parquetToIpc(bytes),
				encode: (ipc: Uint8Array) => worker.ipcToParquet(ipc)
			}
		: null;
	return new ImportDatabase(db, { ipc, parquet });
}
