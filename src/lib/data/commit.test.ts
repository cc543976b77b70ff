import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { commitTables } from './commit';
import { rejectedRows } from './rejected';
import { discardStaging, validateFiles } from './validate';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
});
afterEach(() => db.close());

/** Every table and view of the database. */
const tables = async () => {
	const sql = 'SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal';
	return (await db.query<{ name: string }>({ sql, params: [] })).map((t) => t.name).sort();
};

/** A table's columns and types, in order. */
const columns = async (table: string) =>
	(
		await db.query<{ name: string; type: string }>({
			sql: 'SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index',
			params: [table]
		})
	).map((c) => `${c.name} ${c.type}`);

const EVALUATIONS_COLUMNS = [
	'ml_id VARCHAR',
	'campagne INTEGER',
	'phase VARCHAR',
	'critere_id VARCHAR',
	'element_id VARCHAR',
	'niveau INTEGER',
	'date DATE'
];

/** `db`, recording the statements it runs without results. */
function logging(db: Database) {
	const statements: string[] = [];
	const logged: Database = Object.assign(Object.create(db), {
		exec: (text: string) => (statements.push(text), db.exec(text))
	});
	return { logged, statements };
}

describe('commitTables', () => {
	it('creates the contract’s typed tables and drops the staging tables', async () => {
		const report = await validateFiles(db, [fixture('missions_locales.csv'), fixture('evaluations.csv')]);
		expect(await commitTables(db, report)).toEqual([
			{ table: 'missions_locales', rows: 3, files: ['missions_locales.csv'] },
			{ table: 'evaluations', rows: 4, files: ['evaluations.csv'] }
		]);
		expect(await columns('evaluations')).toEqual(EVALUATIONS_COLUMNS);
		expect((await tables()).filter((t) => t.startsWith('staging_'))).toEqual([]);
	});

	it('commits a clean file by renaming its staging table, in the contract’s columns and order', async () => {
		// Columns out of order, optional ones missing, a blank and an empty line (staging then numbers lines in a column).
		const csv = 'niveau;ml_id;critere_id;phase;campagne\n3;ML-01-01;1.1;audit;2024\n\n;;;;\n;ML-75-01;1.2;audit;2024\n';
		const { logged, statements } = logging(db);
		const report = await validateFiles(logged, [{ name: 'e.csv', bytes: new TextEncoder().encode(csv) }]);
		expect(await commitTables(logged, report)).toEqual([{ table: 'evaluations', rows: 2, files: ['e.csv'] }]);
		expect(statements.filter((s) => s.includes('RENAME TO'))).toHaveLength(1);
		expect(await columns('evaluations')).toEqual(EVALUATIONS_COLUMNS);
		expect(await db.query({ sql: 'SELECT * FROM evaluations', params: [] })).toEqual([
			{ ml_id: 'ML-01-01', campagne: 2024, phase: 'audit', critere_id: '1.1', element_id: null, niveau: 3, date: null },
			{ ml_id: 'ML-75-01', campagne: 2024, phase: 'audit', critere_id: '1.2', element_id: null, niveau: null, date: null }
		]);
		expect((await tables()).filter((t) => t.startsWith('staging_'))).toEqual([]);
	});

	it('copies a clean file with many columns to drop instead (one statement per column)', async () => {
		const trailing = ';'.repeat(50); // Excel's empty columns after a formatted table
		const csv = `ml_id;campagne;phase;critere_id${trailing}\nML-01-01;2024;audit;1.1${trailing}\n`;
		const { logged, statements } = logging(db);
		const report = await validateFiles(logged, [{ name: 'e.csv', bytes: new TextEncoder().encode(csv) }]);
		expect(await commitTables(logged, report)).toEqual([{ table: 'evaluations', rows: 1, files: ['e.csv'] }]);
		expect(statements.filter((s) => s.includes('RENAME TO') || s.includes('DROP COLUMN'))).toEqual([]);
		expect(await columns('evaluations')).toEqual(EVALUATIONS_COLUMNS);
	});

	it('leaves rows with errors out, and files with file-level errors entirely', async () => {
		const { logged, statements } = logging(db);
		const report = await validateFiles(logged, [fixture('type-invalide.csv'), fixture('colonne-manquante.csv')]);
		expect(await commitTables(logged, report)).toEqual([{ table: 'evaluations', rows: 0, files: ['type-invalide.csv'] }]);
		expect(statements.filter((s) => s.includes('RENAME TO'))).toEqual([]);
	});

	it('lets a later file of the batch replace rows with the same key, and reports how many', async () => {
		const report = await validateFiles(db, [fixture('evaluations.csv'), fixture('evaluations-correctif.csv')]);
		expect(report.files[0].replacedRows).toBe(1);
		expect(report.issues).toEqual([
			{
				file: 'evaluations.csv',
				line: null,
				column: null,
				rule: 'lignes-remplacees',
				message: '1 ligne de ce fichier est remplacée par une ligne de même clé du fichier «\u202fevaluations-correctif.csv\u202f».',
				severity: 'warning'
			}
		]);
		await commitTables(db, report);
		const rows = await db.query({
			sql: `SELECT niveau, date FROM evaluations WHERE ml_id = 'ML-01-01' AND element_id = '4.2.1.b'`,
			params: []
		});
		expect(rows).toEqual([{ niveau: 3, date: '2024-07-01' }]);
		expect(await db.query({ sql: 'SELECT count(*)::INTEGER AS n FROM evaluations', params: [] })).toEqual([{ n: 5 }]);
	});

	it('counts only rows a later committable file replaces, naming each later file of the table', async () => {
		const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
		const head = 'ml_id,campagne,phase,critere_id,element_id,niveau,date\n';
		// Other keys: nothing replaced, nothing said.
		const other = csv('evaluations-2025.csv', `${head}ML-75-01,2025,audit,1.2,,2,2025-06-30\n`);
		const apart = await validateFiles(db, [fixture('evaluations.csv'), other]);
		expect(apart.files.map((f) => f.replacedRows)).toEqual([0, 0]);
		expect(apart.counts['lignes-remplacees']).toBeUndefined();
		await discardStaging(db, apart);
		// A later file with a file-level error (a column twice) is not committed: it replaces nothing.
		const doubled = csv('double.csv', `${head.trim()},Niveau\nML-01-01,2024,audit,4.2.1,4.2.1.b,3,2024-07-01,3\n`);
		const refused = await validateFiles(db, [fixture('evaluations.csv'), doubled]);
		expect(refused.files.map((f) => f.committable)).toEqual([true, false]);
		expect(refused.files[0].replacedRows).toBe(0);
		await discardStaging(db, refused);
		// A later file without the optional element_id replaces the row whose element_id is empty.
		const noElement = csv('sans-element.csv', 'ml_id,campagne,phase,critere_id,niveau\nML-01-01,2024,auto-evaluation,1.1,4\n');
		const three = await validateFiles(db, [fixture('evaluations.csv'), fixture('evaluations-correctif.csv'), noElement]);
		expect(three.files.map((f) => f.replacedRows)).toEqual([2, 0, 0]);
		expect(three.issues.find((i) => i.rule === 'lignes-remplacees')?.message).toBe(
			'2 lignes de ce fichier sont remplacées par des lignes de même clé des fichiers «\u202fevaluations-correctif.csv\u202f» et «\u202fsans-element.csv\u202f».'
		);
		await discardStaging(db, three);
	});

	it('commits nothing when asked for all or nothing and the batch has errors', async () => {
		const report = await validateFiles(db, [fixture('type-invalide.csv')]);
		await expect(commitTables(db, report, { excludeErrorRows: false })).rejects.toThrow('2 erreur(s)');
		expect(await tables()).not.toContain('evaluations');
		// A batch without errors is committed whole, all or nothing asked or not (warnings are no errors).
		const clean = await validateFiles(db, [fixture('evaluations.csv')]);
		expect(await commitTables(db, clean, { excludeErrorRows: false })).toEqual([
			{ table: 'evaluations', rows: 4, files: ['evaluations.csv'] }
		]);
	});

	it('keeps the rows of several files in the files’ order, then the lines’, a replaced row where its replacement is', async () => {
		const head = 'ml_id,campagne,phase,critere_id,element_id,niveau\n';
		const keys = Array.from({ length: 12 }, (_, i) => `ML-01-01,2024,audit,${i % 2 ? '1.1' : '1.2'},${i % 2 ? '1.1.a' : '1.2.a'}`);
		const first = keys.map((k, i) => `${k.replace('2024', String(2030 + i))},1`).join('\n');
		const second = [`ML-75-01,2031,audit,2.1,2.1.a,2`, `ML-01-01,2031,audit,1.1,1.1.a,4`, `ML-75-01,2030,audit,1.1,1.1.a,3`].join('\n');
		const report = await validateFiles(db, [
			{ name: 'a.csv', bytes: new TextEncoder().encode(head + first) },
			{ name: 'b.csv', bytes: new TextEncoder().encode(head + second) }
		]);
		expect(report.errors).toBe(0);
		await commitTables(db, report);
		const rows = await db.query<{ ml_id: string; campagne: number; niveau: number }>({
			sql: 'SELECT ml_id, campagne, niveau FROM evaluations',
			params: []
		});
		const a = Array.from({ length: 12 }, (_, i) => ({ ml_id: 'ML-01-01', campagne: 2030 + i, niveau: 1 })).filter(
			(r) => r.campagne !== 2031
		);
		expect(rows).toEqual([
			...a,
			{ ml_id: 'ML-75-01', campagne: 2031, niveau: 2 },
			{ ml_id: 'ML-01-01', campagne: 2031, niveau: 4 },
			{ ml_id: 'ML-75-01', campagne: 2030, niveau: 3 }
		]);
	});

	it('drops up to 40 raw columns to rename a clean file’s staging table, and copies it beyond', async () => {
		// The raw columns beyond the contract's: Excel's empty trailing columns, one each.
		const extra = async (trailing: number) => {
			const fill = ';'.repeat(trailing);
			const text = `ml_id;campagne;phase;critere_id${fill}\nML-01-01;2024;audit;1.1${fill}\n`;
			const { logged, statements } = logging(db);
			const report = await validateFiles(logged, [{ name: 'e.csv', bytes: new TextEncoder().encode(text) }]);
			const staged = await columns(`${report.files[0].staging}_rows`);
			const contract = EVALUATIONS_COLUMNS.map((c) => c.split(' ')[0]);
			const dropped = staged.filter((c) => !contract.includes(c.split(' ')[0])).length;
			await commitTables(logged, report);
			expect(await columns('evaluations')).toEqual(EVALUATIONS_COLUMNS);
			return { dropped, renamed: statements.some((s) => s.includes('RENAME TO')) };
		};
		const results = [];
		for (let trailing = 30; trailing <= 40; trailing++) results.push(await extra(trailing));
		expect(results.some((r) => r.dropped === 40)).toBe(true);
		expect(results.some((r) => r.dropped === 41)).toBe(true);
		for (const r of results) expect(r).toEqual({ dropped: r.dropped, renamed: r.dropped <= 40 });
	});

	it('leaves tables the batch does not hold untouched', async () => {
		await commitTables(db, await validateFiles(db, [fixture('chiffres_cles.csv')]));
		expect(await db.query({ sql: 'SELECT * FROM missions_locales', params: [] })).toHaveLength(3);
	});
});

