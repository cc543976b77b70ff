import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { commitTables } from './commit';
import { validateFiles } from './validate';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
});
afterEach(() => db.close());

const text = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });
const rows = (table: string) => db.query({ sql: `SELECT * FROM ${table}`, params: [] });

describe('reading CSV as French spreadsheets write it', () => {
	it('reads Excel’s Windows-1252 « CSV (séparateur : point-virgule) » with accents and decimal commas', async () => {
		const report = await validateFiles(db, [fixture('missions_locales-windows-1252.csv')]);
		expect(report.issues).toEqual([]);
		expect(report.files[0]).toMatchObject({ encoding: 'windows-1252', delimiter: ';', decimalSeparator: ',', rows: 3 });
		await commitTables(db, report);
		expect(await rows('missions_locales')).toEqual([
			expect.objectContaining({ nom: 'Mission Locale de l’Ain', departement_code: '01', effectif_etp: 43.5 }),
			expect.objectContaining({ nom: 'Mission Locale d’Ajaccio', departement_code: '2A', statut: 'gip', effectif_etp: 12.75 }),
			expect.objectContaining({ commune: 'Pointe-à-Pitre', statut: 'association', effectif_etp: 1032.5 })
		]);
	});

	it('reads UTF-8 with a byte order mark and CRLF, accented headers and enum spellings', async () => {
		const report = await validateFiles(db, [fixture('missions_locales.csv')]);
		expect(report.issues).toEqual([]);
		const [file] = report.files;
		expect(file).toMatchObject({ encoding: 'utf-8', delimiter: ';', decimalSeparator: ',' });
		expect(file.columns.find((c) => c.name === 'departement_code')?.header).toBe('Département_code');
		await commitTables(db, report);
		const ml = await rows('missions_locales');
		expect(ml.map((r) => [r.ml_id, r.nom, r.statut, r.effectif_etp])).toEqual([
			['ML-01-01', 'Mission Locale de Bourg-en-Bresse', 'association', 43.5],
			['ML-75-01', 'Mission Locale de Paris; siège', 'gip', 120],
			['ML-971-01', 'Mission Locale de Pointe-à-Pitre', 'association', 32.5]
		]);
	});

	it('stores `Auto-évaluation` as `auto-evaluation` and French dates as dates', async () => {
		await commitTables(db, await validateFiles(db, [fixture('evaluations.csv')]));
		const [first, , , last] = await rows('evaluations');
		expect(first).toMatchObject({ phase: 'auto-evaluation', niveau: 3, date: '2024-03-15', element_id: null });
		expect(last).toMatchObject({ ml_id: 'ML-75-01', niveau: null });
	});

	it('counts a record with quoted line breaks as one line', async () => {
		const report = await validateFiles(db, [fixture('labellisation-sauts-de-ligne.csv')]);
		// The last record starts on physical line 8 but is the 5th row a spreadsheet shows.
		expect(report.issues.map((i) => [i.rule, i.line, i.column])).toEqual([
			['hors-domaine', 5, 'etape'],
			['type-invalide', 5, 'date']
		]);
		await commitTables(db, report);
		const steps = await rows('labellisation');
		expect(steps).toHaveLength(3);
		expect(steps[2]).toMatchObject({
			date: '2024-12-12',
			commentaire: 'Label accordé\npar la Commission nationale, "sans réserve"\n(décision du 12/12)'
		});
	});

	it('keeps line breaks inside quoted cells as written, CR and CRLF included, in a file mixing line breaks', async () => {
		// LF between records but one CRLF: only the breaks between records are made uniform.
		const csv =
			'ml_id,etape,date,commentaire\n' +
			'ML-01-01,inscription,2024-01-15,"un\rdeux"\r\n' +
			'ML-01-01,audit,2024-06-15,"trois\r\nquatre\ncinq"\n' +
			'ML-75-01,inscription,2024-01-20,fin\n';
		const report = await validateFiles(db, [text('labellisation.csv', csv)]);
		expect(report.issues).toEqual([]);
		await commitTables(db, report);
		expect((await rows('labellisation')).map((r) => r.commentaire)).toEqual(['un\rdeux', 'trois\r\nquatre\ncinq', 'fin']);
	});

	it('reads every row of a file whose header holds a quoted line break of another kind than its records’ (fuzz seed 447116633)', async () => {
		// DuckDB guessed the record separator from the header's CR and then read no row at all.
		const csv = 'ml_id,etape,date,"comm\rentaire"\nML-01-01,inscription,2024-01-15,"a\rb"\nML-75-01,inscription,2024-01-20,c\n';
		const report = await validateFiles(db, [text('labellisation.csv', csv)]);
		expect(report.issues.map((i) => [i.rule, i.column])).toEqual([['colonnes-en-trop', 'comm\rentaire']]);
		await commitTables(db, report);
		expect((await rows('labellisation')).map((r) => r.ml_id)).toEqual(['ML-01-01', 'ML-75-01']);
	});

	it('refuses a tab after a closing quote, or before an opening one, as DuckDB reads them', async () => {
		const csv = [
			'ml_id,etape,date,commentaire',
			'ML-01-01,inscription,2024-01-15,"a"\t',
			'ML-01-01,audit,2024-06-15,\t"b,c"',
			'ML-75-01,inscription,2024-01-20, "d"'
		].join('\n');
		const report = await validateFiles(db, [text('labellisation.csv', csv)]);
		expect(report.issues.map((i) => [i.rule, i.line])).toEqual([
			['ligne-mal-formee', 2],
			['ligne-mal-formee', 3]
		]);
		await commitTables(db, report, { excludeErrorRows: true });
		expect((await rows('labellisation')).map((r) => r.commentaire)).toEqual(['d']);
	});

	it('keeps spreadsheet line numbers after blank and malformed lines', async () => {
		const csv = [
			'ml_id,campagne,phase,critere_id,element_id,niveau,date',
			'ML-01-01,2024,audit,1.1,,3,',
			'',
			'ML-01-01,2024,audit,1.2,,3,,de trop',
			'ML-01-01,2024,audit,2.1,,9,'
		].join('\r\n');
		const report = await validateFiles(db, [text('evaluations.csv', csv)]);
		expect(report.issues.map((i) => [i.rule, i.line])).toEqual([
			['ligne-mal-formee', 4],
			['hors-domaine', 5]
		]);
		expect(report.files[0].rows).toBe(3);
	});

	it('ignores rows whose cells are all empty, as Excel writes them below a table, keeping line numbers', async () => {
		const header = 'ml_id;campagne;phase;critere_id;element_id;niveau;date';
		const csv = (lines: string[]) => [header, ...lines].join('\r\n') + '\r\n';
		const good = 'ML-01-01;2024;audit;1.1;;3;';
		const bad = 'ML-01-01;2024;audit;2.1;;9;';
		const plain = await validateFiles(db, [text('evaluations.csv', csv([good, ';;;;;;', bad, ';;;;;;', ' ; ;;;;;']))]);
		expect(plain.issues.map((i) => [i.rule, i.line])).toEqual([['hors-domaine', 4]]);
		expect(plain.files[0].rows).toBe(2);
		// With a blank and a malformed line before them, lines are numbered another way: same outcome.
		const skipping = await validateFiles(db, [
			text('evaluations.csv', csv([good, '', ';;;;;;', 'ML-01-01;2024;audit;1.2;;3;;de trop', bad, ';;;;;;']))
		]);
		expect(skipping.issues.map((i) => [i.rule, i.line])).toEqual([
			['ligne-mal-formee', 5],
			['hors-domaine', 6]
		]);
		expect(skipping.files[0].rows).toBe(3);
		const onlyEmpty = await validateFiles(db, [text('evaluations.csv', csv([';;;;;;', ';;;;;;']))]);
		expect(onlyEmpty.issues.map((i) => i.rule)).toEqual(['fichier-vide']);
	});

	it('says nothing of unnamed columns without a value (Excel’s trailing `;;`), and warns of one with values', async () => {
		const header = 'ml_id;campagne;phase;critere_id;element_id;niveau;date;;';
		const empty = await validateFiles(db, [text('evaluations.csv', `${header}\nML-01-01;2024;audit;1.1;;3;;;\n`)]);
		expect(empty.issues).toEqual([]);
		const filled = await validateFiles(db, [text('evaluations.csv', `${header}\nML-01-01;2024;audit;1.1;;3;;;note\n`)]);
		expect(filled.issues.map((i) => [i.rule, i.column])).toEqual([['colonnes-en-trop', '(sans nom)']]);
	});

	it('reads numbers with thousands separators and integers written as decimals', async () => {
		const csv = 'ml_id;annee;jeunes_accompagnes;premiers_accueils\nML-01-01;2023;4\u00a0016;1 435,0\n';
		const report = await validateFiles(db, [text('chiffres_cles.csv', csv)]);
		expect(report.issues).toEqual([]);
		await commitTables(db, report);
		expect(await rows('chiffres_cles')).toEqual([
			expect.objectContaining({ jeunes_accompagnes: 4016, premiers_accueils: 1435, pacea: null })
		]);
	});

	it('pads a one-digit département code and says so', async () => {
		const report = await validateFiles(db, [fixture('departement-complete.csv')]);
		expect(report.issues[0].message).toBe('Le code département «\u202f1\u202f» est lu «\u202f01\u202f».');
		await commitTables(db, report);
		expect((await rows('missions_locales'))[0].departement_code).toBe('01');
	});
});

