import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { RULE_CODES, type RuleCode } from './rules';
import { discardStaging, validateFiles } from './validate';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
});
afterEach(() => db.close());

const validate = (...names: string[]) => validateFiles(db, names.map(fixture));

/** [fixture, rule, line, column as written]: every fixture of tests/fixtures/data named after a rule. */
const CASES: [string, RuleCode, number | null, string | null][] = [
	['vide.csv', 'fichier-vide', null, null],
	['fichier-vide.csv', 'fichier-vide', null, null],
	['classeur.xlsx', 'fichier-illisible', null, null],
	['table-inconnue.csv', 'table-inconnue', 1, null],
	['colonne-manquante.csv', 'colonne-manquante', 1, 'phase'],
	['colonne-en-double.csv', 'colonne-en-double', 1, 'Nom'],
	['ligne-mal-formee.csv', 'ligne-mal-formee', 3, null],
	['valeur-manquante.csv', 'valeur-manquante', 3, 'ml_id'],
	['type-invalide.csv', 'type-invalide', 2, 'niveau'],
	['type-invalide.csv', 'type-invalide', 3, 'date'],
	['hors-domaine.csv', 'hors-domaine', 2, 'niveau'],
	['hors-domaine.csv', 'hors-domaine', 3, 'phase'],
	['id-inconnu.csv', 'id-inconnu', 2, 'ml_id'],
	['id-inconnu.csv', 'id-inconnu', 3, 'critere_id'],
	['id-inconnu.csv', 'id-inconnu', 4, 'element_id'],
	['id-inconnu-departement.csv', 'id-inconnu', 3, 'departement_code'],
	['element-hors-critere.csv', 'element-hors-critere', 2, 'element_id'],
	['doublon.csv', 'doublon', 4, null],
	['doublon.csv', 'doublon', 5, null],
	['colonnes-en-trop.csv', 'colonnes-en-trop', 1, 'commentaire_libre'],
	['premiers-accueils-superieurs.csv', 'premiers-accueils-superieurs', 2, 'premiers_accueils'],
	['date-hors-campagne.csv', 'date-hors-campagne', 2, 'date'],
	['departement-complete.csv', 'departement-complete', 2, 'departement_code']
];

