import initWasm, { readParquet, Table as ParquetTable, writeParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | undefined;

/** Loads parquet-wasm once. */
export function initParquet(): Promise<unknown> {
	ready ??= initWasm({ module_or_path: parquetWasmUrl });
	return ready;
}

/** Decodes Parquet bytes into an Arrow IPC stream (DuckDB-WASM has no Parquet reader offline). */
export async function parquetToIpc(bytes: Uint8Array): Promise<Uint8Array> {
	await initParquet();
	return readParquet(bytes).intoIPCStream();
}

/** Encodes an Arrow IPC stream as Parquet bytes. */
export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	await initParquet();
	return writeParquet(ParquetTable.fromIPCStream(ipc));
}
