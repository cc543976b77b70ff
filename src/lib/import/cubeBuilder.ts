import type { Database } from '../db/types';
import { ipcAccess } from './ipc';
import { importWorker } from './workerClient';

/**
 * Computes the active dataset's cube in the import worker, encoded, or null where the worker
 * cannot serve this database (Node, no Worker): the page then computes it itself. At scale 10 the
 * cube is millions of cells: decoding them on the main thread froze the page for minutes.
 */
export async function buildCubeInWorker(db: Database): Promise<Uint8Array | null> {
	const worker = importWorker();
	const ipc = ipcAccess(db);
	if (!worker || !ipc) return null;
	worker.serve(ipc);
	return worker.cube();
}
