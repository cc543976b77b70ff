import type { TableName } from '../data/contract';
import type { Encoding } from '../data/decode';
import type { SqlValue } from '../db/types';
import type { CommitOutcome, ImportMode, PreparedImport, RejectedFile } from './importer';
import type { ImportProgress } from './progress';

/** A file read by the import worker, ready for the validator. */
export type ReadFile = {
	name: string;
	/** The bytes to validate: a CSV that was not UTF-8 is transcoded to UTF-8. */
	bytes: Uint8Array;
	kind: 'csv' | 'parquet' | 'other';
	/** The encoding the CSV was written in (the validator then only sees UTF-8). */
	encoding: Encoding | null;
	/** Data rows: exact for Parquet, line count for CSV (a quoted line break counts twice). */
	rows: number;
	/** The table recognised from the header, as the validator will (null: none, or unreadable). */
	table: TableName | null;
	/** A CSV's text, decoded once here for the validator. */
	text?: string;
	/** The line from which the CSV mixes UTF-8 and Windows-1252, if it does. */
	mixedEncodingLine?: number;
	/** Why the file was not even read (beyond the size limit). */
	refused?: string;
};

/** A validated batch as the page sees it (the full report stays in the worker, with the staging). */
export type PreparedView = Omit<PreparedImport, 'report'> & {
	/** Milliseconds spent reading the files and validating them, in the worker. */
	timings: { read: number; validate: number };
};

/** What the page asks the import worker. */
export type WorkerRequest =
	| { id: number; type: 'warm' }
	| { id: number; type: 'prepare'; files: File[]; mode: ImportMode }
	| { id: number; type: 'revalidate'; mode: ImportMode }
	| { id: number; type: 'commit'; excludeErrorRows: boolean }
	| { id: number; type: 'rejected'; file: string }
	| { id: number; type: 'cancel' }
	| { id: number; type: 'parquetToIpc'; bytes: Uint8Array }
	| { id: number; type: 'ipcToParquet'; ipc: Uint8Array }
	| { id: number; type: 'ipcToCsv'; ipc: Uint8Array }
	| { id: number; type: 'cube' }
	| DbReply;

/**
 * What the import worker answers: `ready` once loaded; then, per request, progress and one result
 * or an error; or it asks DuckDB (`db`).
 */
export type WorkerResponse =
	| { type: 'ready' }
	| { id: number; type: 'progress'; progress: ImportProgress }
	| { id: number; type: 'prepared'; prepared: PreparedView }
	| { id: number; type: 'committed'; outcome: CommitOutcome }
	| { id: number; type: 'rejected'; rejected: RejectedFile | null }
	| { id: number; type: 'done' }
	| { id: number; type: 'bytes'; bytes: Uint8Array }
	| { id: number; type: 'error'; message: string }
	| DbRequest;

/** The worker asks the page to run an `IpcAccess` operation on DuckDB-WASM (which lives there). */
export type DbRequest = { type: 'db'; id: number } & (
	| { op: 'run'; sql: string; params: SqlValue[] }
	| { op: 'insert'; name: string; bytes: Uint8Array; create: boolean }
	| { op: 'registerFile'; name: string; bytes: Uint8Array }
	| { op: 'dropFile'; name: string }
);

/** The page's answer to a `DbRequest`: Arrow IPC bytes for `run`, nothing otherwise. */
export type DbReply = { type: 'db-reply'; id: number; bytes?: Uint8Array; error?: string };