describe('rejectedRows', () => {
	it('gives the rows with errors as written, with a `motif` column', async () => {
		const report = await validateFiles(db, [fixture('type-invalide.csv'), fixture('hors-domaine.csv')]);
		expect(await rejectedRows(db, report, 'absent.csv')).toEqual({ columns: [], rows: [], total: 0 });
		const { columns, rows } = await rejectedRows(db, report, 'hors-domaine.csv');
		expect(columns).toEqual(['ml_id', 'campagne', 'phase', 'critere_id', 'element_id', 'niveau', 'date', 'ligne', 'motif']);
		expect(rows).toEqual([
			{
				ml_id: 'ML-01-01',
				campagne: '2024',
				phase: 'audit',
				critere_id: '1.1',
				element_id: null,
				niveau: '5',
				date: '2024-06-30',
				ligne: '2',
				motif: 'hors-domaine: La valeur «\u202f5\u202f» de la colonne «\u202fniveau\u202f» doit être un entier de 1 à 4.'
			},
			expect.objectContaining({ phase: 'autoeval', motif: expect.stringMatching(/^hors-domaine: .*«\u202fphase\u202f»/) })
		]);
	});

	it('gives a rejected-rows file read back with its rows once more, its `ligne` and `motif` not doubled', async () => {
		const text = 'ml_id,campagne,phase,critere_id,element_id,niveau,date,ligne,motif\nML-01-01,2024,audit,1.1,,5,2024-06-30,2,x\n';
		const report = await validateFiles(db, [{ name: 'rejets.csv', bytes: new TextEncoder().encode(text) }]);
		const { columns, rows } = await rejectedRows(db, report, 'rejets.csv');
		expect(columns).toEqual(['ml_id', 'campagne', 'phase', 'critere_id', 'element_id', 'niveau', 'date', 'ligne', 'motif']);
		expect(rows).toEqual([expect.objectContaining({ niveau: '5', ligne: '2', motif: expect.stringMatching(/^hors-domaine: /) })]);
	});

	it('gives the first rows only, beyond its limit, and counts them all', async () => {
		// Malformed lines and errors found by SQL both count; the rows stay in the file's order.
		const lines = Array.from({ length: 30 }, (_, i) =>
			i % 3 === 0 ? `ML-01-01,2024,audit,1.1,,3,,de trop ${i}` : `ML-01-01,2024,audit,1.${i},,9,`
		);
		const csv = ['ml_id,campagne,phase,critere_id,element_id,niveau,date', ...lines].join('\n');
		const report = await validateFiles(db, [{ name: 'e.csv', bytes: new TextEncoder().encode(csv) }]);
		const all = await rejectedRows(db, report, 'e.csv');
		expect([all.rows.length, all.total]).toEqual([30, 30]);
		const first = await rejectedRows(db, report, 'e.csv', 7);
		expect(first.total).toBe(30);
		expect(first.rows.map((r) => r.ligne)).toEqual(['2', '3', '4', '5', '6', '7', '8']);
		expect(first.rows[0].motif).toMatch(/^ligne-mal-formee: /);
	});

	it('joins several errors of one row in its motif', async () => {
		const csv = 'ml_id,campagne,phase,critere_id,element_id,niveau,date\nML-01-01,1999,audit,1.1,,0,\n';
		const file = { name: 'e.csv', bytes: new TextEncoder().encode(csv) };
		const { rows } = await rejectedRows(db, await validateFiles(db, [file]), 'e.csv');
		expect(rows[0].motif?.split(' | ').map((m) => m.split(':')[0])).toEqual(['hors-domaine', 'hors-domaine']);
	});

	it('splits a line the reader could not split into its cells, and a corrected file is read back quietly', async () => {
		const csv = 'ml_id;campagne;phase;critere_id;element_id;niveau;date\nML-01-01;2024;audit;1.1;;3;;de trop\n';
		const file = { name: 'e.csv', bytes: new TextEncoder().encode(csv) };
		const { columns, rows } = await rejectedRows(db, await validateFiles(db, [file]), 'e.csv');
		expect(rows).toEqual([
			expect.objectContaining({ ml_id: 'ML-01-01', critere_id: '1.1', niveau: '3', date: null, ligne: '2' })
		]);
		expect(rows[0].motif).toMatch(/^ligne-mal-formee: .*8 champs au lieu des 7/);
		const corrected = [columns.join(';'), 'ML-01-01;2024;audit;1.1;;3;;2;corrigé'].join('\n');
		const report = await validateFiles(db, [{ name: 'e.csv', bytes: new TextEncoder().encode(corrected) }]);
		expect(report.issues).toEqual([]);
	});
});

