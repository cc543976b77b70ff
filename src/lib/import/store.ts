import type { TableName } from '../data/contract';
import { withTimeout } from '../timeout';
import { isManifest, type ImportManifest } from './manifest';

/** An imported dataset as kept in the browser: its manifest and each non-empty table as Parquet. */
export type StoredDataset = { manifest: ImportManifest; tables: Partial<Record<TableName, Uint8Array>> };

/** The dataset that was active before the last import: an imported one, or the demo. */
export type PreviousDataset = StoredDataset | 'demo';

/**
 * Where an imported dataset is kept across reloads, with the one it replaced (until it is brought
 * back, once, by « Annuler la dernière importation », or the next import replaces it).
 */
export interface DatasetStore {
	/**
	 * Keeps `dataset` as the current one. What it replaces becomes the previous dataset: the demo
	 * when `replacesDemo`, else the current one kept so far (none if nothing was kept). With `base`
	 * (the stamp of the dataset the page showed, null for the demo), a store that holds another
	 * dataset — another tab changed it since — refuses with `StaleDataset`: nothing is overwritten.
	 */
	save(dataset: StoredDataset, replacesDemo: boolean, base?: string | null): Promise<void>;
	/** `updatedAt` of the current dataset's manifest, or null when none is kept. */
	stamp(): Promise<string | null>;
	load(): Promise<StoredDataset | null>;
	/** Whether a previous dataset can be brought back. */
	hasPrevious(): Promise<boolean>;
	/** Makes the previous dataset the current one again (the demo: none kept) and returns it, once. */
	undo(): Promise<PreviousDataset | null>;
	/** Forgets the current and the previous dataset. */
	clear(): Promise<void>;
}

const DB_NAME = 'observatoire';
const STORE = 'dataset-importe';
const KEY = 'courant';
const PREVIOUS = 'precedent';
/** An open queued behind another tab's version change waits forever: the page gives up after this. */
const OPEN_TIMEOUT_MS = 10_000;
const BLOCKED =
	'le stockage du navigateur ne répond pas (un autre onglet de l’observatoire le bloque peut-être : fermez-le)';
/** The record that stands for the demo as the previous dataset. */
const DEMO = { demo: true };

/** Another tab changed the kept dataset since this page read it. */
export class StaleDataset extends Error {
	constructor() {
		super(
			'un autre onglet a changé les données de ce navigateur depuis que cette page les a chargées : rechargez la page (rien n’a été écrasé)'
		);
	}
}

const stampOf = (value: unknown) => (isStored(value) ? value.manifest.updatedAt : null);

const isStored = (value: unknown): value is StoredDataset => {
	const v = value as Partial<StoredDataset> | undefined;
	return !!v && isManifest(v.manifest) && typeof v.tables === 'object' && v.tables !== null;
};
const asPrevious = (value: unknown): PreviousDataset | null =>
	(value as { demo?: unknown } | undefined)?.demo === true ? 'demo' : isStored(value) ? value : null;

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('transaction IndexedDB abandonnée'));
	});
}

/**
 * The browser's IndexedDB: one record holds the whole current dataset, another the previous one;
 * each change is one transaction, so a reload finds both as they were before it or after it.
 */
export class IndexedDbStore implements DatasetStore {
	#db: Promise<IDBDatabase> | null = null;

