import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { commitImport, prepareImport, tableCounts } from './importer';
import { inspectCsv } from './inspect';
import { nextManifest, totalRows } from './manifest';
import { restoreImported, saveImported } from './persist';
import { MemoryStore } from './store';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
});
afterEach(() => db.close());

const file = (name: string) => inspectCsv(name, fixture(name).bytes);
const rows = (sql: string) => db.query({ sql, params: [] });

/** A new dataset imported from missions_locales.csv and evaluations.csv: its manifest. */
async function importTwoFiles() {
	const prepared = await prepareImport(db, [file('missions_locales.csv'), file('evaluations.csv')], 'new');
	const outcome = await commitImport(db, prepared, { excludeErrorRows: true });
	return nextManifest(null, 'new', prepared.shown.files, outcome, new Date('2026-11-28T10:00:00Z'));
}

describe('keeping an imported dataset across reloads', () => {
	it('keeps a table’s Parquet file as it was given when the import says the table is that file', async () => {
		const manifest = await importTwoFiles();
		const given = await db.toParquet('evaluations');
		const store = new MemoryStore();
		await saveImported(db, manifest, store, false, undefined, { evaluations: given });
		const kept = (await store.load())!.tables;
		expect(kept.evaluations).toBe(given);
		expect(kept.missions_locales).toBeInstanceOf(Uint8Array);
	});

	it('restores every table as imported, typed, and the tables it lacks empty', async () => {
		const manifest = await importTwoFiles();
		const store = new MemoryStore();
		await saveImported(db, manifest, store);
		expect(Object.keys((await store.load())!.tables).sort()).toEqual(['evaluations', 'missions_locales']);
		const before = await rows('SELECT * FROM evaluations');

		const reloaded = await openNodeDatabase();
		try {
			expect(await restoreImported(reloaded, store)).toEqual(manifest);
			expect(await reloaded.query({ sql: 'SELECT * FROM evaluations', params: [] })).toEqual(before);
			const types = await reloaded.query<{ t: string }>({
				sql: `SELECT data_type AS t FROM duckdb_columns() WHERE table_name = 'evaluations' ORDER BY column_index`,
				params: []
			});
			expect(types.map((c) => c.t)).toEqual([
				'VARCHAR',
				'INTEGER',
				'VARCHAR',
				'VARCHAR',
				'VARCHAR',
				'INTEGER',
				'DATE'
			]);
			expect(
				await reloaded.query({ sql: 'SELECT count(*)::INTEGER AS n FROM labellisation', params: [] })
			).toEqual([{ n: 0 }]);
		} finally {
			await reloaded.close();
		}
	});

	it('restores nothing when nothing is kept', async () => {
		expect(await restoreImported(db, new MemoryStore())).toBeNull();
	});

	it('refuses tables swapped in storage before any view reads them', async () => {
		const prepared = await prepareImport(db, [file('missions_locales.csv')], 'new');
		await commitImport(db, prepared, { excludeErrorRows: true });
		const swapped = new MemoryStore();
		const manifest = nextManifest(null, 'new', prepared.shown.files, {
			committed: [],
			tables: await tableCounts(db),
			rejected: []
		});
		await swapped.save({ manifest, tables: { evaluations: await db.toParquet('missions_locales') } }, true);
		await expect(restoreImported(db, swapped)).rejects.toThrow(
			/table evaluations conservée ne correspond pas au contrat/
		);
	});

	it('gives up, in French, on a browser storage that never answers', async () => {
		const stuck = new MemoryStore();
		stuck.load = () => new Promise(() => {});
		await expect(restoreImported(db, stuck, 50)).rejects.toThrow(/stockage du navigateur ne répond pas/);
	});
});

describe('the manifest', () => {
	it('lists the imported files with their rows and rejected rows; a merge adds to it', async () => {
		const prepared = await prepareImport(db, [file('missions_locales.csv'), file('hors-domaine.csv')], 'new');
		const outcome = await commitImport(db, prepared, { excludeErrorRows: true });
		const first = nextManifest(null, 'new', prepared.shown.files, outcome, new Date('2026-11-28T10:00:00Z'));
		expect(first.files.map((f) => [f.name, f.table, f.format, f.rows, f.rejected])).toEqual([
			['missions_locales.csv', 'missions_locales', 'csv', 3, 0],
			['hors-domaine.csv', 'evaluations', 'csv', 2, 2]
		]);
		expect(totalRows(first)).toBe(3);
		const merged = nextManifest(
			first,
			'merge',
			[prepared.shown.files[0]],
			outcome,
			new Date('2026-11-29T10:00:00Z')
		);
		expect(merged.createdAt).toBe('2026-11-28T10:00:00.000Z');
		expect(merged.updatedAt).toBe('2026-11-29T10:00:00.000Z');
		expect(merged.files).toHaveLength(3);
		expect(nextManifest(first, 'new', [], outcome).files).toEqual([]);
	});
});
