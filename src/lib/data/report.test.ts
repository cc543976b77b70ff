import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { tableSpec, type ColumnSpec } from './contract';
import { findReferences } from './references';
import { cappedNotice } from './rejected';
import { ISSUES_COLUMNS, summarizeIssues, unreadableFile } from './report';
import type { Finding } from './rules';

// How a file's findings become its report, on real DuckDB: the validation tests reach this only
// through whole files, too slowly to run against each of its mutants.
let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
});
afterAll(() => db.close());

const header = ['ml_id', 'campagne', 'niveau', 'remarque'];
const niveau = tableSpec('evaluations').columns.find((c) => c.name === 'niveau')!;
const context = { header, specs: new Map<number, ColumnSpec>([[2, niveau]]) };
const missing = (n: number): Finding[] =>
	Array.from({ length: n }, () => ({
		rule: 'controle-impossible',
		line: null,
		column: 'ml_id',
		value: null,
		detail: 'missions_locales'
	}));

describe('summarizeIssues', () => {
	it('counts every finding, keeps the first of each rule up to the limit, and says when it cut', async () => {
		const cut = await summarizeIssues(db, 'e.csv', null, context, missing(3), 2);
		expect(cut).toMatchObject({ counts: { 'controle-impossible': 3 }, errors: 0, warnings: 3, truncated: true });
		expect(cut.issues).toHaveLength(2);
		const all = await summarizeIssues(db, 'e.csv', null, context, missing(3), 3);
		expect(all).toMatchObject({ counts: { 'controle-impossible': 3 }, truncated: false, errorLines: [] });
		expect(all.issues).toHaveLength(3);
	});

	it('orders issues by line, then by column as in the header, then by rule, each with its column’s expectation', async () => {
		await db.exec(`CREATE OR REPLACE TABLE t_issues (${ISSUES_COLUMNS});
			INSERT INTO t_issues VALUES
				('hors-domaine', 3, 1, '1999', NULL),
				('type-invalide', 4, 2, 'x', NULL),
				('type-invalide', 2, 2, 'trois', NULL),
				('valeur-manquante', 4, 2, NULL, NULL),
				('valeur-manquante', 2, 0, NULL, NULL),
				('doublon', 2, NULL, '(ML-1)', '1');`);
		const extra: Finding[] = [{ rule: 'colonnes-en-trop', line: 1, column: 'remarque', value: null, detail: null }];
		const s = await summarizeIssues(db, 'e.csv', 't_issues', context, extra, 100);
		expect(s.issues.map((i) => [i.line, i.column, i.rule])).toEqual([
			[1, 'remarque', 'colonnes-en-trop'],
			[2, null, 'doublon'],
			[2, 'ml_id', 'valeur-manquante'],
			[2, 'niveau', 'type-invalide'],
			[3, 'campagne', 'hors-domaine'],
			[4, 'niveau', 'valeur-manquante'],
			[4, 'niveau', 'type-invalide']
		]);
		expect(s.issues[3].message).toContain('doit être un entier de 1 à 4');
		expect(s.issues[4].message).toContain('doit être valide');
		expect(s).toMatchObject({ errors: 6, warnings: 1, errorLines: [2, 3, 4], truncated: false });
		expect(s.counts).toEqual({
			'colonnes-en-trop': 1,
			'hors-domaine': 1,
			'type-invalide': 2,
			'valeur-manquante': 2,
			doublon: 1
		});
	});
});

describe('unreadableFile', () => {
	it('reports a file that could not be opened as one error, neither readable nor committable', () => {
		const r = unreadableFile('absent.csv', 'fichier introuvable');
		expect(r).toEqual({
			file: 'absent.csv',
			readable: false,
			format: null,
			table: null,
			rows: 0,
			encoding: null,
			delimiter: null,
			decimalSeparator: null,
			header: [],
			columns: [],
			counts: { 'fichier-illisible': 1 },
			errors: 1,
			warnings: 0,
			issues: [
				{
					file: 'absent.csv',
					line: null,
					column: null,
					rule: 'fichier-illisible',
					message: 'Le fichier ne peut pas être lu\u202f: fichier introuvable.',
					severity: 'error'
				}
			],
			truncated: false,
			errorLines: [],
			committable: false,
			replacedRows: 0,
			staging: null
		});
	});
});

describe('findReferences', () => {
	const ids = async (q: Parameters<Database['query']>[0] | null) =>
		q ? (await db.query<{ id: string }>(q)).map((r) => r.id).sort() : null;

	it('checks against the reference tables present with the columns it reads, and skips the others', async () => {
		await db.exec(`CREATE OR REPLACE TABLE criteria AS SELECT '1.1' AS criterion_id;
			CREATE OR REPLACE TABLE elements AS SELECT '1.1.A' AS element_id;
			CREATE OR REPLACE TABLE departements AS SELECT '2a' AS departement_code;
			DROP TABLE IF EXISTS missions_locales;`);
		const refs = await findReferences(db, []);
		expect(await ids(refs.criteria)).toEqual(['1.1']);
		// `elements` lacks `criterion_id`: no element check rather than a failing one.
		expect(refs.elements).toBeNull();
		expect(await ids(refs.departements)).toEqual(['2A']);
		expect(refs.missionsLocales).toBeNull();
	});

	it('takes ML ids from every missions_locales file of the batch before the network', async () => {
		await db.exec(`CREATE OR REPLACE TABLE elements AS SELECT '1.1.A' AS element_id, '1.1' AS criterion_id;
			CREATE OR REPLACE TABLE missions_locales AS SELECT 'ML-NET' AS ml_id;
			CREATE OR REPLACE TABLE batch_a AS SELECT 'ML-A' AS ml_id;
			CREATE OR REPLACE TABLE batch_b AS SELECT 'ML-B' AS ml_id;`);
		const refs = await findReferences(db, ['batch_a', 'batch_b']);
		expect(await ids(refs.missionsLocales)).toEqual(['ML-A', 'ML-B']);
		expect(await db.query(refs.elements!)).toEqual([{ id: '1.1.a', criterion_id: '1.1' }]);
		expect(await ids((await findReferences(db, [])).missionsLocales)).toEqual(['ML-NET']);
	});
});

describe('cappedNotice', () => {
	it('says how many rows a capped rejected-rows file leaves out, in the singular for one', () => {
		expect(cappedNotice(100_000, 100_000)).toBeNull();
		expect(cappedNotice(100_000, 250_000)).toBe(
			'Ce fichier ne contient que les 100\u00a0000 premières lignes en erreur sur 250\u00a0000 (limite du fichier des lignes ' +
				'rejetées). Pour les 150\u00a0000 autres, corrigez celles-ci puis contrôlez le fichier à nouveau, ou listez-les ' +
				'toutes avec «\u202fnpm run validate -- <fichier> --max 250000\u202f».'
		);
		expect(cappedNotice(100_000, 100_001)).toContain('Pour l’autre, corrigez');
		expect(cappedNotice(1, 3)).toContain('que la première ligne en erreur sur 3');
	});
});
