import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { Table, tableToIPC } from 'apache-arrow';
import { arrowRows } from './arrowRows';
import { arrowColumns } from './columns';
import { LOCKDOWN_STATEMENTS, registeredPath } from './lockdown';
import { initParquet, ipcToParquet, parquetToIpc } from './parquet';
import { ident } from './sql';
import type { Columns, ConsoleEngine, Database, Query, Row } from './types';
import { Lifeline } from './lifeline';
import { lifelineName, watchWorker, WORKER_NOT_STARTED, type WorkerEnd } from './workerAlive';
import { guardStart } from './workerStart';

/**
 * The connection's calls the import's byte path makes (`import/ipc.ts`), each run through the
 * lifeline, so that they too fail instead of waiting when the worker stops.
 */
function guardedConnection(connection: duckdb.AsyncDuckDBConnection, life: Lifeline) {
	return {
		insertArrowFromIPCStream: (buffer: Uint8Array, options: { name: string; create?: boolean }) =>
			life.run(() => connection.insertArrowFromIPCStream(buffer, options)),
		useUnsafe: <R>(callback: (bindings: duckdb.AsyncDuckDB, connection: number) => R): R =>
			life.run(async () => connection.useUnsafe(callback)) as R
	};
}

/**
 * Browser implementation over DuckDB-WASM (eh bundle, self-hosted, in a Worker). Every request
 * goes through the worker's lifeline (`lifeline.ts`): once the worker has crashed, the requests
 * under way and every later one fail at once.
 */
class WasmDatabase implements Database {
	private files = 0;
	/** Public for the import's byte path (`import/ipc.ts`): Arrow IPC in and out, no decoding here. */
	readonly connection: ReturnType<typeof guardedConnection>;

	constructor(
		private readonly db: duckdb.AsyncDuckDB,
		private readonly main: duckdb.AsyncDuckDBConnection,
		private readonly worker: Worker,
		private readonly life: Lifeline,
		/** Stops watching the worker's lifeline (`workerAlive.ts`), before it is terminated on purpose. */
		private readonly unwatch: () => void
	) {
		this.connection = guardedConnection(main, life);
	}

	#run(sql: string, params: Query['params']): Promise<Table> {
		return this.life.run(async () => {
			if (params.length === 0) return this.main.query(sql);
			const statement = await this.main.prepare(sql);
			try {
				return await statement.query(...params);
			} finally {
				await statement.close();
			}
		});
	}

	async query<T extends object = Row>({ sql, params }: Query): Promise<T[]> {
		return arrowRows<T>(await this.#run(sql, params));
	}

	async columns({ sql, params }: Query): Promise<Columns> {
		return arrowColumns(await this.#run(sql, params));
	}

	exec(sql: string): Promise<void> {
		return this.life.run(async () => void (await this.main.query(sql)));
	}

	registerText(name: string, text: string): Promise<string> {
		// Registering the same name twice throws: every file gets a fresh name.
		const path = registeredPath(`${this.files++}-${name}`);
		return this.life.run(async () => {
			await this.db.registerFileText(path, text);
			return path;
		});
	}

	async loadParquet(name: string, bytes: Uint8Array): Promise<void> {
		const ipc = await parquetToIpc(bytes);
		await this.life.run(async () => {
			await this.main.query(`DROP TABLE IF EXISTS ${ident(name)}`);
			await this.main.insertArrowFromIPCStream(ipc, { name, create: true });
		});
	}

	async toParquet(name: string): Promise<Uint8Array> {
		const table = await this.life.run(() => this.main.query(`SELECT * FROM ${ident(name)}`));
		return ipcToParquet(tableToIPC(table, 'stream'));
	}

	async openConsole(): Promise<ConsoleEngine> {
		const life = this.life;
		const connection = await life.run(() => this.db.connect());
		return {
			tokenize: (text) => life.run(() => this.db.tokenize(text)),
			exec: (sql) => life.run(async () => void (await connection.query(sql))),
			run: (sql) =>
				life.run(async () => {
					// `send` polls a pending query, so that `cancelSent` can interrupt it between tasks.
					const reader = await connection.send(sql);
					const batches = await reader.readAll();
					return batches.length ? new Table(batches) : new Table(reader.schema);
				}),
			cancel: () => life.run(async () => void (await connection.cancelSent())),
			close: () => life.run(() => connection.close())
		};
	}

	async close(): Promise<void> {
		this.unwatch();
		if (!this.life.stopped) {
			await this.main.close();
			await this.db.terminate();
		}
		this.worker.terminate();
	}
}

/** What the page says when the engine's worker stops after it started. */
export const ENGINE_STOPPED = 'le moteur de calcul s’est arrêté';

/** Why, when the browser ended its worker without an `error` event (`workerAlive.ts`). */
export const WORKER_GONE = 'le navigateur a arrêté son worker sans prévenir (mémoire épuisée\u202f?)';

/**
 * Starts DuckDB-WASM in a Worker, locked (`lockdown.ts`): no extension, no file or URL outside the
 * registered files, no configuration change afterwards. `onStop` is told if its worker crashes
 * later (then every request fails, see `lifeline.ts`).
 */
export async function openWasmDatabase(onStop: (error: Error) => void = () => {}): Promise<Database> {
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
	// Named after the lock it takes first and holds for as long as it lives, so that its end is seen.
	const lifeline = lifelineName('moteur');
	// Vite bundles the worker only from this literal form (see `import/workerClient.ts`).
	const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), {
		type: 'module',
		name: lifeline
	});
	// Ended without an `error` event (or never started): before the start, the start fails at once;
	// after it, the engine's lifeline stops.
	let ended: (end: WorkerEnd) => void = () => {};
	const endedBeforeStart = new Promise<never>((_, reject) => {
		ended = (end) => reject(new Error(end === 'not-started' ? WORKER_NOT_STARTED : WORKER_GONE));
	});
	const unwatch = watchWorker(lifeline, (end) => ended(end));
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
		const started = Promise.race([
			Promise.all([reachable, start()]).then(([, connection]) => connection),
			endedBeforeStart
		]);
		const connection = await guardStart(worker, started, 'son worker ne démarre pas');
		const life = new Lifeline(worker, ENGINE_STOPPED, (error) => {
			worker.terminate();
			onStop(error);
		});
		ended = () => life.stop(WORKER_GONE);
		return new WasmDatabase(db, connection, worker, life, unwatch);
	} catch (e) {
		unwatch();
		worker.terminate();
		throw e;
	}
}

/** Starts compiling the Parquet decoder early (it is needed as soon as the demo loads). */
export function warmUpParquet(): void {
	initParquet().catch(() => {});
}
