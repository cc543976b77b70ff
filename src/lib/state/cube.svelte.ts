import { browser } from '$app/environment';
import { base } from '$app/paths';
import { decodeCube, encodeCube } from '../cube/codec';
import { withTimeout } from '../timeout';
import type { Cube } from '../cube/types';
import type { Database } from '../db/types';
import { dataset } from './dataset.svelte';

/** Where the demo's cube is served (prerendered by `src/routes/cube.bin/+server.ts`). */
export const CUBE_PATH = '/cube.bin';

const DB_NAME = 'observatoire-cube';
const STORE = 'cube';

/**
 * An open queued behind another tab's version change never answers: the cube is then computed by
 * the engine instead of waiting (before hydration, a wait here would freeze the page).
 */
const OPEN_TIMEOUT_MS = 5_000;

function openStore(): Promise<IDBDatabase> {
	const open = new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => {
			// Never block another tab's version change.
			request.result.onversionchange = () => request.result.close();
			resolve(request.result);
		};
		request.onerror = () => reject(request.error);
		request.onblocked = () => reject(new Error('stockage du cube bloqué'));
	});
	return withTimeout(open, OPEN_TIMEOUT_MS, 'stockage du cube bloqué');
}

type Kept = { manifest: string; bytes: Uint8Array };

const isKept = (value: unknown): value is Kept =>
	typeof (value as Kept | undefined)?.manifest === 'string' && (value as Kept).bytes instanceof Uint8Array;

async function readKept(): Promise<Kept | null> {
	const db = await openStore();
	try {
		return await new Promise((resolve, reject) => {
			const request = db.transaction(STORE).objectStore(STORE).get('current');
			request.onsuccess = () => resolve(isKept(request.result) ? request.result : null);
			request.onerror = () => reject(request.error);
		});
	} finally {
		db.close();
	}
}

async function writeKept(kept: Kept): Promise<void> {
	const db = await openStore();
	try {
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(STORE, 'readwrite');
			tx.objectStore(STORE).put(kept, 'current');
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

/**
 * The cube of the active dataset, which every view reads synchronously. The demo's is fetched
 * (one small static file); an imported dataset's is computed by DuckDB-WASM at import and kept in
 * IndexedDB beside the data, so a reload reads it without starting the engine.
 */
class CubeState {
	/** The last cube loaded, and the dataset state (`kind-version`) it answers for. */
	#loaded = $state.raw<{ tag: string; cube: Cube } | null>(null);
	error = $state<string | null>(null);
	#pending: { tag: string; promise: Promise<void>; read: Promise<void> } | null = null;
	#builder: CubeBuilder | null = null;

	/** The dataset state views must answer for. */
	get tag(): string {
		return `${dataset.kind}-${dataset.version}`;
	}

	/** The cube of the active dataset, or null while it loads. */
	get cube(): Cube | null {
		const loaded = this.#loaded;
		return loaded && loaded.tag === this.tag ? loaded.cube : null;
	}

	/** Sets the cube computed at build time (server side, while prerendering the demo). */
	useBuilt(cube: Cube) {
		this.#loaded = { tag: 'demo-0', cube };
	}

	/** Registers how to compute a cube off the main thread (set by the import module). */
	useBuilder(builder: CubeBuilder) {
		this.#builder = builder;
	}

	/** Loads the active dataset's cube if it is not there yet; resolves when it is. */
	ensure(): Promise<void> {
		const tag = this.tag;
		if (this.#loaded?.tag === tag) return Promise.resolve();
		if (this.#pending?.tag === tag) return this.#pending.promise;
		let readDone = () => {};
		const read = new Promise<void>((resolve) => (readDone = resolve));
		const promise = this.#load(tag, readDone).then(
			(cube) => {
				if (cube && tag === this.tag) this.#loaded = { tag, cube };
				this.error = null;
			},
			(e: unknown) => {
				this.error = e instanceof Error ? e.message : String(e);
			}
		);
		promise.finally(readDone);
		this.#pending = { tag, promise, read };
		return promise;
	}

	/**
	 * Resolves once the cube is loaded, or once it is known that the engine must compute it: the
	 * first render waits for this, never for the engine (which may restore millions of rows first),
	 * so that views show « Calcul en cours » meanwhile instead of a page held back.
	 */
	loadedOrComputing(): Promise<void> {
		const promise = this.ensure();
		const pending = this.#pending;
		return pending && pending.tag === this.tag ? Promise.race([promise, pending.read]) : promise;
	}

	async #load(tag: string, computing: () => void): Promise<Cube | null> {
		if (!browser) return null;
		if (dataset.kind === 'demo') {
			const response = await fetch(`${base}${CUBE_PATH}`);
			if (!response.ok) throw new Error(`${CUBE_PATH} : ${response.status}`);
			return decodeCube(new Uint8Array(await response.arrayBuffer()));
		}
		const manifest = JSON.stringify(dataset.imported);
		const kept = await readKept().catch(() => null);
		if (kept && kept.manifest === manifest) {
			// A damaged record is computed again rather than trusted.
			const cube = await decodeCube(kept.bytes).catch(() => null);
			if (cube) return cube;
		}
		// No cube kept for these data (or kept for others): the engine computes it, and it is kept.
		computing();
		const db = await dataset.database();
		if (tag !== this.tag) return null;
		const built = await this.#builder?.(db);
		const bytes = built ?? (await encodeCube(await (await import('../cube/build')).buildCube(db)));
		if (tag !== this.tag) return null;
		await writeKept({ manifest: JSON.stringify(dataset.imported), bytes }).catch(() => {});
		return decodeCube(bytes);
	}
}

/** Computes the active dataset's cube, encoded, off the main thread; null when it cannot. */
export type CubeBuilder = (db: Database) => Promise<Uint8Array | null>;

export const cubeState = new CubeState();
