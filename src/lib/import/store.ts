import type { TableName } from '../data/contract';
import { isManifest, type ImportManifest } from './manifest';

/** An imported dataset as kept in the browser: its manifest and each non-empty table as Parquet. */
export type StoredDataset = { manifest: ImportManifest; tables: Partial<Record<TableName, Uint8Array>> };

/** Where an imported dataset is kept across reloads. */
export interface DatasetStore {
	save(dataset: StoredDataset): Promise<void>;
	load(): Promise<StoredDataset | null>;
	clear(): Promise<void>;
}

const DB_NAME = 'observatoire';
const STORE = 'dataset-importe';
const KEY = 'courant';

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

/** The browser's IndexedDB: one record holds the whole dataset, so it is saved or replaced at once. */
export class IndexedDbStore implements DatasetStore {
	#db: Promise<IDBDatabase> | null = null;

	#open(): Promise<IDBDatabase> {
		this.#db ??= new Promise((resolve, reject) => {
			const open = indexedDB.open(DB_NAME, 1);
			open.onupgradeneeded = () => open.result.createObjectStore(STORE);
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		return this.#db;
	}

	async save(dataset: StoredDataset): Promise<void> {
		const tx = (await this.#open()).transaction(STORE, 'readwrite');
		tx.objectStore(STORE).put(dataset, KEY);
		await done(tx);
	}

	async load(): Promise<StoredDataset | null> {
		const tx = (await this.#open()).transaction(STORE, 'readonly');
		const value = (await request(tx.objectStore(STORE).get(KEY))) as Partial<StoredDataset> | undefined;
		return value && isManifest(value.manifest) && value.tables ? (value as StoredDataset) : null;
	}

	async clear(): Promise<void> {
		const tx = (await this.#open()).transaction(STORE, 'readwrite');
		tx.objectStore(STORE).delete(KEY);
		await done(tx);
	}
}

/** A store in memory (tests, and browsers without IndexedDB: the dataset then lasts one visit). */
export class MemoryStore implements DatasetStore {
	#dataset: StoredDataset | null = null;
	async save(dataset: StoredDataset) {
		this.#dataset = dataset;
	}
	async load() {
		return this.#dataset;
	}
	async clear() {
		this.#dataset = null;
	}
}

let shared: DatasetStore | null = null;

/** The page's store: IndexedDB when the browser has it. */
export function datasetStore(): DatasetStore {
	shared ??= typeof indexedDB === 'undefined' ? new MemoryStore() : new IndexedDbStore();
	return shared;
}