describe('a table that is its Parquet file as it is (sameAsFile)', () => {
	/** A Parquet file written by DuckDB from `select`, with the column types it gives. */
	async function parquet(select: string) {
		const path = join(mkdtempSync(join(tmpdir(), 'same-')), 'evaluations.parquet');
		await db.exec(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
		return { name: 'evaluations.parquet', bytes: new Uint8Array(readFileSync(path)) };
	}
	const COLUMNS = 't(ml_id, campagne, phase, critere_id, element_id, niveau, date)';
	const row = (phase: string, niveau = '3::INTEGER', element = "'1.1.a'") =>
		`('ML-01-01', 2024::INTEGER, '${phase}', '1.1', ${element}, ${niveau}, DATE '2024-03-15')`;
	const commit = async (select: string) => commitTables(db, await validateFiles(db, [await parquet(select)]));

	it('says so when the file’s columns, types and values are the contract’s, empty cells included', async () => {
		const values = [row('audit'), row('auto-evaluation', 'NULL::INTEGER', 'NULL')].join(', ');
		expect(await commit(`SELECT * FROM (VALUES ${values}) ${COLUMNS}`)).toEqual([
			{ table: 'evaluations', rows: 2, files: ['evaluations.parquet'], sameAsFile: true }
		]);
		expect(await columns('evaluations')).toEqual(EVALUATIONS_COLUMNS);
	});

	it('does not when a value was normalised, trimmed or lower-cased, or a type or the order differs', async () => {
		const cases = [
			`SELECT * FROM (VALUES ${row('Audit')}) ${COLUMNS}`,
			`SELECT * FROM (VALUES ${row('audit ')}) ${COLUMNS}`,
			`SELECT * FROM (VALUES ${row('audit', '3::INTEGER', "'1.1.A'")}) ${COLUMNS}`,
			`SELECT * FROM (VALUES ${row('audit', '3::BIGINT')}) ${COLUMNS}`,
			`SELECT * REPLACE (CAST(campagne AS VARCHAR) AS campagne) FROM (VALUES ${row('audit')}) ${COLUMNS}`,
			`SELECT * EXCLUDE (ml_id), ml_id FROM (VALUES ${row('audit')}) ${COLUMNS}`,
			`SELECT *, 'x' AS autre FROM (VALUES ${row('audit')}) ${COLUMNS}`,
			// The contract's columns under other names the validator recognises: the table's are not the file's.
			`SELECT ml_id AS "ML_ID", campagne AS "Campagne", phase, critere_id, element_id, niveau, date FROM (VALUES ${row('audit')}) ${COLUMNS}`,
			`SELECT ml_id, campagne, phase, critere_id, element_id, niveau, date AS " date " FROM (VALUES ${row('audit')}) ${COLUMNS}`
		];
		for (const select of cases) {
			const [result] = await commit(select);
			expect([select, result]).toEqual([select, { table: 'evaluations', rows: 1, files: ['evaluations.parquet'] }]);
		}
	});
});

describe('discardStaging', () => {
	it('drops a batch’s staging tables without committing', async () => {
		const report = await validateFiles(db, [fixture('evaluations.csv')]);
		await discardStaging(db, report);
		expect((await tables()).filter((t) => t.startsWith('staging_') || t === 'evaluations')).toEqual([]);
	});
});

describe('commitTables on failure', () => {
	it('rolls the whole batch back when a table fails, leaving every table as it was', async () => {
		await commitTables(db, await validateFiles(db, [fixture('evaluations.csv')]));
		const report = await validateFiles(db, [fixture('missions_locales.csv'), fixture('evaluations-correctif.csv')]);
		// The second table's statement fails after the first table was replaced in the transaction.
		const failing: Database = Object.assign(Object.create(db), {
			exec: (text: string) =>
				/RENAME TO "evaluations"|TABLE "evaluations" AS/.test(text) ? Promise.reject(new Error('disque plein')) : db.exec(text),
			query: (q: { sql: string; params: unknown[] }) =>
				/TABLE "evaluations" AS/.test(q.sql) ? Promise.reject(new Error('disque plein')) : db.query(q as never)
		});
		const before = await db.query({ sql: 'SELECT * FROM missions_locales ORDER BY ml_id', params: [] });
		await expect(commitTables(failing, report)).rejects.toThrow('disque plein');
		expect(await db.query({ sql: 'SELECT * FROM missions_locales ORDER BY ml_id', params: [] })).toEqual(before);
		expect(await db.query({ sql: 'SELECT count(*)::INTEGER AS n FROM evaluations', params: [] })).toEqual([{ n: 4 }]);
		// No transaction is left open: the next one starts.
		await db.exec('BEGIN TRANSACTION');
		await db.exec('ROLLBACK');
	});
});
