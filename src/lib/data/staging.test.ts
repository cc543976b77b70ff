import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { commitTables } from './commit';
import { abandonCommit, discardAllStaging, tableIdentities } from './staging';
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

describe('a commit abandoned past the time limit', () => {
	const rows = async () =>
		(await db.query<{ n: number }>({ sql: 'SELECT count(*)::INTEGER AS n FROM evaluations', params: [] }))[0].n;
	beforeEach(() => db.exec('CREATE TABLE evaluations AS SELECT 1 AS niveau FROM range(5)'));

	it('keeps the old dataset, whole, when it stopped inside its transaction', async () => {
		const before = await tableIdentities(db);
		const report = await validateFiles(db, [fixture('evaluations.csv')]);
		// What commitTables does, stopped before its COMMIT.
		await db.exec('BEGIN TRANSACTION');
		await db.exec('CREATE OR REPLACE TABLE evaluations AS SELECT 9 AS niveau');
		await db.exec('CREATE OR REPLACE TABLE missions_locales AS SELECT 1 AS x');
		expect(report.files[0].committable).toBe(true);
		expect(await abandonCommit(db, before)).toBe('old');
		expect(await rows()).toBe(5);
		expect(await tableIdentities(db)).toBe(before);
		expect(await staging()).toBe(0);
	});

	it('keeps the old dataset when it stopped before its transaction began', async () => {
		const before = await tableIdentities(db);
		await validateFiles(db, [fixture('evaluations.csv')]);
		expect(await abandonCommit(db, before)).toBe('old');
		expect(await rows()).toBe(5);
		expect(await staging()).toBe(0);
	});

	it('says so when the commit had completed: the new dataset, whole', async () => {
		const before = await tableIdentities(db);
		const report = await validateFiles(db, [fixture('evaluations.csv')]);
		await commitTables(db, report);
		const committed = await rows();
		expect(committed).not.toBe(5);
		expect(await abandonCommit(db, before)).toBe('new');
		expect(await rows()).toBe(committed);
	});
});
