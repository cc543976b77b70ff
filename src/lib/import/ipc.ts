import type { Database, SqlValue } from '../db/types';

/** The part of DuckDB-WASM's `AsyncDuckDB` this module uses. */
type WasmBindings = {
	runQuery(connection: number, text: string): Promise<Uint8Array>;
	createPrepared(connection: number, text: string): Promise<number>;
	runPrepared(connection: number, statement: number, params: SqlValue[]): Promise<Uint8Array>;
	closePrepared(connection: number, statement: number): Promise<void>;
	registerFileBuffer(name: string, buffer: Uint8Array): Promise<void>;
	dropFile(name: string): Promise<null>;
};

/** The part of DuckDB-WASM's `AsyncDuckDBConnection` this module uses. */
type WasmConnection = {
	insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): Promise<void>;
	useUnsafe<R>(callback: (bindings: WasmBindings, connection: number) => R): R;
};

/**
 * DuckDB as bytes in and out: statements answered as Arrow IPC, tables created from Arrow IPC,
 * files registered from bytes. Nothing is decoded or encoded on the thread that calls it.
 */
export type IpcAccess = {
	/** Runs a statement with its parameters; the result as Arrow IPC (file format). */
	run(sql: string, params: SqlValue[]): Promise<Uint8Array>;
	/**
	 * Creates table `name` from an Arrow IPC stream, or with `create` false adds its rows to it (the
	 * buffer moves to DuckDB's worker).
	 */
	insert(name: string, ipc: Uint8Array, create?: boolean): Promise<void>;
	/** Makes bytes readable as file `name` (e.g. by `read_csv`); the buffer moves to DuckDB's worker. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Forgets a file registered with `registerFile`. */
	dropFile(name: string): Promise<void>;
};

function isWasmConnection(value: unknown): value is WasmConnection {
	const c = value as Partial<WasmConnection> | null;
	return typeof c?.insertArrowFromIPCStream === 'function' && typeof c.useUnsafe === 'function';
}

/**
 * The bytes side of the browser database, or null elsewhere (Node). `Database` returns plain rows
 * and takes Parquet bytes or text, decoding and encoding them on the main thread (`db/browser.ts`);
 * the import does that work in its own worker and only relays bytes through the connection
 * `browser.ts` exposes for it (checked by shape, so that this module does not load DuckDB-WASM).
 */
export function ipcAccess(db: Database): IpcAccess | null {
	const connection = (db as unknown as { connection?: unknown }).connection;
	if (!isWasmConnection(connection)) return null;
	const use = <R>(callback: (bindings: WasmBindings, id: number) => R) => connection.useUnsafe(callback);
	return {
		run(sql, params) {
			if (params.length === 0) return use((b, id) => b.runQuery(id, sql));
			return use(async (b, id) => {
				const statement = await b.createPrepared(id, sql);
				try {
					return await b.runPrepared(id, statement, params);
				} finally {
					// Not awaited: DuckDB's worker takes requests in order, and a round trip less per
					// statement is a tenth of a second less per import.
					b.closePrepared(id, statement).catch(() => {});
				}
			});
		},
		async insert(name, ipc, create = true) {
			await connection.insertArrowFromIPCStream(ipc, { name, create });
		},
		registerFile(name, bytes) {
			return use((b) => b.registerFileBuffer(name, bytes));
		},
		async dropFile(name) {
			await use((b) => b.dropFile(name));
		}
	};
}
