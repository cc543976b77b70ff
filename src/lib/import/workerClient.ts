import type { CommitOutcome, ImportMode, RejectedFile } from './importer';
import type { PreparedView } from './messages';
import type { ImportProgress } from './progress';
import { ImportChannel } from './workerChannel';

/** What the page asks the import worker (`worker.ts`), through its channel (`workerChannel.ts`). */
export class ImportWorker extends ImportChannel {
	/** Rehearses an import on a small fictional batch (see `rehearsal.ts`), once. */
	async warm(): Promise<void> {
		await this.expect('bytes', { type: 'warm' });
	}

	/** Reads and validates files for an import in `mode` (nothing changes until `commit`). */
	async prepare(
		files: File[],
		mode: ImportMode,
		onProgress: (p: ImportProgress) => void
	): Promise<PreparedView> {
		return (await this.expect('prepared', { type: 'prepare', files, mode }, [], onProgress)).prepared;
	}

	/** Validates the files of the waiting batch again, for another mode. */
	async revalidate(mode: ImportMode, onProgress: (p: ImportProgress) => void): Promise<PreparedView> {
		return (await this.expect('prepared', { type: 'revalidate', mode }, [], onProgress)).prepared;
	}

	/** Imports the waiting batch. */
	async commit(excludeErrorRows: boolean): Promise<CommitOutcome> {
		return (await this.expect('committed', { type: 'commit', excludeErrorRows })).outcome;
	}

	/** The rows with errors of a file of the waiting batch, as CSV. */
	async rejected(file: string): Promise<RejectedFile | null> {
		return (await this.expect('rejected', { type: 'rejected', file })).rejected;
	}

	/** Drops the waiting batch. */
	async cancel(): Promise<void> {
		await this.expect('done', { type: 'cancel' });
	}

	/** Decodes Parquet bytes into an Arrow IPC stream (the bytes are copied, not moved). */
	async parquetToIpc(bytes: Uint8Array): Promise<Uint8Array> {
		return (await this.expect('bytes', { type: 'parquetToIpc', bytes })).bytes;
	}

	/** Encodes Arrow IPC (stream or file format) as Parquet (the buffer moves to the worker). */
	async ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
		return (await this.expect('bytes', { type: 'ipcToParquet', ipc }, [ipc.buffer as ArrayBuffer])).bytes;
	}

	/**
	 * Computes the cube of the active dataset (`cube/build.ts`) here, off the main thread, and
	 * returns it encoded (`cube/codec.ts`).
	 */
	async cube(): Promise<Uint8Array> {
		return (await this.expect('bytes', { type: 'cube' })).bytes;
	}

	/** Writes Arrow IPC (stream or file format) as spreadsheet-safe CSV bytes (the buffer moves). */
	async ipcToCsv(ipc: Uint8Array): Promise<Uint8Array> {
		return (await this.expect('bytes', { type: 'ipcToCsv', ipc }, [ipc.buffer as ArrayBuffer])).bytes;
	}
}

let shared: ImportWorker | null = null;

/** The one import worker of the page, started on first use (null where Workers do not exist). */
export function importWorker(): ImportWorker | null {
	if (typeof Worker === 'undefined') return null;
	shared ??= new ImportWorker();
	return shared;
}

/** Stops the page's import worker where it is (`error` for what it was doing); the next use starts another. */
export function stopImportWorker(error: Error): void {
	shared?.stop(error);
	shared = null;
}
