// DuckDB-WASM's Node build (the browser's engine, run in Node, locked as in the browser): used by
// the parity and lockdown tests only.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { arrowRows } from './arrowRows';
import { arrowColumns } from './columns';
import { LOCKDOWN_STATEMENTS, registeredPath } from './lockdown';
import type { ConsoleEngine, Database, Query, Row, Tokens } from './types';

type Connection = {
	query(sql: string): Table;
	prepare(sql: string): { query(...params: unknown[]): Table; close(): void };
	close(): void;
};
type Bindings = {
	instantiate(): Promise<unknown>;
	open(config: object): void;
	connect(): Connection;
	registerFileText(name: string, text: string): void;
	tokenize(text: string): Tokens;
	reset(): void;
};

/** DuckDB-WASM's blocking Node build, instantiated and opened as the page opens it (BIGINT as DOUBLE). */
export async function openWasmNodeBindings<B extends Pick<Bindings, 'instantiate' | 'open'>>(): Promise<B> {
	const require = createRequire(import.meta.url);
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db: B = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true } });
	return db;
}

/** Opens the DuckDB-WASM engine in Node (blocking bundle) behind the project's Database interface. */
export async function openWasmNodeDatabase(): Promise<Database> {
	const db = await openWasmNodeBindings<Bindings>();
	const conn = db.connect();
	for (const statement of LOCKDOWN_STATEMENTS) conn.query(statement);
	let files = 0;
	const run = (sql: string, params: Query['params']): Table => {
		if (params.length === 0) return conn.query(sql);
		const statement = conn.prepare(sql);
		try {
			return statement.query(...params);
		} finally {
			statement.close();
		}
	};
	return {
		async query<T extends object = Row>({ sql, params }: Query): Promise<T[]> {
			return arrowRows<T>(run(sql, params));
		},
		async columns({ sql, params }: Query) {
			return arrowColumns(run(sql, params));
		},
		async exec(sql: string) {
			conn.query(sql);
		},
		async registerText(name: string, text: string) {
			const path = registeredPath(`${files++}-${name}`);
			db.registerFileText(path, text);
			return path;
		},
		async loadParquet() {
			throw new Error('Parquet is read through parquet-wasm in the browser, not in this test engine');
		},
		async toParquet() {
			throw new Error('not supported in the parity engine');
		},
		async openConsole(): Promise<ConsoleEngine> {
			// Blocking: a statement cannot be interrupted here (the browser's can).
			const own = db.connect();
			return {
				tokenize: async (text) => db.tokenize(text),
				exec: async (sql) => void own.query(sql),
				run: async (sql) => own.query(sql),
				cancel: async () => {},
				close: async () => own.close()
			};
		},
		async close() {
			conn.close();
			db.reset();
		}
	};
}
