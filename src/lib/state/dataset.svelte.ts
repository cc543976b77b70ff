import { base } from '$app/paths';
import { loadDemoTables, loadFoundations, prefetch, SHIPPED_FILES, type ReadData } from '../db/dataset';
import type { Database, Query, Row } from '../db/types';

export type DatasetKind = 'demo' | 'imported';

/** Name of the synchronous marker read by app.html before the first paint. */
export const DATASET_MARKER = 'observatoire:dataset';

const readShipped: ReadData = async (path) => {
	const response = await fetch(`${base}/data/${path}`);
	if (!response.ok) throw new Error(`${path} : ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
};

/** Hooks the import feature plugs in (kept out of this module so the first page stays small). */
export type DatasetLoader = (db: Database) => Promise<boolean>;

/**
 * The browser's one database: DuckDB-WASM started once, on first use, in the background.
 * `version` changes whenever the data changes, so every query that reads it runs again.
 */
class DatasetState {
	status = $state<'idle' | 'starting' | 'ready' | 'error'>('idle');
	error = $state<string | null>(null);
	kind = $state<DatasetKind>('demo');
	version = $state(0);
	/** Milliseconds from navigation start to DuckDB ready (for the benchmark and the closing note). */
	readyAt = $state<number | null>(null);
	#db: Promise<Database> | null = null;
	#importedLoader: DatasetLoader | null = null;

	/** Registers how to restore an imported dataset (set by the import module when present). */
	useImportedLoader(loader: DatasetLoader) {
		this.#importedLoader = loader;
	}

	/** Starts DuckDB-WASM if needed and resolves when the active dataset is loaded. */
	database(): Promise<Database> {
		this.#db ??= this.#start();
		return this.#db;
	}

	async #start(): Promise<Database> {
		this.status = 'starting';
		try {
			performance.mark('duckdb:start');
			// Files and the Parquet decoder load while DuckDB-WASM compiles.
			const read = prefetch(readShipped, SHIPPED_FILES);
			const { openWasmDatabase, warmUpParquet } = await import('../db/browser');
			warmUpParquet();
			const db = await openWasmDatabase();
			performance.mark('duckdb:open');
			await loadFoundations(db, read);
			performance.mark('duckdb:foundations');
			const restored = this.#importedLoader ? await this.#importedLoader(db) : false;
			if (!restored) await loadDemoTables(db, read);
			performance.mark('duckdb:ready');
			this.kind = restored ? 'imported' : 'demo';
			this.status = 'ready';
			this.readyAt = performance.now();
			return db;
		} catch (e) {
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
			throw e;
		}
	}

	/** Runs a query on the active dataset. */
	async query<T extends object = Row>(query: Query): Promise<T[]> {
		return (await this.database()).query<T>(query);
	}

	/** Marks the data as changed (after an import or a reset). */
	changed(kind: DatasetKind) {
		this.kind = kind;
		this.version++;
	}
}

export const dataset = new DatasetState();