describe('validateFiles: one fixture per rule', () => {
	it.each(CASES)('%s triggers %s on line %s, column %s', async (name, rule, line, column) => {
		const report = await validate(name);
		expect(report.issues).toContainEqual(expect.objectContaining({ file: name, rule, line, column }));
		// Each fixture is otherwise clean: it triggers its own rule only.
		expect(new Set(report.issues.map((i) => i.rule))).toEqual(new Set([rule]));
	});

	// `encodage-mixte` is covered by the corpus of bad files (corpus.test.ts).
	it('covers every rule with a fixture or a test of its own', () => {
		const covered = new Set<string>([...CASES.map((c) => c[1]), 'lignes-remplacees', 'controle-impossible', 'encodage-mixte']);
		expect(RULE_CODES.filter((r) => !covered.has(r))).toEqual([]);
	});

	it('phrases messages in French, naming the value, the column and the rule', async () => {
		const [issue] = (await validate('hors-domaine.csv')).issues;
		expect(issue).toEqual({
			file: 'hors-domaine.csv',
			line: 2,
			column: 'niveau',
			rule: 'hors-domaine',
			message: 'La valeur «\u202f5\u202f» de la colonne «\u202fniveau\u202f» doit être un entier de 1 à 4.',
			severity: 'error'
		});
	});

	it('names the first line of a duplicate key, in canonical spelling', async () => {
		const issue = (await validate('doublon.csv')).issues.find((i) => i.line === 5);
		expect(issue?.message).toBe(
			'Cette ligne répète la clé (ml_id ML-01-01, campagne 2024, phase auto-evaluation, critere_id 1.1, element_id vide) de la ligne 2\u202f: elle doit être unique.'
		);
	});

	it('reports impossible dates as type errors', async () => {
		const issue = (await validate('type-invalide.csv')).issues.find((i) => i.column === 'date');
		expect(issue?.message).toContain('«\u202f31/02/2024\u202f»');
	});

	it('reads clean files without any issue', async () => {
		const report = await validate('missions_locales.csv', 'evaluations.csv', 'chiffres_cles.csv');
		expect(report.issues).toEqual([]);
		expect(report.files.map((f) => [f.table, f.rows, f.committable])).toEqual([
			['missions_locales', 3, true],
			['evaluations', 4, true],
			['chiffres_cles', 2, true]
		]);
	});

	it('marks warnings as such and keeps error lines for the UI', async () => {
		const report = await validate('type-invalide.csv', 'departement-complete.csv');
		expect(report.files[0].errorLines).toEqual([2, 3]);
		expect(report.files[1].errorLines).toEqual([]);
		expect([report.errors, report.warnings]).toEqual([2, 1]);
	});

	it('takes a file’s table from the options when its columns cannot tell', async () => {
		const csv = { name: 'export.csv', bytes: new TextEncoder().encode('ml_id,date\nML-01-01,2024-01-15\n') };
		expect((await validateFiles(db, [csv])).issues.map((i) => i.rule)).toEqual(['table-inconnue']);
		const forced = await validateFiles(db, [csv], { tables: { 'export.csv': 'labellisation' } });
		expect(forced.issues.map((i) => [i.rule, i.column])).toEqual([['colonne-manquante', 'etape']]);
	});

	it('answers a file named after its table whose header holds none of its columns (found by fuzzing)', async () => {
		// Once a DuckDB « Parser Error » escaped: no column, so no check, so an empty INSERT.
		const report = await validateFiles(db, [{ name: 'evaluations.csv', bytes: new Uint8Array([1]) }]);
		expect(report.files[0].table).toBe('evaluations');
		expect(report.issues.map((i) => [i.rule, i.column])).toEqual([
			['fichier-vide', null],
			['colonne-manquante', 'ml_id'],
			['colonne-manquante', 'campagne'],
			['colonne-manquante', 'phase'],
			['colonne-manquante', 'critere_id'],
			['colonnes-en-trop', '\u0001']
		]);
	});

	it('reads a CSV with NUL bytes and carriage returns inside quotes as DuckDB does (fuzz seed 447116633)', async () => {
		// The scan let a tab through after the header's closing quote; DuckDB then read no row at all,
		// and the file was refused as unreadable. Now the scan refuses that header itself, and without
		// the tab every record is read: the three clean ones kept, the ones with NUL bytes rejected.
		const body =
			'\r\n"2\r024-12-12","p(M0!Uc \r\t ",""\r\n"\'\\",' +
			'"9999999999999999999999999999999999999999"," \rKW@A,>wkvq{S"\r\n"","\u0000€R3\ufeff\\Td*\r\n2xz{+|\r","\u0000"\r\n' +
			'"2024-12-12","N:lB3r\t\ufeffjWBbd)z1d|8 ","«;\'4>H!H$""€"\r\n';
		const tables = async () =>
			(await db.query<{ n: number }>({ sql: `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'staging%'`, params: [] }))[0].n;
		const file = (header: string) => ({ name: 'export.csv', bytes: new TextEncoder().encode(header + body) });
		const refused = await validateFiles(db, [file('"date","commentaire",",S;!H\r\n"\t')]);
		expect(refused.issues.map((i) => i.rule)).toEqual(['fichier-illisible']);
		expect(refused.issues[0].message).toContain('texte après un guillemet fermant');
		await discardStaging(db, refused);
		expect(await tables()).toBe(0);
		const options = { tables: { 'export.csv': 'labellisation' as const } };
		const read = await validateFiles(db, [file('"date","commentaire","etape\r\n"')], options);
		expect(read.issues.filter((i) => i.rule === 'ligne-mal-formee').map((i) => i.line)).toEqual([4, 5, 6]);
		expect(read.issues.map((i) => i.rule)).not.toContain('fichier-illisible');
		expect(read.files[0].rows).toBe(6);
		await discardStaging(db, read);
		expect(await tables()).toBe(0);
	});

	it('tells a file-level error from row errors', async () => {
		const report = await validate('colonne-manquante.csv', 'type-invalide.csv');
		expect(report.files.map((f) => f.committable)).toEqual([false, true]);
	});
});

describe('validateFiles: how each file was read', () => {
	it('says whether a file could be read, and how: format, encoding, delimiter and decimal separator', async () => {
		const text = 'ml_id;nom;departement;effectif_etp\nML-01-01;Ain;01;12,5\n';
		// « Orléans » as Excel writes it on French Windows: é is one byte, 0xE9.
		const latin = Uint8Array.from(text.replace('Ain', 'Orléans'), (c) => c.charCodeAt(0));
		const report = await validateFiles(db, [
			{ name: 'ml.csv', bytes: new TextEncoder().encode(text) },
			{ name: 'ml-1252.csv', bytes: latin },
			fixture('classeur.xlsx')
		]);
		const read = report.files.map((f) => [f.file, f.readable, f.format, f.encoding, f.delimiter, f.decimalSeparator]);
		expect(read).toEqual([
			['ml.csv', true, 'csv', 'utf-8', ';', ','],
			['ml-1252.csv', true, 'csv', 'windows-1252', ';', ','],
			['classeur.xlsx', false, null, null, null, null]
		]);
		expect(report.unreadable).toBe(true);
	});

	it('counts the rows a later file replaces as one warning of the earlier file', async () => {
		const report = await validate('evaluations.csv', 'evaluations-correctif.csv');
		expect(report.files.map((f) => [f.warnings, f.counts['lignes-remplacees']])).toEqual([
			[1, 1],
			[0, undefined]
		]);
		expect(report.warnings).toBe(1);
	});
});

