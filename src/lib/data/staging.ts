import { ident, sql } from '../db/sql';
import type { Database } from '../db/types';

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

/**
 * Abandons an import's commit that the page stopped waiting for (its import worker already
 * stopped, so no further statement of it comes): DuckDB finishes the statement it is running (it
 * cannot interrupt one), then the commit's transaction is rolled back, and its staging dropped.
 * Returns `old` when the dataset is the one held before (`before`, from `tableIdentities`), `new`
 * when the commit had already completed (its `COMMIT` ran first): never a mix, DuckDB's
 * transaction being all or nothing.
 */
export async function abandonCommit(db: Database, before: string): Promise<'old' | 'new'> {
	// Fails when no transaction is open: the commit had not begun, or had completed.
	await db.exec('ROLLBACK').catch(() => {});
	await discardAllStaging(db);
	return (await tableIdentities(db)) === before ? 'old' : 'new';
}