	#open(): Promise<IDBDatabase> {
		if (!this.#db) {
			this.#db = withTimeout(this.#request(), OPEN_TIMEOUT_MS, BLOCKED);
			this.#db.catch(() => (this.#db = null));
		}
		return this.#db;
	}

	#request(): Promise<IDBDatabase> {
		return new Promise((resolve, reject) => {
			const open = indexedDB.open(DB_NAME, 1);
			open.onupgradeneeded = () => open.result.createObjectStore(STORE);
			open.onsuccess = () => {
				// Another tab needs a newer version: let it go on rather than block it.
				open.result.onversionchange = () => {
					open.result.close();
					this.#db = null;
				};
				resolve(open.result);
			};
			open.onerror = () => reject(open.error);
			open.onblocked = () => reject(new Error(BLOCKED));
		});
	}

	async #write(change: (store: IDBObjectStore) => void): Promise<void> {
		const tx = (await this.#open()).transaction(STORE, 'readwrite');
		change(tx.objectStore(STORE));
		await done(tx);
	}

	async save(dataset: StoredDataset, replacesDemo: boolean, base?: string | null): Promise<void> {
		let stale = false;
		try {
			await this.#write((store) => {
				// Read and written in the same transaction: the current record moves, it is never lost.
				store.get(KEY).onsuccess = (event) => {
					const current = (event.target as IDBRequest).result;
					if (base !== undefined && stampOf(current) !== base) {
						stale = true;
						return (event.target as IDBRequest).transaction?.abort();
					}
					if (replacesDemo) store.put(DEMO, PREVIOUS);
					else if (isStored(current)) store.put(current, PREVIOUS);
					else store.delete(PREVIOUS);
					store.put(dataset, KEY);
				};
			});
		} catch (e) {
			throw stale ? new StaleDataset() : e;
		}
	}

	async stamp(): Promise<string | null> {
		const tx = (await this.#open()).transaction(STORE, 'readonly');
		return stampOf(await request(tx.objectStore(STORE).get(KEY)));
	}

	async load(): Promise<StoredDataset | null> {
		const tx = (await this.#open()).transaction(STORE, 'readonly');
		const value = await request(tx.objectStore(STORE).get(KEY));
		if (value !== undefined && !isStored(value))
			throw new Error('le jeu de données conservé dans ce navigateur est abîmé et ne peut pas être relu');
		return value === undefined ? null : (value as StoredDataset);
	}

	async hasPrevious(): Promise<boolean> {
		const tx = (await this.#open()).transaction(STORE, 'readonly');
		return (await request(tx.objectStore(STORE).count(PREVIOUS))) > 0;
	}

	async undo(): Promise<PreviousDataset | null> {
		let previous: PreviousDataset | null = null;
		await this.#write((store) => {
			store.get(PREVIOUS).onsuccess = (event) => {
				previous = asPrevious((event.target as IDBRequest).result);
				if (!previous) return;
				if (previous === 'demo') store.delete(KEY);
				else store.put(previous, KEY);
				store.delete(PREVIOUS);
			};
		});
		return previous;
	}

	async clear(): Promise<void> {
		await this.#write((store) => {
			store.delete(KEY);
			store.delete(PREVIOUS);
		});
	}
}

/** A store in memory (tests, and browsers without IndexedDB: the dataset then lasts one visit). */
export class MemoryStore implements DatasetStore {
	#dataset: StoredDataset | null = null;
	#previous: PreviousDataset | null = null;
	async save(dataset: StoredDataset, replacesDemo: boolean, base?: string | null) {
		if (base !== undefined && stampOf(this.#dataset) !== base) throw new StaleDataset();
		this.#previous = replacesDemo ? 'demo' : this.#dataset;
		this.#dataset = dataset;
	}
	async load() {
		return this.#dataset;
	}
	async stamp() {
		return stampOf(this.#dataset);
	}
	async hasPrevious() {
		return this.#previous !== null;
	}
	async undo() {
		const previous = this.#previous;
		if (previous) this.#dataset = previous === 'demo' ? null : previous;
		this.#previous = null;
		return previous;
	}
	async clear() {
		this.#dataset = null;
		this.#previous = null;
	}
}

let shared: DatasetStore | null = null;

/** Whether this browser keeps data across visits (IndexedDB); without it the store lasts one visit. */
export const persistent = () => typeof indexedDB !== 'undefined';

/** The page's store: IndexedDB when the browser has it. */
export function datasetStore(): DatasetStore {
	shared ??= persistent() ? new IndexedDbStore() : new MemoryStore();
	return shared;
}
