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
	// The worker starts on the first Parquet file, not before: every page restores at start-up,
	// and without a kept dataset there is nothing to decode (its 92 KB of JS stay unloaded).
	const parquet =
		ipc && typeof Worker !== 'undefined'
			? {
					decode: (bytes: Uint8Array) => importWorker()!.parquetToIpc(bytes),
					encode: (ipc: Uint8Array) => importWorker()!.ipcToParquet(ipc)
				}
			: null;
	return new ImportDatabase(db, { ipc, parquet });
}
