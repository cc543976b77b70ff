import { TABLES, type TableName } from '../data/contract';
import { createEmptyTables } from '../db/schema';
import type { Database } from '../db/types';
import type { ImportManifest } from './manifest';
import type { DatasetStore, StoredDataset } from './store';

/**
 * Keeps the active imported dataset: each non-empty table as Parquet (`db.toParquet`), with the
 * manifest, in one record of the store, so a reload finds the whole dataset or none of it. The
 * dataset it replaces (the demo when `replacesDemo`) stays kept as the previous one.
 */
export async function saveImported(
	db: Database,
	manifest: ImportManifest,
	store: DatasetStore,
	replacesDemo = false
): Promise<void> {
	const tables: Partial<Record<TableName, Uint8Array>> = {};
	for (const { name } of TABLES)
		if ((manifest.tables[name] ?? 0) > 0) tables[name] = await db.toParquet(name);
	await store.save({ manifest, tables }, replacesDemo);
}

/** Loads a kept dataset into the database: its stored tables from Parquet, the others created empty. */
export async function loadStored(db: Database, stored: StoredDataset): Promise<ImportManifest> {
	for (const { name } of TABLES) {
		const bytes = stored.tables[name];
		if (bytes) await db.loadParquet(name, bytes);
		else await createEmptyTables(db, [name]);
	}
	return stored.manifest;
}

/**
 * Loads a kept imported dataset into the database: its stored tables from Parquet, the others
 * created empty (never filled from the demo). Returns its manifest, or null when none is kept.
 */
export async function restoreImported(db: Database, store: DatasetStore): Promise<ImportManifest | null> {
	const stored = await store.load();
	return stored ? loadStored(db, stored) : null;
}
