import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import { createEmptyTables } from '../db/schema';
import type { Database } from '../db/types';
import { ImportDatabase } from './importDatabase';
import {
	commitImport,
	existingName,
	fileLabel,
	prepareImport,
	rejectedFiles,
	unchangedFiles,
	type BatchFile,
	type ImportMode
} from './importer';
import { inspectCsv } from './inspect';

let db: Database;
beforeEach(async () => {
	const node = await openNodeDatabase();
	// The demo stands in for the active dataset: a network of three MLs and one labellisation step.
	await createReferenceTables(node);
	await createEmptyTables(node, ['evaluations', 'labellisation', 'chiffres_cles']);
	await node.exec(`INSERT INTO labellisation VALUES ('ML-01-01', 'inscription', DATE '2023-01-10', NULL)`);
	db = new ImportDatabase(node);
});
afterEach(() => db.close());

const csv = (name: string, text: string): BatchFile => inspectCsv(name, new TextEncoder().encode(text));
const file = (name: string): BatchFile => {
	const { bytes } = fixture(name);
	return name.endsWith('.parquet')
		? { name, bytes, table: 'evaluations', encoding: null, rows: 4 }
		: inspectCsv(name, bytes);
};
const rows = (sql: string) => db.query({ sql, params: [] });
const count = async (table: string) => (await rows(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n;

async function importFiles(files: BatchFile[], mode: ImportMode = 'new') {
	return commitImport(db, await prepareImport(db, files, mode), { excludeErrorRows: true });
}

describe('keeping a Parquet file as it is (unchangedFiles)', () => {
	/** A Parquet evaluations file written by DuckDB from `values` (already in the contract's types). */
	async function parquet(values: string): Promise<BatchFile & { kind: 'parquet' }> {
		const path = join(mkdtempSync(join(tmpdir(), 'unchanged-')), 'e.parquet');
		await db.exec(`COPY (SELECT * FROM (VALUES ${values}) t(ml_id, campagne, phase, critere_id, element_id, niveau, date))
			TO '${path}' (FORMAT parquet)`);
		const bytes = new Uint8Array(readFileSync(path));
		const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path}')`);
		return {
			name: 'e.parquet',
			bytes,
			table: 'evaluations',
			encoding: null,
			rows: Number(n),
			kind: 'parquet'
		};
	}
	const ROW = `('ML-01-01', 2024::INTEGER, 'audit', '1.1', '1.1.a', 3::INTEGER, DATE '2024-03-15')`;
	const EMPTY = `(NULL, NULL::INTEGER, NULL, NULL, NULL, NULL::INTEGER, NULL::DATE)`;

	async function kept(files: (BatchFile & { kind?: string })[]) {
		const prepared = await prepareImport(db, [file('missions_locales-windows-1252.csv'), ...files], 'new');
		const outcome = await commitImport(db, prepared, { excludeErrorRows: true });
		return unchangedFiles(outcome.committed, prepared.report, files);
	}

	it('gives the file’s own bytes for the table committed from it unchanged', async () => {
		const e = await parquet(ROW);
		expect(await kept([e])).toEqual({ evaluations: e.bytes });
	});

	it('not when the validator left a row out, nor for a file not read as Parquet', async () => {
		// An empty row is dropped: the table no longer holds every row of the file.
		expect(await kept([await parquet(`${ROW}, ${EMPTY}`)])).toEqual({});
		expect(await kept([{ ...(await parquet(ROW)), kind: 'csv' }])).toEqual({});
	});
});

describe('importing a new dataset', () => {
	it('replaces the demo table by table and empties the tables the batch does not hold', async () => {
		const outcome = await importFiles([
			file('missions_locales-windows-1252.csv'),
			file('evaluations.parquet')
		]);
		expect(outcome.tables).toEqual({
			missions_locales: 3,
			evaluations: 2,
			labellisation: 0,
			chiffres_cles: 0,
			actions: 0,
			constats: 0
		});
		expect((await rows('SELECT ml_id FROM missions_locales ORDER BY 1')).map((r) => r.ml_id)).toEqual([
			'ML-01-01',
			'ML-2A-01',
			'ML-971-01'
		]);
	});

	it('checks ML ids against the batch’s own missions_locales, never against the demo network', async () => {
		// ML-75-01 is in the demo network but not in the user's file.
		const prepared = await prepareImport(
			db,
			[file('missions_locales-windows-1252.csv'), file('evaluations.parquet')],
			'new'
		);
		const evaluations = prepared.shown.files.find((f) => f.file === 'evaluations.parquet')!;
		expect(evaluations.counts).toEqual({ 'id-inconnu': 2 });
		expect(evaluations.errorLines).toEqual([4, 5]);
	});

	it('says a batch without missions_locales leaves the new dataset without any Mission Locale', async () => {
		const prepared = await prepareImport(db, [file('evaluations.csv')], 'new');
		expect(prepared.noMissionsLocales).toBe(true);
		expect(prepared.shown.files.map((f) => f.file)).toEqual(['evaluations.csv']);
		expect(prepared.shown.counts).toEqual({ 'id-inconnu': 4 });
	});

	it('keeps the encoding the file was written in, though the validator read UTF-8', async () => {
		const prepared = await prepareImport(db, [file('missions_locales-windows-1252.csv')], 'new');
		expect(prepared.shown.files[0]).toMatchObject({
			encoding: 'windows-1252',
			delimiter: ';',
			decimalSeparator: ','
		});
		await commitImport(db, prepared, { excludeErrorRows: true });
		expect(await rows(`SELECT nom, effectif_etp FROM missions_locales WHERE ml_id = 'ML-2A-01'`)).toEqual([
			{ nom: 'Mission Locale d’Ajaccio', effectif_etp: 12.75 }
		]);
	});

	it('refuses a batch with errors unless rows with errors are left out', async () => {
		const files = [file('missions_locales.csv'), file('hors-domaine.csv')];
		const prepared = await prepareImport(db, files, 'new');
		await expect(commitImport(db, prepared, { excludeErrorRows: false })).rejects.toThrow('2 erreur(s)');
		expect(await count('labellisation')).toBe(1);
	});

	it('returns the rows left out as CSV with a motif, so nothing is dropped silently', async () => {
		const prepared = await prepareImport(db, [file('missions_locales.csv'), file('hors-domaine.csv')], 'new');
		const outcome = await commitImport(db, prepared, { excludeErrorRows: true });
		expect(outcome.rejected.map((r) => [r.file, r.rows])).toEqual([['hors-domaine.csv', 2]]);
		const lines = outcome.rejected[0].csv.replace('\ufeff', '').trim().split('\r\n');
		expect(lines[0]).toBe('ml_id;campagne;phase;critere_id;element_id;niveau;date;ligne;motif');
		expect(lines[1]).toMatch(/;5;2024-06-30;2;hors-domaine: La valeur «\u202f5\u202f»/);
	});

	it('says, as the last row of a capped rejected-rows file, how many rows it leaves out and how to get them', async () => {
		const prepared = await prepareImport(db, [file('missions_locales.csv'), file('hors-domaine.csv')], 'new');
		const [capped] = await rejectedFiles(db, prepared, 1);
		expect([capped.rows, capped.total]).toEqual([1, 2]);
		const lines = capped.csv.replace('\ufeff', '').trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(/;2;hors-domaine: /);
		expect(lines[2]).toBe(
			';;;;;;;;Ce fichier ne contient que la première ligne en erreur sur 2 (limite du fichier des lignes rejetées). ' +
				'Pour l’autre, corrigez celles-ci puis contrôlez le fichier à nouveau, ou listez-les toutes avec ' +
				'«\u202fnpm run validate -- <fichier> --max 2\u202f».'
		);
		// Within the limit, the file holds every row and no notice.
		const [all] = await rejectedFiles(db, prepared, 2);
		expect(all.csv).not.toContain('Ce fichier ne contient que');
		expect(all.csv.replace('\ufeff', '').trim().split('\r\n')).toHaveLength(3);
	});

	it('never imports a file with a file-level error, and refuses a batch of only such files', async () => {
		const prepared = await prepareImport(db, [file('table-inconnue.csv')], 'new');
		expect(prepared.shown.files[0]).toMatchObject({ committable: false, counts: { 'table-inconnue': 1 } });
		await expect(commitImport(db, prepared, { excludeErrorRows: true })).rejects.toThrow('Aucun fichier');
		expect(await count('missions_locales')).toBe(3);
	});

	it('keeps a user’s file named like an internal stand-in: it neither vanishes nor collides', async () => {
		const named = (name: string, from: string): BatchFile => ({ ...file(from), name });
		const prepared = await prepareImport(db, [named('aucune Mission Locale', 'evaluations.csv')], 'new');
		expect(prepared.noMissionsLocales).toBe(true);
		expect(prepared.shown.files.map((f) => f.file)).toEqual(['aucune Mission Locale']);
		expect(prepared.report.files.map((f) => f.file)).toHaveLength(2);
	});

	it('refuses two files of the same name in one batch', async () => {
		await expect(
			prepareImport(db, [file('evaluations.csv'), file('evaluations.csv')], 'new')
		).rejects.toThrow('Deux fichiers');
	});
});

describe('adding files to the imported dataset', () => {
	beforeEach(async () => {
		await importFiles([file('missions_locales.csv'), file('evaluations.csv')]);
	});

	it('keeps a user’s file named like the stand-in of the rows already imported', async () => {
		const name = 'données déjà importées · evaluations';
		const prepared = await prepareImport(db, [{ ...file('evaluations-correctif.csv'), name }], 'merge');
		const names = prepared.shown.files.map((f) => f.file);
		expect(names).toContain(name);
		expect(names).toContain(existingName('evaluations'));
		expect(new Set(names).size).toBe(names.length);
		expect(fileLabel(existingName('evaluations'))).toBe(name);
		expect(prepared.existing.has(name)).toBe(false);
	});

	it('replaces rows with the same key and says how many', async () => {
		const prepared = await prepareImport(db, [file('evaluations-correctif.csv')], 'merge');
		const existing = prepared.shown.files.find((f) => f.file === existingName('evaluations'))!;
		expect(existing.replacedRows).toBe(1);
		expect(existing.counts).toEqual({ 'lignes-remplacees': 1 });
		const outcome = await commitImport(db, prepared, { excludeErrorRows: true });
		expect(outcome.tables.evaluations).toBe(5);
		expect(outcome.tables.missions_locales).toBe(3);
		expect(
			await rows(`SELECT niveau, CAST(date AS VARCHAR) AS date FROM evaluations WHERE element_id = '4.2.1.b'`)
		).toEqual([{ niveau: 3, date: '2024-07-01' }]);
	});

	it('checks ML ids of an added file against the imported Mission Locales', async () => {
		const added = csv(
			'e.csv',
			'ml_id,campagne,phase,critere_id,element_id,niveau,date\nML-2A-01,2024,audit,1.1,,3,\n'
		);
		const prepared = await prepareImport(db, [added], 'merge');
		expect(prepared.shown.files.find((f) => f.file === 'e.csv')!.counts).toEqual({ 'id-inconnu': 1 });
	});

	it('adds Mission Locales to those already imported and accepts their evaluations in the same batch', async () => {
		const ml = csv('ml.csv', 'ml_id;nom;departement_code\nML-2A-01;Mission Locale d’Ajaccio;2A\n');
		const ev = csv(
			'ev.csv',
			'ml_id,campagne,phase,critere_id,element_id,niveau,date\nML-2A-01,2024,audit,1.1,,3,\n'
		);
		const prepared = await prepareImport(db, [ml, ev], 'merge');
		expect(prepared.shown.errors).toBe(0);
		const outcome = await commitImport(db, prepared, { excludeErrorRows: true });
		expect(outcome.tables).toMatchObject({ missions_locales: 4, evaluations: 5 });
	});

	it('lists rows already imported that no longer pass among the rejected rows', async () => {
		await db.exec(`UPDATE evaluations SET niveau = 9 WHERE element_id = '1.1.a'`);
		const prepared = await prepareImport(db, [file('evaluations-correctif.csv')], 'merge');
		const rejected = await rejectedFiles(db, prepared);
		expect(rejected.map((r) => [r.file, r.rows])).toEqual([[existingName('evaluations'), 1]]);
		expect(rejected[0].csv).toContain('hors-domaine: La valeur «\u202f9\u202f»');
	});

	it('leaves the tables the batch does not hold as they are', async () => {
		const ml = csv('ml.csv', 'ml_id;nom;departement_code\nML-2A-01;Mission Locale d’Ajaccio;2A\n');
		const outcome = await importFiles([ml], 'merge');
		expect(outcome.tables).toEqual({
			missions_locales: 4,
			evaluations: 4,
			labellisation: 0,
			chiffres_cles: 0,
			actions: 0,
			constats: 0
		});
	});
});
