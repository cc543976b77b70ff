/**
 * The import worker, loaded by its entry (`workerEntry.ts`) once it holds its lifeline: everything
 * heavy that is not SQL runs here, off the main thread — reading files in chunks, transcoding
 * Windows-1252, decoding and encoding Parquet (parquet-wasm), the shared validator's own JavaScript
 * (decoding, dialect, report), writing CSV. SQL runs in DuckDB-WASM's worker; the page relays
 * statements and bytes between the two (`RemoteIpc`).
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import initWasm, { ParquetFile, readParquet, Table as ParquetTable, writeParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { buildCube } from '../cube/build';
import { encodeCube } from '../cube/codec';
import { toCsv } from '../csv';
import { sniffKind } from '../data/decode';
import { sizeProblem } from '../data/limits';
import { recognizeTable } from '../data/recognize';
import { ImportDatabase, type ParquetCodec } from './importDatabase';
import {
	cancelImport,
	commitImport,
	prepareImport,
	rejectedFiles,
	unchangedFiles,
	type ImportMode,
	type PreparedImport
} from './importer';
import { inspectCsv, readChunks } from './inspect';
import type { ReadFile, WorkerRequest, WorkerResponse } from './messages';
import { ValidationProgress, type ImportProgress } from './progress';
import { REHEARSALS, rehearsalFiles } from './rehearsal';
import { RemoteDatabase, RemoteIpc } from './remote';

/** The worker's global scope, typed without the `webworker` lib (it clashes with the DOM lib). */
type WorkerScope = {
	postMessage(message: WorkerResponse, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const scope = self as unknown as WorkerScope;
const post = (message: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let parquetReady: Promise<unknown> | undefined;
const parquet = () => (parquetReady ??= initWasm({ module_or_path: parquetWasmUrl }));
/** Rows per Arrow batch: big batches make fewer, faster inserts into DuckDB. */
const BATCH_ROWS = 1 << 17;
const PROGRESS_EVERY_MS = 100;

/** DuckDB-WASM answers queries in the Arrow IPC *file* format; parquet-wasm reads the *stream* format. */
function asStream(ipc: Uint8Array): Uint8Array {
	const file = ipc.length >= 6 && String.fromCharCode(...ipc.subarray(0, 6)) === 'ARROW1';
	return file ? tableToIPC(tableFromIPC(ipc), 'stream') : ipc;
}

const codec: ParquetCodec = {
	async rowGroups(bytes) {
		await parquet();
		const file = await ParquetFile.fromFile(new Blob([bytes as BlobPart]));
		return file.metadata().numRowGroups();
	},
	async decode(bytes, rowGroups) {
		await parquet();
		return readParquet(bytes, { batchSize: BATCH_ROWS, rowGroups }).intoIPCStream();
	},
	async encode(ipc) {
		await parquet();
		return writeParquet(ParquetTable.fromIPCStream(asStream(ipc)));
	}
};

const remote = new RemoteIpc((request, transfer) => post(request, transfer));
const database = new RemoteDatabase(remote, codec);

/** Reads a file: CSV inspected (and transcoded), Parquet's metadata only (decoded later). */
async function read(
	file: Blob,
	name: string,
	onProgress: (bytes: number, lines: number) => void
): Promise<ReadFile> {
	// Beyond the size limit, the file is not even read: the validator says why.
	const refused = sizeProblem(file.size);
	if (refused)
		return { name, bytes: new Uint8Array(0), kind: 'other', encoding: null, rows: 0, table: null, refused };
	const { bytes, lineFeeds } = await readChunks(file, onProgress);
	if (sniffKind(bytes) !== 'parquet') return inspectCsv(name, bytes, lineFeeds);
	try {
		await parquet();
		const metadata = await ParquetFile.fromFile(new Blob([bytes as BlobPart]));
		const header = tableFromIPC(metadata.schema().intoIPCStream()).schema.fields.map((f) => f.name);
		const rows = metadata.metadata().fileMetadata().numRows();
		const table = recognizeTable(header, name).table?.name ?? null;
		return { name, bytes, kind: 'parquet', encoding: null, rows, table };
	} catch {
		// The validator reads it again and says why it cannot.
		return { name, bytes, kind: 'parquet', encoding: null, rows: 0, table: null };
	}
}

/** The batch being imported: its files once read, and its validation waiting for a decision. */
let files: ReadFile[] = [];
let prepared: PreparedImport | null = null;

async function discard(): Promise<void> {
	const batch = prepared;
	prepared = null;
	if (batch) await cancelImport(database, batch).catch(() => {});
}

async function validate(id: number, mode: ImportMode, readMs: number) {
	const start = performance.now();
	let progress: ValidationProgress | null = null;
	const report = (p: ImportProgress) => post({ id, type: 'progress', progress: p });
	const db = new ImportDatabase(database, {
		ipc: remote,
		parquet: codec,
		onStatement: (sql) => progress?.statement(sql)
	});
	prepared = await prepareImport(db, files, mode, {
		onBatch: (batch) => (progress = new ValidationProgress(batch, report))
	});
	(progress as ValidationProgress | null)?.finish();
	const { report: _full, ...view } = prepared;
	post({
		id,
		type: 'prepared',
		prepared: { ...view, timings: { read: readMs, validate: performance.now() - start } }
	});
}

/**
 * Validates (and discards) the rehearsal batches once, so that the user's first import runs on
 * compiled, then optimised, code (`rehearsal.ts`). A user's batch waits for the batch under way (a
 * few seconds, once); the next ones are skipped when a user's batch is waiting.
 */
let rehearsed: Promise<void> | null = null;
let waiting = 0;
function rehearse(): Promise<void> {
	rehearsed ??= (async () => {
		await parquet();
		for (const [i, missionsLocales] of REHEARSALS.entries()) {
			if (i > 0 && waiting > 0) return;
			const [ml, ...evaluations] = await rehearsalFiles(codec.encode, missionsLocales);
			// The larger batches file by file: a user's batch waits for one at most.
			const batches = i === 0 ? [[ml, ...evaluations]] : evaluations.map((e) => [ml, e]);
			for (const batch of batches) {
				if (i > 0 && waiting > 0) return;
				const files: ReadFile[] = [];
				for (const { name, bytes } of batch)
					files.push(await read(new Blob([bytes as BlobPart]), name, () => {}));
				const db = new ImportDatabase(database, { ipc: remote, parquet: codec });
				await cancelImport(db, await prepareImport(db, files, 'new'));
			}
		}
	})().catch(() => {});
	return rehearsed;
}

/** Drops the batch waiting, then waits for the rehearsal under way, if any, and has it stop there. */
async function afterRehearsal(): Promise<void> {
	waiting++;
	try {
		await discard();
		await rehearsed;
	} finally {
		waiting--;
	}
}

async function prepare(id: number, given: File[], mode: ImportMode) {
	await afterRehearsal();
	const start = performance.now();
	const total = given.reduce((sum, f) => sum + f.size, 0);
	let before = 0;
	let last = 0;
	files = [];
	for (const file of given) {
		const read1 = await read(file, file.name, (bytes, lines) => {
			const now = performance.now();
			if (now - last < PROGRESS_EVERY_MS) return;
			last = now;
			post({
				id,
				type: 'progress',
				progress: { stage: 'read', file: file.name, rows: lines, done: before + bytes, total }
			});
		});
		files.push(read1);
		before += file.size;
	}
	await validate(id, mode, performance.now() - start);
}

/** Rows of Arrow IPC as CSV bytes (spreadsheet-safe, see `toCsv`). */
function ipcToCsv(ipc: Uint8Array): Uint8Array {
	const table = tableFromIPC(ipc);
	const names = table.schema.fields.map((f) => f.name);
	const columns = names.map((_, i) => table.getChildAt(i));
	const rows: Record<string, unknown>[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		names.forEach((name, c) => {
			const value = columns[c]?.get(r);
			row[name] = typeof value === 'bigint' ? Number(value) : value;
		});
		rows[r] = row;
	}
	return new TextEncoder().encode(toCsv(rows, names));
}

async function handle(request: WorkerRequest): Promise<void> {
	if (request.type === 'db-reply') return remote.reply(request);
	const { id } = request;
	const bytes = (out: Uint8Array) => post({ id, type: 'bytes', bytes: out }, [out.buffer as ArrayBuffer]);
	switch (request.type) {
		case 'warm':
			await rehearse();
			return bytes(new Uint8Array(0));
		case 'prepare':
			return prepare(id, request.files, request.mode);
		case 'revalidate':
			await afterRehearsal();
			return validate(id, request.mode, 0);
		case 'commit': {
			if (!prepared) throw new Error('aucun lot en attente');
			// On failure the batch stays staged: the user can change their choice and try again.
			const outcome = await commitImport(database, prepared, { excludeErrorRows: request.excludeErrorRows });
			outcome.unchanged = unchangedFiles(outcome.committed, prepared.report, files);
			prepared = null;
			files = [];
			return post({ id, type: 'committed', outcome });
		}
		case 'rejected': {
			const found = prepared
				? (await rejectedFiles(database, prepared)).find((r) => r.file === request.file)
				: null;
			return post({ id, type: 'rejected', rejected: found ?? null });
		}
		case 'cancel':
			await discard();
			files = [];
			return post({ id, type: 'done' });
		case 'parquetToIpc':
			return bytes(await codec.decode(request.bytes));
		case 'ipcToParquet':
			return bytes(await codec.encode(request.ipc));
		case 'ipcToCsv':
			return bytes(ipcToCsv(request.ipc));
		case 'cube':
			return bytes(await encodeCube(await buildCube(database)));
	}
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	handle(request).catch((e: unknown) => {
		if (request.type !== 'db-reply')
			post({ id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
	});
};

// Every module of the worker loaded: the page stops guarding its start (`workerClient.ts`).
post({ type: 'ready' });
