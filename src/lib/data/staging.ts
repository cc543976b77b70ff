import { createEmptyTables } from '../db/schema';
import { ident, sql } from '../db/sql';
import type { Database } from '../db/types';
import { TABLES, type TableName } from './contract';

/**
 * Drops every staging relation (`staging_…`, see `validateFiles`), whichever batch left it: one
 * stopped before its end, when the browser's time limit stopped the import worker that drove it.
 * Small on purpose: the page calls it without loading the validator.
 */
export async function discardAllStaging(db: Database): Promise<void> {
	const left = await db.query<{ name: string; view: boolean }>(sql`
		SELECT view_name AS name, true AS view FROM duckdb_views() WHERE NOT internal AND starts_with(view_name, 'staging_')
		UNION ALL SELECT table_name, false FROM duckdb_tables() WHERE starts_with(table_name, 'staging_')
		ORDER BY view DESC`);
	for (const { name, view } of left) await db.exec(`DROP ${view ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(name)}`);
}

/** Which table of the dataset is which (a replaced table gets a new oid), to tell a commit happened. */
export async function tableIdentities(db: Database): Promise<string> {
	const [{ ids }] = await db.query<{ ids: string | null }>(sql`
		SELECT string_agg(table_name || ':' || table_oid, ',' ORDER BY table_name) AS ids
		FROM duckdb_tables() WHERE NOT starts_with(table_name, 'staging_')`);
	return ids ?? '';
}

/** What an abandoned commit was importing: the tables its batch holds, and whether it starts a new dataset. */
export type AbandonedBatch = { mode: 'new' | 'merge'; tables: readonly TableName[] };

/**
 * Abandons an import's commit that the page stopped waiting for (its import worker already
 * stopped, so no further statement of it comes): DuckDB finishes the statement it is running (it
 * cannot interrupt one), then the commit's transaction is rolled back, and its staging dropped.
 * Returns `old` when the dataset is the one held before (`before`, from `tableIdentities`): the
 * transaction was rolled back whole. Returns `new` when its `COMMIT` had run (a table of the
 * dataset is another than before): the batch's tables are then the new ones, whole, DuckDB's
 * transaction being all or nothing. A new dataset empties the tables its batch does not hold after
 * that `COMMIT` (`commitImport`): done here, in case the worker was stopped before, so that the new
 * dataset is whole and never mixed with the old one's other tables.
 */
export async function abandonCommit(
	db: Database,
	before: string,
	batch: AbandonedBatch
): Promise<'old' | 'new'> {
	// Fails when no transaction is open: the commit had not begun, or had completed.
	await db.exec('ROLLBACK').catch(() => {});
	await discardAllStaging(db);
	if ((await tableIdentities(db)) === before) return 'old';
	if (batch.mode === 'new')
		await createEmptyTables(
			db,
			TABLES.map((t) => t.name).filter((name) => !batch.tables.includes(name))
		);
	return 'new';
}
