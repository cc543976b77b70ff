import initParquet, { readParquet, Table as ParquetTable, writeParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | undefined;

function init() {
	ready ??= initParquet({ module_or_path: parquetWasmUrl });
	return ready;
}

/** Decodes Parquet bytes into an Arrow IPC stream (DuckDB-WASM has no Parquet reader offline). */
export async function parquetToIpc(bytes: Uint8Array): Promise<Uint8Array> {
	await init();
	return readParquet(bytes).intoIPCStream();
}

/** Encodes an Arrow IPC stream as Parquet bytes. */
export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	await init();
	return writeParquet(ParquetTable.fromIPCStream(ipc));
}
