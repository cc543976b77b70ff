import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainRow } from './rows';
import { ident } from './sql';
import type { Database, Query, Row } from './types';

/** Node implementation over @duckdb/node-api (same DuckDB 1.4.3 as the browser's DuckDB-WASM). */
class NodeDatabase implements Database {
	private readonly dir = mkdtempSync(join(tmpdir(), 'observatoire-'));
	private files = 0;

	constructor(
		private readonly instance: DuckDBInstance,
		private readonly connection: DuckDBConnection
	) {}

	async query<T extends object = Row>({ sql, params }: Query): Promise<T[]> {
		const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
		return reader.getRowObjectsJS().map((row) => plainRow(row) as T);
	}

	async exec(sql: string): Promise<void> {
		await this.connection.run(sql);
	}

	async registerText(name: string, text: string): Promise<string> {
		const path = join(this.dir, `${this.files++}-${name.replace(/[^\w.-]/g, '_')}`);
		writeFileSync(path, text);
		return path;
	}

	async loadParquet(name: string, bytes: Uint8Array): Promise<void> {
		const path = join(this.dir, `${this.files++}.parquet`);
		writeFileSync(path, bytes);
		await this.connection.run(`CREATE OR REPLACE TABLE ${ident(name)} AS SELECT * FROM read_parquet(?)`, [
			path
		]);
	}

	async toParquet(name: string): Promise<Uint8Array> {
		const path = join(this.dir, `${this.files++}.parquet`);
		await this.connection.run(`COPY ${ident(name)} TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`);
		return new Uint8Array(readFileSync(path));
	}

	async close(): Promise<void> {
		this.connection.closeSync();
		this.instance.closeSync();
		rmSync(this.dir, { recursive: true, force: true });
	}
}

/** Opens an in-memory DuckDB in Node; `threads: 1` makes writes byte-for-byte deterministic. */
export async function openNodeDatabase(options: { threads?: number } = {}): Promise<Database> {
	const instance = await DuckDBInstance.create(':memory:', {
		autoload_known_extensions: 'false',
		autoinstall_known_extensions: 'false',
		...(options.threads ? { threads: String(options.threads) } : {})
	});
	const connection = await instance.connect();
	return new NodeDatabase(instance, connection);
}