describe('reading Parquet through the same path', () => {
	it('validates and commits a typed Parquet file', async () => {
		const report = await validateFiles(db, [fixture('evaluations.parquet')]);
		expect(report.issues).toEqual([]);
		expect(report.files[0]).toMatchObject({ format: 'parquet', table: 'evaluations', rows: 4, encoding: null });
		await commitTables(db, report);
		const evaluations = await rows('evaluations');
		expect(evaluations.map((r) => r.niveau)).toEqual([3, 2, 4, null]);
		expect(evaluations[0].date).toBe('2024-03-15');
	});

	it('reports a Parquet row with the same rules and line numbering (first row = line 2)', async () => {
		const report = await validateFiles(db, [fixture('evaluations-invalide.parquet')]);
		expect(report.issues.map((i) => [i.rule, i.line, i.column, i.message])).toEqual([
			['hors-domaine', 4, 'niveau', 'La valeur «\u202f7.0\u202f» de la colonne «\u202fniveau\u202f» doit être un entier de 1 à 4.']
		]);
	});

	/** A Parquet file written by DuckDB from `select`, with the column types it gives. */
	async function parquet(name: string, select: string) {
		const dir = mkdtempSync(join(tmpdir(), 'parquet-'));
		try {
			await db.exec(`COPY (${select}) TO '${join(dir, name)}' (FORMAT parquet)`);
			return { name, bytes: new Uint8Array(readFileSync(join(dir, name))) };
		} finally {
			rmSync(dir, { recursive: true });
		}
	}

	it('types numbers and dates from the file’s own column types exactly as from their text', async () => {
		const file = await parquet(
			'evaluations.parquet',
			`SELECT * FROM (VALUES
				('ML-01-01', 2024::SMALLINT, 'audit', '1.1', NULL, 3.0::DOUBLE, TIMESTAMP '2024-03-15 00:00:00'),
				('ML-01-01', 2024::SMALLINT, 'audit', '1.2', NULL, 2.5::DOUBLE, TIMESTAMP '2024-03-15 10:30:00'),
				('ML-01-01', 2024::SMALLINT, 'audit', '2.1', NULL, 99999999999::DOUBLE, NULL),
				('ML-75-01', 2024::SMALLINT, 'audit', '1.1', NULL, 4.0::DOUBLE, TIMESTAMP '2023-01-02 00:00:00')
			) t(ml_id, campagne, phase, critere_id, element_id, niveau, date)`
		);
		const report = await validateFiles(db, [file]);
		expect(report.issues.map((i) => [i.rule, i.line, i.column, i.message])).toEqual([
			['type-invalide', 3, 'niveau', expect.stringContaining('«\u202f2.5\u202f»')],
			['type-invalide', 3, 'date', expect.stringContaining('«\u202f2024-03-15 10:30:00\u202f»')],
			['type-invalide', 4, 'niveau', expect.stringContaining('«\u202f99999999999.0\u202f»')],
			['date-hors-campagne', 5, 'date', 'La date «\u202f2023-01-02 00:00:00\u202f» n’est pas dans l’année de la campagne 2024.']
		]);
		await commitTables(db, report);
		expect((await rows('evaluations')).map((r) => [r.campagne, r.niveau, r.date])).toEqual([
			[2024, 3, '2024-03-15'],
			[2024, 4, '2023-01-02']
		]);
	});

	it('reads a département written as a number, and decimals, from their values', async () => {
		const file = await parquet(
			'missions_locales.parquet',
			`SELECT 'ML-01-01' AS ml_id, 'Mission Locale de l’Ain' AS nom, 1 AS departement_code,
				'Bourg-en-Bresse' AS commune, 'association' AS statut, 43.5::DECIMAL(6, 2) AS effectif_etp`
		);
		const report = await validateFiles(db, [file]);
		expect(report.issues.map((i) => i.message)).toEqual(['Le code département «\u202f1\u202f» est lu «\u202f01\u202f».']);
		await commitTables(db, report);
		expect(await rows('missions_locales')).toEqual([
			expect.objectContaining({ departement_code: '01', effectif_etp: 43.5 })
		]);
	});
});
