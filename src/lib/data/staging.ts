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
