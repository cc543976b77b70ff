import { browser } from '$app/environment';
import { base } from '$app/paths';
import type { ImportManifest } from '../import/manifest';
import { loadDemoTables, loadFoundations, prefetch, SHIPPED_FILES, type ReadData } from '../db/dataset';
import { EngineStopped } from '../db/lifeline';
import type { Database, Query, Row } from '../db/types';

export type DatasetKind = 'demo' | 'imported';

/** Name of the synchronous marker read by app.html before the first paint. */
export const DATASET_MARKER = 'observatoire:dataset';
/** What the imported dataset is made of, kept beside the marker so the badge can say it at once. */
const MANIFEST_KEY = 'observatoire:dataset:manifest';

/** The dataset the marker announces: the page then starts without the prerendered demo rows. */
function markedKind(): DatasetKind {
	if (!browser) return 'demo';
	try {
		return localStorage.getItem(DATASET_MARKER) === 'imported' ? 'imported' : 'demo';
	} catch {
		return 'demo';
	}
}

function markedManifest(): ImportManifest | null {
	if (markedKind() !== 'imported') return null;
	try {
		return JSON.parse(localStorage.getItem(MANIFEST_KEY) ?? 'null');
	} catch {
		return null;
	}
}

const readShipped: ReadData = async (path) => {
	const response = await fetch(`${base}/data/${path}`);
	if (!response.ok) throw new Error(`${path} : ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
};

/** Hooks the import feature plugs in (kept out of this module so the first page stays small). */
export type DatasetLoader = (db: Database) => Promise<boolean>;

/**
 * The browser's one database: DuckDB-WASM, started once, on first use by a feature that needs it
 * (import, exports, the console, computing an imported dataset's cube, or checking what is kept:
 * views read the cube). `version` changes whenever the data changes, so every view reads again.
 */
class DatasetState {
	status = $state<'idle' | 'starting' | 'ready' | 'error'>('idle');
	error = $state<string | null>(null);
	/** The engine started, then its worker stopped (crashed): `error` says why. */
	stopped = $state(false);
	/** From the marker at start-up, so that views never start from the demo's prerendered rows. */
	kind = $state<DatasetKind>(markedKind());
	version = $state(0);
	/** Files, date and row counts of the imported dataset; null for the demo. */
	imported = $state<ImportManifest | null>(markedManifest());
	/** Why a stored imported dataset could not be restored (the demo is then shown). */
	restoreError = $state<string | null>(null);
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
			// Files and the Parquet decoder load while DuckDB-WASM compiles (the demo's tables only
			// when no imported dataset is announced; they are still read if restoring it fails).
			const shipped =
				this.kind === 'imported' ? SHIPPED_FILES.filter((f) => f.startsWith('reference/')) : SHIPPED_FILES;
			const read = prefetch(readShipped, shipped);
			const { openWasmDatabase, warmUpParquet } = await import('../db/browser');
			warmUpParquet();
			const db = await openWasmDatabase((e) => this.#stopped(e));
			performance.mark('duckdb:open');
			await loadFoundations(db, read);
			performance.mark('duckdb:foundations');
			const announced = JSON.stringify(this.imported);
			const restored = this.#importedLoader ? await this.#restore(db) : false;
			if (!restored) await loadDemoTables(db, read);
			performance.mark('duckdb:ready');
			this.kind = restored ? 'imported' : 'demo';
			if (!restored) this.imported = null;
			// The marker announced other data than the ones kept (another tab's import that could not
			// be kept, say): views and their cube follow the engine, never a mix of both.
			else if (JSON.stringify(this.imported) !== announced) this.version++;
			this.#mark();
			this.status = 'ready';
			this.readyAt = performance.now();
			return db;
		} catch (e) {
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
			throw e;
		}
	}

	/** The engine's worker stopped after its start: every later `database()` fails at once. */
	#stopped(e: Error) {
		this.status = 'error';
		this.error = e instanceof EngineStopped ? e.why : e.message;
		this.stopped = true;
		this.#db = Promise.reject(e);
		this.#db.catch(() => {});
	}

	async #restore(db: Database): Promise<boolean> {
		try {
			return await this.#importedLoader!(db);
		} catch (e) {
			this.restoreError = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/** Keeps the pre-paint marker (and the html attribute it sets) in step with the active dataset. */
	#mark() {
		if (!browser) return;
		try {
			if (this.kind === 'imported') {
				localStorage.setItem(DATASET_MARKER, 'imported');
				localStorage.setItem(MANIFEST_KEY, JSON.stringify(this.imported));
			} else {
				localStorage.removeItem(DATASET_MARKER);
				localStorage.removeItem(MANIFEST_KEY);
			}
		} catch {
			// Storage refused (private mode): the data still shows, only the pre-paint hint is lost.
		}
		if (this.kind === 'imported') document.documentElement.dataset.dataset = 'imported';
		else delete document.documentElement.dataset.dataset;
	}

	/** Runs a query on the active dataset. */
	async query<T extends object = Row>(query: Query): Promise<T[]> {
		return (await this.database()).query<T>(query);
	}

	/**
	 * Marks the data as changed (after an import or a reset): every view queries again. An import
	 * passes its manifest; the marker read before the first paint follows.
	 */
	changed(kind: DatasetKind, imported: ImportManifest | null = null) {
		this.kind = kind;
		this.imported = kind === 'imported' ? (imported ?? this.imported) : null;
		this.restoreError = null;
		this.#mark();
		this.version++;
	}

	/** Puts the demo's tables back (after an imported dataset) and tells every view. */
	async loadDemo(): Promise<void> {
		const db = await this.database();
		await loadDemoTables(db, readShipped);
		this.changed('demo');
	}
}

export const dataset = new DatasetState();