describe('validateFiles: reference lookups', () => {
	it('looks ML ids up in the batch’s missions_locales file before the network in the database', async () => {
		const evaluations = fixture('evaluations.csv');
		// evaluations.csv uses ML-01-01 and ML-75-01; this batch's ML file knows only ML-01-01.
		const ml = { name: 'ml.csv', bytes: new TextEncoder().encode('ml_id;nom;departement_code\nML-01-01;A;01\n') };
		const report = await validateFiles(db, [evaluations, ml]);
		expect(report.issues.map((i) => [i.rule, i.line, i.column])).toEqual([['id-inconnu', 5, 'ml_id']]);
	});

	it('quotes unknown ids as written, whether or not they are spelled as typed', async () => {
		// Staging keeps a cell spelled as its typed value only in its typed column (`typedAsWritten`).
		const csv = 'ml_id;campagne;phase;critere_id;element_id;niveau\nML-99-99;2024;audit;1.1;;3\nML-01-01;2024;Audit; 9.9 ;;3\n';
		const report = await validateFiles(db, [{ name: 'e.csv', bytes: new TextEncoder().encode(csv) }]);
		expect(report.issues.map((i) => i.message.match(/«\u202f[^»]*\u202f»/)?.[0])).toEqual(['«\u202fML-99-99\u202f»', '«\u202f 9.9 \u202f»']);
	});

	it('warns once per column when a reference table is missing', async () => {
		const bare = await openNodeDatabase();
		const report = await validateFiles(bare, [fixture('evaluations.csv')]);
		expect(report.issues.map((i) => [i.rule, i.column])).toEqual([
			['controle-impossible', 'ml_id'],
			['controle-impossible', 'critere_id'],
			['controle-impossible', 'element_id']
		]);
		expect(report.errors).toBe(0);
		await bare.close();
	});
});

describe('validateFiles: large broken files', () => {
	it('keeps exact counts per rule but only the first examples', async () => {
		const rows = Array.from({ length: 5000 }, (_, i) => `ML-01-01,2024,audit,1.1,,${5 + i},2024-06-30`);
		const text = ['ml_id,campagne,phase,critere_id,element_id,niveau,date', ...rows].join('\n');
		const file = { name: 'gros.csv', bytes: new TextEncoder().encode(text) };
		const report = await validateFiles(db, [file], { maxIssuesPerRule: 3 });
		expect(report.counts).toEqual({ 'hors-domaine': 5000, doublon: 4999 });
		expect(report.issues.filter((i) => i.rule === 'hors-domaine').map((i) => i.line)).toEqual([2, 3, 4]);
		expect(report.files[0].truncated).toBe(true);
		expect(report.files[0].errorLines).toHaveLength(5000);
	});
});

describe('validateFiles: what a batch leaves behind', () => {
	const staged = async () =>
		(
			await db.query<{ name: string }>({
				sql: `SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'staging%'
					UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name LIKE 'staging%'`,
				params: []
			})
		).map((t) => t.name);

	it('keeps nothing staged of a file it cannot commit for want of a table, and lists no column for it', async () => {
		const report = await validate('classeur.xlsx', 'table-inconnue.csv');
		expect(report.files.map((f) => [f.staging, f.columns])).toEqual([
			[null, []],
			[null, []]
		]);
		expect(report.files[0].header).toEqual([]);
		expect(await staged()).toEqual([]);
	});

	it('checks ML ids against the network when the batch’s missions_locales file lacks its ml_id column', async () => {
		const ml = { name: 'ml.csv', bytes: new TextEncoder().encode('nom;departement_code\nA;01\n') };
		const report = await validateFiles(db, [ml, fixture('evaluations.csv')], { tables: { 'ml.csv': 'missions_locales' } });
		expect(report.issues.map((i) => [i.file, i.rule, i.column])).toEqual([['ml.csv', 'colonne-manquante', 'ml_id']]);
	});
});

describe('validateFiles: checks of a file missing some columns', () => {
	const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
	const found = async (file: { name: string; bytes: Uint8Array }, table: 'evaluations' | 'chiffres_cles') =>
		(await validateFiles(db, [file], { tables: { [file.name]: table } })).issues.map((i) => [i.rule, i.line, i.column]);

	it('finds duplicate keys without the optional key column or the columns outside the key', async () => {
		const file = csv('e.csv', 'ml_id;campagne;phase;critere_id\nML-01-01;2024;audit;1.1\nML-01-01;2024;audit;1.1\n');
		expect(await found(file, 'evaluations')).toEqual([['doublon', 3, null]]);
	});

	it('refuses a value under its column’s minimum', async () => {
		const file = csv('e.csv', 'ml_id;campagne;phase;critere_id;niveau\nML-01-01;2024;audit;1.1;0\nML-01-01;2019;audit;1.2;1\n');
		expect(await found(file, 'evaluations')).toEqual([
			['hors-domaine', 2, 'niveau'],
			['hors-domaine', 3, 'campagne']
		]);
	});

	it('compares first welcomes with young people followed only when the file holds both', async () => {
		const file = csv('c.csv', 'ml_id;annee;premiers_accueils\nML-01-01;2023;915\n');
		expect(await found(file, 'chiffres_cles')).toEqual([['colonne-manquante', 1, 'jeunes_accompagnes']]);
	});
});
