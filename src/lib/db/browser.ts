import * as duckdb from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { Table, tableToIPC } from 'apache-arrow';
import { arrowRows } from './arrowRows';
import { LOCKDOWN_STATEMENTS, registeredPath } from './lockdown';
import { initParquet, ipcToParquet, parquetToIpc } from './parquet';
import { ident } from './sql';
import type { ConsoleEngine, Database, Query, Row } from './types';
import { guardStart } from './workerStart';

/** Browser implementation over DuckDB-WASM (eh bundle, self-hosted, in a Worker). */
class WasmDatabase implements Database {
	private files = 0;

	constructor(
		private readonly db: duckdb.AsyncDuckDB,
		/** Public for the import's byte path (`import/ipc.ts`): Arrow IPC in and out, no decoding here. */
		readonly connection: duckdb.AsyncDuckDBConnection,
		private readonly worker: Worker
	) {}

	async query<T extends object = Row>({ sql, params }: Query): Promise<T[]> {
		if (params.length === 0) return arrowRows<T>(await this.connection.query(sql));
		const statement = await this.connection.prepare(sql);
		try {
			return arrowRows<T>(await statement.query(...params));
		} finally {
			await statement.close();
		}
	}

	async exec(sql: string): Promise<void> {
		await this.connection.query(sql);
	}

	async registerText(name: string, text: string): Promise<string> {
		// Registering the same name twice throws: every file gets a fresh name.
		const path = registeredPath(`${this.files++}-${name}`);
		await this.db.registerFileText(path, text);
		return path;
	}

	async loadParquet(name: string, bytes: Uint8Array): Promise<void> {
		await this.connection.query(`DROP TABLE IF EXISTS ${ident(name)}`);
		await this.connection.insertArrowFromIPCStream(await parquetToIpc(bytes), { name, create: true });
	}

	async toParquet(name: string): Promise<Uint8Array> {
		const table = await this.connection.query(`SELECT * FROM ${ident(name)}`);
		return ipcToParquet(tableToIPC(table, 'stream'));
	}

	async openConsole(): Promise<ConsoleEngine> {
		const connection = await this.db.connect();
		return {
			tokenize: (text) => this.db.tokenize(text),
			exec: async (sql) => void (await connection.query(sql)),
			async run(sql) {
				// `send` polls a pending query, so that `cancelSent` can interrupt it between tasks.
				const reader = await connection.send(sql);
				const batches = await reader.readAll();
				return batches.length ? new Table(batches) : new Table(reader.schema);
			},
			cancel: async () => void (await connection.cancelSent()),
			close: () => connection.close()
		};
	}

	async close(): Promise<void> {
		await this.connection.close();
		await this.db.terminate();
		this.worker.terminate();
	}
}

/**
 * Starts DuckDB-WASM in a Worker, locked (`lockdown.ts`): no extension, no file or URL outside the
 * registered files, no configuration change afterwards.
 */
export async function openWasmDatabase(): Promise<Database> {
	if (typeof WebAssembly === 'undefined') throw new Error('ce navigateur n’exécute pas WebAssembly');
	// DuckDB-WASM's worker never answers when its wasm cannot be fetched (the rejection stays inside
	// it): a HEAD request says so at once, in parallel with the start.
	const reachable = fetch(wasmUrl, { method: 'HEAD' }).then(
		(response) => {
			if (!response.ok) throw new Error(`son code WebAssembly est introuvable (${response.status})`);
		},
		() => {
			throw new Error('son code WebAssembly n’a pas pu être chargé');
		}
	);
	const worker = new Worker(workerUrl);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// A worker or wasm that cannot load rejects here, within seconds, instead of hanging forever
	// (DuckDB-WASM itself forgets its requests when its worker fails).
	const start = async () => {
		await db.instantiate(wasmUrl);
		await db.open({ query: { castBigIntToDouble: true } });
		const connection = await db.connect();
		for (const statement of LOCKDOWN_STATEMENTS) await connection.query(statement);
		return connection;
	};
	try {
		const started = Promise.all([reachable, start()]).then(([, connection]) => connection);
		const connection = await guardStart(worker, started, 'son worker ne démarre pas');
		return new WasmDatabase(db, connection, worker);
	} catch (e) {
		worker.terminate();
		throw e;
	}
}

/** Starts compiling the Parquet decoder early (it is needed as soon as the demo loads). */
export function warmUpParquet(): void {
	initParquet().catch(() => {});
}
