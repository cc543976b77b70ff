import { afterEach, beforeEach, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { discardAllStaging } from './staging';
import { validateFiles } from './validate';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
});
afterEach(() => db.close());

const staging = async () =>
	(
		await db.query<{ n: number }>({
			sql: `SELECT (SELECT count(*) FROM duckdb_tables() WHERE starts_with(table_name, 'staging_'))
				+ (SELECT count(*) FROM duckdb_views() WHERE starts_with(view_name, 'staging_'))::INTEGER AS n`,
			params: []
		})
	)[0].n;

it('drops the staging a batch left, whichever batch it was, and nothing else', async () => {
	await validateFiles(db, [fixture('evaluations.csv'), fixture('ligne-mal-formee.csv')]);
	await validateFiles(db, [fixture('missions_locales.csv')]);
	expect(await staging()).toBeGreaterThan(3);
	await db.exec('CREATE TABLE stagingnon AS SELECT 1 AS x');
	await discardAllStaging(db);
	expect(await staging()).toBe(0);
	expect(await db.query({ sql: 'SELECT x FROM stagingnon', params: [] })).toEqual([{ x: 1 }]);
});
