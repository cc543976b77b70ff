import { TABLES, type TableName } from '../data/contract';
import { createEmptyTables } from '../db/schema';
import { sql } from '../db/sql';
import { withTimeout } from '../timeout';
import type { Database } from '../db/types';
import type { ImportManifest } from './manifest';
import type { DatasetStore, StoredDataset } from './store';

/**
 * Keeps the active imported dataset: each non-empty table as Parquet (`db.toParquet`, or the
 * user's own Parquet file given in `unchanged` when the table is that file's rows as they are),
 * with the manifest, in one record of the store, so a reload finds the whole dataset or none of
 * it. The dataset it replaces (the demo when `replacesDemo`) stays kept as the previous one.
 */
export async function saveImported(
	db: Database,
	manifest: ImportManifest,
	store: DatasetStore,
	replacesDemo = false,
	base?: string | null,
	unchanged: Partial<Record<TableName, Uint8Array>> = {}
): Promise<void> {
	const tables: Partial<Record<TableName, Uint8Array>> = {};
	for (const { name } of TABLES)
		if ((manifest.tables[name] ?? 0) > 0) tables[name] = unchanged[name] ?? (await db.toParquet(name));
	await store.save({ manifest, tables }, replacesDemo, base);
}

/** How long the browser's storage may take to hand the kept dataset back before the demo is shown. */
export const RESTORE_TIMEOUT_MS = 15_000;

/**
 * Checks that each contract table holds the contract's columns, in its order: a kept dataset from
 * another version, or tables swapped in storage, are refused before any view queries them.
 */
async function checkTables(db: Database): Promise<void> {
	for (const { name, columns } of TABLES) {
		const found = await db.query<{ name: string }>(
			sql`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = ${name} ORDER BY column_index`
		);
		const got = found.map((c) => c.name).join(', ');
		if (got !== columns.map((c) => c.name).join(', '))
			throw new Error(
				`la table ${name} conservée ne correspond pas au contrat de données (colonnes : ${got || 'aucune'})`
			);
	}
}

/**
 * Loads a kept dataset into the database: its stored tables from Parquet, the others created
 * empty; then checks them against the contract.
 */
export async function loadStored(db: Database, stored: StoredDataset): Promise<ImportManifest> {
	for (const { name } of TABLES) {
		const bytes = stored.tables[name];
		if (bytes) await db.loadParquet(name, bytes);
		else await createEmptyTables(db, [name]);
	}
	await checkTables(db);
	return stored.manifest;
}

/**
 * Loads a kept imported dataset into the database: its stored tables from Parquet, the others
 * created empty (never filled from the demo). Returns its manifest, or null when none is kept.
 * The browser's storage gets `timeoutMs` to answer (a version change pending in another tab can
 * block it forever).
 */
export async function restoreImported(
	db: Database,
	store: DatasetStore,
	timeoutMs = RESTORE_TIMEOUT_MS
): Promise<ImportManifest | null> {
	const stored = await withTimeout(
		store.load(),
		timeoutMs,
		'le stockage du navigateur ne répond pas (un autre onglet de l’observatoire le bloque peut-être)'
	);
	return stored ? loadStored(db, stored) : null;
}
