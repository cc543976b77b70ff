import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { commitTables } from './commit';
import { tableSpec } from './contract';
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
	const rows = async (table = 'evaluations') =>
		(await db.query<{ n: number }>({ sql: `SELECT count(*)::INTEGER AS n FROM ${table}`, params: [] }))[0].n;
	beforeEach(async () => {
		await db.exec('CREATE TABLE evaluations AS SELECT 1 AS niveau FROM range(5)');
		await db.exec('CREATE TABLE labellisation AS SELECT 1 AS x FROM range(3)');
	});
	const newDataset = { mode: 'new', tables: ['evaluations'] } as const;

	it('keeps the old dataset, whole, when it stopped inside its transaction', async () => {
		const before = await tableIdentities(db);
		const report = await validateFiles(db, [fixture('evaluations.csv')]);
		// What commitTables does, stopped before its COMMIT.
		await db.exec('BEGIN TRANSACTION');
		await db.exec('CREATE OR REPLACE TABLE evaluations AS SELECT 9 AS niveau');
		await db.exec('CREATE OR REPLACE TABLE missions_locales AS SELECT 1 AS x');
		expect(report.files[0].committable).toBe(true);
		expect(await abandonCommit(db, before, newDataset)).toBe('old');
		expect(await rows()).toBe(5);
		expect(await rows('labellisation')).toBe(3);
		expect(await tableIdentities(db)).toBe(before);
		expect(await staging()).toBe(0);
	});

	it('keeps the old dataset when it stopped before its transaction began', async () => {
		const before = await tableIdentities(db);
		await validateFiles(db, [fixture('evaluations.csv')]);
		expect(await abandonCommit(db, before, newDataset)).toBe('old');
		expect(await rows()).toBe(5);
		expect(await rows('labellisation')).toBe(3);
		expect(await staging()).toBe(0);
	});

	/** The batch committed (its COMMIT ran), and the import worker stopped right after. */
	const committedJustBefore = async () => {
		const before = await tableIdentities(db);
		await commitTables(db, await validateFiles(db, [fixture('evaluations.csv')]));
		const committed = await rows();
		expect(committed).not.toBe(5);
		return { before, committed };
	};

	it('says so when the COMMIT had run, and makes the new dataset whole: the tables its batch does not hold emptied', async () => {
		const { before, committed } = await committedJustBefore();
		expect(await abandonCommit(db, before, newDataset)).toBe('new');
		expect(await rows()).toBe(committed);
		// The old dataset's other table is not mixed into the new one: emptied, with the contract's columns.
		expect(await rows('labellisation')).toBe(0);
		const columns = await db.query<{ name: string }>({
			sql: "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'labellisation' ORDER BY column_index",
			params: []
		});
		expect(columns.map((c) => c.name)).toEqual(tableSpec('labellisation').columns.map((c) => c.name));
		expect(await staging()).toBe(0);
	});

	it('keeps the other tables of a merge, whose COMMIT had run', async () => {
		const { before, committed } = await committedJustBefore();
		expect(await abandonCommit(db, before, { mode: 'merge', tables: ['evaluations'] })).toBe('new');
		expect(await rows()).toBe(committed);
		expect(await rows('labellisation')).toBe(3);
	});
});
