import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { commitTables } from './commit';
import { rejectedRows } from './rejected';
import { validateFiles } from './validate';

// The two optional tables (improvement plans, audit findings) go through the same validation path
// as the four others: these tests pin their rules, messages, casting and rejected rows.
let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
});
afterEach(() => db.close());

const validate = (...names: string[]) => validateFiles(db, names.map(fixture));
const rows = (sql: string) => db.query<Record<string, unknown>>({ sql, params: [] });

describe('the actions and constats tables', () => {
	it('recognises them by their columns and reads clean files without any issue', async () => {
		const report = await validate('actions.csv', 'constats.csv');
		expect(report.issues).toEqual([]);
		expect(report.files.map((f) => [f.table, f.rows, f.committable])).toEqual([
			['actions', 3, true],
			['constats', 3, true]
		]);
	});

	it('stores statuses and finding types in canonical spelling, dates as dates, text as written', async () => {
		await commitTables(db, await validate('actions.csv', 'constats.csv'));
		expect(
			await rows(`SELECT statut, strftime(echeance, '%Y-%m-%d') AS echeance, date_maj IS NULL AS sans_maj, libelle
				FROM actions ORDER BY echeance`)
		).toEqual([
			{ statut: 'en-cours', echeance: '2024-03-31', sans_maj: true, libelle: '<b>Former</b> l’équipe' },
			{ statut: 'realisee', echeance: '2024-06-30', sans_maj: false, libelle: 'Formaliser la procédure d’accueil' },
			{ statut: 'prevue', echeance: '2026-12-31', sans_maj: false, libelle: 'Mettre en place un tableau de suivi' }
		]);
		expect((await rows('SELECT type FROM constats ORDER BY ml_id, critere_id')).map((r) => r.type)).toEqual([
			'point-fort',
			'axe-de-progres',
			'axe-de-progres'
		]);
	});

	it('rejects a bad action with a French message per rule, line and column', async () => {
		const report = await validate('actions-invalide.csv');
		expect(report.issues.map((i) => [i.line, i.column, i.rule])).toEqual([
			[2, 'statut', 'hors-domaine'],
			[3, 'echeance', 'type-invalide'],
			[4, 'critere_id', 'id-inconnu'],
			[5, 'libelle', 'valeur-manquante'],
			[6, null, 'doublon']
		]);
		expect(report.issues[0].message).toBe(
			'La valeur «\u202fterminée\u202f» de la colonne «\u202fstatut\u202f» doit être l’une des valeurs prevue, en-cours, realisee, abandonnee.'
		);
	});

	it('rejects a bad finding with a French message per rule, line and column', async () => {
		const report = await validate('constats-invalide.csv');
		expect(report.issues.map((i) => [i.line, i.column, i.rule])).toEqual([
			[2, 'type', 'hors-domaine'],
			[3, 'campagne', 'hors-domaine'],
			[4, 'texte', 'valeur-manquante'],
			[5, 'ml_id', 'id-inconnu']
		]);
		expect(report.issues[0].message).toBe(
			'La valeur «\u202fremarque\u202f» de la colonne «\u202ftype\u202f» doit être l’une des valeurs point-fort, axe-de-progres.'
		);
	});

	it('commits the clean rows of a faulty file and gives its rejected rows back as written', async () => {
		const report = await validate('actions-invalide.csv');
		// Lines 2 to 6 each break a rule; line 7 is clean.
		const rejected = await rejectedRows(db, report, 'actions-invalide.csv');
		expect(rejected.rows.map((r) => r.ligne)).toEqual(['2', '3', '4', '5', '6']);
		expect(await commitTables(db, report)).toEqual([{ table: 'actions', rows: 1, files: ['actions-invalide.csv'] }]);
	});
});
