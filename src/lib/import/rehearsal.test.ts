import { Table as ParquetTable, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles, type ValidationReport } from '../data';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { loadReferentielTables } from '../referentiel/tables';
import { inspectCsv } from './inspect';
import { REHEARSALS, rehearsalFiles } from './rehearsal';

let db: Database;
let report: ValidationReport;
let encodings: (string | null)[];
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadReferentielTables(db);
	await db.exec(`CREATE TABLE departements AS SELECT * FROM (VALUES ('01'), ('75')) t(departement_code)`);
	const files = await rehearsalFiles(async (ipc) => writeParquet(ParquetTable.fromIPCStream(ipc)));
	// As the import worker hands them over: CSV transcoded to UTF-8 first.
	const inputs = files.map((f) =>
		f.name.endsWith('.csv') ? inspectCsv(f.name, f.bytes) : { ...f, encoding: null }
	);
	encodings = inputs.map((f) => f.encoding);
	report = await validateFiles(db, inputs);
});
afterAll(() => db.close());

describe('the import’s rehearsal batch', () => {
	it('takes every reading path: Windows-1252 CSV, UTF-8 CSV, typed Parquet', () => {
		expect(report.files.map((f) => [f.file, f.table, f.format, f.rows])).toEqual([
			['missions_locales.csv', 'missions_locales', 'csv', 12],
			['evaluations.csv', 'evaluations', 'csv', 5907],
			['evaluations.parquet', 'evaluations', 'parquet', 5904]
		]);
		expect(encodings).toEqual(['windows-1252', 'utf-8', null]);
	});

	it('meets every kind of row check, each a known number of times', () => {
		expect(report.counts).toEqual({
			'departement-complete': 6,
			doublon: 1,
			'ligne-mal-formee': 1,
			'hors-domaine': 1,
			'id-inconnu': 1,
			'type-invalide': 1,
			'lignes-remplacees': 1
		});
	});

	it('has larger batches after the first, the same files with more Missions Locales', async () => {
		const [, larger] = REHEARSALS;
		const files = await rehearsalFiles(async (ipc) => writeParquet(ParquetTable.fromIPCStream(ipc)), larger);
		const inputs = files.map((f) =>
			f.name.endsWith('.csv') ? inspectCsv(f.name, f.bytes) : { ...f, encoding: null }
		);
		const big = await validateFiles(db, inputs);
		const scale = larger / REHEARSALS[0];
		expect(big.files.map((f) => f.rows)).toEqual([larger, (5907 - 3) * scale + 3, 5904 * scale]);
		// The same errors, once each; half the Missions Locales have a one-digit département.
		expect(big.counts).toEqual({ ...report.counts, 'departement-complete': larger / 2 });
	});
});
